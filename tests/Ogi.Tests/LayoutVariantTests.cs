using System.Text;
using System.Text.RegularExpressions;
using Ogi.Decode;
using Ogi.Normalize;
using Ogi.Parsing;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// The same real report in the layouts and encodings the web produces: its values must not change. Each variant
/// is made from seed 003 (a pipe-row scrape) or the Shanghai HTML page, and compared with their gold.
/// </summary>
public class LayoutVariantTests
{
    static readonly string Seed003 = File.ReadAllText(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
    static readonly string GoldFile = Path.Combine(TestData.SeedGold, "003_e2088ef8146a25db.json");

    static void AssertGold(ParsedReport r, string goldFile, Func<string, bool>? only = null)
    {
        var gold = TestData.Gold(goldFile);
        Assert.Equal(gold.GetProperty("template").GetString(), r.Template);
        var values = TestData.Values(r.Main);
        var wrong = new List<string>();
        foreach (var v in gold.GetProperty("values").EnumerateObject())
        {
            if (only is not null && !only(v.Name)) continue;
            var want = TestData.Number(v.Value);
            if (!values.TryGetValue(v.Name, out var got) || got != want) wrong.Add($"{v.Name}: want {want}, got {got}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
        Assert.Equal(gold.GetProperty("metadata").GetProperty("agency").GetString(), r.Metadata.Agency);
    }

    static ParsedReport ParseBytes(byte[] bytes) => ReportParser.Parse(bytes);

    [Fact]
    public void Utf8_with_bom()
    {
        AssertGold(ParseBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Seed003)]), GoldFile);
    }

    [Fact]
    public void Gb18030_without_a_declaration()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var r = ParseBytes(Encoding.GetEncoding("GB18030").GetBytes(Seed003));
        Assert.Equal("gb18030", r.Source.EncodingName);
        AssertGold(r, GoldFile);
    }

    [Fact]
    public void Utf16_little_endian()
    {
        AssertGold(ParseBytes([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Seed003)]), GoldFile);
    }

    [Fact]
    public void Big5_in_traditional_characters()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var big5 = Encoding.GetEncoding("big5", EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        var traditional = TestData.Traditional(Seed003);
        Assert.NotEqual(Seed003, traditional);
        var r = ParseBytes(big5.GetBytes(traditional));
        AssertGold(r, GoldFile);
    }

    [Fact]
    public void Full_width_digits_and_punctuation()
    {
        var full = TestData.FullWidth(Seed003, "0123456789|.");
        AssertGold(ParseBytes(Encoding.UTF8.GetBytes(full)), GoldFile);
    }

    [Fact]
    public void One_cell_per_line()
    {
        var lines = Regex.Replace(Seed003, @" ?\| ?", "\n");
        AssertGold(ParseBytes(Encoding.UTF8.GetBytes(lines)), GoldFile);
    }

    [Fact]
    public void Cells_separated_by_blank_lines()
    {
        var blank = Regex.Replace(Seed003, @" ?\| ?", "\n\n");
        AssertGold(ParseBytes(Encoding.UTF8.GetBytes(blank)), GoldFile);
    }

    [Fact]
    public void Space_separated_runs()
    {
        var spaced = Regex.Replace(Seed003, @" ?\| ?", " ");
        AssertGold(ParseBytes(Encoding.UTF8.GetBytes(spaced)), GoldFile);
    }

    [Fact]
    public void Glued_runs_in_tables_three_and_four()
    {
        // Only the arithmetic can split these: every row of table 三 and the 15 cells of table 四 lose their separators.
        int t3 = Seed003.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal);
        int t5 = Seed003.IndexOf("五、存在的主要问题", StringComparison.Ordinal);
        var glued = Seed003[..t3] + Regex.Replace(Seed003[t3..t5], @" ?\| ?", "") + Seed003[t5..];
        var r = ParseBytes(Encoding.UTF8.GetBytes(glued));
        AssertGold(r, GoldFile, f => f.StartsWith("applications.", StringComparison.Ordinal) || f.StartsWith("appeals.", StringComparison.Ordinal));
    }

    [Fact]
    public void Ms_word_html_with_page_chrome_in_gb2312()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = new StringBuilder();
        html.Append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>年度报告</title>")
            .Append("<style>p.MsoNormal{margin:0}</style><script>var x = '<td>1</td>';</script></head><body>")
            .Append("<div class=nav><a href=/>首页</a> &gt; <a>信息公开</a> &gt; 年度报告</div><table><tr><td><div class=content>");
        bool inTable = false;
        foreach (var line in Seed003.Split('\n'))
        {
            if (line.Contains(" |"))
            {
                if (!inTable) { html.Append("<table border=1 cellspacing=0>"); inTable = true; }
                html.Append("<tr>");
                foreach (var cell in line.Split('|').SkipLast(1))
                {
                    var text = cell.Trim();
                    html.Append("<td valign=top><p class=MsoNormal><span lang=EN-US style='font-size:10.5pt'>")
                        .Append(text.Length == 0 ? "&nbsp;" : System.Net.WebUtility.HtmlEncode(text)).Append("<o:p></o:p></span></p></td>");
                }
                html.Append("</tr>\n");
            }
            else
            {
                if (inTable) { html.Append("</table>"); inTable = false; }
                html.Append("<p class=MsoNormal><span>").Append(System.Net.WebUtility.HtmlEncode(line)).Append("</span></p>\n");
            }
        }
        if (inTable) html.Append("</table>");
        html.Append("</div></td></tr></table><div class=footer>主办单位：某某人民政府办公室 | 网站标识码 3305000001 | 分享到：微信 微博</div></body></html>");
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(html.ToString());
        var r = ParseBytes(bytes);
        Assert.Equal(SourceFormat.Html, r.Source.Format);
        AssertGold(r, GoldFile);
        Assert.Contains(r.Findings, f => f.Rule == "R1");
    }

    [Fact]
    public void Html_page_cut_short_still_parses_what_it_holds()
    {
        var html = File.ReadAllText(Path.Combine(TestData.Corpus, "shanghai-govoffice-2019.html"));
        var cut = html[..html.IndexOf("四、结转下年度继续办理", StringComparison.Ordinal)];
        var r = ParseBytes(Encoding.UTF8.GetBytes(cut));
        Assert.Equal("gov2019", r.Template);
        Assert.Equal(821m, TestData.Values(r.Main)["applications.new.natural"]);
    }

}

