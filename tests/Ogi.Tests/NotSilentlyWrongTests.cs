using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ogi.Parsing;
using Ogi.Synthesize;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// A report ogi cannot fully read says so (issue 13, part 2): a table whose values are missing (V1), tables or rows
/// not read (U1), a label's numbering never taken for a value, documents that are not reports, and the metadata
/// cases of real pages (glosses, cited titles, bracketed dates, a form kept after its time). Each is built from
/// synthetic reports of several seeds and layouts, changed in the one way the case needs.
/// </summary>
public partial class NotSilentlyWrongTests
{
    /// <summary>Synthetic reports of the template, in the layout, with no rule broken.</summary>
    static IEnumerable<(string Text, JsonElement Gold)> Reports(string template, SynthLayout layout, int count = 4)
    {
        int found = 0;
        for (int i = 0; found < count && i < 200; i++)
        {
            var s = ReportSynthesizer.Generate(31, i, layout, brokenShare: 0);
            var gold = JsonDocument.Parse(s.Gold.ToJsonString()).RootElement;
            if (gold.GetProperty("template").GetString() != template) continue;
            found++;
            yield return (Encoding.UTF8.GetString(s.Bytes), gold);
        }
    }

    static ParsedReport Parse(string text) => ReportParser.Parse(Encoding.UTF8.GetBytes(text));

    static string[] Rules(ParsedReport r) => r.Findings.Select(f => f.Rule).ToArray();

    [GeneratedRegex(@"(?<=^|\| )(?:[-+增减]|减少|增加)?[0-9][0-9.,]*(?= \|)", RegexOptions.Multiline)]
    private static partial Regex PipeNumber();

    [GeneratedRegex(@"(?m)^(?:(?:[-+增减]|减少|增加)?[0-9][0-9.,]*|—|/)$")]
    private static partial Regex LineNumber();

    /// <summary>The values of every table gone, the labels left: cells emptied (pipes), lines emptied or dropped (one cell a line).</summary>
    static string WithoutValues(string text, SynthLayout layout, bool dropLines) => layout == SynthLayout.Pipes
        ? PipeNumber().Replace(text, "")
        : dropLines ? Regex.Replace(LineNumber().Replace(text, "\u0001"), "\u0001\n?", "") : LineNumber().Replace(text, "");

    [Theory]
    [InlineData("gov2021", SynthLayout.Pipes, false)]
    [InlineData("gov2021", SynthLayout.Lines, false)]
    [InlineData("gov2021", SynthLayout.Lines, true)]
    [InlineData("gov2019", SynthLayout.Pipes, false)]
    [InlineData("gov2019", SynthLayout.Lines, true)]
    [InlineData("legacy", SynthLayout.Lines, true)]
    public void Labels_without_values_give_one_V1_per_table(string template, SynthLayout layout, bool dropLines)
    {
        foreach (var (text, _) in Reports(template, layout))
        {
            var r = Parse(WithoutValues(text, layout, dropLines));
            Assert.Equal(template, r.Template);
            var tables = Ogi.Templates.TemplateCatalog.Get(template).Tables.Select(t => t.Id).Distinct().Count();
            Assert.Equal(tables, r.Findings.Count(f => f.Rule == "V1"));
            // No rule broken by numbering read as values, no finding per cell.
            Assert.DoesNotContain(r.Findings, f => f.Rule is "G1" or "B1" || f.Severity == "error");
            Assert.All(r.Main!.Cells, c => Assert.Null(c.Value));
            Assert.True(r.NotFullyRead);
        }
    }

    [Theory]
    [InlineData(SynthLayout.Pipes)]
    [InlineData(SynthLayout.Lines)]
    public void Table_three_with_only_its_first_row_is_U1_naming_the_rows(SynthLayout layout)
    {
        foreach (var (text, gold) in Reports("gov2021", layout))
        {
            int from = text.IndexOf("上年结转政府信息公开申请数量", StringComparison.Ordinal);
            from = text.LastIndexOf('\n', from) + 1;
            int to = text.IndexOf("四、政府信息公开行政复议", StringComparison.Ordinal);
            Assert.True(from > 0 && to > from);
            var r = Parse(text[..from] + text[to..]);
            var u1 = Assert.Single(r.Findings, f => f.Rule == "U1");
            Assert.Contains("上年结转政府信息公开申请数量", u1.Message);
            Assert.Contains("applications.total.total", u1.Fields);
            Assert.DoesNotContain(u1.Fields, f => f.StartsWith("applications.new.", StringComparison.Ordinal) || f.StartsWith("proactive.", StringComparison.Ordinal));
            // What was read is read right.
            foreach (var c in r.Main!.Cells.Where(c => c.Field.StartsWith("applications.new.", StringComparison.Ordinal)))
                Assert.Equal(TestData.Number(gold.GetProperty("values").GetProperty(c.Field)), c.Value);
            Assert.True(r.NotFullyRead);
        }
    }

