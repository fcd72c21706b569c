using System.Text;

namespace Ogi.Decode.Pdf;

/// <summary>
/// Pages as geometry → the layout text the rest of the pipeline reads, the shape the Word and HTML readers give:
/// a paragraph a line (lines that run to the right margin are joined), each ruled table row a line with every
/// cell closed by " |" and a merged cell written once where it starts; page headers, footers and numbers left
/// out. Every line and cell records its page and box.
/// </summary>
public static class PdfLayoutComposer
{
    public static (string Text, List<TextBox> Boxes) Compose(List<PageContent> pages)
    {
        var tables = pages.Select(p => RuledTable.Find(p.Rules, p.Glyphs)).ToList();
        var lines = pages.Select((p, i) => GlyphLine.Build(p.Glyphs.Where(g => !tables[i].Any(t => t.Contains(g))))).ToList();
        var chrome = PageChrome.Find(pages, lines, l => LineText(l, false));
        var bodies = lines.Select((ls, p) => ls.Where(l => !chrome[p].Contains(l)).ToList()).ToList();
        for (int p = 1; p < pages.Count; p++) JoinAcrossPages(tables[p - 1], bodies[p - 1], tables[p], bodies[p]);
        var w = new Writer();
        for (int p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            var body = bodies[p];
            double right = body.Count == 0 ? page.Width : body.Max(l => l.Box.Right);
            var items = body.Select(l => (Top: l.Box.Top, Line: (GlyphLine?)l, Table: (RuledTable?)null))
                .Concat(tables[p].Select(t => (Top: t.Box.Top, Line: (GlyphLine?)null, Table: (RuledTable?)t)))
                .OrderByDescending(i => i.Top).ToList();
            foreach (var item in items)
            {
                if (item.Table is RuledTable t) w.Table(t, page.Number);
                else w.Line(item.Line!, page.Number, right);
            }
        }
        return (w.Text.ToString(), w.Boxes);
    }

    /// <summary>
    /// A table that ends one page and goes on on the next (after its repeated headings or not): a merged label cell
    /// the page break cut (`（四）无` / `法提供`) is one cell. The part before the break ends the previous page's table
    /// and its last line is full, edge to edge (the text wrapped on); the rest is the first cell in the same columns on the next
    /// page, merged over more rows than its row's other cells.
    /// </summary>
    static void JoinAcrossPages(List<RuledTable> before, List<GlyphLine> beforeLines, List<RuledTable> after, List<GlyphLine> afterLines)
    {
        var last = before.MinBy(t => t.Box.Bottom);
        var first = after.MaxBy(t => t.Box.Top);
        if (last is null || first is null) return;
        if (beforeLines.Any(l => l.Box.Top < last.Box.Bottom) || afterLines.Any(l => l.Box.Bottom > first.Box.Top)) return;
        // A value (digits only) is never cut: it is a label that wraps on.
        foreach (var s in last.Cells.Where(s => s.LastRow == last.Rows - 1 && s.Glyphs.Any(g => !char.IsAsciiDigit(g.Text[0]) && g.Text[0] is not '.' and not ',')))
        {
            var lastLine = GlyphLine.Build(s.Glyphs)[^1];
            // Full: from the cell's left padding to its right one (a number, centred in its cell, never is).
            if (lastLine.Box.Right < s.Box.Right - 1.6 * lastLine.Size || lastLine.Box.Left > s.Box.Left + 1.6 * lastLine.Size) continue;
            var c = first.Cells.Where(c => Math.Abs(s.Box.Left - c.Box.Left) < 3 && Math.Abs(s.Box.Right - c.Box.Right) < 3)
                .OrderBy(c => c.Row).FirstOrDefault();
            if (c is null || c.Glyphs.Count == 0 || c.ContinuesAbove || c.Glyphs.All(g => char.IsAsciiDigit(g.Text[0]))) continue;
            int shortest = first.Cells.Where(o => o.Row == c.Row).Min(o => o.RowSpan);
            if (c.RowSpan <= shortest) continue;
            s.Continuation = c;
            c.ContinuesAbove = true;
        }
    }

    static string LineText(GlyphLine l, bool inCell) { var sb = new StringBuilder(); l.AppendText(sb, inCell); return sb.ToString(); }

    sealed class Writer
    {
        public StringBuilder Text { get; } = new(16 * 1024);
        public List<TextBox> Boxes { get; } = [];
        /// <summary>The previous text line, when the paragraph may go on in the next one.</summary>
        (GlyphLine Line, double Right)? open;

        public void Line(GlyphLine line, int page, double right)
        {
            bool joins = open is { } o && o.Line.Box.Right >= o.Right - 1.5 * o.Line.Size
                && line.Box.Left <= o.Line.Box.Left + 0.5 * line.Size && Math.Abs(line.Size - o.Line.Size) < 1.5;
            if (joins && Text.Length > 0 && Text[^1] == '\n')
            {
                Text.Length--;
                char last = Text.Length > 0 ? Text[^1] : ' ';
                if (!GlyphLine.IsWide(last) && !GlyphLine.IsWide(line.Glyphs[0].Text[0])) Text.Append(' ');
            }
            int start = Text.Length;
            line.AppendText(Text, false);
            Boxes.Add(new TextBox(start, Text.Length, page, line.Box, MinConfidence(line.Glyphs)));
            Text.Append('\n');
            open = (line, right);
        }

        public void Table(RuledTable table, int page)
        {
            open = null;
            for (int r = 0; r < table.Rows; r++)
            {
                var cells = table.Cells.Where(c => c.Row == r).ToList();
                if (cells.All(c => c.Glyphs.Count == 0 || c.ContinuesAbove)) continue;
                // A merged label column continued from the previous page is empty on this one: no cell of its rows.
                // (An empty cell of one row is a blank value, as in a table 四 whose first values are blank.)
                int first = cells.FindIndex(c => !(c.ContinuesAbove || c.Glyphs.Count == 0 && c.RowSpan > 1));
                int lineStart = Text.Length;
                for (int i = first; i < cells.Count; i++)
                {
                    if (Text.Length > lineStart) Text.Append(' ');
                    var cell = cells[i];
                    if (cell.ContinuesAbove) { if (Text.Length > lineStart && Text[^1] == ' ') Text.Length--; continue; }
                    if (cell.Glyphs.Count == 0) { Text.Append('|'); continue; }
                    int start = Text.Length;
                    CellText(cell.Glyphs);
                    if (cell.Continuation is { } rest) CellText(rest.Glyphs);
                    Boxes.Add(new TextBox(start, Text.Length, page, cell.Box, MinConfidence(cell.Glyphs)));
                    Text.Append(" |");
                }
                Text.Append('\n');
            }
        }

        /// <summary>A cell's lines joined: without a space between Chinese characters (a label wrapped, a header set one character a line), with one otherwise.</summary>
        void CellText(List<PageGlyph> glyphs)
        {
            var lines = GlyphLine.Build(glyphs);
            bool after = Text.Length > 0 && Text[^1] is not ' ' and not '\n';
            for (int i = 0; i < lines.Count; i++)
            {
                if (i > 0 || after)
                {
                    char last = Text[^1], next = lines[i].Glyphs[0].Text[0];
                    if (!(GlyphLine.IsWide(last) || GlyphLine.IsWide(next)) && !(char.IsDigit(last) && char.IsDigit(next))) Text.Append(' ');
                }
                lines[i].AppendText(Text, true);
            }
        }

        static double MinConfidence(List<PageGlyph> glyphs)
        {
            double min = 1.0;
            foreach (var g in glyphs) if (g.Confidence < min) min = g.Confidence;
            return min;
        }
    }
}
