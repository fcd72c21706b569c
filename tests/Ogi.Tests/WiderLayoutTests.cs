using System.Text;
using System.Text.Json;
using Ogi.Parsing;
using Ogi.Render;
using Ogi.Synthesize;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// Layouts of real reports ogi had not seen (issue 13, part 3), each built from the format's structure on synthetic
/// reports of several seeds: Markdown as converters write it (table 四 split under headings, labels cut short or
/// dropped), CSV rows, provincial label variants.
/// </summary>
public class WiderLayoutTests
{
    internal static IEnumerable<(RenderedReport Report, JsonElement Gold, Dictionary<string, decimal?> Values)> Reports(string template, int count = 5)
    {
        int found = 0;
        for (int i = 0; found < count && i < 300; i++)
        {
            var s = ReportSynthesizer.Generate(57, i, SynthLayout.Pipes, brokenShare: 0);
            var gold = JsonDocument.Parse(s.Gold.ToJsonString()).RootElement;
            if (gold.GetProperty("template").GetString() != template) continue;
            found++;
            var values = gold.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value));
            var content = ReportContent.FromJson(s.Gold.ToJsonString());
            yield return (ReportComposer.Compose(content, TableStyle.Official), gold, values);
        }
    }

    static ParsedReport Parse(string text) => ReportParser.Parse(Encoding.UTF8.GetBytes(text));

    internal static void AssertValues(Dictionary<string, decimal?> want, ParsedReport r)
    {
        var got = TestData.Values(r.Main);
        var wrong = want.Where(kv => !(got.TryGetValue(kv.Key, out var v) && v == kv.Value))
            .Select(kv => $"{kv.Key}: want {kv.Value}, got {(got.TryGetValue(kv.Key, out var v) ? v?.ToString() ?? "null" : "nothing")}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(12)));
    }

    [Theory]
    [InlineData("gov2021", false)]
    [InlineData("gov2021", true)]
    [InlineData("gov2019", true)]
    public void Markdown_with_table_four_split_under_its_headings(string template, bool compactRules)
    {
        foreach (var (report, _, values) in Reports(template))
        {
            var md = MarkdownReportWriter.Write(report, new MarkdownOptions(compactRules, SplitColumnGroups: true));
            Assert.Contains("### 行政诉讼（未经复议直接起诉）", md);
            var r = Parse(md);
            AssertValues(values, r);
            Assert.Single(r.Tables);
            Assert.DoesNotContain(r.Findings, f => f.Rule == "U1");
        }
    }

    /// <summary>Which label a converter mangled, and how: its head lost, its tail lost, or all its words.</summary>
    [Theory]
    [InlineData("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "行政机关不再处理其政府信息公")]
    [InlineData("重复申请", "")]
    [InlineData("本机关不掌握相关政府信息", "")]
    [InlineData("属于行政执法案卷", "行政执法")]
    [InlineData("行政规范性文件", "")]
    public void Markdown_rows_whose_label_was_cut_or_dropped_are_placed_by_the_row_order_and_flagged(string label, string printed)
    {
        foreach (var (report, _, values) in Reports("gov2021"))
        {
            var md = MarkdownReportWriter.Write(report);
            int at = md.IndexOf(label + " |", StringComparison.Ordinal);
            Assert.True(at > 0, label);
            // The label's numbering goes with it (1. / （一）).
            int cell = md.LastIndexOf('|', at) + 1;
            var mangled = md[..cell] + " " + printed + md[(at + label.Length)..];
            var r = Parse(mangled);
            AssertValues(values, r);
            Assert.False(r.NotFullyRead);
            var flagged = Assert.Single(r.Findings, f => f.Rule == "G1" && f.Message.Contains("按模板的行序放置", StringComparison.Ordinal));
            Assert.All(r.Main!.Cells.Where(c => flagged.Fields.Contains(c.Field)), c => Assert.True(c.Confidence <= 0.8));
        }
    }

    [Theory]
    [InlineData("gov2021")]
    [InlineData("gov2019")]
    [InlineData("legacy")]
    public void Csv_records_inside_the_text(string template)
    {
        foreach (var (report, _, values) in Reports(template))
        {
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = TextTableLayout.Csv });
            Assert.Matches(@"\n[^|\n]+,[0-9]*,[0-9]*", text);
            Assert.DoesNotContain(" | ", text);
            AssertValues(values, Parse(text));
            // Spreadsheet exports quote thousands separators and end lines with CR LF.
            var quoted = System.Text.RegularExpressions.Regex.Replace(text, @"(?<=,|^)(\d)(\d{3})(?=,|\n)", "\"$1,$2\"", System.Text.RegularExpressions.RegexOptions.Multiline);
            AssertValues(values, Parse(quoted.Replace("\n", "\r\n")));
        }
    }

    [Fact]
    public void Numbers_with_thousands_separators_and_prose_are_no_csv_records()
    {
        var text = "主动公开信息数\n条\n1,105\n3,013\n本年度共收到申请1,234件,均已答复。\n" + string.Concat(Enumerable.Repeat("行政处罚,120\n", 4));
        var rows = Ogi.Decode.CsvRows.ToPipeRows(text);
        Assert.Contains("\n1,105\n3,013\n", rows);
        Assert.Contains("本年度共收到申请1,234件,均已答复。", rows);
        Assert.Contains("行政处罚 | 120 |", rows);
    }

    [Theory]
    [InlineData("gov2021", TextTableLayout.Pipes)]
    [InlineData("gov2021", TextTableLayout.Lines)]
    [InlineData("gov2019", TextTableLayout.Pipes)]
    public void A_provincial_table_two_keeps_its_own_row_under_an_extra_key(string template, TextTableLayout layout)
    {
        foreach (var (report, _, values) in Reports(template))
        {
            var table = report.Blocks.OfType<TableBlock>().Select(b => b.Table).First(t => t.Id == "proactive");
            int normative = table.Rows.FindIndex(r => r.Any(c => c.Field?.StartsWith("proactive.normative.", StringComparison.Ordinal) == true));
            var own = table.Rows[normative].Select((c, k) => c.Field is null ? c with { Text = c.Text.Length > 0 ? "其他主动公开文件" : "" } : c with { Text = (k * 7 + 3).ToString(), Field = null }).ToList();
            table.Rows.Insert(normative + 1, own);
            var rules = table.Rows.First(r => r.Any(c => c.Field?.StartsWith("proactive.rules.", StringComparison.Ordinal) == true));
            rules[rules.FindIndex(c => c.Text == "规章")] = rules.First(c => c.Text == "规章") with { Text = "规章(设区的市、自治州人民政府应提供相关数据)" };
            var r = Parse(TextReportWriter.Write(report, new TextWriterOptions { Layout = layout }));
            AssertValues(values, r);
            var extra = r.Main!.Cells.Where(c => c.Field.StartsWith("proactive.extra.其他主动公开文件.", StringComparison.Ordinal)).ToList();
            Assert.Equal(table.Rows[normative].Count(c => c.Field is not null), extra.Count);
            Assert.All(extra, c => Assert.Equal(decimal.Parse(c.Raw), c.Value));
        }
    }

    [Theory]
    [InlineData("gov2021", TextTableLayout.Pipes)]
    [InlineData("gov2019", TextTableLayout.Pipes)]
    [InlineData("gov2021", TextTableLayout.Csv)]
    public void Table_four_transposed(string template, TextTableLayout layout)
    {
        foreach (var (report, _, values) in Reports(template))
        {
            int at = report.Blocks.FindIndex(b => b is TableBlock { Table.Id: "appeals" });
            report.Blocks[at] = new TableBlock(((TableBlock)report.Blocks[at]).Table.Transposed()!);
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = layout });
            Assert.Matches(@"\n结果维持[ |,]", text);
            AssertValues(values, Parse(text));
        }
    }

    /// <summary>How a converter mangled table 四's headings above its row of fifteen values.</summary>
    public static TheoryData<string, string, string> MangledHeadings => new()
    {
        // Abbreviated and misordered, as a PDF converter cut them (the issue's example), in pipes and in Markdown.
        { "gov2021", "pipes", "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |" },
        { "gov2019", "pipes", "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |" },
        { "gov2021", "markdown", "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |\n|---|---|---|---|---|---|" },
        // Lost altogether (headings drawn as an image): the title, the sentence, the values.
        { "gov2021", "pipes", "" },
        { "gov2021", "spaces", "维持  纠正  结果  审结  总计  总计" },
    };

    [Theory]
    [MemberData(nameof(MangledHeadings))]
    public void Table_four_under_headings_that_cannot_be_read_is_placed_by_column_order_and_flagged(string template, string layout, string headings)
    {
        int tried = 0;
        foreach (var (report, _, gold) in Reports(template, 12))
        {
            // Provincial extra rows of the gold are not printed by the composer from the national form: not compared.
            var values = gold.Where(kv => !kv.Key.StartsWith("proactive.extra.", StringComparison.Ordinal)).ToDictionary();
            // A row of fifteen blanks under unreadable headings is no table that can be read: reports with appeals only.
            if (!values.Any(kv => kv.Key.StartsWith("appeals.", StringComparison.Ordinal) && kv.Value > 0)) continue;
            tried++;
            var text = layout == "markdown"
                ? MarkdownReportWriter.Write(report, new MarkdownOptions(false, SplitColumnGroups: false))
                : TextReportWriter.Write(report, new TextWriterOptions { Layout = layout == "spaces" ? TextTableLayout.Spaces : TextTableLayout.Pipes });
            // The table's headings: the lines between the sentence before the table and its row of values.
            var lines = text.Split('\n').ToList();
            int title = lines.FindLastIndex(l => l.Contains("政府信息公开行政复议、行政诉讼情况"));
            int sentence = lines.FindIndex(title, l => l.Contains("具体情况如下"));
            int row = lines.FindIndex(title, l => l.Any(char.IsAsciiDigit) && l.All(c => char.IsAsciiDigit(c) || c is ' ' or '|' or '.' or '-' or '—' or ':'));
            Assert.True(title >= 0 && row > title, text[Math.Max(0, text.Length - 1500)..]);
            int first = sentence > title && sentence < row ? sentence + 1 : title + 1;
            lines.RemoveRange(first, row - first);
            if (headings.Length > 0) lines.InsertRange(first, headings.Split('\n'));
            var r = Parse(string.Join('\n', lines));
            // Space-aligned text loses the other tables' blank cells (they are only gaps): table 四 is what is tested there.
            AssertValues(layout == "spaces" ? values.Where(kv => kv.Key.StartsWith("appeals.", StringComparison.Ordinal)).ToDictionary() : values, r);
            Assert.DoesNotContain(r.Findings, f => f.Rule == "U1");
            // Never silently: every value of table 四 is doubtful, and a finding says why.
            var g1 = Assert.Single(r.Findings, f => f.Rule == "G1" && f.Message.Contains("列标题未能识别"));
            Assert.Equal(15, g1.Fields.Count);
            Assert.All(r.Main!.Cells.Where(c => c.Field.StartsWith("appeals.", StringComparison.Ordinal)), c => Assert.True(c.Confidence <= 0.8));
        }
        Assert.True(tried >= 2, $"{tried} reports with appeals");
    }

    [Fact]
    public void Table_four_with_行政诉讼_and_its_subheading_in_one_cell()
    {
        foreach (var (report, _, values) in Reports("gov2021"))
        {
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = TextTableLayout.Pipes });
            int from = text.IndexOf("行政复议 | 行政诉讼 |", StringComparison.Ordinal);
            int to = text.IndexOf("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持", StringComparison.Ordinal);
            Assert.True(from > 0 && to > from);
            var merged = text[..from] + "行政复议 | 行政诉讼（未经复议直接起诉） | 行政诉讼（复议后起诉） |\n" + text[to..];
            AssertValues(values, Parse(merged));
        }
    }

    [Theory]
    [InlineData("gov2021")]
    [InlineData("gov2019")]
    public void Labels_wrapped_onto_a_second_line_in_space_aligned_text(string template)
    {
        // Cells apart only by spaces print a blank as a mark, or it is no cell at all.
        var marked = new TableStyle { Value = (c, v) => v is null ? "—" : TableStyle.PlainValue(c, v) };
        foreach (var (_, gold, values) in Reports(template))
        {
            var report = ReportComposer.Compose(ReportContent.FromJson(gold.GetRawText()), marked);
            // Inside the note in brackets: 部分公开（区分处理的 … 2 … / ，只计这一情形，不计其他情形）.
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = TextTableLayout.Spaces, WrapLabelsAt = 5 });
            Assert.Contains("\n，只计这一情形，不计其他情形）\n", text);
            AssertValues(values, Parse(text));
            // After a label variant's words: 1、申请人无正当理由逾期不补正、行政机关 … / 不再处理其政府信息公开申请.
            var label = template == "gov2021" ? "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" : null;
            if (label is null) continue;
            var plain = TextReportWriter.Write(report, new TextWriterOptions { Layout = TextTableLayout.Spaces });
            int at = plain.IndexOf(label, StringComparison.Ordinal);
            int end = plain.IndexOf('\n', at);
            var wrapped = plain[..(at + 18)] + plain[(at + label.Length)..end] + "\n" + label[18..] + plain[end..];
            Assert.Contains("、行政机关  ", wrapped);
            AssertValues(values, Parse(wrapped));
        }
    }
}
