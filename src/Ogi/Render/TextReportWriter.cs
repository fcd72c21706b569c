using System.Text;

namespace Ogi.Render;

/// <summary>The ways a table reaches plain text when a page is scraped, copied or converted (see ../shared/seeds and corpus).</summary>
public enum TextTableLayout
{
    /// <summary>"cell | cell |": a table flattened by a scraper that keeps cell borders.</summary>
    Pipes,
    /// <summary>One cell per line; an empty cell is an empty line.</summary>
    Lines,
    /// <summary>One cell per line with a blank line after each (copied from a browser).</summary>
    BlankLines,
    /// <summary>A row per line, cells apart by runs of spaces (PDF-to-text).</summary>
    Spaces,
    /// <summary>Cells run together with no separator at all: 713000074.</summary>
    Glued,
    /// <summary>Pipe rows with a page number and the table's headings again every few rows (print views, PDF).</summary>
    PageBreaks,
    /// <summary>A row per line as a CSV record (RFC 4180: a field with a comma or quote is quoted).</summary>
    Csv,
}

public sealed class TextWriterOptions
{
    public TextTableLayout Layout { get; init; } = TextTableLayout.Pipes;
    /// <summary>Rows per page for <see cref="TextTableLayout.PageBreaks"/>.</summary>
    public int PageRows { get; init; } = 12;
    /// <summary>How the rows of <see cref="TextTableLayout.PageBreaks"/> are written (pipes, one cell a line, spaces).</summary>
    public TextTableLayout PageLayout { get; init; } = TextTableLayout.Pipes;
    /// <summary>Glued layout: rows to print with spaces between cells after all (their digits would be ambiguous).</summary>
    public Func<GridTable, int, bool>? SpacedRow { get; init; }
    /// <summary>Glued layout: whether each row ends its line (some pages lose the row breaks too).</summary>
    public bool GluedRowBreaks { get; init; } = true;
    /// <summary>Spaces layout: a label's note in brackets wraps after this many characters, its rest on a line of its own under the values (PDF text).</summary>
    public int? WrapLabelsAt { get; init; }
    /// <summary>Spaces layout: the separator between cells (varied by synth).</summary>
    public Func<string>? Gap { get; init; }
    /// <summary>Narrow columns' headings printed one character per line, as a PDF's or a flipbook's text has them (tables of five or more value columns).</summary>
    public HeadingStack? StackHeadings { get; init; }
    public IReadOnlyList<string> PageTop { get; init; } = [];
    public IReadOnlyList<string> PageBottom { get; init; } = [];
}

/// <summary>
/// How narrow headings are stacked: <see cref="Grid"/> a line per character level across the columns
/// (<c>结 结 其 尚</c> / <c>果 果 他 未</c>…), single spaces between; <see cref="AlignedGrid"/> the same with each column
/// in its place (a missing character a gap); <see cref="OneCharPerLine"/> each heading's characters on lines of their own.
/// <see cref="Align"/>: 0 top, 1 middle, 2 bottom, for headings shorter than the tallest.
/// </summary>
public sealed record HeadingStack(HeadingStackStyle Style, int Align);

public enum HeadingStackStyle { Grid, AlignedGrid, OneCharPerLine }

