using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ogi.Decode;
using Ogi.Parsing;
using Ogi.Synthesize;
using Xunit;
using Xunit.Abstractions;

namespace Ogi.Tests;

/// <summary>
/// PDF reports: the corpus PDF's tables rebuilt from geometry (its gold is in Gold/corpus and GoldTests scores it),
/// provenance boxes checked against Poppler's own word boxes, PDFs of two producers (LibreOffice from Word files,
/// Chromium from web pages) parsed back to their gold, damaged files refused in one line, old Word files converted.
/// </summary>
public class PdfTests(ITestOutputHelper output) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("ogi-pdf-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    static string Huaian => Path.Combine(TestData.Corpus, "huaian-city-2024.pdf");

    [Fact]
    public void The_corpus_pdf_becomes_layout_text()
    {
        var doc = DocumentDecoder.DecodeFile(Huaian);
        Assert.Equal(SourceFormat.Pdf, doc.Format);
        Assert.Equal(6, doc.Pages);
        var lines = doc.Text.Split('\n');
        // The vertical header set one character a line, as one cell where its merge starts.
        Assert.Contains("三、本年度办理结果 | （一）予以公开 | 1288 | 21 | 0 | 0 | 50 | 3 | 1362 |", lines);
        // A merged label broken by the page (（四）无 on page 4, 法提供 on page 5) is one label.
        Assert.Contains("（四）无法提供 | 1.本机关不掌握相关政府信息 | 746 | 12 | 0 | 0 | 10 | 1 | 769 |", lines);
        Assert.Contains("2.没有现成信息需要另行制作 | 11 | 0 | 0 | 0 | 0 | 0 | 11 |", lines);
        // A label wrapped over three lines is one cell.
        Assert.Contains(lines, l => l.StartsWith("（六）其他处理 | 1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 67 |"));
        // Page numbers (- 3 -) are gone; a paragraph broken by the page is one line.
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"^- \d -$"));
        Assert.Contains(lines, l => l.Contains("将栏目不更新、政策解读不通俗易懂"));
        Assert.Contains("72 | 64 | 178 | 37 | 351 | 13 | 4 | 8 | 1 | 26 | 12 | 1 | 1 | 6 | 20 |", lines);
    }

    /// <summary>Every cell's page and box (PDF units) holds exactly the digits of its value among the words pdftotext -bbox-layout places there.</summary>
    [Fact]
    public void Cell_boxes_agree_with_poppler()
    {
        var (exit, xhtml) = Tool("pdftotext", _dir, "-bbox-layout", Huaian, "-");
        Assert.Equal(0, exit);
        var pages = Regex.Matches(xhtml, @"<page width=""([\d.]+)"" height=""([\d.]+)"">(.*?)</page>", RegexOptions.Singleline)
            .Select(m => (Height: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Words: Regex.Matches(m.Groups[3].Value,
                @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>")
                .Select(w => (X: Mid(w, 1, 3), Y: Mid(w, 2, 4), Text: w.Groups[5].Value)).ToList())).ToList();
        Assert.Equal(6, pages.Count);
        var (code, json, _) = CommandLineTests.Run("parse", Huaian, "--json");
        Assert.Equal(0, code);
        var cells = JsonDocument.Parse(json).RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(200, cells.Count);
        foreach (var c in cells)
        {
            int page = c.GetProperty("page").GetInt32();
            var box = c.GetProperty("box").EnumerateArray().Select(b => b.GetDouble()).ToArray();
            var (height, words) = pages[page - 1];
            // Poppler measures y from the top of the page, PDF from the bottom.
            var inside = string.Concat(words.Where(w => w.X > box[0] && w.X < box[2] && height - w.Y > box[1] && height - w.Y < box[3]).Select(w => w.Text));
            Assert.Equal(c.GetProperty("raw").GetString(), inside);
        }
    }

    static double Mid(Match m, int a, int b) =>
        (double.Parse(m.Groups[a].Value, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(m.Groups[b].Value, System.Globalization.CultureInfo.InvariantCulture)) / 2;

    [Fact]
    public void Word_files_converted_by_LibreOffice_parse_back_to_their_gold()
    {
        var reports = Enumerable.Range(0, 24).Select(i => ReportSynthesizer.Generate(1601, i, SynthLayout.Docx)).ToList();
        foreach (var r in reports) File.WriteAllBytes(Path.Combine(_dir, r.FileName), r.Bytes);
        var args = new List<string> { $"-env:UserInstallation=file://{_dir}/profile", "--headless", "--convert-to", "pdf", "--outdir", _dir };
        args.AddRange(reports.Select(r => r.FileName));
        var (exit, said) = Tool("soffice", _dir, [.. args]);
        Assert.True(exit == 0, "soffice failed: " + said);
        AssertParsedBack(reports, "LibreOffice");
    }

    [Fact]
    public void Web_pages_printed_by_Chromium_parse_back_to_their_gold()
    {
        var reports = Enumerable.Range(0, 12).Select(i => ReportSynthesizer.Generate(1604, i, SynthLayout.Html)).ToList();
        for (int i = 0; i < reports.Count; i++)
        {
            var html = Path.Combine(_dir, reports[i].FileName);
            File.WriteAllBytes(html, reports[i].Bytes);
            // Some with Chromium's running head and foot (date, title, file URL, page 1/5): page chrome, left out.
            Print(html, Path.ChangeExtension(html, ".pdf"), headerAndFooter: i % 4 == 0);
        }
        AssertParsedBack(reports, "Chromium");
    }

    void Print(string html, string pdf, bool headerAndFooter = false)
    {
        var (exit, said) = Tool(Chromium, _dir, "--headless", "--no-sandbox", "--disable-gpu", headerAndFooter ? "--no-first-run" : "--no-pdf-header-footer",
            $"--user-data-dir={_dir}/chrome", $"--print-to-pdf={pdf}", "file://" + html);
        Assert.True(exit == 0 && File.Exists(pdf), "chromium failed: " + said);
    }

    static string Chromium => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists) ?? "chromium";

    void AssertParsedBack(List<SyntheticReport> reports, string producer)
    {
        int right = 0, cells = 0;
        var failures = new List<string>();
        var templates = new HashSet<string>();
        foreach (var r in reports)
        {
            var report = ReportParser.ParseFile(Path.Combine(_dir, r.Name + ".pdf"));
            Assert.Equal(SourceFormat.Pdf, report.Source.Format);
            var wrong = TestData.Differences(JsonDocument.Parse(r.Gold.ToJsonString()).RootElement, report, out int ok, out int n);
            right += ok; cells += n;
            templates.Add(report.Template);
            if (wrong.Count > 0) failures.Add(r.FileName + ": " + string.Join("; ", wrong.Take(6)));
        }
        output.WriteLine($"{producer}: cells {right}/{cells}, documents exact {reports.Count - failures.Count}/{reports.Count}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {reports.Count} {producer} PDFs differ from their gold:\n" + string.Join("\n", failures));
        Assert.Equal(3, templates.Count);
    }

    [Fact]
    public void Truncated_damaged_and_encrypted_pdfs_get_one_line_and_a_batch_goes_on()
    {
        var bytes = File.ReadAllBytes(Huaian);
        var batch = Directory.CreateDirectory(Path.Combine(_dir, "batch")).FullName;
        File.Copy(Huaian, Path.Combine(batch, "a-good.pdf"));
        File.WriteAllBytes(Path.Combine(batch, "b-truncated.pdf"), bytes[..(bytes.Length / 2)]);
        var damaged = (byte[])bytes.Clone();
        // Everything after the header overwritten, the end marker kept: no object can be found.
        Array.Fill(damaged, (byte)'x', 16, damaged.Length - 64);
        File.WriteAllBytes(Path.Combine(batch, "c-damaged.pdf"), damaged);
        File.WriteAllBytes(Path.Combine(batch, "d-encrypted.pdf"), EncryptedPdf());
        var (exit, json, err) = CommandLineTests.Run("parse", batch, "--json");
        Assert.Equal(2, exit);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("b-truncated.pdf") && l.Contains("truncated PDF"));
        Assert.Contains(lines, l => l.Contains("c-damaged.pdf") && l.Contains("damaged PDF"));
        Assert.Contains(lines, l => l.Contains("d-encrypted.pdf") && l.Contains("encrypted PDF"));
        Assert.DoesNotContain("   at ", err);
        var good = Assert.Single(json.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3119, JsonDocument.Parse(good).RootElement.GetProperty("values").GetProperty("applications.new.total").GetInt32());
    }

    /// <summary>A PDF encrypted by LibreOffice's PDF export with an open password.</summary>
    byte[] EncryptedPdf()
    {
        var txt = Path.Combine(_dir, "secret.txt");
        File.WriteAllText(txt, "2024年政府信息公开工作年度报告");
        const string filter = "pdf:writer_pdf_Export:{\"EncryptFile\":{\"type\":\"boolean\",\"value\":\"true\"},\"DocumentOpenPassword\":{\"type\":\"string\",\"value\":\"ogi\"}}";
        var (exit, said) = Tool("soffice", _dir, $"-env:UserInstallation=file://{_dir}/profile", "--headless", "--convert-to", filter, "--outdir", _dir, txt);
        Assert.True(exit == 0, said);
        var pdf = File.ReadAllBytes(Path.Combine(_dir, "secret.pdf"));
        Assert.Contains("/Encrypt", Encoding.Latin1.GetString(pdf));
        return pdf;
    }

    [Fact]
    public void Old_Word_files_are_converted_by_LibreOffice_or_refused_in_one_line()
    {
        var r = ReportSynthesizer.Generate(1603, 2, SynthLayout.Docx);
        File.WriteAllBytes(Path.Combine(_dir, r.FileName), r.Bytes);
        var (exit, said) = Tool("soffice", _dir, $"-env:UserInstallation=file://{_dir}/profile", "--headless", "--convert-to", "doc", "--outdir", _dir, r.FileName);
        Assert.True(exit == 0, said);
        var doc = Path.Combine(_dir, r.Name + ".doc");
        var wps = Path.Combine(_dir, r.Name + ".wps");
        File.Copy(doc, wps);
        foreach (var file in new[] { doc, wps })
        {
            var wrong = TestData.Differences(JsonDocument.Parse(r.Gold.ToJsonString()).RootElement, ReportParser.ParseFile(file), out _, out _);
            Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        }
        // Without LibreOffice on PATH: one clear line, exit 2.
        var (code, json, err) = RunWithPath(OnlyDotnet(), "parse", doc, "--json");
        Assert.Equal(2, code);
        Assert.Equal("", json);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("needs LibreOffice", line);
    }

    /// <summary>A scan (the corpus PDF's pages as JPEG images, printed into a PDF) when Tesseract is not installed: one finding, no misread table.</summary>
    [Fact]
    public void A_scan_without_tesseract_gives_one_finding()
    {
        var scan = Scan(Huaian, pages: 2, turn: 0, quality: 60);
        var (code, json, err) = RunWithPath(OnlyDotnet(), "parse", scan, "--json");
        Assert.True(code == 0, err);
        var doc = JsonDocument.Parse(json).RootElement;
        Assert.Equal("unknown", doc.GetProperty("template").GetString());
        Assert.Empty(doc.GetProperty("values").EnumerateObject());
        var finding = Assert.Single(doc.GetProperty("findings").EnumerateArray());
        Assert.Equal("D1", finding.GetProperty("rule").GetString());
        Assert.Contains("no text layer", finding.GetProperty("message_en").GetString());
    }

    /// <summary>
    /// A synthetic report printed by LibreOffice, scanned (150 dpi, JPEG, turned by a degree) and read by OCR: every
    /// cell that differs from the gold is flagged — confidence below 1, or named by a finding (the table's
    /// arithmetic, or U1 for cells not read) — never silently wrong.
    /// </summary>
    [Fact]
    public void A_scan_read_by_OCR_flags_every_cell_it_misreads()
    {
        var r = ReportSynthesizer.Generate(1605, 2, SynthLayout.Docx);
        File.WriteAllBytes(Path.Combine(_dir, r.FileName), r.Bytes);
        var (exit, said) = Tool("soffice", _dir, $"-env:UserInstallation=file://{_dir}/profile", "--headless", "--convert-to", "pdf", "--outdir", _dir, r.FileName);
        Assert.True(exit == 0, said);
        var report = ReportParser.ParseFile(Scan(Path.Combine(_dir, r.Name + ".pdf"), pages: 99, turn: 1, quality: 50));
        Assert.True(report.Source.Ocr);
        var gold = JsonDocument.Parse(r.Gold.ToJsonString()).RootElement.GetProperty("values");
        var cells = report.Main?.Cells.ToDictionary(c => c.Field) ?? [];
        var named = report.Findings.SelectMany(f => f.Fields).ToHashSet();
        int right = 0, total = 0;
        var unflagged = new List<string>();
        foreach (var v in gold.EnumerateObject())
        {
            total++;
            var want = TestData.Number(v.Value);
            if (cells.TryGetValue(v.Name, out var c) && c.Value == want) { right++; continue; }
            if (named.Contains(v.Name) || c is not null && c.Confidence < 1) continue;
            unflagged.Add($"{v.Name}: want {want}, got {c?.Value?.ToString() ?? "nothing"}");
        }
        output.WriteLine($"OCR: {right}/{total} cells right, {unflagged.Count} wrong and unflagged");
        Assert.True(unflagged.Count == 0, "misread without a flag:\n" + string.Join("\n", unflagged));
        // OCR reads the tables, not noise: most of table 二's cells (large print) and a good share of all.
        Assert.True(right * 3 >= total, $"only {right} of {total} cells read right");
        Assert.All(report.Main!.Cells.Where(c => c.Value is not null), c => Assert.NotNull(report.Source.BoxAt(c.Start)));
    }

    /// <summary>Page images at 150 dpi (JPEG at the given quality), turned by some degrees, in a PDF made by Chromium.</summary>
    string Scan(string pdf, int pages, double turn, int quality)
    {
        var name = Path.GetFileNameWithoutExtension(pdf);
        var dir = Directory.CreateDirectory(Path.Combine(_dir, name + "-scan")).FullName;
        var (exit, said) = Tool("pdftoppm", dir, "-r", "150", "-l", pages.ToString(), "-jpeg", "-jpegopt", $"quality={quality}", pdf, Path.Combine(dir, "p"));
        Assert.True(exit == 0, said);
        var (_, info) = Tool("pdfinfo", dir, pdf);
        var size = Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+)");
        string w = size.Groups[1].Value, h = size.Groups[2].Value;
        var html = new StringBuilder($"<html><head><style>@page{{size:{w}pt {h}pt;margin:0}} body{{margin:0}} img{{width:{w}pt;height:{h}pt;display:block;page-break-after:always;transform:rotate({turn}deg)}}</style></head><body>");
        foreach (var p in Directory.GetFiles(dir, "p-*.jpg").Order()) html.Append($"<img src=\"{Path.GetFileName(p)}\">");
        File.WriteAllText(Path.Combine(dir, "scan.html"), html.Append("</body></html>").ToString());
        var output = Path.Combine(_dir, name + "-scan.pdf");
        Print(Path.Combine(dir, "scan.html"), output);
        return output;
    }

    /// <summary>A folder holding only dotnet: PATH without LibreOffice, Tesseract or Poppler.</summary>
    string OnlyDotnet()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        var dotnet = Path.Combine(bin, "dotnet");
        if (!File.Exists(dotnet)) File.CreateSymbolicLink(dotnet, new FileInfo(Environment.ProcessPath!).Name == "dotnet" ? Environment.ProcessPath! : "/usr/bin/dotnet");
        return bin;
    }

    static (int Exit, string Out, string Err) RunWithPath(string path, params string[] args) => CommandLineTests.RunOgi(null, path, TimeSpan.FromMinutes(5), args);

    static (int Exit, string Output) Tool(string program, string dir, params string[] args) => RenderTests.RunTool(TimeSpan.FromMinutes(10), program, dir, args);
}
