using System.Text;

namespace Ogi.Decode.Pdf;

/// <summary>Glyphs that share a baseline, left to right; spaces are put where the gaps between them are.</summary>
public sealed class GlyphLine
{
    public List<PageGlyph> Glyphs { get; } = [];
    public PdfBox Box { get; private set; }
    public double Size { get; private set; }

    void Add(PageGlyph g)
    {
        Box = Glyphs.Count == 0 ? g.Box : Box.Union(g.Box);
        Size = Math.Max(Size, g.Size);
        Glyphs.Add(g);
    }

    /// <summary>
    /// Groups glyphs into lines: a glyph belongs to the line whose vertical extent its centre falls in. Lines come
    /// top to bottom, glyphs left to right.
    /// </summary>
    public static List<GlyphLine> Build(IEnumerable<PageGlyph> glyphs)
    {
        var sorted = glyphs.OrderByDescending(g => g.Box.CenterY).ThenBy(g => g.Box.Left).ToList();
        var lines = new List<GlyphLine>();
        foreach (var g in sorted)
        {
            GlyphLine? into = null;
            // Only the last few lines can hold it: the glyphs come top to bottom.
            for (int i = lines.Count - 1; i >= Math.Max(0, lines.Count - 3); i--)
            {
                var l = lines[i];
                double mid = (l.Box.Bottom + l.Box.Top) / 2, half = Math.Max(l.Box.Height, g.Box.Height) * 0.45;
                if (Math.Abs(g.Box.CenterY - mid) <= half) { into = l; break; }
            }
            if (into is null) { into = new GlyphLine(); lines.Add(into); }
            into.Add(g);
        }
        foreach (var l in lines) l.Glyphs.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        lines.Sort((a, b) => b.Box.Top.CompareTo(a.Box.Top));
        return lines;
    }

    /// <summary>
    /// The line's text. Outside tables a wide gap becomes a run of spaces about as wide (so space-aligned columns
    /// stay apart); inside a cell one space at most, and none between digits — a cell holds one value, and digits
    /// set apart by letter-spacing (`1 0 3`) are one number.
    /// </summary>
    public void AppendText(StringBuilder sb, bool inCell)
    {
        for (int i = 0; i < Glyphs.Count; i++)
        {
            var g = Glyphs[i];
            if (i > 0)
            {
                var p = Glyphs[i - 1];
                double gap = g.Box.Left - p.Box.Right, size = Math.Max(Math.Max(p.Size, g.Size), 1);
                bool cjk = IsWide(p.Text[^1]) || IsWide(g.Text[0]);
                double threshold = cjk ? 0.9 * size : 0.25 * size;
                if (gap > threshold && !(inCell && IsNumeric(p.Text[^1]) && IsNumeric(g.Text[0])))
                {
                    int n = inCell ? 1 : Math.Clamp((int)Math.Round(gap / (0.5 * size)), 1, 40);
                    sb.Append(' ', n);
                }
            }
            sb.Append(g.Text);
        }
    }

    static bool IsNumeric(char c) => c is >= '0' and <= '9' or '.' or ',' or (>= '０' and <= '９');

    /// <summary>Chinese characters and full-width punctuation: set without spaces between them.</summary>
    public static bool IsWide(char c) => c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFF60 || c >= 0x3000 && c <= 0x303F;
}