    [Fact]
    public void Table_two_with_only_its_first_rows_is_U1()
    {
        foreach (var (text, _) in Reports("gov2021", SynthLayout.Pipes))
        {
            int from = text.IndexOf("第二十条第（五）项", StringComparison.Ordinal);
            int to = text.IndexOf("三、收到和处理", StringComparison.Ordinal);
            var r = Parse(text[..from] + text[to..]);
            var u1 = Assert.Single(r.Findings, f => f.Rule == "U1");
            Assert.Contains("行政许可", u1.Message);
            Assert.Contains("proactive.licensing.decisions", u1.Fields);
        }
    }

    [Theory]
    [InlineData("gov2021")]
    [InlineData("gov2019")]
    [InlineData("legacy")]
    public void A_report_of_which_no_table_was_read_is_U1(string template)
    {
        foreach (var (text, gold) in Reports(template, SynthLayout.Pipes))
        {
            var prose = string.Join("\n", text.Split('\n').Where(l => !l.Contains('|')));
            var r = Parse(prose);
            Assert.Equal(template, r.Template);
            Assert.Empty(r.Tables);
            Assert.Contains(r.Findings, f => f.Rule == "U1" && f.Message.StartsWith("未读到统计表", StringComparison.Ordinal));
            Assert.True(r.NotFullyRead);
        }
    }

    [Fact]
    public void A_complete_report_is_read_fully()
    {
        foreach (var template in new[] { "gov2021", "gov2019", "legacy" })
            foreach (var (text, _) in Reports(template, SynthLayout.Pipes))
                Assert.False(Parse(text).NotFullyRead, template);
    }

    [Theory]
    [InlineData("关于做好{0}年度政府信息公开工作年度报告编制和发布工作的通知", "各乡镇人民政府，县政府各部门：\n现就做好{0}年度政府信息公开工作年度报告编制和发布工作通知如下：\n一、各单位要于{1}年1月31日前发布本机关{0}年度政府信息公开工作年度报告。\n二、年度报告按国务院办公厅印发的格式编制，统计表的数据要准确。\n{2}办公室\n{1}年1月5日")]
    [InlineData("{2}{0}年度政府信息公开工作年度报告编制工作方案", "为做好{0}年度政府信息公开工作年度报告编制工作，制定本方案。\n一、工作目标\n二、时间安排：{1}年1月20日前完成。")]
    [InlineData("关于报送{0}年度政府信息公开工作年度报告的函", "市政务公开办：\n现将我局{0}年度政府信息公开工作年度报告报送你办，请审核。\n{2}\n{1}年1月20日")]
    public void A_document_about_the_report_is_unknown(string heading, string body)
    {
        foreach (var (_, gold) in Reports("gov2021", SynthLayout.Pipes, 3))
        {
            int year = gold.GetProperty("metadata").GetProperty("year").GetInt32();
            var agency = gold.GetProperty("metadata").GetProperty("agency").GetString();
            var text = "首页 > 政务公开 > 通知公告\n" + string.Format(heading, year, year + 1, agency) + "\n" + string.Format(body, year, year + 1, agency) + "\n";
            var r = Parse(text);
            Assert.Equal("unknown", r.Template);
            Assert.Null(r.Metadata.Agency);
        }
    }

    [Fact]
    public void The_title_of_a_cited_notice_is_not_the_reports()
    {
        foreach (var (text, gold) in Reports("gov2021", SynthLayout.Pipes))
        {
            int year = gold.GetProperty("metadata").GetProperty("year").GetInt32();
            var agency = gold.GetProperty("metadata").GetProperty("agency").GetString()!;
            // No title line: the report names itself in its first sentence, after the notice it follows.
            var body = text[text.IndexOf("本报告根据", StringComparison.Ordinal)..];
            var page = $"根据《关于做好{year}年度政府信息公开工作年度报告编制和发布工作的通知》要求，现公布{agency}{year}年度政府信息公开工作年度报告。\n" + body;
            var r = Parse(page);
            Assert.Equal(agency, r.Metadata.Agency);
            Assert.Equal(year, r.Metadata.Year);
        }
    }

