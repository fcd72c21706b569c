using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Ogi.Parsing;
using Ogi.Render;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// Layouts an independent review wrote by its own hand from the gold values, and ogi once misread: a page break
/// inside a row, 答覆, UTF-16 web pages, Word's older and stricter markup, titles broken before the year, reworded
/// labels, and values apart by spaces in columns whose empty cells are only gaps.
/// </summary>
public class WildLayoutTests
{
    static readonly string Seed003Gold = Path.Combine(TestData.SeedGold, "003_e2088ef8146a25db.json");

    static Dictionary<string, decimal?> GoldValues(string file) =>
        TestData.Gold(file).GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value));

    static RenderedReport Rendered(string goldFile) => ReportComposer.Compose(ReportContent.FromJson(File.ReadAllText(goldFile)), TableStyle.Official);

    static void AssertValues(Dictionary<string, decimal?> want, ParsedReport r)
    {
        var got = TestData.Values(r.Main);
        var wrong = want.Where(kv => !(got.TryGetValue(kv.Key, out var v) && v == kv.Value))
            .Select(kv => $"{kv.Key}: want {kv.Value}, got {(got.TryGetValue(kv.Key, out var v) ? v?.ToString() ?? "null" : "nothing")}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(12)));
    }

    static ParsedReport Parse(string text) => ReportParser.Parse(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("\n- 3 -\n\f\n")]
    [InlineData("\n第 3 页 共 8 页\n\f\n")]
    [InlineData("\n\n第3页/共8页\n\n")]
    public void A_page_break_between_a_label_and_its_values(string pageBreak)
    {
        var text = TextReportWriter.Write(Rendered(Seed003Gold), new TextWriterOptions { Layout = TextTableLayout.Lines });
        int at = text.IndexOf("行政处罚\n", StringComparison.Ordinal);
        Assert.True(at > 0);
        text = text[..(at + 4)] + pageBreak + text[(at + 5)..];
        AssertValues(GoldValues(Seed003Gold), Parse(text));
    }

    [Fact]
    public void Traditional_答覆_is_答复()
    {
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "000_c0b7254846a238aa"));
        var traditional = TestData.Traditional(seed).Replace("答復", "答覆", StringComparison.Ordinal);
        Assert.Contains("答覆", traditional);
        AssertValues(GoldValues(Path.Combine(TestData.SeedGold, "000_c0b7254846a238aa.json")), Parse(traditional));
    }

    [Fact]
    public void A_utf16_web_page_is_read_as_html()
    {
        var html = HtmlReportWriter.Write(Rendered(Seed003Gold), HtmlFlavor.MsWord, charset: "unicode");
        var r = ReportParser.Parse([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(html)]);
        Assert.Equal(Ogi.Decode.SourceFormat.Html, r.Source.Format);
        Assert.DoesNotContain("<", r.Metadata.Agency ?? "");
        AssertValues(GoldValues(Seed003Gold), r);
    }

    [Fact]
    public void A_title_broken_before_the_year_keeps_its_agency()
    {
        var html = HtmlReportWriter.Write(Rendered(Seed003Gold));
        var agency = TestData.Gold(Seed003Gold).GetProperty("metadata").GetProperty("agency").GetString()!;
        var title = agency + "2020年度政府信息公开工作年度报告";
        Assert.Contains(title, html);
        html = html.Replace(title, agency + "<br/>2020年度政府信息公开工作年度报告", StringComparison.Ordinal);
        var r = ReportParser.Parse(Encoding.UTF8.GetBytes(html));
        Assert.Equal(agency, r.Metadata.Agency);
    }

    static byte[] RewriteDocument(byte[] docx, Func<XDocument, XDocument> change)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in input.Entries)
            {
                using var from = entry.Open();
                var to = zip.CreateEntry(entry.FullName);
                using var target = to.Open();
                if (entry.FullName == "word/document.xml") change(XDocument.Load(from)).Save(target);
                else from.CopyTo(target);
            }
        return output.ToArray();
    }

    static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Fact]
    public void Word_97_horizontal_merges_are_one_cell()
    {
        var docx = RewriteDocument(DocxReportWriter.Write(Rendered(Seed003Gold)), doc =>
        {
            int merged = 0;
            foreach (var span in doc.Descendants(W + "gridSpan").ToList())
            {
                int n = int.Parse(span.Attribute(W + "val")!.Value, System.Globalization.CultureInfo.InvariantCulture);
                var cell = span.Parent!.Parent!;
                span.ReplaceWith(new XElement(W + "hMerge", new XAttribute(W + "val", "restart")));
                for (int k = 1; k < n; k++)
                    cell.AddAfterSelf(new XElement(W + "tc", new XElement(W + "tcPr", new XElement(W + "hMerge")), new XElement(W + "p")));
                merged++;
            }
            Assert.True(merged > 5);
            return doc;
        });
        AssertValues(GoldValues(Seed003Gold), ReportParser.Parse(docx));
    }

    [Fact]
    public void Strict_open_xml_is_read()
    {
        var docx = RewriteDocument(DocxReportWriter.Write(Rendered(Seed003Gold)), doc =>
            XDocument.Parse(doc.ToString().Replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main", StringComparison.Ordinal)));
        AssertValues(GoldValues(Seed003Gold), ReportParser.Parse(docx));
    }

    [Fact]
    public void A_word_file_holding_an_html_chunk_is_read()
    {
        var html = HtmlReportWriter.Write(Rendered(Seed003Gold));
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string name, string content)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
            Put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"htm\" ContentType=\"application/xhtml+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Put("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body><w:altChunk r:id=\"chunk1\"/><w:sectPr/></w:body></w:document>");
            Put("word/_rels/document.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"chunk1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"afchunk.htm\"/></Relationships>");
            Put("word/afchunk.htm", html);
        }
        var r = ReportParser.Parse(output.ToArray());
        AssertValues(GoldValues(Seed003Gold), r);
        Assert.Equal(TestData.Gold(Seed003Gold).GetProperty("metadata").GetProperty("agency").GetString(), r.Metadata.Agency);
    }

    [Fact]
    public void Reworded_labels_are_label_variants()
    {
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        var reworded = seed.Replace("其他对外管理服务事项", "其他对外管理服务", StringComparison.Ordinal)
            .Replace("本年新收政府信息公开申请数量", "本年新收政府信息公开申请数", StringComparison.Ordinal)
            .Replace("上年结转政府信息公开申请数量", "上年结转政府信息公开申请数", StringComparison.Ordinal)
            .Replace("信访举报投诉类申请", "信访、举报、投诉类申请", StringComparison.Ordinal);
        Assert.NotEqual(seed, reworded);
        AssertValues(GoldValues(Seed003Gold), Parse(reworded));
    }

    /// <summary>
    /// Table 三 as a PDF's text gives it: each value right-aligned in a column of fixed width, an empty cell only
    /// spaces. Label widths are counted in display columns (a Chinese character is two wide), as pdftotext does.
    /// </summary>
    static string FixedWidthTable3(Dictionary<string, decimal?> values, string template)
    {
        var t = Ogi.Templates.TemplateCatalog.Get(template).Tables.First(x => x.Definition.Title.Contains("申请", StringComparison.Ordinal));
        var sb = new StringBuilder("三、收到和处理政府信息公开申请情况\n");
        sb.Append(new string(' ', 40)).Append("自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计\n");
        foreach (var row in t.Rows.Where(r => !r.Group))
        {
            var label = row.Label;
            int width = label.Sum(c => c >= 0x2E80 ? 2 : 1);
            sb.Append(label).Append(new string(' ', Math.Max(2, 56 - width)));
            foreach (var col in row.Columns)
            {
                var v = values.TryGetValue(col.Field, out var x) ? x : null;
                sb.Append((v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").PadLeft(9));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    [Fact]
    public void Empty_cells_that_are_only_gaps_are_placed_by_their_columns()
    {
        var gold = GoldValues(Seed003Gold);
        // Zeros printed as nothing in every other row (a report that leaves some zeros blank): each column keeps
        // values in several rows, so the columns' places are known.
        var rowIds = gold.Keys.Where(k => k.StartsWith("applications.", StringComparison.Ordinal)).Select(k => k[..k.LastIndexOf('.')]).Distinct().ToList();
        var blanked = rowIds.Where((_, i) => i % 2 == 0).ToHashSet();
        var values = gold.Where(kv => kv.Key.StartsWith("applications.", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => blanked.Contains(kv.Key[..kv.Key.LastIndexOf('.')]) && kv.Value == 0 ? null : kv.Value);
        Assert.True(values.Count(kv => kv.Value is null) > 30);
        var r = Parse("2020年度政府信息公开工作年度报告\n" + FixedWidthTable3(values, "gov2019"));
        var got = r.Main!.Cells.ToDictionary(c => c.Field);
        var wrong = values.Where(kv => !got.TryGetValue(kv.Key, out var c) || c.Value != kv.Value || kv.Value is not null && c.Confidence < 1).Select(kv => kv.Key).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Take(12)));
    }

    [Fact]
    public void Values_apart_by_spaces_are_never_read_into_the_wrong_column_silently()
    {
        // Shanghai's 2019 table leaves zeros blank and whole columns empty: no column positions can be learnt there.
        var values = GoldValues(Path.Combine(TestData.CorpusGold, "shanghai-govoffice-2019.json"));
        var text = FixedWidthTable3(values, "gov2019");
        var r = Parse("2019年度政府信息公开工作年度报告\n" + text);
        var wrong = r.Main!.Cells.Where(c => values.TryGetValue(c.Field, out var v) && c.Value != v).ToList();
        Assert.NotEmpty(r.Main.Cells);
        Assert.All(wrong, c => Assert.True(c.Confidence <= 0.5, $"{c.Field} = {c.Value} with confidence {c.Confidence}"));
        Assert.Contains(r.Findings, f => f.Rule == "G1");
    }
}
