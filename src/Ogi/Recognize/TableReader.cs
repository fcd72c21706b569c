using Ogi.Cells;
using Ogi.Parsing;
using Ogi.Resolve;
using Ogi.Segment;
using Ogi.Templates;
using Ogi.Validate;

namespace Ogi.Recognize;

/// <summary>
/// Reads the values of one copy of a report's tables: for each matched row, its region's cells (cell grammar),
/// their possible readings (row splitter), then one reading per row for the whole table (resolver).
/// </summary>
public static class TableReader
{
    public static ParsedTable Read(LayoutText text, IReadOnlyList<TableMatch> copy, IReadOnlyDictionary<string, decimal> narrative, List<Finding> findings)
    {
        var cells = new List<CellValue>();
        foreach (var match in copy) cells.AddRange(ReadTable(text, match, narrative, findings));
        var label = copy.Count > 0 ? copy[0].Table.Definition.Title : "";
        return new ParsedTable { Label = label, Cells = cells };
    }

    static List<CellValue> ReadTable(LayoutText text, TableMatch match, IReadOnlyDictionary<string, decimal> narrative, List<Finding> findings)
    {
        var table = match.Table;
        int spanStart = text.SourceStart(match.CompactStart);
        int spanEnd = Math.Min(text.Source.Length, text.SourceEnd(match.CompactEnd) + 300);
        var layout = RegionReader.DetectLayout(text, spanStart, spanEnd);
        var choices = new List<RowChoice>();
        var rows = match.Rows;
        for (int i = 0; i < rows.Count; i++)
        {
            var rm = rows[i];
            if (rm.Row.Group) continue;
            int start = rm.Row.Definition.AfterHeaders
                ? RegionReader.AfterHeaders(text, rm.CompactEnd, table.FoldedHeaders, layout)
                : RegionReader.AfterLabel(text, rm.CompactEnd);
            int end = i + 1 < rows.Count ? text.SourceStart(rows[i + 1].CompactStart) : Math.Min(text.Source.Length, start + 600);
            if (end < start) end = start;
            end = RegionReader.TrimNextNumbering(text, start, end, i + 1 < rows.Count ? rows[i + 1].Row : null);
            var tokens = ValueTokens(RegionReader.ReadCells(text, start, end, layout), rm.Row.Columns.Length);
            var readings = RowSplitter.Readings(rm.Row, tokens, table.RowChecks[rm.Row.Index]);
            choices.Add(new RowChoice { Row = rm.Row, Readings = readings });
        }
        GluedDigitsResolver.Resolve(choices, table.CrossRowEquations, narrative);

        var result = new List<CellValue>();
        foreach (var choice in choices)
        {
            if (choice.Chosen is null) continue;
            var tied = choice.Tied.Count > 1 ? choice.Tied : choice.Readings.Count > 1 && choice.Tied.Count == 0 ? choice.Readings : null;
            var doubtful = new List<string>();
            for (int c = 0; c < choice.Chosen.Cells.Length; c++)
            {
                var cell = choice.Chosen.Cells[c];
                if (tied is not null)
                {
                    var values = tied.Select(r => r.Cells[c].Value).Distinct().ToList();
                    if (values.Count > 1)
                    {
                        bool saidSo = cell.Value is decimal v && narrative.TryGetValue(cell.Field, out var n) && n == v;
                        cell = cell with { Confidence = saidSo ? 0.8 : Math.Round(1.0 / values.Count, 3), Alternatives = values.Where(v => v != cell.Value).ToList() };
                        doubtful.Add(cell.Field);
                    }
                }
                result.Add(cell);
            }
            if (doubtful.Count > 0 && tied is not null)
            {
                string Show(RowReading r) => string.Join(" | ", r.Cells.Select(x => x.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"));
                var others = tied.Where(r => r != choice.Chosen).Take(5).Select(Show);
                findings.Add(new Finding("G1", Severity.Info,
                    $"{choice.Row.Label}：连写数字有多种符合表内规则的读法，取 {Show(choice.Chosen)}；其他读法：{string.Join("；", others)}",
                    $"{choice.Row.Label}: digits run together allow several readings that satisfy the table rules; chose {Show(choice.Chosen)}; others: {string.Join("; ", others)}",
                    doubtful));
            }
        }
        return result;
    }

    /// <summary>The value cells of a region: up to the first words that are not a value, units dropped (kept on the value).</summary>
    static List<CellToken> ValueTokens(List<CellToken> cells, int expected)
    {
        var list = new List<CellToken>();
        string? unit = null;
        foreach (var t in cells)
        {
            if (t.Kind == CellKind.Text)
            {
                // Empty lines between the values and the prose that follows them are layout, not empty cells.
                while (list.Count > 0 && list[^1].Kind == CellKind.Blank && list[^1].Raw.Length == 0) list.RemoveAt(list.Count - 1);
                break;
            }
            if (t.Kind == CellKind.Unit) { unit = t.Unit; continue; }
            list.Add(t.Kind == CellKind.Number && t.Unit is null && unit is not null ? t with { Unit = unit } : t);
        }
        // Empty cells after the expected ones are the table's unused columns.
        while (list.Count > expected && list[^1].Kind == CellKind.Blank) list.RemoveAt(list.Count - 1);
        return list;
    }
}
