using System.Text;

namespace Ogi.Render;

/// <summary>
/// The report as Markdown (GFM tables). Markdown cannot merge cells: a merged value or heading stands in the first
/// grid position it covers, a merged row label in the last — right before the row's values, so that a reader (ogi
/// too) finds the values straight after their label; the other positions stay empty.
/// </summary>
/// <summary>How a converter writes Markdown: rule lines as |---| (not | --- |); a table of one value row split into one table per column group, each under its heading.</summary>
public sealed record MarkdownOptions(bool CompactRules = false, bool SplitColumnGroups = false);

public static class MarkdownReportWriter
{
    public static string Write(RenderedReport report, MarkdownOptions? options = null)
    {
        options ??= new MarkdownOptions();
        var sb = new StringBuilder(8 * 1024);
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case TitleBlock t: sb.Append("# ").Append(t.Text).Append("\n\n"); break;
                case HeadingBlock h: sb.Append("## ").Append(h.Text).Append("\n\n"); break;
                case ParagraphBlock p: sb.Append(Escape(p.Text)).Append("\n\n"); break;
                // Plain Markdown throughout (no inline HTML for the right-aligned signature): it stays text to any reader.
                case MetaLineBlock m: sb.Append(Escape(m.Text)).Append("\n\n"); break;
                case TableBlock tb when options.SplitColumnGroups && tb.Table.ColumnGroups() is { } groups: WriteGroups(sb, tb.Table, groups, options); break;
                case TableBlock tb: WriteTable(sb, tb.Table, options); sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }

    static void WriteTable(StringBuilder sb, GridTable table, MarkdownOptions options)
    {
        var grid = table.Positions();
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        for (int r = 0; r < rows; r++)
        {
            sb.Append('|');
            for (int c = 0; c < cols; c++)
                sb.Append(' ').Append(StandsHere(grid, r, c) ? Escape(grid[r, c].Cell.Text) : "").Append(" |");
            sb.Append('\n');
            if (r == 0) Rule(sb, cols, options);
        }
    }

    static void Rule(StringBuilder sb, int cols, MarkdownOptions options)
    {
        sb.Append('|');
        for (int c = 0; c < cols; c++) sb.Append(options.CompactRules ? "---|" : " --- |");
        sb.Append('\n');
    }

    static void WriteGroups(StringBuilder sb, GridTable table, List<(string Heading, int From, int To)> groups, MarkdownOptions options)
    {
        var grid = table.Positions();
        int rows = grid.GetLength(0);
        foreach (var (heading, from, to) in groups)
        {
            sb.Append("### ").Append(Escape(heading)).Append("\n\n|");
            for (int c = from; c < to; c++) sb.Append(' ').Append(Escape(grid[rows - 2, c].Cell.Text)).Append(" |");
            sb.Append('\n');
            Rule(sb, to - from, options);
            sb.Append('|');
            for (int c = from; c < to; c++) sb.Append(' ').Append(Escape(grid[rows - 1, c].Cell.Text)).Append(" |");
            sb.Append("\n\n");
        }
    }

    /// <summary>A label in the last column and first row of its span; any other cell where it starts.</summary>
    static bool StandsHere((GridCell Cell, bool Origin)[,] grid, int r, int c)
    {
        var cell = grid[r, c].Cell;
        bool label = cell.Field is null && !cell.Heading && cell.ColSpan > 1;
        if (!label) return grid[r, c].Origin;
        bool lastColumn = c + 1 == grid.GetLength(1) || !ReferenceEquals(grid[r, c + 1].Cell, cell);
        bool firstRow = r == 0 || !ReferenceEquals(grid[r - 1, c].Cell, cell);
        return lastColumn && firstRow;
    }

    /// <summary>Pipes and angle brackets escaped: table text stays text, never markup.</summary>
    static string Escape(string s) => s.Replace("|", "\\|").Replace("<", "\\<").Replace(">", "\\>");
}
