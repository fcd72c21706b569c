namespace Ogi.Decode.Pdf;

public enum TextLayer { Good, Missing, Garbage }

/// <summary>
/// Whether a PDF's text layer can be read: a scan has none (or a few stray characters of a stamp); a text layer of
/// garbage (fonts without a Unicode map) is mostly unreadable symbols, or Chinese characters with none of the
/// words every annual report prints.
/// </summary>
public static class TextLayerQuality
{
    const string ReportCharacters = "政府信息公开年度报告申请的";

    public static TextLayer Assess(List<PageContent> pages)
    {
        int total = 0, readable = 0, chinese = 0, common = 0;
        foreach (var p in pages)
            foreach (var g in p.Glyphs)
                foreach (var c in g.Text)
                {
                    total++;
                    if (c is >= '\u4E00' and <= '\u9FFF') { chinese++; readable++; if (ReportCharacters.Contains(c)) common++; }
                    else if (c is >= '!' and <= '~' || c is >= '\u3000' and <= '\u303F' || c is >= '\uFF01' and <= '\uFF5E' || c is '“' or '”' or '‘' or '’' or '—' or '…' or '·') readable++;
                }
        if (readable < 20 * Math.Max(1, pages.Count / 4)) return TextLayer.Missing;
        if (readable < total * 0.8) return TextLayer.Garbage;
        if (chinese > 200 && common < chinese / 100) return TextLayer.Garbage;
        return TextLayer.Good;
    }
}
