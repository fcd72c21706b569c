using Ogi.Parsing;
using Ogi.Validate;
using Xunit;

namespace Ogi.Tests;

/// <summary>X1–X3 on the real Pingtan series (2021 → 2022 → …), and on the same reports changed in one place.</summary>
public class CrossYearTests
{
    static Dictionary<string, decimal?> Values(string corpusFile) =>
        ReportParser.ParseFile(Path.Combine(TestData.Corpus, corpusFile)).Main!.Values.ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void Consecutive_real_reports_agree_on_carried_applications_or_are_flagged()
    {
        var y2021 = Values("pingtan-zone-2021.txt");
        var y2022 = Values("pingtan-zone-2022.txt");
        var findings = CrossYearValidator.Check(2021, y2021, 2022, y2022);
        // Computed independently: X1 holds exactly when every column of 2022's carried_over equals 2021's carried_forward.
        var columns = new[] { "natural", "commercial", "research", "nonprofit", "legal", "other_org", "total" };
        var expected = columns.Where(c => (y2022[$"applications.carried_over.{c}"] ?? 0) != (y2021[$"applications.carried_forward.{c}"] ?? 0)).ToList();
        Assert.Equal(expected.Count, findings.Count(f => f.Rule == "X1"));
    }

    [Fact]
    public void X1_names_the_column_that_does_not_carry_over()
    {
        var before = new Dictionary<string, decimal?> { ["applications.carried_forward.natural"] = 6, ["applications.carried_forward.total"] = 6 };
        var after = new Dictionary<string, decimal?> { ["applications.carried_over.natural"] = 5, ["applications.carried_over.total"] = 6 };
        var f = Assert.Single(CrossYearValidator.Check(2024, before, 2025, after));
        Assert.Equal("X1", f.Rule);
        Assert.Equal(["applications.carried_over.natural"], f.Fields);
        Assert.Empty(CrossYearValidator.Check(2023, before, 2025, after)); // not consecutive years: no X1
    }

    [Fact]
    public void X2_checks_documents_in_force_as_a_warning()
    {
        var before = new Dictionary<string, decimal?> { ["proactive.normative.in_force"] = 470 };
        var after = new Dictionary<string, decimal?> { ["proactive.normative.issued"] = 12, ["proactive.normative.repealed"] = 2, ["proactive.normative.in_force"] = 480 };
        Assert.Empty(CrossYearValidator.Check(2022, before, 2023, after));
        after["proactive.normative.in_force"] = 479;
        var f = Assert.Single(CrossYearValidator.Check(2022, before, 2023, after));
        Assert.Equal(("X2", Severity.Warning), (f.Rule, f.Severity));
    }

    [Fact]
    public void X3_lists_holes_inside_a_series_only()
    {
        Assert.Equal([2014, 2016], CrossYearValidator.MissingYears([2012, 2013, 2015, 2017]));
        Assert.Empty(CrossYearValidator.MissingYears([2021]));
    }
}