/// <summary>The report as plain text, its tables in one of the scraped layouts.</summary>
public static class TextReportWriter
{
    public static string Write(RenderedReport report, TextWriterOptions? options = null)
    {
        options ??= new TextWriterOptions();
        var sb = new StringBuilder(12 * 1024);
        foreach (var line in options.PageTop) sb.Append(line).Append('\n');
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case TitleBlock t: sb.Append(t.Text).Append('\n'); break;
                case HeadingBlock h: sb.Append(h.Text).Append('\n'); break;
                case ParagraphBlock p: sb.Append(p.Text).Append('\n'); break;
                case MetaLineBlock m: sb.Append(m.Text).Append('\n'); break;
                case TableBlock tb: WriteTable(sb, tb.Table, options); break;
            }
        }
        foreach (var line in options.PageBottom) sb.Append(line).Append('\n');
        return sb.ToString();
    }

    static void WriteTable(StringBuilder sb, GridTable table, TextWriterOptions o)
    {
        int page = 1;
        int first = 0;
        if (o.StackHeadings is { } stack && table.HeaderRows > 0 && table.Rows.Max(row => row.Count(c => c.Field is not null)) >= 5)
        {
            WriteStackedHeadings(sb, table, stack, o);
            first = table.HeaderRows;
        }
        for (int r = first; r < table.Rows.Count; r++)
        {
            if (o.Layout == TextTableLayout.PageBreaks && r > table.HeaderRows && (r - table.HeaderRows) % o.PageRows == 0 && table.HeaderRows > 0)
            {
                // A page ends: its number, then the next page starts with the table's headings again.
                sb.Append("\n— ").Append(++page).Append(" —\n\n");
                for (int h = 0; h < table.HeaderRows; h++) WriteRow(sb, table.Rows[h], o.PageLayout, o);
            }
            var layout = o.Layout == TextTableLayout.PageBreaks ? o.PageLayout
                : o.Layout == TextTableLayout.Glued && o.SpacedRow?.Invoke(table, r) == true ? TextTableLayout.Spaces : o.Layout;
            WriteRow(sb, table.Rows[r], layout, o);
        }
        if (o.Layout == TextTableLayout.Glued && !o.GluedRowBreaks) sb.Append('\n');
    }

    /// <summary>A heading cell over one column, short and all characters: what a narrow column stacks.</summary>
    static bool Stacks(GridCell c) => c.ColSpan == 1 && c.Text.Length is >= 2 and <= 8 && c.Text.All(ch => ch >= 0x4E00 && ch <= 0x9FFF);

    static void WriteStackedHeadings(StringBuilder sb, GridTable table, HeadingStack stack, TextWriterOptions o)
    {
        if (stack.Style == HeadingStackStyle.OneCharPerLine)
        {
            for (int r = 0; r < table.HeaderRows; r++)
                foreach (var c in table.Rows[r])
                    if (Stacks(c)) foreach (var ch in c.Text) sb.Append(ch).Append('\n');
                    else sb.Append(c.Text).Append('\n');
            return;
        }
        // The wide headings stay on their rows' lines; the narrow ones stand in one block under them, column by column.
        for (int r = 0; r < table.HeaderRows; r++)
        {
            var wide = table.Rows[r].Where(c => !Stacks(c) && c.Text.Length > 0).Select(c => c.Text).ToList();
            if (wide.Count > 0) sb.Append(string.Join(o.Gap?.Invoke() ?? "  ", wide)).Append('\n');
        }
        var grid = table.Positions();
        var narrow = new List<string>();
        for (int c = 0; c < table.Width; c++)
            for (int r = 0; r < table.HeaderRows; r++)
                if (grid[r, c].Origin && Stacks(grid[r, c].Cell)) narrow.Add(grid[r, c].Cell.Text);
        int height = narrow.Max(h => h.Length);
        for (int level = 0; level < height; level++)
        {
            var line = new StringBuilder();
            foreach (var h in narrow)
            {
                int offset = stack.Align switch { 0 => 0, 1 => (height - h.Length) / 2, _ => height - h.Length };
                int k = level - offset;
                bool has = k >= 0 && k < h.Length;
                if (stack.Style == HeadingStackStyle.Grid) { if (has) line.Append(line.Length > 0 ? " " : "").Append(h[k]); }
                else line.Append(line.Length > 0 ? "  " : "").Append(has ? h[k] : '　');
            }
            sb.Append(line.ToString().TrimEnd(' ', '　')).Append('\n');
        }
    }

    static void WriteRow(StringBuilder sb, List<GridCell> row, TextTableLayout layout, TextWriterOptions o)
    {
        switch (layout)
        {
            case TextTableLayout.Pipes:
                foreach (var c in row) sb.Append(c.Text).Append(" | ");
                sb.Length--;
                sb.Append('\n');
                break;
            case TextTableLayout.Lines:
                foreach (var c in row) sb.Append(c.Text).Append('\n');
                break;
            case TextTableLayout.BlankLines:
                foreach (var c in row) sb.Append(c.Text).Append("\n\n");
                break;
            case TextTableLayout.Spaces:
                bool first = true;
                string? rest = null;
                bool values = row.Any(c => c.Field is not null);
                foreach (var c in row)
                {
                    if (c.Text.Length == 0) continue;
                    if (!first) sb.Append(o.Gap?.Invoke() ?? "  ");
                    var text = c.Text;
                    // The last label of a row of values wraps inside its note in brackets: the rest goes under the row.
                    int note = text.LastIndexOfAny(['（', '(']);
                    if (values && c.Field is null && o.WrapLabelsAt is int wrap && note > 0 && note + 1 + wrap < text.Length - 1 && ReferenceEquals(c, row.Last(x => x.Field is null)))
                    {
                        rest = text[(note + 1 + wrap)..];
                        text = text[..(note + 1 + wrap)];
                    }
                    sb.Append(text);
                    first = false;
                }
                sb.Append('\n');
                if (rest is not null) sb.Append(rest).Append('\n');
                break;
            case TextTableLayout.Csv:
                for (int k = 0; k < row.Count; k++)
                {
                    if (k > 0) sb.Append(',');
                    var t = row[k].Text;
                    sb.Append(t.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + t.Replace("\"", "\"\"") + "\"" : t);
                }
                sb.Append('\n');
                break;
            case TextTableLayout.Glued:
                foreach (var c in row) sb.Append(c.Text);
                if (o.GluedRowBreaks) sb.Append('\n');
                break;
        }
    }
}
