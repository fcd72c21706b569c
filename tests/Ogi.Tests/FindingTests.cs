using System.Text;
using Ogi.Parsing;
using Xunit;

namespace Ogi.Tests;

/// <summary>The findings of FIELDS.md, each shown on a real report changed in one place.</summary>
public class FindingTests
{
    static readonly string Seed003 = File.ReadAllText(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
    static ParsedReport Parse(string text) => ReportParser.Parse(Encoding.UTF8.GetBytes(text));

    static string Change(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }

    [Fact]
    public void N1_a_negative_count()
    {
        var r = Parse(Change(Seed003, "| 1.属于国家秘密 | 0 |", "| 1.属于国家秘密 | -3 |"));
        Assert.Contains(r.Findings, f => f.Rule == "N1" && f.Severity == "error" && f.Fields.Contains("applications.withheld.state_secret.natural"));
        // 本年增/减 is signed: 减89 is no N1.
        Assert.DoesNotContain(r.Findings, f => f.Rule == "N1" && f.Fields.Contains("proactive.licensing.change"));
    }

    [Fact]
    public void B1_a_blank_cell_in_a_filled_table()
    {
        var r = Parse(Change(Seed003, "2.重复申请 | 3 |", "2.重复申请 |  |"));
        Assert.Null(TestData.Values(r.Main)["applications.not_processed.repeated.natural"]);
        Assert.Contains(r.Findings, f => f.Rule == "B1" && f.Severity == "warning" && f.Fields.Contains("applications.not_processed.repeated.natural"));
        // The blank counts as 0 in the checks: the row no longer adds up.
        Assert.Contains(r.Findings, f => f.Rule == "R3" && f.Fields.Contains("applications.not_processed.repeated.total"));
    }

    [Fact]
    public void A_rule_over_many_blank_cells_counts_them_instead_of_listing_each()
    {
        // Shanghai's 2019 table prints most of its result rows blank: R2 sums nineteen cells, most of them empty.
        var r = TestData.Parse(Path.Combine(TestData.Corpus, "shanghai-govoffice-2019.html"));
        var r2 = Assert.Single(r.Findings, f => f.Rule == "R2");
        Assert.DoesNotContain("空 + 空 + 空", r2.Message);
        Assert.DoesNotContain("blank + blank + blank", r2.MessageEn);
        var blanks = r2.Fields.Count(f => TestData.Values(r.Main)[f] is null);
        Assert.True(blanks >= 3, $"{blanks} blank cells");
        Assert.Contains($"空 ×{blanks}", r2.Message);
        Assert.Contains($"blank ×{blanks}", r2.MessageEn);
    }

    [Fact]
    public void S1_a_missing_section()
    {
        var r = Parse(Change(Seed003, "五、存在的主要问题及改进情况", "五、下一步工作"));
        Assert.Contains(r.Findings, f => f.Rule == "S1" && f.Message.Contains("存在的主要问题"));
        Assert.DoesNotContain(TestData.Parse(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db")).Findings, f => f.Rule == "S1");
    }

    [Fact]
    public void P1_lateness_by_the_rule_of_the_report_year()
    {
        // 2019 条例: 31 January. Seed 003 (2020 report) was published 2021-02-18.
        Assert.Contains(TestData.Parse(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db")).Findings, f => f.Rule == "P1");
        Assert.DoesNotContain(Parse(Change(Seed003, "2021-02-18", "2021-01-28")).Findings, f => f.Rule == "P1");
        // 2008 条例: 31 March. Seed 001 (2018 report) was published 2019-03-12: on time.
        Assert.DoesNotContain(TestData.Parse(TestData.Document(TestData.Seeds, "001_ae51e28a24af67cf")).Findings, f => f.Rule == "P1");
    }

    [Fact]
    public void T1_the_narrative_contradicts_the_table()
    {
        // The real report says 收到申请75件 for 74 new and 1 carried over: a total that counts both agrees with the table.
        var text = File.ReadAllText(Path.Combine(TestData.Corpus, "pingtan-zone-2022.txt"));
        Assert.DoesNotContain(Parse(text).Findings, f => f.Rule == "T1");
        // 76 is neither the new applications (74) nor new and carried over together (75).
        var r = Parse(Change(text, "全区收到政府信息公开申请75件", "全区收到政府信息公开申请76件"));
        var t1 = Assert.Single(r.Findings, f => f.Rule == "T1");
        Assert.Contains("applications.new.total", t1.Fields);
        Assert.Contains("76", t1.Message);
        Assert.DoesNotContain(Parse(Change(text, "全区收到政府信息公开申请75件", "全区收到政府信息公开申请74件")).Findings, f => f.Rule == "T1");
    }

    [Fact]
    public void L_rules_on_legacy_tables()
    {
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "000_c0b7254846a238aa"));
        var r = Parse(Change(seed, "3、网络申请数 |\n件 |\n1 |", "3、网络申请数 |\n件 |\n5 |"));
        Assert.Contains(r.Findings, f => f.Rule == "L1" && f.Severity == "error" && f.Fields.Contains("legacy.requests.online"));
        Assert.True(r.BreaksConsistencyRule);
        Assert.DoesNotContain(TestData.Parse(TestData.Document(TestData.Seeds, "000_c0b7254846a238aa")).Findings, f => f.Severity == "error");
    }
}

public class LegacyPartsTests
{
    [Fact]
    public void L1_sums_the_part_rows_the_report_prints()
    {
        // Seed 000 without its 传真申请数 row: received 2 = 当面 0 + 网络 1 + 信函 1 still holds ...
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "000_c0b7254846a238aa"));
        Assert.Contains("2、传真申请数 |\n件 |\n0 |\n", seed);
        var without = seed.Replace("2、传真申请数 |\n件 |\n0 |\n", "");
        var r = ReportParser.Parse(Encoding.UTF8.GetBytes(without));
        Assert.False(TestData.Values(r.Main).ContainsKey("legacy.requests.fax"));
        Assert.DoesNotContain(r.Findings, f => f.Rule == "L1");
        // ... and is broken when a printed part disagrees.
        var broken = ReportParser.Parse(Encoding.UTF8.GetBytes(without.Replace("4、信函申请数 |\n件 |\n1 |", "4、信函申请数 |\n件 |\n4 |")));
        Assert.Contains(broken.Findings, f => f.Rule == "L1" && f.Severity == "error");
    }

    [Fact]
    public void Two_different_tables_with_equal_values_are_both_kept()
    {
        var r = TestData.Parse(TestData.Document(TestData.Seeds, "004_1a87fed1cef25257"));
        Assert.Equal(2, r.Tables.Count);
    }
}

public class NestingTests
{
    [Fact]
    public void Pathologically_nested_html_is_refused_quickly()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "x</body></html>";
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<Ogi.Decode.UnreadableDocumentException>(() => ReportParser.Parse(Encoding.UTF8.GetBytes(html)));
        Assert.Contains("nests", e.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }
}
