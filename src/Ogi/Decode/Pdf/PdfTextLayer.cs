using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Ogi.Decode.Pdf;

/// <summary>
/// A born-digital PDF's pages as geometry (PdfPig, pure .NET): every letter with its glyph box and size, and the
/// ruling lines and rectangle edges the producer drew. Encrypted, damaged and truncated files are refused in one line.
/// </summary>
public static class PdfTextLayer
{
    /// <summary>A report runs to a few dozen pages; a PDF of thousands is not one report.</summary>
    public const int MaxPages = 500;

    public static List<PageContent> Read(byte[] bytes)
    {
        if (!HasEndOfFile(bytes)) throw new UnreadableDocumentException("a truncated PDF (the file ends before its %%EOF marker)");
        PdfDocument doc;
        try { doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true }); }
        catch (PdfDocumentEncryptedException) { throw Encrypted(); }
        catch (Exception e) when (e is not UnreadableDocumentException and not OutOfMemoryException)
        {
            if (e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase)) throw Encrypted();
            throw Damaged(e);
        }
        using var _ = doc;
        if (doc.IsEncrypted && doc.NumberOfPages == 0) throw Encrypted();
        if (doc.NumberOfPages > MaxPages) throw new UnreadableDocumentException($"a PDF of {doc.NumberOfPages} pages; not one report (the limit is {MaxPages})");
        var pages = new List<PageContent>(doc.NumberOfPages);
        try
        {
            for (int n = 1; n <= doc.NumberOfPages; n++) pages.Add(ReadPage(doc.GetPage(n)));
        }
        catch (PdfDocumentEncryptedException) { throw Encrypted(); }
        catch (Exception e) when (e is not UnreadableDocumentException and not OutOfMemoryException) { throw Damaged(e); }
        return pages;
    }

    static UnreadableDocumentException Encrypted() => new("an encrypted PDF (it needs a password to be read)");

    static UnreadableDocumentException Damaged(Exception e) =>
        new("a damaged PDF (" + e.Message.Split('\n')[0].Trim().TrimEnd('.') + ")");

    /// <summary>A complete PDF ends with %%EOF (possibly followed by a line break or padding) in its last kilobyte.</summary>
    static bool HasEndOfFile(byte[] bytes)
    {
        int from = Math.Max(0, bytes.Length - 1024);
        return bytes.AsSpan(from).IndexOf("%%EOF"u8) >= 0;
    }

    static PageContent ReadPage(Page page)
    {
        var glyphs = new List<PageGlyph>(page.Letters.Count);
        foreach (var l in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(l.Value)) continue;
            // Watermarks and stamps are set at an angle; a report's text and its vertical headers are upright.
            if (l.TextOrientation == TextOrientation.Other) continue;
            var r = l.BoundingBox;
            double size = l.PointSize > 0 ? l.PointSize : Math.Max(r.Height, 1);
            // Upright text stands in the box of its advance and the font's height on its baseline, not its ink:
            // quotes and commas then share their line, and gaps are the gaps between advances.
            var box = l.TextOrientation == TextOrientation.Horizontal && l.EndBaseLine.X > l.StartBaseLine.X
                ? new PdfBox(l.StartBaseLine.X, l.StartBaseLine.Y - 0.12 * size, l.EndBaseLine.X, l.StartBaseLine.Y + 0.88 * size)
                : new PdfBox(r.Left, r.Bottom, Math.Max(r.Right, r.Left + size / 2), Math.Max(r.Top, r.Bottom + size / 2));
            glyphs.Add(new PageGlyph(Radicals.ToIdeographs(l.Value), box, size));
        }
        var rules = new List<Rule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var sub in path) AddRules(sub, path.IsStroked, rules);
        }
        return new PageContent(page.Number, page.Width, page.Height, glyphs, rules);
    }

    /// <summary>Thin rectangles (how Word and browsers draw borders) and axis-parallel strokes are rules; a stroked rectangle gives its four edges.</summary>
    static void AddRules(PdfSubpath sub, bool stroked, List<Rule> rules)
    {
        var b = sub.GetBoundingRectangle();
        if (b is not PdfRectangle r) return;
        const double thin = 2.5;
        if (r.Height <= thin && r.Width > thin) { rules.Add(new Rule(true, (r.Bottom + r.Top) / 2, r.Left, r.Right)); return; }
        if (r.Width <= thin && r.Height > thin) { rules.Add(new Rule(false, (r.Left + r.Right) / 2, r.Bottom, r.Top)); return; }
        if (!stroked) return;   // a filled area (a shaded header cell) is no border by itself
        PdfPoint? last = null, first = null;
        foreach (var c in sub.Commands)
        {
            switch (c)
            {
                case PdfSubpath.Move m: last = first = m.Location; break;
                case PdfSubpath.Line line: AddSegment(line.From, line.To, rules); last = line.To; break;
                case PdfSubpath.Close when last is PdfPoint a && first is PdfPoint f: AddSegment(a, f, rules); last = f; break;
                default: last = null; break;
            }
        }
    }

    static void AddSegment(PdfPoint a, PdfPoint b, List<Rule> rules)
    {
        const double slack = 0.8;
        if (Math.Abs(a.Y - b.Y) <= slack && Math.Abs(a.X - b.X) > slack)
            rules.Add(new Rule(true, (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
        else if (Math.Abs(a.X - b.X) <= slack && Math.Abs(a.Y - b.Y) > slack)
            rules.Add(new Rule(false, (a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
    }
}
