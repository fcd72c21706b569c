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
    public IReadOnlyList<string> PageTop { get; init; } = [];
    public IReadOnlyList<string> PageBottom { get; init; } = [];
}

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
        for (int r = 0; r < table.Rows.Count; r++)
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
