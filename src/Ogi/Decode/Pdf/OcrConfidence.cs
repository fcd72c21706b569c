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
            for (int i = 0; i < table.Cells.Count; i++)
            {
                var cell = table.Cells[i];
                double ocr = MinConfidence(source, cell.Start, Math.Max(cell.End, cell.Start + 1));
                // A clean reading keeps the cell's own confidence; a doubtful one lowers it to Tesseract's.
                if (ocr < Trusted && ocr < cell.Confidence) table.Cells[i] = cell with { Confidence = Math.Round(ocr, 2) };
            }
    }

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
