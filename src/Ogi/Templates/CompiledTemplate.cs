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

    // Built with plain loops, not LINQ: the catalog compiles every template in a cold process, where LINQ's iterators
    // and delegates over these types cost some 20 ms of type loading before the first report.
    public CompiledTemplate(TemplateDefinition definition)
    {
        Definition = definition;
        var tables = new List<CompiledTable>(definition.Tables.Count);
        foreach (var t in definition.Tables) tables.Add(new CompiledTable(t, definition));
        Tables = tables;
        var ids = new List<string>();
        var slots = new List<List<CompiledTable>>();
        foreach (var t in tables)
        {
            int slot = ids.IndexOf(t.Id);
            if (slot < 0) { ids.Add(t.Id); slots.Add([]); slot = slots.Count - 1; }
            slots[slot].Add(t);
        }
        var slotArrays = new IReadOnlyList<CompiledTable>[slots.Count];
        for (int i = 0; i < slots.Count; i++) slotArrays[i] = slots[i].ToArray();
        Slots = slotArrays;
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
        var rows = new List<CompiledRow>(def.Rows.Count);
        for (int i = 0; i < def.Rows.Count; i++)
        {
            var r = def.Rows[i];
            var specs = r.Columns ?? def.Columns;
            CompiledColumn[] columns = r.Group ? [] : new CompiledColumn[specs.Length];
            for (int c = 0; c < columns.Length; c++) columns[c] = Column(r, specs[c]);
            rows.Add(new CompiledRow { Index = i, Definition = r, FoldedLabels = LongestFirst(r.Labels, keepEmpty: true), Columns = columns });
        }
        Rows = rows;
        FoldedHeaders = LongestFirst(def.Headers, keepEmpty: false);
        FoldedMarkers = new string[def.Markers.Length];
        for (int i = 0; i < def.Markers.Length; i++) FoldedMarkers[i] = LayoutText.FoldLabel(def.Markers[i]);
        var equations = new List<Equation>();
        ExpandRules(template.Rules, equations);
        ExpandRules(def.Rules, equations);
        Cumulative(equations);
        Equations = equations;
        var rowOf = new Dictionary<string, int>();
        foreach (var r in rows) foreach (var c in r.Columns) rowOf[c.Field] = r.Index;
        var local = new List<Equation>[rows.Count];
        for (int i = 0; i < local.Length; i++) local[i] = [];
        var cross = new List<Equation>();
        foreach (var e in equations)
        {
            // An equation is a row's own when every field it reads is in that one row.
            int owner = OwnerRow(e.Lhs, rowOf, -2);
            owner = OwnerRow(e.Rhs, rowOf, owner);
            if (owner >= 0) local[owner].Add(e); else cross.Add(e);
        }
        RowEquations = local;
        RowChecks = new ColumnCheck[rows.Count][];
        var fields = new List<string>();
        var signed = new HashSet<string>();
        foreach (var r in rows)
        {
            var index = new Dictionary<string, int>();
            for (int c = 0; c < r.Columns.Length; c++) index[r.Columns[c].Field] = c;
            var checks = new ColumnCheck[local[r.Index].Count];
            for (int k = 0; k < checks.Length; k++)
            {
                var e = local[r.Index][k];
                var lhs = Positions(e.Lhs, index);
                var rhs = Positions(e.Rhs, index);
                int last = int.MinValue;
                foreach (var p in lhs) last = Math.Max(last, p);
                foreach (var p in rhs) last = Math.Max(last, p);
                checks[k] = new ColumnCheck(lhs, rhs, e.Relation, last);
            }
            RowChecks[r.Index] = checks;
            foreach (var c in r.Columns)
            {
                fields.Add(c.Field);
                if (c.Signed) signed.Add(c.Field);
            }
        }
        CrossRowEquations = cross;
        Fields = fields.ToArray();
        SignedFields = signed;
        FieldSet = new HashSet<string>(Fields);
    }

    /// <summary>Labels folded, each once (its first place), longest first (stable: ties keep their order).</summary>
    static string[] LongestFirst(string[] labels, bool keepEmpty)
    {
        var folded = new List<string>(labels.Length);
        foreach (var label in labels)
        {
            var f = LayoutText.FoldLabel(label);
            if ((keepEmpty || f.Length > 0) && !folded.Contains(f)) folded.Add(f);
        }
        for (int i = 1; i < folded.Count; i++)
        {
            var f = folded[i];
            int j = i;
            for (; j > 0 && folded[j - 1].Length < f.Length; j--) folded[j] = folded[j - 1];
            folded[j] = f;
        }
        return folded.ToArray();
    }

    /// <summary>The one row all of <paramref name="fields"/> and <paramref name="owner"/> share (-2: none yet), or -1.</summary>
    static int OwnerRow(string[] fields, Dictionary<string, int> rowOf, int owner)
    {
        foreach (var f in fields)
        {
            int row = rowOf.GetValueOrDefault(f, -1);
            if (owner == -2) owner = row;
            else if (owner != row) return -1;
        }
        return owner;
    }

    static int[] Positions(string[] fields, Dictionary<string, int> index)
    {
        var positions = new int[fields.Length];
        for (int i = 0; i < fields.Length; i++) positions[i] = index[fields[i]];
        return positions;
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

    void ExpandRules(List<RuleDefinition> rules, List<Equation> equations)
    {
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
                    equations.Add(new Equation(rule.Id, rule.Severity, ColumnOf(lhsRows, col.Id), ColumnOf(rhsRows, col.Id),
                        Relation.Equal, rule.Zh, rule.En, col.Id));
            }
            else if (rule.Each == "row" && rule.Lhs is not null && rule.Rhs is not null)
            {
                foreach (var row in Rows)
                    if (!row.Group)
                        equations.Add(new Equation(rule.Id, rule.Severity, Prefixed(row.Id + ".", rule.Lhs), Prefixed(row.Id + ".", rule.Rhs),
                            Relation.Equal, rule.Zh, rule.En, row.Id!));
            }
            else if (rule.Each == "group" && rule.Groups is not null && rule.Lhs is not null && rule.Rhs is not null)
            {
                foreach (var g in rule.Groups)
                    equations.Add(new Equation(rule.Id, rule.Severity, Prefixed($"{prefix}{g}.", rule.Lhs), Prefixed($"{prefix}{g}.", rule.Rhs),
                        Relation.Equal, rule.Zh, rule.En, g));
            }
            else if (rule.Sum is not null || rule.Parts is not null)
            {
                var totalId = rule.Sum ?? rule.Parts;
                var total = RowById(totalId);
                var children = new List<CompiledRow>();
                foreach (var r in Rows) if (!r.Group && r.Definition.Parent == totalId) children.Add(r);
                if (total is null || children.Count == 0) continue;
                for (int c = 0; c < total.Columns.Length; c++)
                {
                    var kids = new List<string>();
                    foreach (var k in children) if (k.Columns.Length > c) kids.Add(k.Columns[c].Field);
                    if (rule.Sum is not null)
                        equations.Add(new Equation(rule.Id, rule.Severity, [total.Columns[c].Field], kids.ToArray(), Relation.Equal, rule.Zh, rule.En, total.Id!) { PartsOptional = true });
                    else
                        equations.Add(new Equation(rule.Id, rule.Severity, kids.ToArray(), [total.Columns[c].Field], Relation.AtMost, rule.Zh, rule.En, total.Id!) { PartsOptional = true });
                }
            }
            else if (rule.Le is { Length: 2 })
            {
                var a = RowById(rule.Le[0]);
                var b = RowById(rule.Le[1]);
                if (a is null || b is null) continue;
                for (int c = 0; c < Math.Min(a.Columns.Length, b.Columns.Length); c++)
                    equations.Add(new Equation(rule.Id, rule.Severity, [a.Columns[c].Field], [b.Columns[c].Field], Relation.AtMost, rule.Zh, rule.En, a.Id!));
            }
        }
    }

    /// <summary>The cumulative column never falls below the year's figure: a guide for splitting glued digits, not a finding.</summary>
    void Cumulative(List<Equation> equations)
    {
        foreach (var row in Rows)
        {
            if (row.Group) continue;
            CompiledColumn? year = null, cum = null;
            foreach (var c in row.Columns)
            {
                if (c.Cumulative) cum ??= c;
                else year ??= c;
            }
            if (year is not null && cum is not null)
                equations.Add(new Equation("", "info", [year.Field], [cum.Field], Relation.AtMost, "", "", row.Id!));
        }
    }

    CompiledRow? RowById(string? id)
    {
        foreach (var r in Rows) if (r.Id == id) return r;
        return null;
    }

    static string[] Prefixed(string prefix, string[] names)
    {
        var fields = new string[names.Length];
        for (int i = 0; i < names.Length; i++) fields[i] = prefix + names[i];
        return fields;
    }

    static string[] ColumnOf(List<CompiledRow> rows, string column)
    {
        var fields = new string[rows.Count];
        for (int i = 0; i < rows.Count; i++) fields[i] = rows[i].Id + "." + column;
        return fields;
    }

    List<CompiledRow> ExpandRowPatterns(string[] patterns, string prefix)
    {
        var list = new List<CompiledRow>();
        foreach (var p in patterns)
        {
            if (p.EndsWith(".*", StringComparison.Ordinal))
            {
                var stem = prefix + p[..^2] + ".";
                foreach (var r in Rows) if (!r.Group && r.Id!.StartsWith(stem, StringComparison.Ordinal)) list.Add(r);
            }
            else
            {
                var id = prefix + p;
                foreach (var r in Rows) if (!r.Group && r.Id == id) list.Add(r);
            }
        }
        return list;
    }
}
