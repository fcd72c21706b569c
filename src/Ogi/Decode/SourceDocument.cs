using Ogi.Decode.Pdf;

namespace Ogi.Decode;

public enum SourceFormat { Text, Html, Docx, Pdf }

/// <summary>
/// A report after decoding: the text every later stage reads (markup removed, an HTML table rendered one row a
/// line with each cell closed by " |"), and how it was obtained. Offsets in the parse output point into <see cref="Text"/>.
/// </summary>
public sealed record SourceDocument(string Text, SourceFormat Format, string EncodingName)
{
    /// <summary>For a PDF: where each stretch of <see cref="Text"/> stands on its page (in text order), and how sure its reading is (OCR).</summary>
    public IReadOnlyList<TextBox>? Boxes { get; init; }

    /// <summary>Pages read (PDF), and of them read by OCR.</summary>
    public int Pages { get; init; }
    public bool Ocr { get; init; }

    /// <summary>What decoding could not do, for the report's findings (a scanned PDF without OCR at hand).</summary>
    public IReadOnlyList<DecodeNote> Notes { get; init; } = [];

    /// <summary>The box of the text at an offset, or null (not a PDF, or text ogi wrote between boxes).</summary>
    public TextBox? BoxAt(int offset)
    {
        if (Boxes is not { Count: > 0 } boxes) return null;
        int lo = 0, hi = boxes.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var b = boxes[mid];
            if (offset < b.Start) hi = mid - 1;
            else if (offset >= b.End) lo = mid + 1;
            else return b;
        }
        return null;
    }
}

/// <summary>A limit of decoding the report must state: a rule id, a plain explanation in Chinese and English.</summary>
public sealed record DecodeNote(string Rule, string Message, string MessageEn);

/// <summary>A file that cannot be read as a report at all; the message is one line, fit for a user.</summary>
public sealed class UnreadableDocumentException(string message) : Exception(message);
