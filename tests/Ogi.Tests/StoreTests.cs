using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Ogi.Parsing;
using Ogi.Store;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// The corpus database on SQLite and on PostgreSQL alike (each theory runs on both): ingest of the seeds and corpus,
/// the read side against the gold files, cross-year findings computed here from the gold, reparse versions, agency
/// corrections and merges, reviews, concurrent writers and a killed ingest.
/// </summary>
public class StoreTests
{
    static readonly string[] Inputs = [TestData.Seeds, TestData.Corpus];

    /// <summary>Every gold document beside the file it describes.</summary>
    static List<(string File, JsonElement Gold, string Path)> GoldDocuments() =>
        Directory.GetFiles(TestData.SeedGold, "*.json").Select(g => (Dir: TestData.Seeds, Gold: g))
            .Concat(Directory.GetFiles(TestData.CorpusGold, "*.json").Select(g => (Dir: TestData.Corpus, Gold: g)))
            .Select(x => (Path: TestData.Document(x.Dir, System.IO.Path.GetFileNameWithoutExtension(x.Gold)), x.Gold))
            .Select(x => (System.IO.Path.GetFileName(x.Path), TestData.Gold(x.Gold), x.Path))
            .ToList();

    static List<string> InputFiles() => Inputs.SelectMany(d => Directory.GetFiles(d)).Where(f => !f.EndsWith(".json") && !f.EndsWith(".tsv")).ToList();

