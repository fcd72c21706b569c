using Ogi.Segment;

namespace Ogi.Templates;

/// <summary>A template definition made ready for matching: labels folded, fields named, rules expanded to equations.</summary>
public sealed class CompiledTemplate
{
    public TemplateDefinition Definition { get; }
    public IReadOnlyList<CompiledTable> Tables { get; }
    public string Id => Definition.Id;

    /// <summary>One table per id: of a table's variants (provincial legacy forms), the one that holds most of the given fields; the first on a tie.</summary>
    public IReadOnlyList<CompiledTable> TablesFor<T>(IReadOnlyDictionary<string, T> values) =>
        Tables.GroupBy(t => t.Id).Select(g => g.OrderByDescending(t => t.Fields.Count(values.ContainsKey)).First()).ToList();

    /// <summary>The tables grouped by id, in the order of their first variant: the variants of a slot compete among themselves.</summary>
    public IReadOnlyList<IReadOnlyList<CompiledTable>> Slots { get; }

    public CompiledTemplate(TemplateDefinition definition)
    {
        Definition = definition;
        Tables = definition.Tables.Select(t => new CompiledTable(t, definition)).ToList();
        Slots = Tables.GroupBy(t => t.Id).Select(g => (IReadOnlyList<CompiledTable>)g.ToArray()).ToArray();
    }
}

public sealed class CompiledColumn(string id, string field, bool signed, bool money, bool cumulative)
{
    public string Id { get; } = id;
    public string Field { get; } = field;
    /// <summary>本年增/减: negative values are legitimate here.</summary>
    public bool Signed { get; } = signed;
    public bool Money { get; } = money;
    /// <summary>The 历年累计 column of some legacy tables: never smaller than the year's figure.</summary>
    public bool Cumulative { get; } = cumulative;
}

public sealed class CompiledRow
{
    public required int Index { get; init; }
    public required RowDefinition Definition { get; init; }
    public required string[] FoldedLabels { get; init; }
    public required CompiledColumn[] Columns { get; init; }
    public string? Id => Definition.Id;
    public bool Group => Definition.Group;
    public string Label => Definition.Labels[0];
}

public enum Relation { Equal, AtMost }

/// <summary>An equation inside one row, by column positions; <see cref="Last"/> is the column after which it can be checked.</summary>
public sealed record ColumnCheck(int[] Lhs, int[] Rhs, Relation Relation, int Last);

/// <summary>One concrete check: sum(Lhs) = sum(Rhs), or sum(Lhs) ≤ sum(Rhs). RuleId is empty for checks that only guide the reading of glued digits.</summary>
public sealed record Equation(string RuleId, string Severity, string[] Lhs, string[] Rhs, Relation Relation, string Zh, string En, string Where)
{
    /// <summary>
    /// A legacy total and its part rows: the parts the report does not print are left out of the sum (FIELDS.md:
    /// "sum every part row that the report prints"); the other side must be printed.
    /// </summary>
    public bool PartsOptional { get; init; }

    /// <summary>Every field the equation reads, left side first.</summary>
    public string[] Fields => [.. Lhs, .. Rhs];
}

public sealed class CompiledTable
{
    public TableDefinition Definition { get; }
    public IReadOnlyList<CompiledRow> Rows { get; }
    public string[] FoldedHeaders { get; }
    public string[] FoldedMarkers { get; }
    public IReadOnlyList<Equation> Equations { get; }
    public string Id => Definition.Id;

