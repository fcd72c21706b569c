using Ogi.Templates;

namespace Ogi.Store.Answers;

/// <summary>One canonical field as the templates define it: where it stands and how the official form labels it.</summary>
/// <param name="Label">The row's official wording (under its sub-heading for nested rows) and the column heading,
/// joined by ·: 本年新收政府信息公开申请数量·自然人, 不予公开·属于国家秘密·法人或其他组织·商业企业.</param>
/// <param name="Table">The table id of the template data (proactive, applications, appeals, statistics).</param>
public sealed record FieldInfo(string Field, string Label, string Table, string TableTitle, IReadOnlyList<string> Templates, bool Money);

/// <summary>
/// Every canonical field of the three templates (src/Ogi/Templates/Data), in the order the forms print them, with the
/// Chinese label the form gives it. The same data drives parsing and rendering, so a label here is the form's own.
/// </summary>
public static class FieldCatalog
{
    static readonly Dictionary<string, FieldInfo> ById = new(StringComparer.Ordinal);
    static readonly List<FieldInfo> Ordered = [];
    static readonly List<string> UnknownRowPrefixes = [];

    static FieldCatalog()
    {
        var templatesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var template in TemplateCatalog.All)
            foreach (var compiled in template.Tables)
            {
                var table = compiled.Definition;
                if (table.UnknownRowPrefix is { } prefix && !UnknownRowPrefixes.Contains(prefix)) UnknownRowPrefixes.Add(prefix);
                foreach (var (field, label, money) in TableLabels(compiled))
                {
                    if (!templatesOf.TryGetValue(field, out var list)) templatesOf[field] = list = [];
                    if (!list.Contains(template.Id)) list.Add(template.Id);
                    if (ById.ContainsKey(field)) continue;
                    var info = new FieldInfo(field, label, table.Id, table.Title, list, money);
                    ById[field] = info;
                    Ordered.Add(info);
                }
            }
    }

    /// <summary>Every field, gov2021's first, then those only gov2019 has, then legacy's (with the provincial variants' rows).</summary>
    public static IReadOnlyList<FieldInfo> All => Ordered;

    public static FieldInfo? Find(string field) => ById.GetValueOrDefault(field);

    /// <summary>The fields a template's reports can hold, in the form's order.</summary>
    public static IEnumerable<FieldInfo> OfTemplate(string template) => Ordered.Where(f => f.Templates.Contains(template));

    /// <summary>A field a report can hold: one of the templates', or a row a legacy table printed that the template does not know (legacy.extra.*).</summary>
    public static bool IsKnown(string field) =>
        ById.ContainsKey(field) || UnknownRowPrefixes.Any(p => field.StartsWith(p, StringComparison.Ordinal) && field.Length > p.Length);

    /// <summary>The label of any field a report holds: the form's, or for a row the template does not know, the printed label kept in its id.</summary>
    public static string LabelOf(string field)
    {
        if (ById.TryGetValue(field, out var info)) return info.Label;
        foreach (var p in UnknownRowPrefixes)
            if (field.StartsWith(p, StringComparison.Ordinal)) return field[p.Length..];
        return field;
    }

    /// <summary>The field id closest to a mistyped one (edit distance), for the one-line error.</summary>
    public static string Nearest(string field) =>
        Ordered.Select(f => f.Field).MinBy(id => EditDistance(id, field))!;

    /// <summary>Throws <see cref="AnswerException"/> with the nearest field id when <paramref name="field"/> is no field of any template.</summary>
    public static string Require(string field)
    {
        if (IsKnown(field)) return field;
        // A suggestion only when it is close: a typo, not another field altogether.
        var nearest = Nearest(field);
        throw new AnswerException(EditDistance(nearest, field) <= Math.Max(2, field.Length / 4)
            ? $"unknown field '{field}' (did you mean {nearest}?)"
            : $"unknown field '{field}' (the fields are listed in FIELDS.md: applications.new.total, proactive.rules.issued, legacy.requests.received …)");
    }

    static int EditDistance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>Each field of a table with its label: row wording (under its heading when nested) · column heading path.</summary>
    static IEnumerable<(string Field, string Label, bool Money)> TableLabels(CompiledTable compiled)
    {
        var table = compiled.Definition;
        var headings = ColumnHeadings(table);
        string? group = null;
        int groupDepth = -1;
        foreach (var row in compiled.Rows)
        {
            int depth = Depth(row.Definition.Numbering);
            // A sub-heading's rows carry it ((三)不予公开 → 不予公开·属于国家秘密); a section heading's (三、本年度办理结果) do not.
            if (row.Group) { (group, groupDepth) = depth >= 2 ? (row.Label, depth) : (null, -1); continue; }
            if (group is not null && depth <= groupDepth) group = null;
            string rowLabel = row.Definition.Official ?? row.Label;
            if (group is not null) rowLabel = group + "·" + rowLabel;
            var block = table.Layout?.Blocks.FirstOrDefault(b => b.Rows.Contains(row.Id));
            for (int c = 0; c < row.Columns.Length; c++)
            {
                var column = row.Columns[c];
                string? heading = column.Id == "value" ? null
                    : block is not null ? (c + 1 < block.Columns.Length ? block.Columns[c + 1] : null)
                    : c < headings.Count ? headings[c] : null;
                string label = table.Layout?.RowLabels == false ? heading ?? column.Id
                    : heading is null ? rowLabel : rowLabel + "·" + heading;
                yield return (column.Field, label, column.Money);
            }
        }
    }

    /// <summary>Numbering depth: 一、 above （一） above 1.; an unnumbered row stands at the top.</summary>
    static int Depth(string? numbering) => numbering switch { "cn" => 1, "paren" => 2, "arabic" or "arabic-dun" => 3, _ => 0 };

    /// <summary>
    /// The heading path of each value column, from the layout's merged header cells: the cells above the column, less
    /// a cell spanning every value column (申请人情况) — 法人或其他组织·商业企业, 行政诉讼·复议后起诉·总计.
    /// </summary>
    static List<string> ColumnHeadings(TableDefinition table)
    {
        var layout = table.Layout;
        if (layout is null || layout.Header.Count == 0) return [];
        int width = layout.Width, rows = layout.Header.Count;
        var grid = new (string Text, int Span)?[rows, width];
        for (int r = 0; r < rows; r++)
        {
            int c = 0;
            foreach (var cell in layout.Header[r])
            {
                while (c < width && grid[r, c] is not null) c++;
                for (int dr = 0; dr < cell.RowSpan && r + dr < rows; dr++)
                    for (int dc = 0; dc < cell.ColSpan && c + dc < width; dc++)
                        grid[r + dr, c + dc] = (cell.Text, cell.ColSpan);
                c += cell.ColSpan;
            }
        }
        int first = (layout.RowLabels ? layout.LabelColumns : 0) + (layout.UnitColumn ? 1 : 0);
        int valueColumns = width - first;
        var headings = new List<string>();
        for (int c = first; c < width; c++)
        {
            var path = new List<string>();
            for (int r = 0; r < rows; r++)
                if (grid[r, c] is { } cell && cell.Span < valueColumns && (path.Count == 0 || path[^1] != cell.Text)) path.Add(cell.Text);
            headings.Add(string.Join("·", path));
        }
        return headings;
    }
}
