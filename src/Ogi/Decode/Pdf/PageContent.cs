namespace Ogi.Decode.Pdf;

/// <summary>A rectangle in PDF units: origin at the page's bottom-left, y upwards (as the page's own coordinates are).</summary>
public readonly record struct PdfBox(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;
    public double Height => Top - Bottom;
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Bottom + Top) / 2;

    public PdfBox Union(PdfBox o) => new(Math.Min(Left, o.Left), Math.Min(Bottom, o.Bottom), Math.Max(Right, o.Right), Math.Max(Top, o.Top));
}

/// <summary>
/// One character (or, from OCR, one character of a recognised word) where it stands on the page: its glyph box,
/// its font size, and how sure the reading is (1 for a text layer, Tesseract's word confidence for OCR).
/// </summary>
public readonly record struct PageGlyph(string Text, PdfBox Box, double Size, double Confidence = 1.0);

/// <summary>A ruling line the producer drew: horizontal (y fixed, x from From to To) or vertical (x fixed, y from From to To).</summary>
public readonly record struct Rule(bool Horizontal, double At, double From, double To);

/// <summary>What the geometry path reads from one page, whether it came from a text layer or from OCR.</summary>
public sealed record PageContent(int Number, double Width, double Height, List<PageGlyph> Glyphs, List<Rule> Rules);

/// <summary>A stretch of the decoded text and where it stands in the PDF: page (from 1) and box, for a viewer to draw.</summary>
public readonly record struct TextBox(int Start, int End, int Page, PdfBox Box, double Confidence = 1.0);