    public CompiledTable(TableDefinition def, TemplateDefinition template)
    {
        Definition = def;
        var rows = new List<CompiledRow>();
        for (int i = 0; i < def.Rows.Count; i++)
        {
            var r = def.Rows[i];
            rows.Add(new CompiledRow
            {
                Index = i,
                Definition = r,
                FoldedLabels = r.Labels.Select(LayoutText.FoldLabel).Distinct().OrderByDescending(l => l.Length).ToArray(),
                Columns = r.Group ? [] : (r.Columns ?? def.Columns).Select(c => Column(r, c)).ToArray(),
            });
        }
        Rows = rows;
        FoldedHeaders = def.Headers.Select(LayoutText.FoldLabel).Where(h => h.Length > 0).Distinct().OrderByDescending(h => h.Length).ToArray();
        FoldedMarkers = def.Markers.Select(LayoutText.FoldLabel).ToArray();
        Equations = ExpandRules(template.Rules.Concat(def.Rules)).ToList();
        var rowOf = new Dictionary<string, int>();
        foreach (var r in rows) foreach (var c in r.Columns) rowOf[c.Field] = r.Index;
        var local = rows.Select(_ => new List<Equation>()).ToArray();
        var cross = new List<Equation>();
        foreach (var e in Equations)
        {
            var owners = e.Lhs.Concat(e.Rhs).Select(f => rowOf.GetValueOrDefault(f, -1)).Distinct().ToList();
            if (owners.Count == 1 && owners[0] >= 0) local[owners[0]].Add(e); else cross.Add(e);
        }
        RowEquations = local;
        RowChecks = rows.Select(r =>
        {
            var index = new Dictionary<string, int>();
            for (int c = 0; c < r.Columns.Length; c++) index[r.Columns[c].Field] = c;
            return local[r.Index].Select(e => new ColumnCheck(e.Lhs.Select(f => index[f]).ToArray(), e.Rhs.Select(f => index[f]).ToArray(),
                e.Relation, e.Fields.Max(f => index[f]))).ToArray();
        }).ToArray();
        CrossRowEquations = cross;
        Fields = rows.SelectMany(r => r.Columns).Select(c => c.Field).ToArray();
        SignedFields = rows.SelectMany(r => r.Columns).Where(c => c.Signed).Select(c => c.Field).ToHashSet();
        FieldSet = Fields.ToHashSet();
    }

    /// <summary>Every field of the table in template order.</summary>
    public string[] Fields { get; }
    /// <summary><see cref="Fields"/> as a set, built once.</summary>
    public IReadOnlySet<string> FieldSet { get; }
    /// <summary>Fields that may be negative (本年增/减).</summary>
    public IReadOnlySet<string> SignedFields { get; }

    /// <summary>Per row index, the equations that read only that row's cells (R3, R4, a cumulative column).</summary>
    public IReadOnlyList<Equation>[] RowEquations { get; }
    /// <summary>Per row index, its equations by column position, for the splitting search.</summary>
    public ColumnCheck[][] RowChecks { get; }
    /// <summary>The equations that tie several rows together (R1, R2, L1–L8).</summary>
    public IReadOnlyList<Equation> CrossRowEquations { get; }

    static CompiledColumn Column(RowDefinition row, string spec)
    {
        var parts = spec.Split(':');
        string id = parts[0];
        bool signed = parts.Contains("signed"), money = parts.Contains("money") || row.Money;
        string rowId = row.Id!;
        return id switch
        {
            "value" => new CompiledColumn(id, rowId, signed, money, false),
            "cumulative" => new CompiledColumn(id, "legacy.extra.cumulative." + (rowId.StartsWith("legacy.", StringComparison.Ordinal) ? rowId[7..] : rowId), signed, money, true),
            _ => new CompiledColumn(id, rowId + "." + id, signed, money, false),
        };
    }

