using System.Text;

namespace Ogi.Render;

/// <summary>
/// The report as Markdown. Markdown tables cannot merge cells: a merged cell's text stands in the first grid
/// position it covers and the others stay empty, the way a merged Word cell reads when it is split.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(RenderedReport report)
    {
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
                case TableBlock tb: WriteTable(sb, tb.Table); sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }

    static void WriteTable(StringBuilder sb, GridTable table)
    {
        var grid = table.Positions();
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        for (int r = 0; r < rows; r++)
        {
            sb.Append('|');
            for (int c = 0; c < cols; c++)
                sb.Append(' ').Append(grid[r, c].Origin ? Escape(grid[r, c].Cell.Text) : "").Append(" |");
            sb.Append('\n');
            if (r == 0)
            {
                sb.Append('|');
                for (int c = 0; c < cols; c++) sb.Append(" --- |");
                sb.Append('\n');
            }
        }
    }

    static string Escape(string s) => s.Replace("|", "\\|");
}
