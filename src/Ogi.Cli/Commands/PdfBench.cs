using System.Diagnostics;
using Ogi.Decode;
using Ogi.Parsing;

namespace Ogi.Cli;

/// <summary>
/// `ogi bench --pdf DIR`: PDF throughput beside text throughput. Born-digital PDFs are parsed over and over (decode,
/// table reconstruction and the whole pipeline) for a few seconds; scanned ones, which go through pdftoppm and
/// Tesseract, once each. Reports pages per second and reports per second for each, and text reports per second
/// on the seeds in the same run (the machine's speed varies; compare within one run).
/// </summary>
public static class PdfBench
{
    public static int Run(string dir, string textDir, double seconds = 5)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"ogi: bench: {dir}: no such folder"); return 2; }
        var born = new List<(byte[] Bytes, int Pages)>();
        var scanned = new List<(string Name, byte[] Bytes)>();
        foreach (var f in Directory.GetFiles(dir, "*.pdf").Order())
        {
            var bytes = File.ReadAllBytes(f);
            try
            {
                var layer = Decode.Pdf.TextLayerQuality.Assess(Decode.Pdf.PdfTextLayer.Read(bytes));
                if (layer == Decode.Pdf.TextLayer.Good) born.Add((bytes, DocumentDecoder.Decode(bytes).Pages));
                else scanned.Add((Path.GetFileName(f), bytes));
            }
            catch (UnreadableDocumentException e) { Console.Error.WriteLine($"bench: skipping {f}: {e.Message}"); }
        }
        Console.WriteLine($"PDF files      : {born.Count} born-digital ({born.Sum(b => b.Pages)} pages), {scanned.Count} scanned");
        if (born.Count > 0)
        {
            var (n, pages, secs) = Repeat(born.Select(b => (b.Bytes, b.Pages)).ToList(), seconds);
            Console.WriteLine($"born-digital   : {pages / secs:N1} pages/s, {n / secs:N1} reports/s ({n} reports, {pages} pages in {secs:N1} s, one core)");
        }
        var text = Directory.Exists(textDir)
            ? Directory.GetFiles(textDir).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Select(File.ReadAllBytes).Select(b => (b, 1)).ToList() : [];
        if (text.Count > 0)
        {
            var (n, _, secs) = Repeat(text, seconds);
            Console.WriteLine($"text (seeds)   : {n / secs:N0} reports/s ({n} reports in {secs:N1} s, one core)");
        }
        if (scanned.Count > 0)
        {
            if (!Decode.Pdf.PdfOcr.Available) Console.WriteLine("OCR            : tesseract (with chi_sim) or pdftoppm not installed; scanned PDFs not timed");
            else
            {
                int pages = 0;
                var sw = Stopwatch.StartNew();
                foreach (var (name, bytes) in scanned)
                {
                    try { pages += ReportParser.Parse(bytes).Source.Pages; }
                    catch (UnreadableDocumentException e) { Console.Error.WriteLine($"bench: {name}: {e.Message}"); }
                }
                double secs = sw.Elapsed.TotalSeconds;
                Console.WriteLine($"OCR            : {pages / secs:N2} pages/s, {scanned.Count / secs:N3} reports/s ({scanned.Count} reports, {pages} pages in {secs:N1} s; Tesseract one thread a page)");
            }
        }
        return 0;
    }

    /// <summary>Parses the documents in turn for about <paramref name="seconds"/> after a one-second warm-up.</summary>
    static (int Reports, int Pages, double Seconds) Repeat(List<(byte[] Bytes, int Pages)> docs, double seconds)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; warm.Elapsed.TotalSeconds < 1; i++) ReportParser.Parse(docs[i % docs.Count].Bytes);
        int n = 0, pages = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds || n < docs.Count)
        {
            var d = docs[n % docs.Count];
            ReportParser.Parse(d.Bytes);
            n++; pages += d.Pages;
        }
        return (n, pages, sw.Elapsed.TotalSeconds);
    }
}