    IEnumerable<Equation> ExpandRules(IEnumerable<RuleDefinition> rules)
    {
        var valueRows = Rows.Where(r => !r.Group).ToList();
        string prefix = Id + ".";
        foreach (var rule in rules)
        {
            if (rule.Table is not null && rule.Table != Id) continue;
            if (rule.Each == "column" && rule.Lhs is not null && rule.Rhs is not null)
            {
                var lhsRows = ExpandRowPatterns(rule.Lhs, prefix);
                var rhsRows = ExpandRowPatterns(rule.Rhs, prefix);
                if (lhsRows.Count == 0 || rhsRows.Count == 0) continue;
                foreach (var col in lhsRows[0].Columns)
                    yield return new Equation(rule.Id, rule.Severity,
                        lhsRows.Select(r => r.Id + "." + col.Id).ToArray(), rhsRows.Select(r => r.Id + "." + col.Id).ToArray(),
                        Relation.Equal, rule.Zh, rule.En, col.Id);
            }
            else if (rule.Each == "row" && rule.Lhs is not null && rule.Rhs is not null)
            {
                foreach (var row in valueRows)
                    yield return new Equation(rule.Id, rule.Severity, rule.Lhs.Select(c => row.Id + "." + c).ToArray(),
                        rule.Rhs.Select(c => row.Id + "." + c).ToArray(), Relation.Equal, rule.Zh, rule.En, row.Id!);
            }
            else if (rule.Each == "group" && rule.Groups is not null && rule.Lhs is not null && rule.Rhs is not null)
            {
                foreach (var g in rule.Groups)
                    yield return new Equation(rule.Id, rule.Severity, rule.Lhs.Select(c => $"{prefix}{g}.{c}").ToArray(),
                        rule.Rhs.Select(c => $"{prefix}{g}.{c}").ToArray(), Relation.Equal, rule.Zh, rule.En, g);
            }
            else if (rule.Sum is not null || rule.Parts is not null)
            {
                var total = Rows.FirstOrDefault(r => r.Id == (rule.Sum ?? rule.Parts));
                var children = valueRows.Where(r => r.Definition.Parent == (rule.Sum ?? rule.Parts)).ToList();
                if (total is null || children.Count == 0) continue;
                for (int c = 0; c < total.Columns.Length; c++)
                {
                    int col = c;
                    var kids = children.Where(k => k.Columns.Length > col).Select(k => k.Columns[col].Field).ToArray();
                    if (rule.Sum is not null)
                        yield return new Equation(rule.Id, rule.Severity, [total.Columns[col].Field], kids, Relation.Equal, rule.Zh, rule.En, total.Id!) { PartsOptional = true };
                    else
                        yield return new Equation(rule.Id, rule.Severity, kids, [total.Columns[col].Field], Relation.AtMost, rule.Zh, rule.En, total.Id!) { PartsOptional = true };
                }
            }
            else if (rule.Le is { Length: 2 })
            {
                var a = Rows.FirstOrDefault(r => r.Id == rule.Le[0]);
                var b = Rows.FirstOrDefault(r => r.Id == rule.Le[1]);
                if (a is null || b is null) continue;
                for (int c = 0; c < Math.Min(a.Columns.Length, b.Columns.Length); c++)
                    yield return new Equation(rule.Id, rule.Severity, [a.Columns[c].Field], [b.Columns[c].Field], Relation.AtMost, rule.Zh, rule.En, a.Id!);
            }
        }
        // The cumulative column never falls below the year's figure: a guide for splitting glued digits, not a finding.
        foreach (var row in valueRows)
        {
            var year = row.Columns.FirstOrDefault(c => !c.Cumulative);
            var cum = row.Columns.FirstOrDefault(c => c.Cumulative);
            if (year is not null && cum is not null)
                yield return new Equation("", "info", [year.Field], [cum.Field], Relation.AtMost, "", "", row.Id!);
        }
    }

    List<CompiledRow> ExpandRowPatterns(string[] patterns, string prefix)
    {
        var list = new List<CompiledRow>();
        foreach (var p in patterns)
        {
            if (p.EndsWith(".*", StringComparison.Ordinal))
            {
                var stem = prefix + p[..^2] + ".";
                list.AddRange(Rows.Where(r => !r.Group && r.Id!.StartsWith(stem, StringComparison.Ordinal)));
            }
            else list.AddRange(Rows.Where(r => !r.Group && r.Id == prefix + p));
        }
        return list;
    }
}
