using Ogi.Parsing;
using Xunit;

namespace Ogi.Tests;

/// <summary>Digits of adjacent cells run together are split by the table's arithmetic, and doubt is reported, never hidden.</summary>
public class GluedDigitsTests
{
    [Fact]
    public void Rows_of_table_three_split_by_their_rules()
    {
        var r = TestData.Parse(Path.Combine(TestData.Corpus, "pingtan-zone-2022.txt"));
        var v = TestData.Values(r.Main);
        // 713000074 = 71, 3, 0, 0, 0, 0, 74
        Assert.Equal([71m, 3m, 0m, 0m, 0m, 0m, 74m], new[] { "natural", "commercial", "research", "nonprofit", "legal", "other_org", "total" }.Select(c => v["applications.new." + c]!.Value));
        // The cells come from those digits: provenance points into the text.
        var cell = r.Main!.Cells.First(c => c.Field == "applications.new.natural");
        Assert.Equal("71", r.Source.Text[cell.Start..cell.End]);
        Assert.True(cell.FromGluedDigits);
        Assert.Equal(1.0, cell.Confidence);
    }

    [Fact]
    public void Numbering_glued_to_the_digits_belongs_to_the_next_label()
    {
        // "5.属于三类内部事务信息3200000326.属于四类过程性信息" → 32,0,0,0,0,0,32 then label 6.
        var v = TestData.Values(TestData.Parse(Path.Combine(TestData.Corpus, "pingtan-zone-2024.txt")).Main);
        Assert.Equal(32m, v["applications.withheld.internal_affairs.natural"]);
        Assert.Equal(32m, v["applications.withheld.internal_affairs.total"]);
        Assert.Equal(0m, v["applications.withheld.process_info.natural"]);
    }

    [Fact]
    public void Table_four_splits_by_its_three_group_totals()
    {
        // 21317000001324019 = 2,1,3,1,7 | 0,0,0,0,0 | 13,2,4,0,19
        var v = TestData.Values(TestData.Parse(Path.Combine(TestData.Corpus, "pingtan-zone-2024.txt")).Main);
        Assert.Equal(7m, v["appeals.review.total"]);
        Assert.Equal(13m, v["appeals.litigation_after_review.upheld"]);
        Assert.Equal(19m, v["appeals.litigation_after_review.total"]);
    }

    [Fact]
    public void Where_rules_cannot_decide_the_parser_says_so()
    {
        // 行政许可3960181: no rule ties 上一年项目数量, 本年增/减 and 处理决定数量.
        var r = TestData.Parse(Path.Combine(TestData.Corpus, "pingtan-zone-2019.txt"));
        var cell = r.Main!.Cells.First(c => c.Field == "proactive.licensing.change");
        Assert.True(cell.Confidence < 1);
        Assert.NotEmpty(cell.Alternatives!);
        var g1 = Assert.Single(r.Findings, f => f.Rule == "G1" && f.Fields.Contains("proactive.licensing.change"));
        Assert.Equal("info", g1.Severity);
    }

    [Fact]
    public void The_narrative_figure_chooses_among_readings()
    {
        // 主动公开文件数 294981916: 2949 | 81916 or 294 | 981916 …; the text says 主动公开政府信息2949条.
        var r = TestData.Parse(Path.Combine(TestData.Corpus, "pingtan-zone-2015.txt"));
        var cell = r.Main!.Cells.First(c => c.Field == "legacy.proactive.total");
        Assert.Equal(2949m, cell.Value);
        Assert.Equal(0.8, cell.Confidence);
        Assert.Equal(81916m, TestData.Values(r.Main)["legacy.extra.cumulative.proactive.total"]);
    }

    [Fact]
    public void A_report_that_breaks_a_rule_keeps_its_numbers()
    {
        // Seed 003: 259 + 1 ≠ 259 + 2 (R1). The values stay as printed.
        var r = TestData.Parse(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        var v = TestData.Values(r.Main);
        Assert.Equal(2m, v["applications.carried_forward.natural"]);
        Assert.Contains(r.Findings, f => f.Rule == "R1" && f.Severity == "error" && f.Fields.Contains("applications.carried_forward.natural"));
        Assert.True(r.BreaksConsistencyRule);
    }
}

public class UnknownLegacyRowTests
{
    [Fact]
    public void A_row_the_template_does_not_know_is_kept_under_legacy_extra()
    {
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "000_c0b7254846a238aa"));
        var text = seed.Replace("(二)申请办结数 |", "(一)依申请公开信息数 |\n条 |\n46 |\n(二)申请办结数 |");
        var r = ReportParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        var v = TestData.Values(r.Main);
        Assert.Equal(46m, v["legacy.extra.依申请公开信息数"]);
        Assert.Equal(2m, v["legacy.requests.closed"]);
        Assert.Equal(2m, v["legacy.requests.received"]);
        // The known rows are unchanged and nothing else appears.
        Assert.Single(v.Keys, k => k.StartsWith("legacy.extra.", StringComparison.Ordinal));
    }
}

public class TypoTests
{
    static Dictionary<string, decimal?> Values2022(Func<string, string> change)
    {
        var text = File.ReadAllText(Path.Combine(TestData.Corpus, "pingtan-zone-2022.txt"));
        var changed = change(text);
        Assert.NotEqual(text, changed);
        return TestData.Values(ReportParser.Parse(System.Text.Encoding.UTF8.GetBytes(changed)).Main);
    }

    [Fact]
    public void A_label_lost_to_typos_does_not_lend_its_numbering_to_the_row_before()
    {
        // "2.重复申请00000003.要求提供公开出版物" with the label mangled beyond recognition: the 3 is numbering.
        var v = Values2022(t => t.Replace("3.要求提供公开出版物", "3.要求提供的公开版物"));
        Assert.Equal(0m, v["applications.not_processed.repeated.natural"]);
        Assert.Equal(0m, v["applications.not_processed.repeated.total"]);
    }

    [Fact]
    public void A_typo_late_in_a_long_label_keeps_the_whole_label()
    {
        var v = Values2022(t => t.Replace("行政机关不再处理其政府信息公开申请 2000002", "行政机关不在处理其政府信息公开申请 2000002"));
        Assert.Equal(2m, v["applications.other_handling.no_correction.natural"]);
        Assert.Equal(2m, v["applications.other_handling.no_correction.total"]);
    }
}