public class MisdeclaredEncodingTests
{
    [Fact]
    public void Gbk_bytes_under_a_utf8_declaration_are_still_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = File.ReadAllText(Path.Combine(TestData.Corpus, "shanghai-govoffice-2019.html"));
        var declared = "<html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>";
        var r = ReportParser.Parse(Encoding.GetEncoding("GBK").GetBytes(declared));
        Assert.Equal("gb18030", r.Source.EncodingName);
        Assert.Equal("上海市人民政府办公厅", r.Metadata.Agency);
        Assert.Equal(859m, TestData.Values(r.Main)["applications.new.total"]);
    }
}

/// <summary>Layouts a review of the synth-driven parser changes found risky, each read right.</summary>
public class ReviewedLayoutTests
{
    static Dictionary<string, decimal?> GoldValues(string file) =>
        TestData.Gold(file).GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value));

    static string Render(string template, Dictionary<string, decimal?> values, Ogi.Render.TableStyle style, Ogi.Render.TextTableLayout layout)
    {
        var content = new Ogi.Render.ReportContent { Template = template, Title = "青川县2022年度政府信息公开工作年度报告", Values = values };
        return Ogi.Render.TextReportWriter.Write(Ogi.Render.ReportComposer.Compose(content, style), new Ogi.Render.TextWriterOptions { Layout = layout });
    }

    [Theory]
    [InlineData(Ogi.Render.TextTableLayout.Pipes)]
    [InlineData(Ogi.Render.TextTableLayout.Lines)]
    public void An_unnumbered_blank_row_before_an_unnumbered_total_is_no_heading(Ogi.Render.TextTableLayout layout)
    {
        var values = GoldValues(Path.Combine(TestData.CorpusGold, "pingtan-zone-2022.json"));
        foreach (var f in values.Keys.Where(k => k.StartsWith("applications.other_handling.misc.", StringComparison.Ordinal)).ToList()) values[f] = null;
        var unnumbered = new Ogi.Render.TableStyle { Label = row => row.Definition.Official ?? row.Label };
        var text = Render("gov2021", values, unnumbered, layout);
        Assert.Contains("其他", text);
        var got = TestData.Values(ReportParser.Parse(Encoding.UTF8.GetBytes(text)).Main);
        var wrong = values.Where(kv => !(got.TryGetValue(kv.Key, out var v) && v == kv.Value)).Select(kv => kv.Key).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Take(10)));
    }

    [Fact]
    public void Dashes_around_a_number_under_their_label_are_cells_not_a_page_number()
    {
        var values = GoldValues(Path.Combine(TestData.SeedGold, "003_e2088ef8146a25db.json"));
        values["proactive.coercion.prior_items"] = null;
        values["proactive.coercion.change"] = 5;
        values["proactive.coercion.decisions"] = null;
        var text = Render("gov2019", values, Ogi.Render.TableStyle.Official, Ogi.Render.TextTableLayout.Spaces);
        int at = text.IndexOf("行政强制", StringComparison.Ordinal);
        int lineEnd = text.IndexOf('\n', at);
        text = text[..at] + "行政强制\n—    5    —" + text[lineEnd..];
        var got = TestData.Values(ReportParser.Parse(Encoding.UTF8.GetBytes(text)).Main);
        Assert.Null(got["proactive.coercion.prior_items"]);
        Assert.Equal(5m, got["proactive.coercion.change"]);
        Assert.Null(got["proactive.coercion.decisions"]);
    }
}
