namespace Ogi.Decode.Pdf;

/// <summary>
/// A PDF report → <see cref="SourceDocument"/>: a born-digital PDF from its text layer (PdfPig), a scanned one
/// (no text layer, or one of garbage) by OCR when Tesseract is installed; both through the same geometry path.
/// A scan without OCR at hand gives empty text and one finding that says so, not a misread table.
/// </summary>
public static class PdfDecoder
{
    public static SourceDocument Decode(byte[] bytes)
    {
        var pages = PdfTextLayer.Read(bytes);
        if (pages.Count == 0) throw new UnreadableDocumentException("a damaged PDF (no pages could be found)");
        var layer = TextLayerQuality.Assess(pages);
        if (layer == TextLayer.Good) return Compose(pages, ocr: false);
        string what = layer == TextLayer.Missing ? "no text layer (a scanned document)" : "a text layer that cannot be read (fonts without a Unicode map)";
        if (!PdfOcr.Available)
            return new SourceDocument("", SourceFormat.Pdf, "pdf")
            {
                Pages = pages.Count,
                Notes = [new DecodeNote("D1", $"PDF 文件{(layer == TextLayer.Missing ? "没有文字层（扫描件）" : "的文字层无法识读")}，未安装 OCR（tesseract），未能读取内容",
                    $"the PDF has {what} and OCR (tesseract) is not installed: nothing was read")],
            };
        return Compose(PdfOcr.Read(bytes, pages), ocr: true);
    }

    static SourceDocument Compose(List<PageContent> pages, bool ocr)
    {
        var (text, boxes) = PdfLayoutComposer.Compose(pages);
        if (string.IsNullOrWhiteSpace(text))
            throw new UnreadableDocumentException(ocr ? "a scanned PDF in which OCR found no text" : "the PDF holds no text");
        return new SourceDocument(text, SourceFormat.Pdf, ocr ? "pdf-ocr" : "pdf") { Boxes = boxes, Pages = pages.Count, Ocr = ocr };
    }
}