    static IngestResult Ingest(IReportStore store, params string[] paths)
    {
        var missing = new List<(string, string)>();
        var sources = Ingester.Expand(paths.Length > 0 ? paths : Inputs, missing);
        Assert.Empty(missing);
        return new Ingester { BatchSize = 7 }.Run(store, sources);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Ingest_stores_each_document_once_with_the_parse_the_engine_gives(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        // Beside the samples, a truncated copy of the corpus PDF: stored, recorded with its reason, listed, and no report.
        var bad = Directory.CreateTempSubdirectory("ogi-store-bad-").FullName;
        var truncated = System.IO.Path.Combine(bad, "truncated.pdf");
        File.WriteAllBytes(truncated, File.ReadAllBytes(System.IO.Path.Combine(TestData.Corpus, "huaian-city-2024.pdf"))[..20000]);
        var first = Ingest(store, [.. Inputs, bad]);
        var files = InputFiles(); // SOURCES.tsv, a table beside the corpus, is no report
        int distinct = files.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).Distinct().Count();
        Assert.Equal(distinct + 1, (int)store.Counts().Documents);
        var failure = Assert.Single(first.Failures);
        Assert.Equal(truncated, failure.Origin);
        Assert.Contains("truncated PDF", failure.Reason);
        Assert.Contains(store.Failures(), f => f.Origin == failure.Origin);
        Assert.Equal(distinct, first.Added);
        Assert.Equal(distinct, store.Reports(ReportFilter.All).Count());
        // Ingested again, the unreadable file is no "already stored" success: it is a failure again, with its reason.
        var retry = Ingest(store, bad);
        var failedAgain = Assert.Single(retry.Failures);
        Assert.Equal((truncated, 0), (failedAgain.Origin, retry.AlreadyStored));
        Assert.Contains("truncated PDF", failedAgain.Reason);
        Directory.Delete(bad, true);

        foreach (var (file, gold, path) in GoldDocuments())
        {
            var stored = store.Reports(ReportFilter.All).Single(r => r.FileName == file);
            var parsed = ReportParser.ParseFile(path);
            Assert.Equal(gold.GetProperty("template").GetString(), stored.Template);
            var meta = gold.GetProperty("metadata");
            Assert.Equal(meta.GetProperty("agency").GetString(), stored.AgencyAsPrinted);
            Assert.Equal(meta.GetProperty("year").GetInt32(), stored.Year);
            // Every field of the gold is stored, with exactly the value the parser read (blank cells as null).
            Assert.Equal(gold.GetProperty("values").EnumerateObject().Select(p => p.Name).Order(), stored.Values.Keys.Order());
            Assert.Equal(TestData.Values(parsed.Main).OrderBy(kv => kv.Key), stored.Values.OrderBy(kv => kv.Key));
            Assert.Equal(parsed.Findings.Select(f => (f.Rule, string.Join(",", f.Fields))).Order(),
                stored.Findings.Where(f => f.RelatedReportId is null).Select(f => (f.Rule, string.Join(",", f.Fields))).Order());
        }

        // Again: nothing is added, and it says so.
        var again = Ingest(store);
        Assert.Equal(0, again.Added);
        Assert.Equal(files.Count, again.AlreadyStored);
        Assert.Equal(distinct + 1, (int)store.Counts().Documents);
        Assert.Equal(distinct, (int)store.Counts().Parses);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Queries_read_what_the_gold_says(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        Ingest(store);
        var gold = GoldDocuments();

        Assert.Equal(gold.Count(g => g.Gold.GetProperty("template").GetString() == "gov2021"), store.Reports(new ReportFilter { Template = "gov2021" }).Count());
        Assert.Equal(gold.Count(g => g.Gold.GetProperty("metadata").GetProperty("year").GetInt32() is >= 2015 and <= 2020),
            store.Reports(new ReportFilter { YearFrom = 2015, YearTo = 2020 }).Count());
        // A comparison on one field, against the gold's own values (application counts are read exactly everywhere).
        static decimal? Gold(JsonElement g, string field) => g.GetProperty("values").TryGetProperty(field, out var v) ? TestData.Number(v) : null;
        var many = gold.Where(g => Gold(g.Gold, "applications.new.total") > 100).Select(g => g.File).Order().ToList();
        var filter = new ReportFilter { Comparisons = [new FieldComparison("applications.new.total", ComparisonOperator.Greater, 100)] };
        Assert.Equal(many, store.Reports(filter).Select(r => r.FileName).Order().ToList());
        Assert.NotEmpty(many);
        // Only the fields asked for are loaded, the same read a thousand reports at a time or each field in one pass.
        var two = store.Reports(ReportFilter.All, ["applications.new.total", "applications.carried_over.total"]).ToList();
        store.ReadInOnePassFrom = 1;
        foreach (var f in new[] { ReportFilter.All, filter, new ReportFilter { Template = "gov2019", Late = true } })
        {
            string Show(IEnumerable<ReportRecord> rs) => JsonSerializer.Serialize(rs.Select(r => new { r.Id, r.AgencyName, r.Year, Values = r.Values.OrderBy(kv => kv.Key), Findings = r.Findings.Select(x => new { x.Id, x.Rule, x.Review, x.RelatedReportId }) }));
            store.ReadInOnePassFrom = int.MaxValue;
            var chunked = Show(store.Reports(f, ["applications.new.total", "applications.carried_over.total"]));
            store.ReadInOnePassFrom = 1;
            Assert.Equal(chunked, Show(store.Reports(f, ["applications.new.total", "applications.carried_over.total"])));
        }
        Assert.All(two, r => Assert.True(r.Values.Keys.All(k => k is "applications.new.total" or "applications.carried_over.total")));
        Assert.Equal(gold.Count(g => Gold(g.Gold, "applications.new.total") is not null), two.Count(r => r.Values.ContainsKey("applications.new.total")));
        // Reports with a rule's finding: the gold's expected findings.
        var late = gold.Where(g => g.Gold.TryGetProperty("expect_findings", out var e) && e.EnumerateArray().Any(f => f.GetProperty("rule").GetString() == "P1")).Select(g => g.File).Order();
        Assert.Equal(late, store.Reports(new ReportFilter { Late = true }).Select(r => r.FileName).Order());
        Assert.Equal(late, store.Reports(new ReportFilter { Rule = "P1" }).Select(r => r.FileName).Order());
        Assert.Equal(gold.Count(g => g.Gold.GetProperty("metadata").GetProperty("agency").GetString()!.Contains("平潭")),
            store.Reports(new ReportFilter { Agency = "平潭" }).Count());

        // One report by id and by a prefix of its SHA-256; an agency by name; its series oldest first.
        var some = store.Reports(ReportFilter.All).First();
        Assert.Equal(some.FileName, store.Report(some.Id.ToString())!.FileName);
        Assert.Equal(some.Id, store.Report(some.Sha256[..10])!.Id);
        Assert.Null(store.Report("ffffffffffff"));
        var zone = store.FindAgency("平潭综合实验区")!.Value;
        var zoneKey = SeriesKey(gold.First(g => g.File == "pingtan-zone-2025.txt"));
        var years = gold.Where(g => SeriesKey(g) == zoneKey).Select(g => g.Gold.GetProperty("metadata").GetProperty("year").GetInt32()).Order().ToList();
        Assert.Equal(years, store.Series(zone).Select(r => r.Year!.Value).ToList());
        Assert.Equal(zone, store.FindAgency(zone.ToString()));
        Assert.Null(store.FindAgency("平潭")); // several agencies hold it: ambiguous
    }

    /// <summary>The series a gold document belongs to: its agency and title as the places library places them.</summary>
    static string SeriesKey((string File, JsonElement Gold, string Path) g) =>
        Places.AgencyPlacer.Place(g.Gold.GetProperty("metadata").GetProperty("agency").GetString(),
            g.Gold.GetProperty("metadata").TryGetProperty("title", out var t) ? t.GetString() : null).SeriesKey;

    /// <summary>X1–X3 computed here, from the gold values and agencies, for every series of the seeds and corpus.</summary>
    static HashSet<(string File, string Rule, string Fields, string? Related)> ExpectedCrossYear()
    {
        var expected = new HashSet<(string, string, string, string?)>();
        var columns = new[] { "natural", "commercial", "research", "nonprofit", "legal", "other_org", "total" };
        foreach (var series in GoldDocuments().GroupBy(SeriesKey))
        {
            var byYear = series.Select(g => (g.File, Year: g.Gold.GetProperty("metadata").GetProperty("year").GetInt32(),
                    Values: g.Gold.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value))))
                .OrderBy(x => x.Year).ToList();
            for (int i = 1; i < byYear.Count; i++)
            {
                var (prev, now) = (byYear[i - 1], byYear[i]);
                if (now.Year - prev.Year > 1) expected.Add((now.File, "X3", "", prev.File));
                if (now.Year - prev.Year != 1) continue;
                foreach (var c in columns)
                {
                    if (!now.Values.TryGetValue($"applications.carried_over.{c}", out var a) || !prev.Values.TryGetValue($"applications.carried_forward.{c}", out var b)) continue;
                    if ((a is not null || b is not null) && (a ?? 0) != (b ?? 0)) expected.Add((now.File, "X1", $"applications.carried_over.{c}", prev.File));
                }
                foreach (var row in new[] { "proactive.rules", "proactive.normative" })
                {
                    if (!now.Values.TryGetValue($"{row}.issued", out var issued) || !now.Values.TryGetValue($"{row}.repealed", out var repealed)) continue;
                    if (!now.Values.TryGetValue($"{row}.in_force", out var inForce) || !prev.Values.TryGetValue($"{row}.in_force", out var before)) continue;
                    if (inForce is null && before is null) continue;
                    if ((before ?? 0) + (issued ?? 0) - (repealed ?? 0) != (inForce ?? 0))
                        expected.Add((now.File, "X2", $"{row}.in_force,{row}.issued,{row}.repealed", prev.File));
                }
            }
        }
        return expected;
    }

    static HashSet<(string, string, string, string?)> StoredCrossYear(IReportStore store)
    {
        var reports = store.Reports(ReportFilter.All).ToList();
        var files = reports.ToDictionary(r => r.Id, r => r.FileName);
        return reports.SelectMany(r => r.Findings.Where(f => f.Rule.StartsWith('X'))
            .Select(f => (r.FileName, f.Rule, string.Join(",", f.Fields), f.RelatedReportId is long id ? files[id] : null))).ToHashSet();
    }

    [Theory, OnSqlite, OnPostgres]
    public void Cross_year_findings_are_those_the_gold_series_give(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        Ingest(store);
        var expected = ExpectedCrossYear();
        Assert.Contains(expected, e => e.Rule == "X3");
        Assert.Equal(expected.Order(), StoredCrossYear(store).Order());
        // The years missing inside the series are listed with the agency.
        var zone = store.Agency(store.FindAgency("平潭综合实验区")!.Value)!;
        Assert.Equal([2013, 2014, 2016, 2018], zone.MissingYears); // 2011 平潭县 and 2012 管委会 are the zone's series too
        Assert.Equal("平潭综合实验区", zone.Name); // named as its latest report names it
    }

    /// <summary>As if an older parser had made the current parses: another version, and one value read differently.</summary>
    static void MakeParsesOld(SqlReportStore store, string db, string file, string field)
    {
        using var c = OpenRaw(db);
        c.Execute("UPDATE parses SET parser_version = 'ogi 0.0 (old)'");
        const string Current = "(SELECT p.id FROM parses p JOIN documents d ON d.id = p.document_id WHERE d.file_name = @file AND p.is_current)";
        // PostgreSQL holds a report's values as one row of arrays subscripted by field number (its migration 0009).
        c.Execute(ReportStore.IsPostgres(db)
            ? $"""
              UPDATE parse_values SET field_values[f.id] = field_values[f.id] + 1 FROM fields f
              WHERE f.name = @field AND parse_id = {Current}
              """
            : $"""
              UPDATE cell_values SET value = value + 1
              WHERE field_id = (SELECT id FROM fields WHERE name = @field) AND parse_id = {Current}
              """, new { field, file });
    }

    static System.Data.Common.DbConnection OpenRaw(string db)
    {
        System.Data.Common.DbConnection c = ReportStore.IsPostgres(db)
            ? new Npgsql.NpgsqlConnection(PostgresReportStore.ConnectionString(db).ToString())
            : new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + db);
        c.Open();
        return c;
    }

    /// <summary>Everything the answers read of every report, as text to compare: values, findings, a stats read, a series, a --where.</summary>
    static string Answers(IReportStore store)
    {
        var all = store.Reports(ReportFilter.All).Select(r => new
        {
            r.Id, r.Template, r.AgencyName, r.Year, Values = r.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal),
            Findings = r.Findings.Select(f => new { f.Rule, f.Fields, f.RelatedReportId, f.Message }),
        });
        string[] fields = ["applications.new.total", "applications.carried_over.total"];
        var facts = store.Facts(ReportFilter.All, fields, ["P1", "X1"]).OrderBy(f => f.Id)
            .Select(f => new { f.Id, Values = f.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal), Rules = f.Rules.Order(StringComparer.Ordinal) });
        var where = store.Reports(new ReportFilter { Comparisons = [new FieldComparison("applications.new.total", ComparisonOperator.Greater, 100)] }).Select(r => r.Id);
        var series = store.Series(store.FindAgency("平潭综合实验区")!.Value).Select(r => new { r.Id, r.Values.Count });
        return JsonSerializer.Serialize(new { all, facts, where, series });
    }

    /// <summary>The test corpus ingested: the answers it gives and its count of value rows, for a migration to keep.</summary>
    static (string Answers, long ValueRows) IngestedAnswers(TestDatabase db)
    {
        using (var store = db.Open())
        {
            Ingest(store);
            var answers = Answers(store);
            using var c = OpenRaw(db.Url);
            return (answers, c.ExecuteScalar<long>("SELECT COUNT(*) FROM cell_values"));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_database_of_wide_value_rows_is_migrated_and_answers_the_same(string kind)
    {
        using var db = new TestDatabase(kind);
        var (before, rows) = IngestedAnswers(db);
        // The value rows as migrations 0001–0003 left them: every table's cells (table_no), with their provenance.
        // A second table's values differ, so that reading them by mistake would change the answers. On PostgreSQL its
        // rows of arrays (0009) go too, so that 0004 and then 0009 make them again from the wide rows.
        using (var c = OpenRaw(db.Url))
        {
            c.Execute("""
                CREATE TABLE cell_values_wide (
                    parse_id bigint NOT NULL, table_no integer NOT NULL, field_id integer NOT NULL, value numeric, raw text NOT NULL,
                    start_offset integer NOT NULL, end_offset integer NOT NULL, confidence double precision NOT NULL, unit text, note text,
                    approximate boolean NOT NULL, glued boolean NOT NULL, alternatives text, PRIMARY KEY (parse_id, table_no, field_id));
                INSERT INTO cell_values_wide SELECT parse_id, 0, field_id, value, 'raw', 1, 2, confidence, NULL, NULL, FALSE, FALSE, NULL FROM cell_values;
                INSERT INTO cell_values_wide SELECT parse_id, 1, field_id, value + 7, 'raw', 3, 4, 0.015625, '件', NULL, FALSE, TRUE, '[1,2]' FROM cell_values;
                """ + (kind == "sqlite" ? "DROP TABLE cell_values;" : "DROP VIEW cell_values; DROP TABLE parse_values; DELETE FROM schema_migrations WHERE version = 9;") + """
                ALTER TABLE cell_values_wide RENAME TO cell_values;
                CREATE INDEX cell_values_by_field ON cell_values (field_id, table_no, parse_id);
                DELETE FROM schema_migrations WHERE version = 4;
                """);
            Assert.Equal(2 * rows, c.ExecuteScalar<long>("SELECT COUNT(*) FROM cell_values"));
        }
        using (var store = db.Open())
        {
            Assert.Contains(4, store.AppliedMigrations());
            Assert.Equal(before, Answers(store));
        }
        using (var c = OpenRaw(db.Url))
        {
            Assert.Equal(rows, c.ExecuteScalar<long>("SELECT COUNT(*) FROM cell_values"));
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM cell_values WHERE confidence = 0.015625")); // the second table's rows are gone
            if (kind == "postgres") // one row of arrays per report with values
                Assert.Equal(c.ExecuteScalar<long>("SELECT COUNT(DISTINCT parse_id) FROM cell_values"), c.ExecuteScalar<long>("SELECT COUNT(*) FROM parse_values"));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_database_of_migration_0007_is_migrated_to_value_rows_by_field_and_answers_the_same(string kind)
    {
        using var db = new TestDatabase(kind);
        var (before, rows) = IngestedAnswers(db);
        // The layout migrations 0004–0007 left: SQLite's value rows a table by parse with an index by field beside it;
        // the agency index without the document.
        using (var c = OpenRaw(db.Url))
        {
            c.Execute(kind == "sqlite"
                ? """
                  CREATE TABLE cell_values_by_parse (parse_id INTEGER NOT NULL, field_id INTEGER NOT NULL, value NUMERIC, confidence REAL NOT NULL,
                      PRIMARY KEY (parse_id, field_id)) WITHOUT ROWID;
                  INSERT INTO cell_values_by_parse SELECT parse_id, field_id, value, confidence FROM cell_values;
                  DROP TABLE cell_values;
                  ALTER TABLE cell_values_by_parse RENAME TO cell_values;
                  CREATE INDEX cell_values_by_field ON cell_values (field_id, parse_id, value);
                  DROP INDEX parses_by_agency;
                  CREATE INDEX parses_by_agency ON parses (agency_id, year) WHERE is_current;
                  DELETE FROM schema_migrations WHERE version = 8;
                  """
                : """
                  DROP INDEX parses_by_agency;
                  CREATE INDEX parses_by_agency ON parses (agency_id, year) WHERE is_current;
                  DELETE FROM schema_migrations WHERE version = 8;
                  """);
        }
        using (var store = db.Open())
        {
            Assert.Contains(8, store.AppliedMigrations());
            Assert.Equal(before, Answers(store));
        }
        using var raw = OpenRaw(db.Url);
        Assert.Equal(rows, raw.ExecuteScalar<long>("SELECT COUNT(*) FROM cell_values"));
        if (kind == "sqlite")
        {
            Assert.Contains("PRIMARY KEY (field_id, parse_id)", raw.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'cell_values'"));
            Assert.Equal(0, raw.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cell_values_by_field'"));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void Reparse_keeps_every_version_and_lists_what_changed(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        Ingest(store);
        int reports = (int)store.Counts().Reports;
        // The same parser on the same documents: nothing new.
        var same = new Reparser().Run(store);
        Assert.Equal(0, same.Changed);
        Assert.Equal(reports, same.Unchanged);
        Assert.Equal(reports, (int)store.Counts().Parses);

        MakeParsesOld(store, db.Url, "pingtan-zone-2022.txt", "applications.new.total");
        var upgrade = new Reparser().Run(store);
        Assert.Equal(reports, upgrade.Changed);
        Assert.Equal(2 * reports, (int)store.Counts().Parses);
        Assert.Equal(reports, store.Reports(ReportFilter.All).Count());
        var changes = upgrade.NewParses.Select(o => store.Changes(o.DocumentId, o.PreviousParseId, o.NewParseId!.Value)).Where(c => c.Any).ToList();
        var changed = Assert.Single(changes);
        Assert.Equal("pingtan-zone-2022.txt", changed.FileName);
        var (field, before, after) = Assert.Single(changed.Values);
        Assert.Equal("applications.new.total", field);
        Assert.Equal(decimal.Parse(after!) + 1, decimal.Parse(before!));
        Assert.All(store.Reports(ReportFilter.All), r => Assert.Equal(PreparedParse.CurrentParserVersion, r.ParserVersion));
        // Cross-year findings are recomputed over the new parses: the same as before.
        Assert.Equal(ExpectedCrossYear().Order(), StoredCrossYear(store).Order());
        // Stats over every report read the current parses' values only, not the older versions' beside them.
        string[] fields = ["applications.new.total", "applications.carried_over.total"], rules = ["X1", "P1"];
        static string Show(ReportFacts f) => $"{f.Id} " + string.Join(";", f.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal)) + " " + string.Join(",", f.Rules.Order());
        Assert.Equal(store.Reports(ReportFilter.All).Select(r => Show(ReportFacts.Of(r, fields, rules))).Order(),
            store.Facts(ReportFilter.All, fields, rules).Select(Show).Order());
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_reparse_that_moves_a_report_to_another_year_rechecks_the_year_after_the_one_it_left(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        Ingest(store);
        long zone = store.FindAgency("平潭综合实验区")!.Value;
        var before = store.Series(zone).OrderBy(r => r.Year).ToList();
        Assert.Equal(before.Count, before.Select(r => r.Year).Distinct().Count()); // a report a year
        // A report between two others (the years before and after it present) that a new parser reads as of an
        // earlier year whose report was stored before it: it is then not the first stored of that year, so nothing
        // follows from its new place; but it left its year, which the next year's report was compared with.
        int i = Enumerable.Range(1, before.Count - 2).First(k => before.Take(k).Any(e => e.Id < before[k].Id));
        var (previous, moved, next) = (before[i - 1], before[i], before[i + 1]);
        var earlier = before.Take(i).First(e => e.Id < moved.Id);
        var document = store.Documents(0, 1000).Single(d => d.Id == moved.Id);
        var parse = Ingester.Parse(PreparedParse.Decompress(document.Content)).Parse!;
        store.AddParses([(document, new PreparedParse
        {
            Template = parse.Template, Title = parse.Title, AgencyPrinted = parse.AgencyPrinted, Year = earlier.Year, Published = parse.Published,
            ParserVersion = parse.ParserVersion, Text = parse.Text, DocumentJson = parse.DocumentJson, Values = parse.Values,
            Findings = parse.Findings, Agency = parse.Agency,
        })]);

        // The next year's report now follows the one before the moved report's old year, over a hole that includes
        // that year: as a recompute of the whole series gives.
        var x3 = Assert.Single(store.Series(zone).Single(r => r.Id == next.Id).Findings, f => f.Rule == "X3");
        Assert.Equal(previous.Id, x3.RelatedReportId);
        var missing = Enumerable.Range(previous.Year!.Value + 1, next.Year!.Value - previous.Year.Value - 1);
        Assert.Equal($"the series has no report for {string.Join(", ", missing)} before {next.Year}", x3.MessageEn);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Agency_corrections_and_merges_survive_reparse(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        Ingest(store);
        var gold = GoldDocuments();
        // Every agency the places library cannot place is listed as unplaced, and only those.
        var unplacedGold = gold.Select(g => g.Gold.GetProperty("metadata").GetProperty("agency").GetString())
            .Where(a => !Places.AgencyPlacer.Place(a).IsPlaced && !Places.AgencyPlacer.Place(a).IsNational).Select(a => Places.AgencyName.Normalize(a)).Distinct().Order();
        Assert.Equal(unplacedGold, store.Agencies(unplacedOnly: true).Select(a => a.Name).Order());
        var lost = Assert.Single(store.Agencies(unplacedOnly: true));

        long zone = store.FindAgency("平潭综合实验区")!.Value, tax = store.FindAgency("平潭综合实验区地方税务局")!.Value;
        Assert.NotEqual(zone, tax);
        store.MergeAgencies(tax, zone);
        store.CorrectAgency(lost.Id, new AgencyCorrection(DivisionCode: "430602", Level: "county"));
        void Check()
        {
            Assert.Equal([2011, 2012, 2013, 2015, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025], store.Series(zone).Select(r => r.Year!.Value));
            Assert.Equal(zone, store.FindAgency("平潭综合实验区地方税务局"));
            var a = store.Agency(zone)!;
            Assert.Equal([2014, 2016, 2018], a.MissingYears);
            // 2015 now follows a hole of one year, with the 2013 report as the earlier one.
            var x3 = Assert.Single(store.Series(zone).Single(r => r.Year == 2015).Findings, f => f.Rule == "X3");
            Assert.Equal(store.Series(zone).Single(r => r.Year == 2013).Id, x3.RelatedReportId);
            var corrected = store.Agency(lost.Id)!;
            Assert.Equal(("430602", "county", true), (corrected.DivisionCode, corrected.Level, corrected.Corrected));
            Assert.Empty(store.Agencies(unplacedOnly: true));
            // Places: by code and by name, everything inside.
            Assert.Equal(12, store.Reports(new ReportFilter { Place = "350128" }).Count());
            Assert.Equal(12, store.Reports(new ReportFilter { Place = "福建省" }).Count());
            Assert.Single(store.Reports(new ReportFilter { Place = "430602" }));
            Assert.Empty(store.Reports(new ReportFilter { Place = "不存在的地方" }));
        }
        Check();
        MakeParsesOld(store, db.Url, "pingtan-zone-2012.txt", "applications.new.total");
        Assert.Equal(store.Counts().Reports, new Reparser().Run(store).Changed);
        Check();
    }

    [Theory, OnSqlite, OnPostgres]
    public void Reviews_hold_while_their_finding_stands_and_go_stale_when_it_does_not(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        Ingest(store);
        var seed = store.Reports(ReportFilter.All).Single(r => r.FileName == "003_e2088ef8146a25db.txt");
        var r1 = seed.Findings.First(f => f.Rule == "R1");
        var p1 = seed.Findings.First(f => f.Rule == "P1");
        store.Review(r1.Id, "dismissed", "the form's own arithmetic");
        store.Review(p1.Id, "confirmed", null);
        Assert.Equal(seed.Findings.All(f => f.Id == r1.Id || f.Id == p1.Id), store.Reports(new ReportFilter { Reviewed = true }).Any(r => r.Id == seed.Id));
        foreach (var f in seed.Findings.Where(f => f.Id != r1.Id && f.Id != p1.Id)) store.Review(f.Id, "confirmed", null);
        Assert.Contains(store.Reports(new ReportFilter { Reviewed = true }), r => r.Id == seed.Id);
        Assert.DoesNotContain(store.Reports(new ReportFilter { Reviewed = false }), r => r.Id == seed.Id);
        Assert.Throws<StoreException>(() => store.Review(123456789, "dismissed", "x"));

        // An older parser read the report's R1 on other values; a review made then is stale after the upgrade.
        var zone2020 = store.Reports(ReportFilter.All).Single(r => r.FileName == "pingtan-zone-2020.txt");
        var r2 = zone2020.Findings.First(f => f.Rule == "R2");
        using (var c = OpenRaw(db.Url)) c.Execute("UPDATE findings SET evidence = 'other values' WHERE id = @id", new { id = r2.Id });
        store.Review(r2.Id, "dismissed", "read on other values");
        MakeParsesOld(store, db.Url, "pingtan-zone-2020.txt", "applications.new.natural");
        new Reparser().Run(store);

        var now = store.Reports(ReportFilter.All).Single(r => r.Id == seed.Id);
        var r1Now = now.Findings.Single(f => f.Rule == "R1" && f.Fields.SequenceEqual(r1.Fields));
        Assert.NotEqual(r1.Id, r1Now.Id); // a new parse, new finding rows
        Assert.Equal(("dismissed", "the form's own arithmetic", false), (r1Now.Review, r1Now.ReviewNote, r1Now.ReviewStale));
        Assert.All(now.Findings, f => Assert.NotNull(f.Review));
        Assert.Equal("confirmed", now.Findings.Single(f => f.Rule == "P1").Review);
        var r2Now = store.Reports(ReportFilter.All).Single(r => r.Id == zone2020.Id).Findings.First(f => f.Rule == "R2" && f.Fields.SequenceEqual(r2.Fields));
        Assert.True(r2Now.ReviewStale);
        var reviews = store.Reviews();
        Assert.Equal(seed.Findings.Count + 1, reviews.Count);
        Assert.Equal(1, reviews.Count(r => r.Stale));
        Assert.Contains(store.Reports(new ReportFilter { Reviewed = false }), r => r.Id == zone2020.Id);
    }

    static string Synth(string dir, int count)
    {
        var (exit, _, err) = CommandLineTests.Run("synth", "--count", count.ToString(), "--out", dir, "--seed", "77");
        Assert.True(exit == 0, err);
        return dir;
    }

    static Process StartIngest(string folder, string db, params string[] more)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "ogi.dll"), "ingest", folder, "--db", db, .. more]) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    static void AssertEveryFileOnce(string folder, string db)
    {
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".json")).ToList();
        var shas = files.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToHashSet();
        using var c = OpenRaw(db);
        var stored = c.Query<string>("SELECT sha256 FROM documents").ToList();
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(shas.Order(), stored.Order());
        // Every document has exactly one parse, and it is current.
        var parses = c.Query<(long, long)>("SELECT document_id, COUNT(*) FROM parses GROUP BY document_id").ToList();
        Assert.Equal(shas.Count, parses.Count);
        Assert.All(parses, p => Assert.Equal(1, p.Item2));
        Assert.Equal(shas.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM parses WHERE is_current"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM parses p WHERE NOT EXISTS (SELECT 1 FROM cell_values v WHERE v.parse_id = p.id)"));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Two_ingests_at_once_never_duplicate_a_document(string kind)
    {
        using var db = new TestDatabase(kind);
        var folder = Synth(Path.Combine(Path.GetTempPath(), "ogi-concurrent-" + Guid.NewGuid().ToString("N")[..8]), 120);
        try
        {
            using (db.Open()) { } // both find the schema made
            using var a = StartIngest(folder, db.Url, "--batch", "10");
            using var b = StartIngest(folder, db.Url, "--batch", "7");
            Assert.True(a.WaitForExit(180_000) && b.WaitForExit(180_000), "ingest did not finish");
            Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
            AssertEveryFileOnce(folder, db.Url);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_ingest_killed_midway_loses_and_duplicates_nothing(string kind)
    {
        using var db = new TestDatabase(kind);
        var folder = Synth(Path.Combine(Path.GetTempPath(), "ogi-kill-" + Guid.NewGuid().ToString("N")[..8]), 300);
        try
        {
            using (db.Open()) { }
            using var ingest = StartIngest(folder, db.Url, "--batch", "25");
            long stored = 0;
            using (var c = OpenRaw(db.Url))
            {
                // Kill it once some batches are committed and before the last one is.
                var clock = Stopwatch.StartNew();
                while (!ingest.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
                {
                    stored = c.ExecuteScalar<long>("SELECT COUNT(*) FROM documents");
                    if (stored >= 50) break;
                    Thread.Sleep(20);
                }
            }
            Assert.False(ingest.HasExited, "ingest finished before it could be killed");
            ingest.Kill();
            ingest.WaitForExit();
            using (var c = OpenRaw(db.Url)) stored = c.ExecuteScalar<long>("SELECT COUNT(*) FROM documents");
            Assert.InRange(stored, 50, 299);

            using var again = StartIngest(folder, db.Url);
            Assert.True(again.WaitForExit(180_000));
            Assert.Equal(0, again.ExitCode);
            AssertEveryFileOnce(folder, db.Url);
        }
        finally { Directory.Delete(folder, true); }
    }
}
