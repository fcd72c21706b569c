using System.Text.RegularExpressions;
using Ogi.Store;
using Ogi.Store.Answers;
using Xunit;
using GoldReport = Ogi.Tests.AnswersTests.GoldReport;

namespace Ogi.Tests;

/// <summary>
/// The dashboard's answers over the seeds and corpus in both databases, each figure summed again here from the gold
/// files (their values and expected findings), with the places where the database put the agencies.
/// </summary>
public class DashboardTests
{
    /// <summary>A gold's sum of the values whose field id matches (a blank cell counts nothing).</summary>
    static decimal Sum(GoldReport g, string pattern) =>
        g.Values.Where(v => Regex.IsMatch(v.Name, "^(" + pattern + ")$") && v.Value.ValueKind == System.Text.Json.JsonValueKind.Number).Sum(v => v.Value.GetDecimal());

    static readonly Dictionary<string, string> OutcomePatterns = new()
    {
        ["granted"] = @"applications\.granted\.total", ["partial"] = @"applications\.partial\.total",
        ["withheld"] = @"applications\.withheld\.[a-z_]+\.total", ["unavailable"] = @"applications\.unavailable\.[a-z_]+\.total",
        ["not_processed"] = @"applications\.not_processed\.[a-z_]+\.total", ["other_handling"] = @"applications\.other_handling(\.[a-z_]+)?\.total",
    };

    static string AppealPattern(string appeal, string result) => appeal == "review"
        ? $@"(appeals|legacy)\.review\.{result}" : $@"appeals\.litigation_(direct|after_review)\.{result}|legacy\.litigation\.{result}";