    [Fact]
    public void Pinyin_glosses_are_no_part_of_names_or_labels()
    {
        foreach (var (text, gold) in Reports("gov2021", SynthLayout.Pipes))
        {
            var agency = gold.GetProperty("metadata").GetProperty("agency").GetString()!;
            var glossed = text.Replace("人民政府", "人民政(zhèng)府", StringComparison.Ordinal).Replace("镇", "镇(zhèn)", StringComparison.Ordinal)
                .Replace("信息内容", "信息內(nèi)容", StringComparison.Ordinal).Replace("行政许可", "行(xíng)政许可", StringComparison.Ordinal);
            Assert.NotEqual(text, glossed);
            var r = Parse(glossed);
            Assert.Equal(agency, r.Metadata.Agency);
            var want = gold.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value));
            Assert.Equal(want, TestData.Values(r.Main));
        }
    }

    [Fact]
    public void A_bracketed_date_under_the_title_is_the_publication_date()
    {
        foreach (var (text, gold) in Reports("gov2021", SynthLayout.Pipes))
        {
            var title = gold.GetProperty("metadata").GetProperty("title").GetString()!;
            int year = gold.GetProperty("metadata").GetProperty("year").GetInt32();
            // No 发布日期 line on the page, no signature date: only the date printed under the title.
            var lines = text.Split('\n').Where(l => !l.Contains("发布") && !Regex.IsMatch(l, @"^\d{4}年\d{1,2}月\d{1,2}日$")).ToList();
            int at = lines.FindLastIndex(l => l.Trim() == title);
            Assert.True(at >= 0);
            lines.Insert(at + 1, $"（{year + 1}年1月29日）");
            Assert.Equal(new DateOnly(year + 1, 1, 29), Parse(string.Join("\n", lines)).Metadata.Published);
        }
    }

    [Theory]
    [InlineData("gov2019", 2021)]
    [InlineData("gov2019", 2023)]
    [InlineData("legacy", 2019)]
    public void A_form_kept_after_its_time_is_F1_and_read_by_its_content(string template, int year)
    {
        foreach (var (text, gold) in Reports(template, SynthLayout.Pipes))
        {
            int printed = gold.GetProperty("metadata").GetProperty("year").GetInt32();
            var r = Parse(text.Replace($"{printed}年", $"{year}年", StringComparison.Ordinal));
            Assert.Equal(template, r.Template);
            Assert.Equal(year, r.Metadata.Year);
            Assert.Single(r.Findings, f => f.Rule == "F1");
            var want = gold.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value));
            Assert.Equal(want, TestData.Values(r.Main));
        }
        // In its own years, no F1.
        foreach (var (text, _) in Reports(template, SynthLayout.Pipes))
            Assert.DoesNotContain("F1", Rules(Parse(text)));
    }

    [Fact]
    public void A_title_broken_before_its_year_is_one_title()
    {
        foreach (var template in new[] { "gov2021", "legacy" })
            foreach (var (text, gold) in Reports(template, SynthLayout.Pipes))
            {
                var meta = gold.GetProperty("metadata");
                var title = meta.GetProperty("title").GetString()!;
                var agency = meta.GetProperty("agency").GetString()!;
                int at = title.IndexOf(meta.GetProperty("year").GetInt32() + "年", StringComparison.Ordinal);
                if (at <= 0) continue;
                var r = Parse(text.Replace(title, title[..at] + "\n" + title[at..], StringComparison.Ordinal));
                Assert.Equal(title, r.Metadata.Title);
                Assert.Equal(meta.GetProperty("year").GetInt32(), r.Metadata.Year);
            }
    }

    [Theory]
    [InlineData("gov2021", SynthLayout.Lines)]
    [InlineData("gov2019", SynthLayout.Spaces)]
    [InlineData("legacy", SynthLayout.BlankLines)]
    [InlineData("gov2021", SynthLayout.Csv)]
    public void A_title_broken_before_its_year_keeps_its_agency_and_year_in_text_layouts(string template, SynthLayout layout)
    {
        foreach (var (text, gold) in Reports(template, layout))
        {
            var meta = gold.GetProperty("metadata");
            var title = meta.GetProperty("title").GetString()!;
            int year = meta.GetProperty("year").GetInt32();
            int at = title.IndexOf(year + "年", StringComparison.Ordinal);
            if (at <= 0) continue;
            // …松木塘镇人民政府 / 2022年度政府信息公开工作年度报告, in the page's head and as the report's title.
            var r = Parse(text.Replace(title, title[..at] + "\n" + title[at..], StringComparison.Ordinal));
            Assert.Equal(title, r.Metadata.Title);
            Assert.Equal(year, r.Metadata.Year);
            Assert.Equal(meta.GetProperty("agency").GetString(), r.Metadata.Agency);
        }
    }

    [Fact]
    public void Without_a_title_the_year_is_the_statistics_periods_or_the_proses()
    {
        foreach (var (text, gold) in Reports("gov2021", SynthLayout.Pipes))
        {
            var meta = gold.GetProperty("metadata");
            var title = meta.GetProperty("title").GetString()!;
            int year = meta.GetProperty("year").GetInt32();
            var untitled = string.Join("\n", text.Split('\n').Where(l => l.Trim() != title));
            Assert.Contains($"统计期限自{year}年1月1日", untitled);
            var r = Parse(untitled);
            Assert.Null(r.Metadata.Title);
            Assert.Equal(year, r.Metadata.Year);
            var restated = untitled.Replace($"统计期限自{year}年1月1日起至{year}年12月31日止", $"统计期限为{year}年1月1日至{year}年12月31日", StringComparison.Ordinal);
            Assert.Equal(year, Parse(restated).Metadata.Year);
            // No statistics period either: the year the prose opens with ("2023年，南屏县人民政府坚持…").
            var prose = Regex.Replace(untitled, @"本报告中所列数据的统计期限[^。]*。", "");
            Assert.DoesNotContain("统计期限", prose);
            Assert.Equal(year, Parse(prose).Metadata.Year);
        }
    }
}
