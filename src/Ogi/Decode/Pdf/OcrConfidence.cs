using Ogi.Parsing;
using Ogi.Validate;

namespace Ogi.Decode.Pdf;

/// <summary>
/// What decoding knows and the later stages cannot: a cell read by OCR is only as sure as Tesseract's reading of
/// its box, and a document decoding could not read says so in a finding.
/// </summary>
public static class OcrConfidence
{
    /// <summary>Tesseract's word confidence runs 0–100; a clean print reads at 90 and above.</summary>
    const double Trusted = 0.90;

    public static void Apply(SourceDocument source, List<ParsedTable> tables, List<Finding> findings)
    {
        foreach (var note in source.Notes)
            findings.Add(new Finding(note.Rule, Severity.Warning, note.Message, note.MessageEn, []));
        if (!source.Ocr) return;
        foreach (var table in tables)
        {
            for (int i = 0; i < table.Cells.Count; i++)
            {
                var cell = table.Cells[i];
                double ocr = cell.Value is null
                    ? BlankInScan
                    : Math.Min(MinConfidence(source, cell.Start, Math.Max(cell.End, cell.Start + 1)), Whole(source, cell));
                // A clean reading keeps the cell's own confidence; a doubtful one lowers it to Tesseract's.
                if (ocr < Trusted && ocr < cell.Confidence) table.Cells[i] = cell with { Confidence = Math.Round(ocr, 2) };
            }
            // Rows OCR did not read at all are named by the completeness check (U1), as for any other document.
        }
    }

    /// <summary>An empty cell in a scan may be a mark OCR did not see (a faint 0): never as sure as a printed blank.</summary>
    const double BlankInScan = 0.5;

    /// <summary>
    /// A value read from only part of what OCR saw in its cell (`52).7` read as 52, `2 74` as 2) is in doubt however
    /// sure Tesseract was of each character: the digits of the cell's box must be the digits of the value's raw text.
    /// </summary>
    static double Whole(SourceDocument source, Cells.CellValue cell)
    {
        if (source.BoxAt(cell.Start) is not { } box) return 1.0;
        // The run of text the value was read from, up to the spaces or cell marks around it.
        var text = source.Text;
        int from = cell.Start, to = Math.Max(cell.End, cell.Start);
        while (from > box.Start && !char.IsWhiteSpace(text[from - 1]) && text[from - 1] != '|') from--;
        while (to < box.End && !char.IsWhiteSpace(text[to]) && text[to] != '|') to++;
        static string Digits(ReadOnlySpan<char> s) { var d = new System.Text.StringBuilder(); foreach (var c in s) if (char.IsAsciiDigit(c)) d.Append(c); return d.ToString(); }
        // A note beside the number (`52).7` → 52, note `).7`) is, in a scan, more likely a misread of the number itself.
        if (cell.Note is not null) return PartlyRead;
        return Digits(text.AsSpan(from, to - from)) == Digits(cell.Raw) ? 1.0 : PartlyRead;
    }

    const double PartlyRead = 0.5;

    static double MinConfidence(SourceDocument source, int start, int end)
    {
        double min = 1.0;
        for (int at = start; at < end; )
        {
            if (source.BoxAt(at) is not { } box) { at++; continue; }
            min = Math.Min(min, box.Confidence);
            at = box.End;
        }
        return min;
    }
}
