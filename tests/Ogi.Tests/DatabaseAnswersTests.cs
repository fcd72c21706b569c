using System.Globalization;
using Ogi.Cli;
using Ogi.Store;
using Ogi.Store.Answers;
using Xunit;
using GoldReport = Ogi.Tests.AnswersTests.GoldReport;

namespace Ogi.Tests;

/// <summary>
/// The answers (query filters, stats, compare, export) over the real databases, SQLite and PostgreSQL, after
/// ingesting the seeds and corpus: each held to what the gold files give, with the agencies where the database placed them.
/// </summary>
public class DatabaseAnswersTests
{
    /// <summary>The stored reports beside their gold, placed where the database placed them.</summary>
    internal static (SqlReportStore Store, TestDatabase Db, List<GoldReport> Golds) Ingested(string kind)
    {
        var db = new TestDatabase(kind);
        var store = db.Open();
        var missing = new List<(string, string)>();
        new Ingester().Run(store, Ingester.Expand([TestData.Seeds, TestData.Corpus], missing));
        // The reference store places 湖南城陵矶新港区 (a development zone the catalogue lacks) in 岳阳楼区, as a user would correct it.
        var zone = store.Agencies(unplacedOnly: true).Single(a => a.Name == "湖南城陵矶新港区");
        store.CorrectAgency(zone.Id, new AgencyCorrection(DivisionCode: "430602", Level: "county"));
        var stored = store.Reports(ReportFilter.All).ToDictionary(r => Path.GetFileNameWithoutExtension(r.FileName));
        var golds = AnswersTests.Golds.Select(g =>
        {
            var r = stored[g.Name];
            return g with { Id = r.Id, AgencyId = r.AgencyId, AgencyName = r.AgencyName, Code = r.PlaceCode, Level = r.PlaceLevel, Department = r.IsDepartment };
        }).ToList();
        Assert.Equal(golds.Count, stored.Count);
        return (store, db, golds);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Filters_take_the_reports_the_gold_says(string kind)
    {
        var (store, db, golds) = Ingested(kind);
        using var _ = db;
        using var __ = store;
        // The review cases depend on reviews the reference store was given; reviews on the database are StoreTests'.
        // The reference gives 北景港镇 a code of its own (430623101); the catalogue's is 430623103, tested below.
        foreach (var (what, filter, want) in AnswersTests.FilterCases.Where(c => c.Filter.Reviewed is null && c.What != "a township by code"))
        {
            var expected = golds.Where(want).Select(g => g.Id).Order().ToList();
            var got = store.Reports(filter).Select(r => r.Id).Order().ToList();
            Assert.True(expected.SequenceEqual(got), $"{kind} {what}: want [{string.Join(",", expected)}], got [{string.Join(",", got)}]");
        }
        Assert.Equal("001_ae51e28a24af67cf.txt", Assert.Single(store.Reports(new ReportFilter { Place = "430623103" })).FileName);
        // The order: place code, agency, year, id — unplaced last.
        var order = store.Reports(ReportFilter.All).Select(r => r.Id).ToList();
        Assert.Equal(golds.OrderBy(g => g.Code is null).ThenBy(g => g.Code, StringComparer.Ordinal).ThenBy(g => g.AgencyName, StringComparer.Ordinal)
            .ThenBy(g => g.Year).ThenBy(g => g.Id).Select(g => g.Id), order);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Pages_are_filtered_sorted_counted_and_cut_by_the_database(string kind)
    {
        var (store, db, _) = Ingested(kind);
        using var _db = db;
        using var _store = store;
        var filters = AnswersTests.FilterCases.Where(c => c.Filter.Reviewed is null).Select(c => (c.What, c.Filter)).Prepend(("all", ReportFilter.All)).ToList();
        int compared = 0;
        foreach (var (what, filter) in filters)
        {
            var natural = store.Reports(filter).ToList();
            foreach (var sort in Enum.GetValues<ReportSort>())
                foreach (var descending in new[] { false, true })
                {
                    // Pages of 4, read one after the other, are the whole list in the order asked, each counting all.
                    var want = InMemoryReportQueries.Sorted(natural, sort, descending).Select(r => r.Id).ToList();
                    var got = new List<long>();
                    for (int offset = 0; ; offset += 4)
                    {
                        var page = store.Page(filter, sort, descending, offset, 4, ["applications.new.total"]);
                        Assert.Equal(natural.Count, page.Total);
                        if (page.Reports.Count == 0) break;
                        Assert.All(page.Reports, r => Assert.True(r.Values.Keys.All(k => k == "applications.new.total")));
                        got.AddRange(page.Reports.Select(r => r.Id));
                    }
                    Assert.True(want.SequenceEqual(got), $"{kind} {what} by {sort}{(descending ? " desc" : "")}: want [{string.Join(",", want)}], got [{string.Join(",", got)}]");
                    compared++;
                }
        }
        Assert.True(compared > 100, $"{compared} lists compared");
        // Findings come with the page, values only those asked; a page past the end is empty but still counts.
        var first = store.Page(ReportFilter.All, ReportSort.Findings, true, 0, 1).Reports.Single();
        Assert.Equal(store.Reports(ReportFilter.All).Max(r => r.Findings.Count), first.Findings.Count);
        Assert.Equal(store.Report(first.Id.ToString(CultureInfo.InvariantCulture))!.Values.Count, first.Values.Count);
        var past = store.Page(ReportFilter.All, ReportSort.Place, false, 10_000, 50);
        Assert.Empty(past.Reports);
        Assert.Equal(store.Reports(ReportFilter.All).Count(), past.Total);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Stats_compare_and_export_give_the_gold(string kind)
    {
        var (store, db, golds) = Ingested(kind);
        using var _ = db;
        using var __ = store;

        string[] fields = ["applications.new.total", "legacy.requests.received"];
        var stats = new CorpusStats(fields, ["P1"], StatsGrouping.Year);
        stats.AddAll(store.Facts(ReportFilter.All, fields, ["P1"]));
        foreach (var row in stats.Fields())
        {
            var group = golds.Where(g => g.Year.ToString(CultureInfo.InvariantCulture) == row.Group).ToList();
            var values = group.Select(g => g.Value(row.Field)).OfType<decimal>().ToList();
            Assert.Equal((group.Count, values.Count, values.Sum()), (row.Reports, row.Count, row.Sum));
        }
        foreach (var share in stats.Rules(_ => null))
            Assert.Equal(golds.Count(g => g.Year.ToString(CultureInfo.InvariantCulture) == share.Group && g.Rules.Contains("P1")), share.WithRule);

        // What stats read (a lean query of its own) is what the full records say, filter by filter.
        string[] rules = ["P1", "R1", "G1", "T1"];
        static string Show(ReportFacts f) => $"{f.Id} {f.Year} {f.Template} {f.PlaceCode} {f.PlaceLevel} {f.IsDepartment} "
            + string.Join(";", f.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
            + " " + string.Join(",", f.Rules.Order(StringComparer.Ordinal));
        foreach (var (what, filter, _) in AnswersTests.FilterCases)
        {
            var want = store.Reports(filter, fields).Select(r => Show(ReportFacts.Of(r, fields, rules))).Order(StringComparer.Ordinal).ToList();
            var got = store.Facts(filter, fields, rules).Select(Show).Order(StringComparer.Ordinal).ToList();
            Assert.True(want.SequenceEqual(got), $"{kind} {what}: want [{string.Join(" | ", want)}], got [{string.Join(" | ", got)}]");
        }
        Assert.Contains(store.Facts(ReportFilter.All, fields, rules), f => f.Rules.Count > 0 && f.Values.Count > 0);

        var (a, b) = CompareCommand.Resolve(store, "2021", "2022", "平潭综合实验区");
        var (ga, gb) = (golds.Single(g => g.Name == "pingtan-zone-2021"), golds.Single(g => g.Name == "pingtan-zone-2022"));
        foreach (var row in ReportComparison.Of(a, b).Rows)
            Assert.Equal((ga.Value(row.Field), gb.Value(row.Field), ga.Prints(row.Field), gb.Prints(row.Field)), (row.A, row.B, row.InA, row.InB));

        // Export: every value of the gold in its column, except the cells the parse itself flags as doubtful (G1 names them).
        var text = new StringWriter();
        CorpusExport.WriteCsv(store.Reports(ReportFilter.All), CorpusExport.FieldsFor(ReportFilter.All), text);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(golds.Count + 2, lines.Count);
        var ids = lines[1].Split(',');
        var reports = store.Reports(ReportFilter.All).ToDictionary(r => r.Id);
        int checkedCells = 0;
        foreach (var line in lines.Skip(2))
        {
            var cells = SplitCsv(line);
            var g = golds.Single(x => x.Id == long.Parse(cells[0], CultureInfo.InvariantCulture));
            var doubtful = reports[g.Id].Findings.Where(f => f.Rule == "G1").SelectMany(f => f.Fields).ToHashSet();
            for (int i = 0; i < ids.Length; i++)
            {
                if (!FieldCatalog.IsKnown(ids[i]) || !g.Prints(ids[i]) || doubtful.Contains(ids[i])) continue;
                Assert.True((g.Value(ids[i])?.ToString(CultureInfo.InvariantCulture) ?? "") == cells[i], $"{kind} {g.Name} {ids[i]}: want {g.Value(ids[i])}, got {cells[i]}");
                checkedCells++;
            }
        }
        Assert.True(checkedCells > 1500, $"only {checkedCells} cells checked");
    }

    static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_answer_commands_read_the_database(string kind)
    {
        var (store, db, golds) = Ingested(kind);
        using var database = db;
        store.Dispose();
        var (exit, output, error) = CommandLineTests.Run("query", "--db", db.Url, "--place", "福建省", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Equal(golds.Count(g => g.Code?.StartsWith("35") == true), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        (exit, output, error) = CommandLineTests.Run("stats", "applications.new.total", "--db", db.Url, "--by", "year", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Contains("2020", output);
        var export = Path.Combine(Path.GetTempPath(), "ogi-export-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        try
        {
            (exit, _, error) = CommandLineTests.Run("export", "--db", db.Url, "--template", "gov2021", "--out", export);
            Assert.True(exit == 0, error);
            Assert.Equal(golds.Count(g => g.Template == "gov2021") + 2, File.ReadAllLines(export).Length);
        }
        finally { File.Delete(export); }
        (exit, _, error) = CommandLineTests.Run("stats", "applications.new.total", "--db", Path.Combine(Path.GetTempPath(), "no-such-ogi.db"));
        Assert.Equal(2, exit);
        Assert.Contains("no such database", error);
    }
}