    [Theory, OnSqlite, OnPostgres]
    public void Figures_by_year_are_the_golds_sums(string kind)
    {
        var (store, db, golds) = DatabaseAnswersTests.Ingested(kind);
        using var _ = db;
        using var __ = store;
        var dashboard = new Dashboard(store, _ => null, store.ContentVersion);
        foreach (var place in new string?[] { null, "35", "430600" })
        {
            var taken = golds.Where(g => place is null || (g.Code?.StartsWith(DivisionCode.Prefix(place.Length == 2 ? place + "0000" : place), StringComparison.Ordinal) ?? false)).ToList();
            var years = dashboard.ByYear(place);
            Assert.Equal(taken.Select(g => g.Year).Distinct().Order(), years.Select(y => y.Year));
            Assert.NotEmpty(years);
            foreach (var y in years)
            {
                var of = taken.Where(g => g.Year == y.Year).ToList();
                string where = $"{kind} {place ?? "all"} {y.Year}";
                Assert.True(of.Count == y.Reports, where);
                Assert.Equal(of.Sum(g => Sum(g, @"applications\.(new|carried_over)\.total|legacy\.requests\.received")), y.Received);
                Assert.Equal(of.Count(g => g.Rules.Contains("P1")), y.Late);
                // Findings of the form's rules: not every gold lists them (pingtan-zone-2017's gold has no staff rows, its L5 finding
                // comes from them), so the full records — another query than the dashboard's — say which reports break one.
                var records = store.Reports(new ReportFilter { Place = place, YearFrom = y.Year, YearTo = y.Year }).ToList();
                Assert.True(records.Count(r => r.Findings.Any(f => Regex.IsMatch(f.Rule, "^(R[1-4]|L[12356])$"))) == y.Inconsistent, where);
                Assert.True(of.Count(g => g.Rules.Any(r => Regex.IsMatch(r, "^(R[1-4]|L[12356])$"))) <= y.Inconsistent, where);
                Assert.Equal(of.Sum(g => Sum(g, @"legacy\.fees")), y.Fees);
                decimal handled = OutcomePatterns.Values.Sum(p => of.Sum(g => Sum(g, p)));
                foreach (var o in y.Outcomes)
                {
                    decimal want = of.Sum(g => Sum(g, OutcomePatterns[o.Outcome]));
                    Assert.True(want == o.Count, $"{where} {o.Outcome}: want {want}, got {o.Count}");
                    Assert.Equal(handled == 0 ? 0 : (double)(want / handled), o.Share, 12);
                }
                foreach (var a in y.Appeals)
                    Assert.True(of.Sum(g => Sum(g, AppealPattern(a.Appeal, a.Result))) == a.Count, $"{where} {a.Appeal}.{a.Result}");
            }
        }
        // The corpus has appeals and outcomes at all, so the sums above compared something.
        var all = dashboard.ByYear();
        Assert.Contains(all, y => y.Outcomes.Any(o => o.Count > 0) && y.Appeals.Any(a => a.Count > 0));
        Assert.Contains(all, y => y.Late > 0);
        Assert.Contains(all, y => y.Inconsistent > 0);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Rankings_drill_down_from_provinces_to_counties(string kind)
    {
        var (store, db, golds) = DatabaseAnswersTests.Ingested(kind);
        using var _ = db;
        using var __ = store;
        var dashboard = new Dashboard(store, code => AnswersTests.PlaceNames.GetValueOrDefault(code), store.ContentVersion);
        const string field = "applications.new.total";
        foreach (var (place, digits) in new (string?, int)[] { (null, 2), ("35", 4), ("430000", 4), ("430600", 6) })
        {
            string prefix = place is null ? "" : DivisionCode.Prefix(place.Length == 2 ? place + "0000" : place);
            // The place one level below: its first 2, 4 or 6 digits, when the code reaches that low.
            static string? Below(string code, int digits) => digits == 2 ? code[..2] + "0000"
                : code.Substring(digits - 2, 2) == "00" ? null : code[..digits].PadRight(6, '0');
            var want = golds.Where(g => g.Code is { Length: >= 6 } c && c.StartsWith(prefix, StringComparison.Ordinal) && Below(c, digits) is not null)
                .GroupBy(g => Below(g.Code!, digits)!)
                .Select(grp =>
                {
                    var values = grp.Select(g => g.Value(field)).OfType<decimal>().Order().ToList();
                    return (Code: grp.Key, Reports: (long)grp.Count(), Sum: values.Sum(), Values: values);
                })
                .OrderByDescending(p => p.Sum).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
            var got = dashboard.Ranking(place, field);
            Assert.Equal(want.Select(p => (p.Code, p.Reports, p.Sum)), got.Select(p => (p.Code, p.Reports, p.Sum)));
            Assert.Equal(Enumerable.Range(1, got.Count), got.Select(p => p.Rank));
            foreach (var (w, g) in want.Zip(got))
            {
                Assert.Equal(AnswersTests.PlaceNames.GetValueOrDefault(w.Code), g.Name);
                if (w.Values.Count == 0) { Assert.Null(g.P10); continue; }
                // Type-7 percentile, computed here: h = (n − 1)p, interpolated between the ranks around it.
                decimal P(decimal p) { var h = (w.Values.Count - 1) * p; int lo = (int)h; return lo + 1 >= w.Values.Count ? w.Values[^1] : w.Values[lo] + (h - lo) * (w.Values[lo + 1] - w.Values[lo]); }
                Assert.Equal((P(0.1m), P(0.5m), P(0.9m)), (g.P10!.Value, g.Median!.Value, g.P90!.Value));
            }
            if (place is null) Assert.True(got.Count >= 3, "the corpus spans several provinces");
        }
        Assert.Throws<AnswerException>(() => dashboard.Ranking("福建", field));

        // By applications received (new + carried over, or the legacy 收到申请数), with each province's late and inconsistent reports.
        var received = golds.Where(g => g.Code is { Length: >= 6 })
            .GroupBy(g => g.Code![..2] + "0000")
            .Select(grp => (Code: grp.Key, Reports: (long)grp.Count(), Sum: grp.Sum(g => Sum(g, @"applications\.(new|carried_over)\.total|legacy\.requests\.received")),
                Late: (long)grp.Count(g => g.Rules.Contains("P1"))))
            .OrderByDescending(p => p.Sum).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var ranked = dashboard.RankingByReceived(null);
        Assert.Equal(received, ranked.Select(p => (p.Code, p.Reports, p.Sum, p.Late)));
        Assert.Contains(ranked, p => p.Late > 0);
        foreach (var p in ranked)
        {
            var records = store.Reports(new ReportFilter { Place = p.Code }).ToList();
            Assert.Equal(records.Count(r => r.Findings.Any(f => Regex.IsMatch(f.Rule, "^(R[1-4]|L[12356])$"))), p.Inconsistent);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_cached_answer_follows_the_database(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        var dashboard = new Dashboard(store, _ => null, store.ContentVersion);
        Assert.Empty(dashboard.ByYear());
        string before = store.ContentVersion();
        new Ingester().Run(store, Ingester.Expand([TestData.Seeds], []));
        Assert.NotEqual(before, store.ContentVersion());
        var years = dashboard.ByYear();
        Assert.NotEmpty(years);
        Assert.Same(years, dashboard.ByYear());
    }
}
