using System.Globalization;
using Ogi.Templates;

namespace Ogi.Render;

/// <summary>How labels and values are written into the grid: the official wording by default; synth varies it.</summary>
public sealed class TableStyle
{
    public Func<CompiledRow, string> Label { get; init; } = OfficialLabel;
    public Func<CompiledColumn, decimal?, string> Value { get; init; } = PlainValue;

    public static readonly TableStyle Official = new();

    public static string OfficialLabel(CompiledRow row) =>
        (row.Definition.Prefix ?? "") + Numbering.Format(row.Definition.Numbering, row.Definition.Ord) + (row.Definition.Official ?? row.Label);

    public static string PlainValue(CompiledColumn column, decimal? value) =>
        value is null ? "" : value.Value.ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>
/// Template + values → the statistics tables as the official format draws them (table 二 in blocks per article item,
/// table 三 with its three label columns merged by level, table 四 with its two header levels, the legacy 统计表 with units).
/// Everything comes from the template's rows and <see cref="TableLayout"/>.
/// </summary>
public static class OfficialTableBuilder
{
    /// <param name="year">fills "{year}" in column headings (the legacy form's 2015年度 column)</param>
    public static List<GridTable> Build(CompiledTemplate template, IReadOnlyDictionary<string, decimal?> values, TableStyle? style = null, int? year = null)
    {
        string yearText = year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "本";
        style ??= TableStyle.Official;
        var tables = new List<GridTable>();
        foreach (var table in template.TablesFor(values))
        {
            var layout = table.Definition.Layout ?? new TableLayout { Width = 1 + table.Definition.Columns.Length };
            var grid = new GridTable(table.Id, table.Definition.Title, layout.Width);
            foreach (var row in layout.Header) grid.Rows.Add(row.Select(c => new GridCell(c.Text.Replace("{year}", yearText), c.ColSpan, c.RowSpan, Heading: true)).ToList());
            grid.HeaderRows = layout.Header.Count;
            grid.Widths = layout.Widths is { } w && w.Length == layout.Width ? w : null;
            if (layout.Blocks.Count > 0) AddBlocks(grid, table, layout, values, style);
            else if (layout.LabelColumns > 1) AddLeveledRows(grid, table, layout, values, style);
            else AddRows(grid, table, layout, values, style);
            tables.Add(grid);
        }
        return tables;
    }

    static List<GridCell> ValueCells(CompiledRow row, IReadOnlyDictionary<string, decimal?> values, TableStyle style, int room)
    {
        // Values are in 万元; a row the form counts in 元 prints them in 元.
        decimal scale = row.Definition.Unit == "元" ? 10000m : 1m;
        var cells = row.Columns.Select(c => new GridCell(style.Value(c, values.GetValueOrDefault(c.Field) * (c.Money ? scale : 1m)), Field: c.Field)).ToList();
        // A row with fewer values than the block has columns: its last value spans the rest (第（五）项 本年处理决定数量).
        if (cells.Count > 0 && cells.Count < room) cells[^1] = cells[^1] with { ColSpan = room - cells.Count + 1 };
        return cells;
    }

    static void AddBlocks(GridTable grid, CompiledTable table, TableLayout layout, IReadOnlyDictionary<string, decimal?> values, TableStyle style)
    {
        var byId = table.Rows.Where(r => r.Id is not null).ToDictionary(r => r.Id!);
        foreach (var block in layout.Blocks)
        {
            grid.Rows.Add([new GridCell(block.Heading, layout.Width, Heading: true)]);
            var heads = block.Columns.Select(c => new GridCell(c, Heading: true)).ToList();
            if (heads.Count < layout.Width) heads[^1] = heads[^1] with { ColSpan = layout.Width - heads.Count + 1 };
            grid.Rows.Add(heads);
            foreach (var id in block.Rows)
                if (byId.TryGetValue(id, out var row))
                    grid.Rows.Add([new GridCell(style.Label(row)), .. ValueCells(row, values, style, layout.Width - 1)]);
        }
    }

    /// <summary>Table 三: a label sits in the column of its level and spans the levels below; a heading (三、本年度办理结果, （三）不予公开) is merged down over its rows.</summary>
    static void AddLeveledRows(GridTable grid, CompiledTable table, TableLayout layout, IReadOnlyDictionary<string, decimal?> values, TableStyle style)
    {
        var rows = table.Rows;
        var pending = new List<GridCell>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            int depth = Math.Min(Numbering.Depth(row.Definition.Numbering), layout.LabelColumns);
            if (row.Group)
            {
                int span = 0;
                for (int j = i + 1; j < rows.Count && Math.Min(Numbering.Depth(rows[j].Definition.Numbering), layout.LabelColumns) > depth; j++)
                    if (!rows[j].Group) span++;
                pending.Add(new GridCell(style.Label(row), 1, Math.Max(1, span)));
                continue;
            }
            var cells = new List<GridCell>(pending) { new(style.Label(row), layout.LabelColumns - depth + 1) };
            pending.Clear();
            cells.AddRange(ValueCells(row, values, style, layout.Width - layout.LabelColumns));
            grid.Rows.Add(cells);
        }
    }

    static void AddRows(GridTable grid, CompiledTable table, TableLayout layout, IReadOnlyDictionary<string, decimal?> values, TableStyle style)
    {
        int valueColumns = layout.Width - (layout.RowLabels ? 1 : 0) - (layout.UnitColumn ? 1 : 0);
        foreach (var row in table.Rows)
        {
            var cells = layout.RowLabels ? new List<GridCell> { new(style.Label(row)) } : [];
            if (row.Group)
            {
                // A heading row of the legacy table: its unit and value cells stay empty.
                for (int c = 1; c < layout.Width; c++) cells.Add(new GridCell(""));
            }
            else
            {
                if (layout.UnitColumn) cells.Add(new GridCell(row.Definition.Unit ?? (row.Definition.Money ? "万元" : "")));
                cells.AddRange(ValueCells(row, values, style, valueColumns));
            }
            grid.Rows.Add(cells);
        }
        // Rows this template does not define, kept by the parser as legacy.extra.<label>, go after the known rows.
        if (table.Definition.UnknownRowPrefix is string prefix)
        {
            var known = new HashSet<string>(table.Fields);
            foreach (var (field, value) in values)
            {
                if (known.Contains(field) || !field.StartsWith(prefix, StringComparison.Ordinal) || field.StartsWith(prefix + "cumulative.", StringComparison.Ordinal)) continue;
                var cells = new List<GridCell> { new(field[prefix.Length..]) };
                if (layout.UnitColumn) cells.Add(new GridCell(""));
                cells.Add(new GridCell(value is null ? "" : value.Value.ToString("0.######", CultureInfo.InvariantCulture), Field: field));
                while (cells.Count < layout.Width) cells.Add(new GridCell(""));
                grid.Rows.Add(cells);
            }
        }
    }
}
