using System.Text.RegularExpressions;

namespace Ogi.Decode.Pdf;

/// <summary>
/// Page headers, footers and page numbers: lines in the top or bottom margin that are a page number
/// (`- 3 -`, `第3页 共8页`, `3/8`) or that repeat on other pages with only their digits changed.
/// </summary>
public static partial class PageChrome
{
    /// <summary>The share of the page's height at top and bottom where running heads and footers stand.</summary>
    const double Margin = 0.085;

    [GeneratedRegex(@"^[\s\-—–－_·•]*(第\s*)?[0-9０-９]{1,4}\s*(页)?\s*([/／]\s*[0-9０-９]{1,4}|共\s*[0-9０-９]{1,4}\s*页)?[\s\-—–－_·•]*$|^\s*(page\s*)?\d{1,4}\s*(of\s*\d{1,4})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"[0-9０-９]+")]
    private static partial Regex Digits();

    public static bool InMargin(GlyphLine line, PageContent page) =>
        line.Box.Top > page.Height * (1 - Margin) || line.Box.Bottom < page.Height * Margin;

    /// <summary>The lines to drop, per page: page numbers in the margins, and margin lines repeated on other pages.</summary>
    public static List<HashSet<GlyphLine>> Find(List<PageContent> pages, List<List<GlyphLine>> lines, Func<GlyphLine, string> text)
    {
        var drop = pages.Select(_ => new HashSet<GlyphLine>()).ToList();
        var seen = new Dictionary<string, HashSet<int>>();
        for (int p = 0; p < pages.Count; p++)
            foreach (var l in lines[p])
            {
                if (!InMargin(l, pages[p])) continue;
                var t = text(l);
                if (PageNumber().IsMatch(t)) { drop[p].Add(l); continue; }
                var key = Digits().Replace(t, "#").Replace(" ", "");
                if (!seen.TryGetValue(key, out var on)) seen[key] = on = [];
                on.Add(p);
            }
        if (pages.Count < 2) return drop;
        for (int p = 0; p < pages.Count; p++)
            foreach (var l in lines[p])
                if (InMargin(l, pages[p]) && !drop[p].Contains(l)
                    && seen.TryGetValue(Digits().Replace(text(l), "#").Replace(" ", ""), out var on) && on.Count >= Math.Max(2, pages.Count / 2))
                    drop[p].Add(l);
        return drop;
    }
}
