using System.Globalization;
using Ogi.Parsing;
using Ogi.Cells;
using Ogi.Render;
using Ogi.Templates;

namespace Ogi.Cli;

/// <summary>The readable form of a parse: metadata, each table laid out in the official rows and columns, the findings.</summary>
public static class SummaryWriter
{
    public static void Write(TextWriter w, ParsedReport r, string path)
    {
        var m = r.Metadata;
        w.WriteLine($"== {path}");
        w.WriteLine($"模板 template : {r.Template}");
        w.WriteLine($"标题 title    : {m.Title ?? "—"}");
        w.WriteLine($"机关 agency   : {m.Agency ?? "—"}");
        w.WriteLine($"年度 year     : {m.Year?.ToString(CultureInfo.InvariantCulture) ?? "—"}");
        w.WriteLine($"发布 published: {m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"}");
        if (m.Contact is { } c)
            w.WriteLine($"联系 contact  : {string.Join("  ", new[] { c.Phone is null ? null : "电话 " + c.Phone, c.Fax is null ? null : "传真 " + c.Fax, c.Postcode is null ? null : "邮编 " + c.Postcode, c.Email, c.Address }.Where(s => s is not null))}");
        for (int i = 0; i < r.Tables.Count; i++)
        {
            var t = r.Tables[i];
            var values = t.Cells.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.First());
            if (i > 0) w.WriteLine($"-- 表{i + 1}: {t.Label}");
            foreach (var table in t.Definitions) WriteTable(w, table, values, m.Year);
        }
        if (r.Tables.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  ? 读数存疑 read with doubt (confidence < 1: see the findings)   · 未印出 not printed   — 空白 printed blank");
        }
        if (r.Tables.Count == 0) w.WriteLine(r.Template is "unknown" ? "（不是年度报告，或未找到统计表 — no statistics table found）" : "（未找到统计表 — no statistics table found）");
        w.WriteLine();
        if (r.Findings.Count == 0) w.WriteLine("发现 findings: none");
        else
        {
            w.WriteLine($"发现 findings ({r.Findings.Count}):");
            foreach (var f in r.Findings) w.WriteLine($"  [{f.Severity}] {f.Rule} {f.Message}");
        }
    }

    /// <summary>One table in its official rows and columns: the column headings, each whole label, the unit, the values.</summary>
    static void WriteTable(TextWriter w, CompiledTable table, Dictionary<string, CellValue> values, int? year)
    {
        var rows = table.Rows.Where(row => row.Group || row.Columns.Any(col => values.ContainsKey(col.Field))).ToList();
        if (!rows.Any(row => !row.Group)) return;
        var layout = table.Definition.Layout;
        w.WriteLine();
        w.WriteLine(table.Definition.Title + (table.Definition.Variant is { } v ? $" ({v})" : ""));
        bool units = layout?.UnitColumn == true;
        // Table 四 prints its one row of values under the headings, with no label of its own.
        bool labels = layout?.RowLabels != false;
        string Label(CompiledRow row) => labels ? row.Label : "";
        int labelWidth = Math.Min(LabelWidthLimit, rows.Max(row => Width(Label(row))));
        // Table 二 prints its rows in blocks, each with its own column headings.
        var blockOf = new Dictionary<string, LayoutBlock>();
        foreach (var block in layout?.Blocks ?? []) foreach (var id in block.Rows) blockOf[id] = block;
        var headings = Headings(table, year);
        LayoutBlock? current = null;
        if (blockOf.Count == 0) WriteHeadings(w, labelWidth, units, headings);
        foreach (var row in rows)
        {
            if (row.Group) { w.WriteLine("  " + row.Label); continue; }
            if (row.Id is { } rowId && blockOf.TryGetValue(rowId, out var b) && b != current)
            {
                current = b;
                w.WriteLine("  " + b.Heading);
                headings = Single(b.Columns.Skip(1));
                WriteHeadings(w, labelWidth, units, headings);
            }
            var widths = Widths(headings);
            var cells = row.Columns.Select((col, k) => Pad(values.TryGetValue(col.Field, out var cv) ? Show(cv.Value) + (cv.Confidence < 1 ? "?" : "") : "·", ColumnWidth(widths, k), right: true));
            var unit = units ? " " + Pad(row.Definition.Unit ?? (row.Definition.Money ? "万元" : ""), UnitWidth) : "";
            // A label longer than the column stands whole on its own line, its values under it.
            var label = Label(row);
            if (Width(label) > labelWidth) w.WriteLine("  " + label);
            w.WriteLine($"  {Pad(Width(label) > labelWidth ? "" : label, labelWidth)}{unit} {string.Join(" ", cells)}");
        }
    }

    const int LabelWidthLimit = 44, UnitWidth = 4, ValueWidth = 8;

    static void WriteHeadings(TextWriter w, int labelWidth, bool units, List<List<(string Text, int Span)>> headings)
    {
        if (headings.Count == 0) return;
        var widths = Widths(headings);
        for (int r = 0; r < headings.Count; r++)
        {
            var unit = units ? " " + Pad(r == headings.Count - 1 ? "单位" : "", UnitWidth) : "";
            var parts = new List<string>();
            int c = 0;
            foreach (var (text, span) in headings[r])
            {
                int width = widths.Skip(c).Take(span).Sum() + span - 1;
                parts.Add(span > 1 ? Pad(text, width) : Pad(text, width, right: true));
                c += span;
            }
            w.WriteLine($"  {Pad("", labelWidth)}{unit} {string.Join(" ", parts)}".TrimEnd());
        }
    }

    /// <summary>Each value column as wide as its lowest heading, at least <see cref="ValueWidth"/>.</summary>
    static int[] Widths(List<List<(string Text, int Span)>> headings) =>
        headings.Count == 0 ? [] : headings[^1].Select(h => Math.Max(ValueWidth, Width(h.Text))).ToArray();

    static List<List<(string Text, int Span)>> Single(IEnumerable<string> columns) => [columns.Select(c => (c, 1)).ToList()];

    static int ColumnWidth(int[] widths, int k) => k < widths.Length ? widths[k] : ValueWidth;

    /// <summary>
    /// The heading rows over the value columns, from the template's drawing of the table: each row's cells with the
    /// columns they span (行政复议 over five columns, then 结果维持 …); the last row names every column.
    /// </summary>
    static List<List<(string Text, int Span)>> Headings(CompiledTable table, int? year)
    {
        var layout = table.Definition.Layout;
        int columns = table.Rows.Max(row => row.Columns.Length);
        if (layout is null || layout.Header.Count == 0 || columns == 0 || columns > layout.Width) return [];
        var grid = new GridTable(table.Id, table.Definition.Title, layout.Width);
        foreach (var row in layout.Header) grid.Rows.Add(row.Select(c => new GridCell(c.Text, c.ColSpan, c.RowSpan)).ToList());
        var positions = grid.Positions();
        int last = grid.Rows.Count - 1, first = layout.Width - columns;
        string Text(GridCell c) => c.Text.Replace("{year}", year?.ToString(CultureInfo.InvariantCulture) ?? "本");
        var result = new List<List<(string, int)>>();
        for (int r = 0; r <= last; r++)
        {
            var cells = new List<(string, int)>();
            for (int c = first; c < layout.Width;)
            {
                var cell = positions[r, c].Cell;
                int span = 1;
                while (c + span < layout.Width && positions[r, c + span].Cell == cell) span++;
                // A heading merged down to the last row is printed there, once.
                cells.Add((r < last && positions[last, c].Cell == cell ? "" : Text(cell), span));
                c += span;
            }
            if (r == last || cells.Any(x => x.Item1.Length > 0)) result.Add(cells);
        }
        return result;
    }

    static string Show(decimal? v) => v is null ? "—" : Ogi.Output.JsonReportWriter.Trim(v.Value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Display width: a CJK character takes two columns.</summary>
    static int Width(string s)
    {
        int w = 0;
        foreach (var ch in s) w += ch > 0x2E80 ? 2 : 1;
        return w;
    }

    /// <summary>Pads by display width, never cutting the text.</summary>
    static string Pad(string s, int width, bool right = false)
    {
        var room = new string(' ', Math.Max(0, width - Width(s)));
        return right ? room + s : s + room;
    }
}
