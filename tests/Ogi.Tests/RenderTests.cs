using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Ogi.Parsing;
using Ogi.Render;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// `render`: canonical values of real reports → the official format in HTML, Markdown, text and Word → parsed back,
/// the same values; the Word file's merged cells are Word's own, and LibreOffice opens and converts it.
/// </summary>
public class RenderTests
{
    static ReportContent Content(string goldFile) => ReportContent.FromJson(File.ReadAllText(goldFile));

    static string Seed(string name) => Path.Combine(TestData.SeedGold, name + ".json");
    static string Corpus(string name) => Path.Combine(TestData.CorpusGold, name + ".json");

    static byte[] Render(ReportContent content, string format)
    {
        var report = ReportComposer.Compose(content);
        return format switch
        {
            "docx" => DocxReportWriter.Write(report),
            "md" => Encoding.UTF8.GetBytes(MarkdownReportWriter.Write(report)),
            "txt" => Encoding.UTF8.GetBytes(TextReportWriter.Write(report)),
            _ => Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report)),
        };
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var gold in new[] { "seed:003_e2088ef8146a25db", "seed:000_c0b7254846a238aa", "corpus:pingtan-zone-2022", "corpus:pingtan-zone-2015" })
            foreach (var format in new[] { "html", "docx", "md", "txt" }) data.Add(gold, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_report_parses_back_to_its_values(string gold, string format)
    {
        var file = gold.StartsWith("seed:") ? Seed(gold[5..]) : Corpus(gold[7..]);
        var content = Content(file);
        var report = ReportParser.Parse(Render(content, format));
        Assert.Equal(content.Template, report.Template);
        Assert.Equal(content.Agency, report.Metadata.Agency);
        Assert.Equal(content.Year, report.Metadata.Year);
        Assert.Equal(content.Published, report.Metadata.Published);
        var got = TestData.Values(report.Main);
        var wrong = content.Values.Where(kv => !(got.TryGetValue(kv.Key, out var v) && v == kv.Value))
            .Select(kv => $"{kv.Key}: want {kv.Value}, got {(got.TryGetValue(kv.Key, out var x) ? x?.ToString() ?? "null" : "nothing")}").ToList();
        Assert.True(wrong.Count == 0, $"{format}: {wrong.Count} of {content.Values.Count} values differ\n" + string.Join("\n", wrong.Take(20)));
        Assert.Equal(content.Values.Count, got.Count);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "S1");
    }

    /// <summary>
    /// Synthetic values — blank cells at the start and end of rows, broken rules, Fujian's forms — rendered in every
    /// format and read back.
    /// </summary>
    [Theory]
    [InlineData("html")] [InlineData("docx")] [InlineData("md")] [InlineData("txt")]
    public void Rendered_synthetic_values_parse_back(string format)
    {
        var failures = new List<string>();
        int blanks = 0;
        for (int i = 0; i < 120; i++)
        {
            var gold = Ogi.Synthesize.ReportSynthesizer.Generate(77, i, Ogi.Synthesize.SynthLayout.Pipes).Gold;
            var content = ReportContent.FromJson(gold.ToJsonString());
            blanks += content.Values.Count(v => v.Value is null);
            var got = TestData.Values(ReportParser.Parse(Render(content, format)).Main);
            // A provincial row of synth's (proactive.extra.*) is no field of the template: render does not draw it.
            var fields = Ogi.Templates.TemplateCatalog.Get(content.Template).Tables.SelectMany(t => t.Fields).ToHashSet();
            var drawn = content.Values.Where(kv => fields.Contains(kv.Key) || kv.Key.StartsWith("legacy.extra.", StringComparison.Ordinal)).ToList();
            var wrong = drawn.Where(kv => !(got.TryGetValue(kv.Key, out var v) && v == kv.Value)).Select(kv => kv.Key).ToList();
            if (wrong.Count > 0 || got.Count != drawn.Count) failures.Add($"#{i}: {wrong.Count} wrong ({string.Join(", ", wrong.Take(4))}), {got.Count}/{content.Values.Count} fields");
        }
        Assert.True(blanks > 100, "the sample should hold blank cells");
        Assert.True(failures.Count == 0, $"{format}: " + string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void Seed_003_breaks_R1_and_is_rendered_as_given()
    {
        var content = Content(Seed("003_e2088ef8146a25db"));
        var findings = ContentCheck.Check(content, out var unknown);
        Assert.Empty(unknown);
        Assert.Contains(findings, f => f.Rule == "R1" && f.Fields.Contains("applications.new.natural"));
        var report = ReportParser.Parse(Render(content, "html"));
        Assert.Equal(259m, TestData.Values(report.Main)["applications.new.natural"]);
        Assert.Contains(report.Findings, f => f.Rule == "R1");
    }

    static XNamespace W => "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Fact]
    public void Word_tables_merge_cells_as_the_official_format_does()
    {
        var bytes = Render(Content(Seed("003_e2088ef8146a25db")), "docx");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var doc = XDocument.Load(zip.GetEntry("word/document.xml")!.Open());
        var tables = doc.Descendants(W + "tbl").ToList();
        Assert.Equal(3, tables.Count); // 二, 三, 四
        var applications = tables[1];
        Assert.Equal(10, applications.Element(W + "tblGrid")!.Elements(W + "gridCol").Count());
        // 三、本年度办理结果 restarts a vertical merge, continued in the rows below; the 勾稽关系 note spans three columns.
        var firstCells = applications.Elements(W + "tr").Select(tr => tr.Elements(W + "tc").First()).ToList();
        Assert.Equal("3", firstCells[0].Descendants(W + "gridSpan").Single().Attribute(W + "val")!.Value);
        Assert.Contains(firstCells, tc => tc.Descendants(W + "vMerge").Any(v => (string?)v.Attribute(W + "val") == "restart") && tc.Value.Contains("本年度办理结果"));
        Assert.True(firstCells.Count(tc => tc.Descendants(W + "vMerge").Any(v => (string?)v.Attribute(W + "val") == "continue")) >= 20);
        // Every row covers the whole grid.
        foreach (var tr in applications.Elements(W + "tr"))
            Assert.Equal(10, tr.Elements(W + "tc").Sum(tc => (int?)tc.Descendants(W + "gridSpan").Select(g => (int)g.Attribute(W + "val")!).FirstOrDefault() is int s && s > 0 ? s : 1));
        var appeals = tables[2];
        var top = appeals.Elements(W + "tr").First().Elements(W + "tc").Select(tc => (tc.Value, Span: tc.Descendants(W + "gridSpan").Select(g => (string)g.Attribute(W + "val")!).FirstOrDefault())).ToList();
        Assert.Equal([("行政复议", "5"), ("行政诉讼", "10")], top);
    }

    [Fact]
    public void LibreOffice_opens_the_Word_file_and_converts_it_to_PDF()
    {
        var dir = Directory.CreateTempSubdirectory("ogi-lo-").FullName;
        try
        {
            var docx = Path.Combine(dir, "report.docx");
            File.WriteAllBytes(docx, Render(Content(Seed("003_e2088ef8146a25db")), "docx"));
            var (exit, output) = RunTool("soffice", dir, $"-env:UserInstallation=file://{dir}/profile", "--headless", "--convert-to", "pdf", "--outdir", dir, docx);
            Assert.True(exit == 0, "soffice failed: " + output);
            var pdf = Path.Combine(dir, "report.pdf");
            Assert.True(File.Exists(pdf), "no PDF: " + output);
            Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(pdf)[..4]);
            var (textExit, text) = RunTool("pdftotext", dir, "-layout", pdf, "-");
            Assert.Equal(0, textExit);
            Assert.Contains("收到和处理政府信息公开申请情况", text);
            Assert.Contains("湖州市南浔区人民政府", text);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Runs a program the tests need (installed by scripts/setup.sh); its absence fails the test with the reason.</summary>
    internal static (int Exit, string Output) RunTool(string program, string dir, params string[] args) => RunTool(TimeSpan.FromSeconds(180), program, dir, args);

    /// <summary>The same, allowed <paramref name="limit"/> (OCR and PDF printing take minutes on a loaded machine).</summary>
    internal static (int Exit, string Output) RunTool(TimeSpan limit, string program, string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception) { throw new Xunit.Sdk.XunitException($"{program} is not installed: run scripts/setup.sh"); }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(limit)) { p.Kill(true); throw new Xunit.Sdk.XunitException($"{program} did not finish in {limit.TotalSeconds:0} s"); }
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
    }

    [Fact]
    public void Data_without_a_template_or_with_bad_values_is_refused()
    {
        Assert.Throws<FormatException>(() => ReportContent.FromJson("{\"values\": {}}"));
        Assert.Throws<FormatException>(() => ReportContent.FromJson("{\"template\": \"gov2021\", \"values\": {\"applications.new.natural\": \"many\"}}"));
        Assert.Throws<FormatException>(() => ReportContent.FromJson("[1, 2]"));
        Assert.Throws<FormatException>(() => ReportContent.FromJson("not json"));
        var c = ReportContent.FromJson("{\"values\": {\"applications.new.natural\": 3}}", "gov2021");
        Assert.Equal("gov2021", c.Template);
    }

    [Fact]
    public void Sections_given_in_the_data_are_printed_under_their_headings()
    {
        var json = "{\"template\":\"gov2021\",\"metadata\":{\"agency\":\"青川县\",\"year\":2023,\"published\":\"2024-01-20\"},\"values\":{\"applications.new.natural\":2},"
                   + "\"sections\":{\"总体情况\":\"本县全面推进政务公开。\",\"六、其他需要报告的事项\":\"无。\"}}";
        var text = TextReportWriter.Write(ReportComposer.Compose(ReportContent.FromJson(json)));
        Assert.Contains("一、总体情况\n本县全面推进政务公开。", text);
        Assert.Contains("六、其他需要报告的事项\n无。", text);
        Assert.StartsWith("青川县2023年度政府信息公开工作年度报告\n", text);
        Assert.EndsWith("青川县\n2024年1月20日\n", text);
    }
}
