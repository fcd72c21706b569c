using System.Globalization;

namespace Ogi.Decode.Pdf;

/// <summary>
/// A scanned PDF read by OCR: each page rendered to a grey image (`pdftoppm`), straightened, its ruling lines found
/// in the pixels, its words read by Tesseract (`tesseract … tsv`, Simplified Chinese and English) with their boxes
/// and confidences. The result is the same <see cref="PageContent"/> a text layer gives, so tables are rebuilt the
/// same way; every glyph keeps its word's confidence, which the cells read from it carry.
/// </summary>
public static class PdfOcr
{
    /// <summary>Tesseract reads best at about 300 dpi.</summary>
    const int Dpi = 300;
    static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(120);
    /// <summary>One thread per Tesseract: a batch already runs one file per core, and OpenMP's threads would fight over them.</summary>
    static readonly Dictionary<string, string> Threads = new() { ["OMP_THREAD_LIMIT"] = "1" };

    public static bool Available =>
        ExternalProgram.Find("tesseract") is not null && ExternalProgram.Find("pdftoppm") is not null && HasChinese();

    static bool? chinese;
    static bool HasChinese()
    {
        if (chinese is bool known) return known;
        var dirs = new[] { Environment.GetEnvironmentVariable("TESSDATA_PREFIX"), "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata" };
        return (chinese = dirs.Any(d => d is not null && File.Exists(Path.Combine(d, "chi_sim.traineddata")))).Value;
    }

    public static List<PageContent> Read(byte[] pdf, List<PageContent> layout)
    {
        using var scratch = new ExternalProgram.ScratchFolder();
        var input = Path.Combine(scratch.Path, "report.pdf");
        File.WriteAllBytes(input, pdf);
        var pages = new List<PageContent>(layout.Count);
        foreach (var page in layout)
        {
            string stem = Path.Combine(scratch.Path, "page" + page.Number);
            ExternalProgram.Run("pdftoppm", ["-gray", "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-f", page.Number.ToString(CultureInfo.InvariantCulture),
                "-l", page.Number.ToString(CultureInfo.InvariantCulture), "-singlefile", input, stem], PageTimeout);
            var image = RasterPage.ReadPgm(File.ReadAllBytes(stem + ".pgm"));
            image.Rotate(image.Skew());
            double scale = 72.0 / Dpi;
            // A border is longer than any stroke of a character at body size (about 50 px at 300 dpi).
            var rules = image.Rules(scale, minHorizontal: Dpi / 3, minVertical: Dpi / 8);
            image.EraseGrid(RuledTable.Find(rules, []), scale, half: Dpi / 60);
            File.WriteAllBytes(stem + ".pgm", image.ToPgm());
            ExternalProgram.Run("tesseract", [stem + ".pgm", stem, "-l", "chi_sim+eng", "--psm", "6", "tsv"], PageTimeout, scratch.Path, Threads);
            var glyphs = ReadTsv(File.ReadAllLines(stem + ".tsv"), image.Height, scale);
            pages.Add(new PageContent(page.Number, image.Width * scale, image.Height * scale, glyphs, rules));
        }
        return pages;
    }

    /// <summary>
    /// Tesseract's TSV: one row per word (level 5) with its pixel box and confidence (0–100). A word is cut into
    /// its characters, evenly across its box, so that cells and gaps are found per character as for a text layer.
    /// </summary>
    public static List<PageGlyph> ReadTsv(IEnumerable<string> lines, int imageHeight, double scale)
    {
        var glyphs = new List<PageGlyph>();
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length < 12 || f[0] != "5") continue;
            var text = f[11].Trim();
            if (text.Length == 0) continue;
            if (!int.TryParse(f[6], out int left) || !int.TryParse(f[7], out int top) || !int.TryParse(f[8], out int width) || !int.TryParse(f[9], out int height)) continue;
            double conf = double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c / 100, 0, 1) : 0;
            var chars = System.Globalization.StringInfo.GetTextElementEnumerator(text);
            var elements = new List<string>();
            while (chars.MoveNext()) elements.Add((string)chars.Current);
            double each = (double)width / elements.Count;
            double bottom = (imageHeight - top - height) * scale, topPdf = (imageHeight - top) * scale;
            for (int i = 0; i < elements.Count; i++)
            {
                var box = new PdfBox((left + i * each) * scale, bottom, (left + (i + 1) * each) * scale, topPdf);
                glyphs.Add(new PageGlyph(elements[i], box, Math.Max(height * scale, 1), conf));
            }
        }
        return glyphs;
    }
}
