using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ogi.Cli;
using Ogi.Store;
using Ogi.Store.Answers;
using Xunit;
using Xunit.Abstractions;

namespace Ogi.Tests;

/// <summary>
/// query, stats, compare and export over the gold files (seeds and corpus) placed in a small corpus, each answer
/// checked against what the test computes itself from the gold JSON by plain arithmetic.
/// </summary>
public class AnswersTests(ITestOutputHelper log)
{
    /// <summary>A gold file as a stored report would hold it: where it was placed, and the reviews of its findings.</summary>
    public sealed record GoldReport(long Id, string Name, JsonElement Gold, long? AgencyId, string? AgencyName, string? Code, string? Level, bool Department)
    {
        public string Template => Gold.GetProperty("template").GetString()!;
        public string? Agency => Gold.GetProperty("metadata").GetProperty("agency").GetString();
        public int Year => Gold.GetProperty("metadata").GetProperty("year").GetInt32();
        public IEnumerable<JsonProperty> Values => Gold.GetProperty("values").EnumerateObject();
        public decimal? Value(string field) => Gold.GetProperty("values").TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
        public bool Prints(string field) => Gold.GetProperty("values").TryGetProperty(field, out _);
        public IEnumerable<string> Rules => Gold.TryGetProperty("expect_findings", out var f) ? f.EnumerateArray().Select(e => e.GetProperty("rule").GetString()!) : [];
    }

    /// <summary>Reviews given in this corpus: (file, rule) → (decision, stale).</summary>
    static readonly Dictionary<(string, string), (string Review, bool Stale)> Reviews = new()
    {
        [("003_e2088ef8146a25db", "R1")] = ("confirmed", false),
        [("pingtan-zone-2020", "R2")] = ("confirmed", false),
        [("pingtan-zone-2020", "P1")] = ("dismissed", false),
        [("pingtan-zone-2021", "P1")] = ("dismissed", true),
        [("pingtan-zone-2022", "T1")] = ("confirmed", false),
        [("pingtan-zone-2022", "P1")] = ("confirmed", false),
    };

    public static readonly Dictionary<string, string> PlaceNames = new()
    {
        ["310000"] = "上海市", ["330000"] = "浙江省", ["330500"] = "湖州市", ["330503"] = "南浔区", ["350000"] = "福建省", ["350100"] = "福州市",
        ["350128"] = "平潭县", ["420000"] = "湖北省", ["420700"] = "鄂州市", ["430000"] = "湖南省", ["430600"] = "岳阳市", ["430602"] = "岳阳楼区",
        ["430623"] = "华容县", ["430623101"] = "北景港镇", ["230000"] = "黑龙江省",
    };

    public static readonly IReadOnlyList<GoldReport> Golds = LoadGolds();

    static List<GoldReport> LoadGolds()
    {
        var files = Directory.GetFiles(TestData.SeedGold, "*.json").Concat(Directory.GetFiles(TestData.CorpusGold, "*.json")).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        var list = new List<GoldReport>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var gold = TestData.Gold(file);
            long id = list.Count + 1;
            list.Add(name switch
            {
                "000_c0b7254846a238aa" => new GoldReport(id, name, gold, 1, "湖南城陵矶新港区", "430602", "county", false),
                "001_ae51e28a24af67cf" => new GoldReport(id, name, gold, 2, "华容县北景港镇", "430623101", "township", false),
                "002_c307c34731f44548" => new GoldReport(id, name, gold, 3, "鄂州市临空经济区管理委员会", "420700", "city", true),
                "003_e2088ef8146a25db" => new GoldReport(id, name, gold, 4, "湖州市南浔区人民政府", "330503", "county", false),
                "004_1a87fed1cef25257" => new GoldReport(id, name, gold, null, null, null, null, false), // unplaced
                "pingtan-dishui-2013" => new GoldReport(id, name, gold, 101, "平潭综合实验区地方税务局", "350128", "county", true),
                "huaian-city-2024" => new GoldReport(id, name, gold, 6, "淮安市人民政府", "320800", "city", false),
                "shanghai-govoffice-2019" => new GoldReport(id, name, gold, 5, "上海市人民政府办公厅", "310000", "province", true),
                // 平潭县 became 平潭综合实验区: one series across the renaming.
                _ when name.StartsWith("pingtan-", StringComparison.Ordinal) => new GoldReport(id, name, gold, 100, "平潭综合实验区", "350128", "county", false),
                _ => throw new InvalidOperationException("a gold file without a placement: " + name),
            });
        }
        return list;
    }

    public static ReportRecord Record(GoldReport g)
    {
        var findings = new List<StoredFinding>();
        if (g.Gold.TryGetProperty("expect_findings", out var expected))
            foreach (var e in expected.EnumerateArray())
            {
                var rule = e.GetProperty("rule").GetString()!;
                var review = Reviews.TryGetValue((g.Name, rule), out var rv) ? rv : default;
                findings.Add(new StoredFinding
                {
                    Id = g.Id * 100 + findings.Count, ReportId = g.Id, Rule = rule, Severity = e.GetProperty("severity").GetString()!,
                    Message = rule + " 发现", Fields = e.TryGetProperty("fields_include", out var f) ? [f.GetString()!] : [],
                    Review = review.Review, ReviewStale = review.Stale,
                });
            }
        var published = g.Gold.GetProperty("metadata").GetProperty("published");
        return new ReportRecord
        {
            Id = g.Id,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(g.Name))),
            FileName = g.Name + ".html",
            Template = g.Template,
            Title = g.Agency + g.Year + "年政府信息公开工作年度报告",
            AgencyAsPrinted = g.Agency,
            Year = g.Year,
            Published = published.ValueKind == JsonValueKind.String ? DateOnly.Parse(published.GetString()!, CultureInfo.InvariantCulture) : null,
            AgencyId = g.AgencyId,
            AgencyName = g.AgencyName,
            PlaceCode = g.Code,
            PlaceLevel = g.Level,
            IsDepartment = g.Department,
            Values = g.Values.ToDictionary(p => p.Name, p => TestData.Number(p.Value)),
            Findings = findings,
        };
    }

    public static InMemoryReportQueries Store() => new(Golds.Select(Record), PlaceNames);

    static GoldReport Gold(string name) => Golds.Single(g => g.Name == name);

    // ---- filters ----

    /// <summary>
    /// Filters and the reports each must take, decided from the gold JSON and the placements above. The database
    /// stores are held to these too: the same records stored, each filter must give the same reports in the same order
    /// as <see cref="InMemoryReportQueries"/>.
    /// </summary>
    public static readonly IReadOnlyList<(string What, ReportFilter Filter, Func<GoldReport, bool> Want)> FilterCases =
    [
        ("all", ReportFilter.All, _ => true),
        ("agency 平潭", new ReportFilter { Agency = "平潭" }, g => (g.AgencyName ?? g.Agency)!.Contains("平潭")),
        ("an unplaced report by its printed name", new ReportFilter { Agency = "岭东" }, g => g.Name == "004_1a87fed1cef25257"),
        ("place 35", new ReportFilter { Place = "35" }, g => g.Code?.StartsWith("35") == true),
        ("place 350000", new ReportFilter { Place = "350000" }, g => g.Code?.StartsWith("35") == true),
        ("place 福建省", new ReportFilter { Place = "福建省" }, g => g.Code?.StartsWith("35") == true),
        ("a city and the township below it", new ReportFilter { Place = "430600" }, g => g.Name is "000_c0b7254846a238aa" or "001_ae51e28a24af67cf"),
        ("a county by name and its township", new ReportFilter { Place = "华容县" }, g => g.Name == "001_ae51e28a24af67cf"),
        ("a township by code", new ReportFilter { Place = "430623101" }, g => g.Name == "001_ae51e28a24af67cf"),
        ("county governments", new ReportFilter { Level = "county" }, g => g.Level == "county" && !g.Department),
        ("departments", new ReportFilter { Level = "department" }, g => g.Department),
        ("2019-2021", new ReportFilter { YearFrom = 2019, YearTo = 2021 }, g => g.Year is >= 2019 and <= 2021),
        ("2022-", new ReportFilter { YearFrom = 2022 }, g => g.Year >= 2022),
        ("gov2019", new ReportFilter { Template = "gov2019" }, g => g.Template == "gov2019"),
        ("R2", new ReportFilter { Rule = "R2" }, g => g.Rules.Contains("R2")),
        ("late", new ReportFilter { Late = true }, g => g.Rules.Contains("P1")),
        ("on time, gov2021", new ReportFilter { Late = false, Template = "gov2021" }, g => !g.Rules.Contains("P1") && g.Template == "gov2021"),
        ("reviewed (a stale review is none)", new ReportFilter { Reviewed = true }, g => !g.Rules.Any() || g.Name is "pingtan-zone-2020" or "pingtan-zone-2022"),
        ("not reviewed", new ReportFilter { Reviewed = false }, g => g.Rules.Any() && g.Name is not ("pingtan-zone-2020" or "pingtan-zone-2022")),
        ("new > 100", new ReportFilter { Comparisons = [FilterParser.ParseComparison("applications.new.total>100")] }, g => g.Value("applications.new.total") > 100),
        ("!= leaves out unprinted", new ReportFilter { Comparisons = [FilterParser.ParseComparison("applications.new.total != 77")] }, g => g.Value("applications.new.total") is { } v && v != 77),
        ("two comparisons", new ReportFilter { Comparisons = [FilterParser.ParseComparison("legacy.proactive.total<=425"), FilterParser.ParseComparison("legacy.proactive.total >= 1")] }, g => g.Value("legacy.proactive.total") is >= 1 and <= 425),
        ("combined", new ReportFilter { Template = "gov2021", Place = "350128", Comparisons = [FilterParser.ParseComparison("proactive.fees.amount=0")] }, g => g.Template == "gov2021" && g.Code == "350128" && g.Value("proactive.fees.amount") == 0),
    ];

    [Fact]
    public void Filters_take_exactly_the_reports_the_gold_says()
    {
        var store = Store();
        foreach (var (what, filter, want) in FilterCases)
        {
            var got = store.Reports(filter).Select(r => r.Id).Order().ToList();
            var expected = Golds.Where(want).Select(g => g.Id).ToList();
            Assert.True(expected.SequenceEqual(got), $"{what}: want [{string.Join(",", expected)}], got [{string.Join(",", got)}]");
        }
    }

    [Fact]
    public void Reports_come_in_place_agency_year_order_and_load_only_the_fields_asked()
    {
        var store = Store();
        var all = store.Reports(ReportFilter.All).ToList();
        Assert.Equal("310000", all[0].PlaceCode);
        Assert.Null(all[^1].PlaceCode); // unplaced last
        var pingtan = all.Where(r => r.AgencyName == "平潭综合实验区").Select(r => r.Year!.Value).ToList();
        Assert.Equal(pingtan.Order(), pingtan);
        var two = store.Reports(ReportFilter.All, ["applications.new.total", "legacy.proactive.total"]).ToList();
        Assert.All(two, r => Assert.True(r.Values.Keys.All(k => k is "applications.new.total" or "legacy.proactive.total")));
        Assert.Equal(Gold("pingtan-zone-2022").Value("applications.new.total"), two.Single(r => r.FileName == "pingtan-zone-2022.html").Values["applications.new.total"]);
        var byPrefix = store.Report(all[3].Sha256[..10].ToUpperInvariant());
        Assert.Equal(all[3].Id, byPrefix!.Id);
        Assert.Null(store.Report("abc")); // too short a prefix
        Assert.Equal(100, store.FindAgency("平潭综合实验区"));
        Assert.Null(store.FindAgency("平潭")); // two agencies contain it
        Assert.Equal(Golds.Count(g => g.AgencyId == 100), store.Series(100).Count);
    }

    [Fact]
    public void The_filter_parser_reads_the_options_and_names_the_nearest_field()
    {
        Assert.Equal(new FieldComparison("applications.new.total", ComparisonOperator.Greater, 100), FilterParser.ParseComparison("applications.new.total>100"));
        Assert.Equal(ComparisonOperator.GreaterOrEqual, FilterParser.ParseComparison("applications.new.total >= 1").Operator);
        Assert.Equal(ComparisonOperator.Less, FilterParser.ParseComparison("applications.new.total<1").Operator);
        Assert.Equal(ComparisonOperator.LessOrEqual, FilterParser.ParseComparison("applications.new.total<=1").Operator);
        Assert.Equal(ComparisonOperator.NotEqual, FilterParser.ParseComparison("applications.new.total!=1").Operator);
        Assert.Equal(new FieldComparison("proactive.fees.amount", ComparisonOperator.Equal, 9116.36m), FilterParser.ParseComparison("proactive.fees.amount=9116.36"));
        Assert.Equal(-89m, FilterParser.ParseComparison("proactive.licensing.change<-89").Value);
        Assert.Equal("legacy.extra.letter_requests", FilterParser.ParseComparison("legacy.extra.letter_requests>0").Field); // a row a legacy table printed that the template does not know
        var typo = Assert.Throws<AnswerException>(() => FilterParser.ParseComparison("applications.new.totl>100"));
        Assert.Equal("unknown field 'applications.new.totl' (did you mean applications.new.total?)", typo.Message);
        Assert.Throws<AnswerException>(() => FilterParser.ParseComparison("applications.new.total>many"));
        Assert.Throws<AnswerException>(() => FilterParser.ParseComparison("applications.new.total"));
        Assert.Equal((2019, 2021), FilterParser.ParseYears("2019-2021"));
        Assert.Equal((2019, (int?)null), FilterParser.ParseYears("2019-"));
        Assert.Equal(((int?)null, 2018), FilterParser.ParseYears("-2018"));
        Assert.Equal((2021, 2021), FilterParser.ParseYears("2021"));
        Assert.Throws<AnswerException>(() => FilterParser.ParseYears("2022-2019"));
        Assert.Throws<AnswerException>(() => FilterParser.ParseYears("20212022"));
        Assert.Throws<AnswerException>(() => FilterParser.ParseYears("-"));
        var f = FilterParser.Parse(new FilterText { Level = "City", Template = "GOV2021", Rule = "r1", Year = "2021", Where = ["applications.new.total>1"] });
        Assert.Equal(("city", "gov2021", "R1", 2021, 2021, 1), (f.Level, f.Template, f.Rule, f.YearFrom!.Value, f.YearTo!.Value, f.Comparisons.Count));
        Assert.Throws<AnswerException>(() => FilterParser.Parse(new FilterText { Level = "village" }));
        Assert.Throws<AnswerException>(() => FilterParser.Parse(new FilterText { Template = "gov2030" }));
        var far = Assert.Throws<AnswerException>(() => FilterParser.ParseComparison("nonexist.field>1"));
        Assert.DoesNotContain("did you mean", far.Message); // no suggestion that is another field altogether
    }

    /// <summary>A place that is no division, or names several, is refused in one line: an empty answer would look like no reports.</summary>
    [Fact]
    public void Places_are_known_divisions_or_refused()
    {
        Assert.Equal("unknown place '火星' (no division of that name)", Assert.Throws<AnswerException>(() => FilterParser.Parse(new FilterText { Place = "火星" })).Message);
        Assert.Contains("(no division has that code)", Assert.Throws<AnswerException>(() => FilterParser.Parse(new FilterText { Place = "3599" })).Message);
        Assert.Contains("names 4 divisions", Assert.Throws<AnswerException>(() => FilterParser.Parse(new FilterText { Place = "鼓楼区" })).Message);
        Assert.Equal("320800", FilterParser.Parse(new FilterText { Place = "江苏省淮安市" }).Place); // a name with its province is read as a placement
        Assert.Equal("350102", FilterParser.Parse(new FilterText { Place = "福建省福州市鼓楼区" }).Place);
        Assert.Equal("淮安市", FilterParser.Parse(new FilterText { Place = "淮安市" }).Place);
        Assert.Equal("35", FilterParser.Parse(new FilterText { Place = "35" }).Place);
    }

    [Fact]
    public void Field_labels_are_the_forms_own_wording()
    {
        string Label(string f) => FieldCatalog.Find(f)!.Label;
        (string Field, string Label)[] expected =
        [
            ("applications.new.natural", "本年新收政府信息公开申请数量·自然人"),
            ("applications.new.commercial", "本年新收政府信息公开申请数量·法人或其他组织·商业企业"),
            ("applications.new.total", "本年新收政府信息公开申请数量·总计"),
            ("applications.withheld.state_secret.total", "不予公开·属于国家秘密·总计"),
            ("applications.partial.natural", "部分公开（区分处理的，只计这一情形，不计其他情形）·自然人"),
            ("appeals.review.upheld", "行政复议·结果维持"),
            ("appeals.litigation_after_review.total", "行政诉讼·复议后起诉·总计"),
            ("proactive.rules.issued", "规章·本年制发件数"),
            ("proactive.rules.made", "规章·本年新制作数量"),
            ("proactive.fees.amount", "行政事业性收费·本年收费金额（单位：万元）"),
            ("legacy.proactive.total", "主动公开政府信息数"),
            ("legacy.channels.gazette", "通过不同渠道和方式公开政府信息的情况·政府公报公开政府信息数"),
        ];
        foreach (var (field, label) in expected) Assert.Equal(label, Label(field));
        Assert.EndsWith("·历年累计", Label("legacy.extra.cumulative.proactive.total"));
        Assert.True(FieldCatalog.Find("proactive.fees.amount")!.Money);
        Assert.Equal(["gov2021", "gov2019"], FieldCatalog.Find("applications.new.total")!.Templates);
        // Every field every gold file holds is known, with a label.
        Assert.All(Golds.SelectMany(g => g.Values).Select(p => p.Name).Distinct(), f => Assert.True(FieldCatalog.IsKnown(f), f));
    }

    // ---- stats ----

    /// <summary>Type-7 percentile written out for the test: rank 1 + p(n − 1) among the sorted values, interpolated.</summary>
    static decimal Expected(List<decimal> sorted, decimal p)
    {
        decimal rank = 1 + p * (sorted.Count - 1);
        int below = (int)Math.Floor(rank);
        if (below >= sorted.Count) return sorted[^1];
        return sorted[below - 1] + (rank - below) * (sorted[below] - sorted[below - 1]);
    }

    [Fact]
    public void Percentiles_interpolate_linearly_between_ranks()
    {
        decimal[] v = [1, 2, 3, 4];
        Assert.Equal(1.3m, CorpusStats.Percentile(v, 0.1m));
        Assert.Equal(2.5m, CorpusStats.Percentile(v, 0.5m));
        Assert.Equal(3.7m, CorpusStats.Percentile(v, 0.9m));
        Assert.Equal(7m, CorpusStats.Percentile([7m], 0.9m));
        Assert.Equal(19m, CorpusStats.Percentile([10m, 100m], 0.1m));
    }

    [Fact]
    public void Values_print_as_stated_whatever_scale_the_database_kept()
    {
        Assert.Equal("71", Decimals.Text(71.000000m));
        Assert.Equal("9116.36", Decimals.Text(9116.360000m));
        Assert.Equal("-0.5", Decimals.Text(-0.50m));
        Assert.Equal("", Decimals.Text(null));
        var record = Record(Gold("pingtan-zone-2022")) with { Values = new Dictionary<string, decimal?> { ["proactive.fees.amount"] = 9116.360000m } };
        var text = new StringWriter();
        ReportJson.WriteLines([record], text);
        Assert.Contains("\"proactive.fees.amount\":9116.36}", text.ToString());
    }

    [Fact]
    public void Stats_by_year_match_plain_arithmetic_over_the_gold()
    {
        string[] fields = ["applications.new.total", "legacy.requests.received"];
        var stats = new CorpusStats(fields, [], StatsGrouping.Year);
        stats.AddAll(Store().Reports(ReportFilter.All, fields));
        var rows = stats.Fields().ToList();
        var years = Golds.Select(g => g.Year).Distinct().Order().ToList();
        Assert.Equal(years.Count * fields.Length, rows.Count);
        foreach (var year in years)
            foreach (var field in fields)
            {
                var row = rows.Single(r => r.Group == year.ToString(CultureInfo.InvariantCulture) && r.Field == field);
                var values = Golds.Where(g => g.Year == year && g.Value(field) is not null).Select(g => g.Value(field)!.Value).Order().ToList();
                Assert.Equal(Golds.Count(g => g.Year == year), row.Reports);
                Assert.Equal(values.Count, row.Count);
                decimal sum = 0;
                foreach (var v in values) sum += v;
                Assert.Equal(sum, row.Sum);
                if (values.Count == 0) { Assert.Null(row.Mean); Assert.Null(row.Median); continue; }
                Assert.Equal(Math.Round(sum / values.Count, 12), row.Mean);
                Assert.Equal(Expected(values, 0.5m), row.Median);
                Assert.Equal(Expected(values, 0.1m), row.P10);
                Assert.Equal(Expected(values, 0.9m), row.P90);
            }
        // One group written out by hand: 2020 has 002, 003 and pingtan-zone-2020.
        var y2020 = rows.Single(r => r.Group == "2020" && r.Field == "applications.new.total");
        var n = new[] { "002_c307c34731f44548", "003_e2088ef8146a25db", "pingtan-zone-2020" }.Select(x => Gold(x).Value("applications.new.total")!.Value).Order().ToArray();
        Assert.Equal(n[0] + n[1] + n[2], y2020.Sum);
        Assert.Equal(n[1], y2020.Median);
        Assert.Equal(n[0] + 0.2m * (n[1] - n[0]), y2020.P10);
        Assert.Equal(n[1] + 0.8m * (n[2] - n[1]), y2020.P90);
    }

    [Fact]
    public void Rule_shares_by_province_and_groups_by_place_level_and_template()
    {
        var stats = new CorpusStats(["applications.new.total"], ["R1", "P1"], StatsGrouping.Province);
        var store = Store();
        stats.AddAll(store.Reports(ReportFilter.All, ["applications.new.total"]));
        var shares = stats.Rules(store.PlaceName).ToList();
        var provinces = Golds.Select(g => g.Code is null ? CorpusStats.NoGroup : g.Code[..2] + "0000").Distinct().ToList();
        Assert.Equal(provinces.Count * 2, shares.Count);
        foreach (var s in shares)
        {
            var group = Golds.Where(g => (g.Code is null ? CorpusStats.NoGroup : g.Code[..2] + "0000") == s.Group).ToList();
            Assert.Equal(group.Count, s.Reports);
            Assert.Equal(group.Count(g => g.Rules.Contains(s.Rule)), s.WithRule);
            Assert.Equal((double)group.Count(g => g.Rules.Contains(s.Rule)) / group.Count, s.Share, 12);
        }
        Assert.Equal(1.0, shares.Single(s => s.Group == "330000" && s.Rule == "R1").Share);
        Assert.Equal("福建省", shares.First(s => s.Group == "350000").GroupName);
        Assert.Equal(CorpusStats.NoGroup, shares[^1].Group); // the unplaced report, last

        string[] Keys(StatsGrouping g) => Golds.Select(x => CorpusStats.GroupOf(Record(x), g) ?? "-").Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["-", "320800", "330500", "350100", "420700", "430600"], Keys(StatsGrouping.City)); // Shanghai's own office has no city above it
        Assert.Equal(["-", "330503", "350128", "430602", "430623"], Keys(StatsGrouping.County));
        Assert.Equal(new[] { "city", "county", "department", "township", "-" }.Order(StringComparer.Ordinal).ToArray(), Keys(StatsGrouping.Level));
        Assert.Equal(["gov2019", "gov2021", "legacy"], Keys(StatsGrouping.Template));
    }

    [Fact]
    public void Stats_over_100000_reports_stream_in_one_pass()
    {
        string[] fields = ["applications.new.total", "applications.granted.total"];
        var random = new Random(14);
        string[] provinces = ["110000", "350000", "440000", "510000"];
        var reports = new List<ReportRecord>(100_000);
        decimal total = 0;
        for (int i = 0; i < 100_000; i++)
        {
            decimal v = random.Next(0, 5000);
            total += v;
            reports.Add(new ReportRecord
            {
                Id = i, Sha256 = "", FileName = "", Template = "gov2021", Year = 2021 + i % 4, PlaceCode = provinces[i % 4][..2] + "0102",
                Values = new Dictionary<string, decimal?> { [fields[0]] = v, [fields[1]] = i % 10 == 0 ? null : v / 2 }, Findings = [],
            });
        }
        var clock = Stopwatch.StartNew();
        var stats = new CorpusStats(fields, [], StatsGrouping.Province);
        stats.AddAll(reports);
        var rows = stats.Fields().ToList();
        clock.Stop();
        log.WriteLine($"stats over 100,000 reports, two fields, by province: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(8, rows.Count);
        Assert.Equal(total, rows.Where(r => r.Field == fields[0]).Sum(r => r.Sum));
        Assert.Equal(90_000, rows.Where(r => r.Field == fields[1]).Sum(r => r.Count));
        Assert.All(rows, r => Assert.Equal(25_000, r.Reports));
    }

    // ---- compare ----

    [Fact]
    public void Compare_gives_every_field_with_its_delta_and_the_findings_of_each()
    {
        var store = Store();
        var (a, b) = CompareCommand.Resolve(store, "2021", "2022", "平潭综合实验区");
        var c = ReportComparison.Of(a, b);
        var ga = Gold("pingtan-zone-2021");
        var gb = Gold("pingtan-zone-2022");
        var union = ga.Values.Select(p => p.Name).Union(gb.Values.Select(p => p.Name)).Order().ToList();
        Assert.Equal(union, c.Rows.Select(r => r.Field).Order().ToList());
        foreach (var row in c.Rows)
        {
            Assert.Equal(ga.Value(row.Field), row.A);
            Assert.Equal(gb.Value(row.Field), row.B);
            Assert.Equal(ga.Value(row.Field) is { } x && gb.Value(row.Field) is { } y ? y - x : null, row.Delta);
        }
        Assert.Equal("本年新收政府信息公开申请数量·自然人", c.Rows.Single(r => r.Field == "applications.new.natural").Label);
        Assert.Equal(c.Rows[0].Field, FieldCatalog.OfTemplate("gov2021").First(f => ga.Prints(f.Field) || gb.Prints(f.Field)).Field); // the form's order
        Assert.Equal(ga.Rules.Order(), c.A.Findings.Select(f => f.Rule).Order());
        Assert.Equal(gb.Rules.Order(), c.B.Findings.Select(f => f.Rule).Order());

        // Across templates: gov2019's single 其他处理 row has no value in the gov2021 report, and no delta.
        var across = ReportComparison.Of(store.Report(Gold("pingtan-zone-2020").Id.ToString(CultureInfo.InvariantCulture))!, a);
        var other = across.Rows.Single(r => r.Field == "applications.other_handling.total");
        Assert.True(other.InA && !other.InB && other.Delta is null && other.Changed);
        Assert.Contains(across.Rows, r => r.Field == "applications.other_handling.misc.total" && !r.InA && r.InB);

        var error = Assert.Throws<AnswerException>(() => CompareCommand.Resolve(store, "2021", "1999", "平潭综合实验区"));
        Assert.Contains("no report for 1999", error.Message);
        Assert.Throws<AnswerException>(() => CompareCommand.Resolve(store, "999", "1", null));
    }

    [Fact]
    public void Compare_prints_a_table_and_csv()
    {
        var store = Store();
        var (a, b) = CompareCommand.Resolve(store, "2021", "2022", "平潭综合实验区");
        var text = new StringWriter();
        CompareCommand.Write(ReportComparison.Of(a, b), changedOnly: true, "table", text);
        var gaTotal = Gold("pingtan-zone-2021").Value("applications.new.total")!.Value;
        var gbTotal = Gold("pingtan-zone-2022").Value("applications.new.total")!.Value;
        var line = text.ToString().Split('\n').Single(l => l.StartsWith("applications.new.total ", StringComparison.Ordinal));
        Assert.EndsWith((gbTotal - gaTotal).ToString(CultureInfo.InvariantCulture), line.TrimEnd());
        Assert.Contains("P1", text.ToString());
        var csv = new StringWriter();
        CompareCommand.Write(ReportComparison.Of(a, b), changedOnly: false, "csv", csv);
        using var reader = CsvReader.FromText(csv.ToString(), new CsvReaderOptions { HasHeader = false });
        Assert.True(reader.Read());
        Assert.Equal("field", reader.GetString(0));
    }

    // ---- export ----

    static void AssertRowHoldsGold(GoldReport g, IReadOnlyList<string> ids, Func<int, string> cell, string where)
    {
        for (int i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (!FieldCatalog.IsKnown(id)) continue;
            var want = g.Value(id);
            var got = cell(i);
            if (want is null) Assert.True(got == "", $"{where} {g.Name} {id}: want empty, got {got}");
            else Assert.True(decimal.Parse(got, CultureInfo.InvariantCulture) == want, $"{where} {g.Name} {id}: want {want}, got {got}");
        }
    }

    [Fact]
    public void Csv_export_has_two_header_rows_and_every_value_of_the_gold()
    {
        var store = Store();
        var text = new StringWriter();
        CorpusExport.WriteCsv(store.Reports(ReportFilter.All), CorpusExport.FieldsFor(ReportFilter.All), text);
        using var reader = CsvReader.FromText(text.ToString(), new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        Assert.Equal(Golds.Count + 2, rows.Count);
        var labels = rows[0];
        var ids = rows[1];
        Assert.Equal("applications.new.natural", ids[Array.IndexOf(labels, "本年新收政府信息公开申请数量·自然人")]);
        Assert.Equal("年度", labels[Array.IndexOf(ids, "year")]);
        Assert.Equal(CorpusExport.ExtraId, ids[^1]);
        foreach (var row in rows.Skip(2))
        {
            var g = Golds.Single(x => x.Id == long.Parse(row[0], CultureInfo.InvariantCulture));
            AssertRowHoldsGold(g, ids, i => row[i], "csv");
            Assert.Equal(g.Year.ToString(CultureInfo.InvariantCulture), row[Array.IndexOf(ids, "year")]);
            Assert.Equal(string.Join(' ', g.Rules.Distinct()), row[Array.IndexOf(ids, "findings")]);
            // Every value the gold holds is in a column or in the last one.
            var inColumns = ids.Where(id => g.Prints(id)).Count();
            var extra = row[^1].Length == 0 ? 0 : row[^1].Split("; ").Length;
            Assert.Equal(g.Values.Count(), inColumns + extra);
        }
        // Only the template asked for: its fields, no others.
        var gov2021 = CorpusExport.FieldsFor(new ReportFilter { Template = "gov2021" });
        Assert.DoesNotContain(gov2021, f => f.Field == "applications.other_handling.total");
        Assert.Contains(gov2021, f => f.Field == "applications.other_handling.misc.total");
    }

    /// <summary>A worksheet's cells as text, by their references (MiniExcel and Excel both leave empty cells out).</summary>
    static List<string[]> SheetRows(WorkbookPart book, string name)
    {
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.GetPartById(sheet.Id!);
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<string[]>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new SortedDictionary<int, string>();
            foreach (var c in row.Elements<Cell>())
            {
                var letters = new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                int column = letters.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
                var value = c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
                cells[column] = value;
            }
            var array = new string[cells.Count == 0 ? 0 : cells.Keys.Max() + 1];
            Array.Fill(array, "");
            foreach (var (k, v) in cells) array[k] = v;
            rows.Add(array);
        }
        return rows;
    }

    [Fact]
    public void Xlsx_export_has_a_sheet_per_table_with_two_header_rows()
    {
        var store = Store();
        var path = Path.Combine(Directory.CreateTempSubdirectory("ogi-xlsx-").FullName, "corpus.xlsx");
        try
        {
            using (var file = File.Create(path)) CorpusExport.WriteXlsx(store, ReportFilter.All, file);
            using var doc = SpreadsheetDocument.Open(path, false);
            var book = doc.WorkbookPart!;
            var names = book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
            Assert.Equal(["报告", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "政府信息公开情况统计表", "其他行"], names);
            var reports = SheetRows(book, "报告");
            Assert.Equal(Golds.Count + 2, reports.Count);
            foreach (var (sheet, templates) in new[] { (names[2], new[] { "gov2019", "gov2021" }), (names[4], new[] { "legacy" }), (names[1], new[] { "gov2019", "gov2021" }) })
            {
                var rows = SheetRows(book, sheet);
                var ids = rows[1];
                Assert.Equal(Golds.Count(g => templates.Contains(g.Template)) + 2, rows.Count);
                foreach (var row in rows.Skip(2))
                {
                    var g = Golds.Single(x => x.Id == long.Parse(row[0], CultureInfo.InvariantCulture));
                    AssertRowHoldsGold(g, ids, i => i < row.Length ? row[i] : "", sheet);
                }
            }
            var three = SheetRows(book, names[2]);
            Assert.Equal("本年新收政府信息公开申请数量·自然人", three[0][Array.IndexOf(three[1], "applications.new.natural")]);
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, true); }
    }

    [Fact]
    public void Rows_the_templates_do_not_know_are_exported_too()
    {
        var extra = Record(Gold("pingtan-zone-2015")) with { Id = 99, Values = new Dictionary<string, decimal?> { ["legacy.proactive.total"] = 5, ["legacy.extra.信函申请数"] = 3 } };
        var store = new InMemoryReportQueries([extra]);
        var text = new StringWriter();
        CorpusExport.WriteCsv(store.Reports(ReportFilter.All), CorpusExport.FieldsFor(ReportFilter.All), text);
        Assert.EndsWith(",legacy.extra.信函申请数=3", text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd());
        var path = Path.Combine(Directory.CreateTempSubdirectory("ogi-xlsx-extra-").FullName, "extra.xlsx");
        try
        {
            using (var file = File.Create(path)) CorpusExport.WriteXlsx(store, ReportFilter.All, file);
            using var doc = SpreadsheetDocument.Open(path, false);
            var rows = SheetRows(doc.WorkbookPart!, "其他行");
            Assert.Equal(3, rows.Count);
            var ids = rows[1];
            Assert.Equal(("99", "legacy.extra.信函申请数", "信函申请数", "3"),
                (rows[2][Array.IndexOf(ids, "id")], rows[2][Array.IndexOf(ids, "field")], rows[2][Array.IndexOf(ids, "label")], rows[2][Array.IndexOf(ids, "value")]));
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, true); }
    }

    [Fact]
    public void LibreOffice_opens_the_xlsx_and_converts_table_three_to_csv()
    {
        var store = Store();
        var dir = Directory.CreateTempSubdirectory("ogi-xlsx-lo-").FullName;
        try
        {
            var path = Path.Combine(dir, "corpus.xlsx");
            using (var file = File.Create(path)) CorpusExport.WriteXlsx(store, new ReportFilter { Template = "gov2021" }, file);
            // The CSV filter's 12th token picks the sheet: 3 = 三 (after 报告 and 二).
            var (exit, output) = RenderTests.RunTool("soffice", dir, $"-env:UserInstallation=file://{dir}/profile", "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3", "--outdir", Path.Combine(dir, "out"), path);
            Assert.True(exit == 0, "soffice failed: " + output);
            var csvPath = Directory.Exists(Path.Combine(dir, "out")) ? Directory.GetFiles(Path.Combine(dir, "out"), "*.csv").SingleOrDefault() : null;
            Assert.True(csvPath is not null, "LibreOffice wrote no CSV: " + output);
            using var reader = CsvReader.FromText(File.ReadAllText(csvPath, Encoding.UTF8), new CsvReaderOptions { HasHeader = false });
            var rows = new List<string[]>();
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
            Assert.Equal("本年新收政府信息公开申请数量·自然人", rows[0][Array.IndexOf(rows[1], "applications.new.natural")]);
            var gov2021 = Golds.Where(g => g.Template == "gov2021").ToList();
            Assert.Equal(gov2021.Count + 2, rows.Count);
            foreach (var row in rows.Skip(2))
                AssertRowHoldsGold(gov2021.Single(x => x.Id == long.Parse(row[0], CultureInfo.InvariantCulture)), rows[1], i => row[i], "LibreOffice csv");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Jsonl_export_keeps_blank_cells_apart_from_unprinted_rows()
    {
        var store = Store();
        var text = new StringWriter();
        ReportJson.WriteLines(store.Reports(ReportFilter.All), text);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Golds.Count, lines.Length);
        foreach (var line in lines)
        {
            var doc = JsonDocument.Parse(line).RootElement;
            var g = Golds.Single(x => x.Id == doc.GetProperty("id").GetInt64());
            Assert.Equal(g.Template, doc.GetProperty("template").GetString());
            Assert.Equal(g.Agency, doc.GetProperty("metadata").GetProperty("agency").GetString());
            Assert.Equal(g.Year, doc.GetProperty("metadata").GetProperty("year").GetInt32());
            var values = doc.GetProperty("values");
            Assert.Equal(g.Values.Count(), values.EnumerateObject().Count());
            foreach (var p in g.Values)
                Assert.Equal(TestData.Number(p.Value), TestData.Number(values.GetProperty(p.Name)));
            Assert.Equal(g.Rules.Order(), doc.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()!).Order());
        }
        Assert.Contains("湖州市南浔区人民政府", text.ToString()); // Chinese unescaped
    }

    // ---- the commands ----

    [Fact]
    public void Query_and_stats_print_their_answers()
    {
        var store = Store();
        var text = new StringWriter();
        QueryCommand.Run(store, new ReportFilter { Comparisons = [FilterParser.ParseComparison("applications.new.total>100")] }, ["applications.new.total"], "csv", null, text);
        using (var reader = CsvReader.FromText(text.ToString(), new CsvReaderOptions { HasHeader = false }))
        {
            var rows = new List<string[]>();
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
            Assert.Equal(Golds.Count(g => g.Value("applications.new.total") > 100) + 1, rows.Count);
            foreach (var row in rows.Skip(1))
                Assert.Equal(Golds.Single(g => g.Id == long.Parse(row[0], CultureInfo.InvariantCulture)).Value("applications.new.total"), decimal.Parse(row[^1], CultureInfo.InvariantCulture));
        }
        var table = new StringWriter();
        StatsCommand.Run(store, new ReportFilter { Template = "gov2021" }, ["applications.new.total"], ["P1"], StatsGrouping.Province, store.PlaceName, "table", table);
        var sum = Golds.Where(g => g.Template == "gov2021" && g.Code?.StartsWith("35", StringComparison.Ordinal) == true).Sum(g => g.Value("applications.new.total") ?? 0);
        var fujian = table.ToString().Split('\n').First(l => l.StartsWith("350000", StringComparison.Ordinal));
        Assert.Contains("福建省", fujian);
        Assert.Contains(" " + sum.ToString(CultureInfo.InvariantCulture) + " ", fujian);
        var jsonl = new StringWriter();
        StatsCommand.Run(store, ReportFilter.All, [], ["R1"], StatsGrouping.None, null, "jsonl", jsonl);
        var share = JsonDocument.Parse(jsonl.ToString().Trim()).RootElement;
        Assert.Equal(Golds.Count, share.GetProperty("reports").GetInt64());
        Assert.Equal(Golds.Count(g => g.Rules.Contains("R1")), share.GetProperty("with_rule").GetInt64());
    }

    [Fact]
    public void The_table_for_reading_rounds_means_and_csv_keeps_every_decimal()
    {
        var store = Store();
        // The year whose mean of new applications is not a round number, computed from the gold files.
        var byYear = Golds.Where(g => g.Value("applications.new.total") is not null)
            .GroupBy(g => g.Year).Select(y => (Year: y.Key, Mean: y.Average(g => g.Value("applications.new.total")!.Value)))
            .First(y => decimal.Round(y.Mean, 2) != y.Mean);
        var table = new StringWriter();
        StatsCommand.Run(store, new ReportFilter { YearFrom = byYear.Year, YearTo = byYear.Year }, ["applications.new.total"], [], StatsGrouping.Year, null, "table", table);
        var row = table.ToString().Split('\n').First(l => l.StartsWith(byYear.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(" " + decimal.Round(byYear.Mean, 2, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + " ", row + " ");
        var csv = new StringWriter();
        StatsCommand.Run(store, new ReportFilter { YearFrom = byYear.Year, YearTo = byYear.Year }, ["applications.new.total"], [], StatsGrouping.Year, null, "csv", csv);
        var mean = decimal.Parse(csv.ToString().Split('\n')[1].Split(',')[6], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(mean - byYear.Mean) < 0.000000001m, $"{mean} against {byYear.Mean}");
    }

    [Fact]
    public void Export_writes_whole_files_csv_with_a_byte_order_mark()
    {
        var store = Store();
        var dir = Directory.CreateTempSubdirectory("ogi-export-").FullName;
        try
        {
            var filter = new ReportFilter { Template = "gov2021" };
            var csv = Path.Combine(dir, "gov2021.csv");
            ExportCommand.Run(store, filter, "csv", csv);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(csv)[..3]);
            using (var reader = CsvReader.FromText(File.ReadAllText(csv, Encoding.UTF8), new CsvReaderOptions { HasHeader = false }))
            {
                int rows = 0;
                while (reader.Read()) rows++;
                Assert.Equal(Golds.Count(g => g.Template == "gov2021") + 2, rows);
            }
            var jsonl = Path.Combine(dir, "gov2021.jsonl");
            ExportCommand.Run(store, filter, "jsonl", jsonl);
            Assert.Equal(Golds.Count(g => g.Template == "gov2021"), File.ReadAllLines(jsonl).Length);
            ExportCommand.Run(store, filter, "xlsx", Path.Combine(dir, "gov2021.xlsx"));
            Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(dir, "gov2021.xlsx"))[..2]);
            Assert.Empty(Directory.GetFiles(dir, "*.partial"));
            var error = Assert.Throws<AnswerException>(() => ExportCommand.Run(store, filter, "csv", Path.Combine(dir, "no-such-folder", "x.csv")));
            Assert.StartsWith("cannot write ", error.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_commands_refuse_bad_options_in_one_line()
    {
        var (exit, _, err) = CommandLineTests.Run("query", "--where", "applications.new.totl>1");
        Assert.Equal(2, exit);
        Assert.Equal("ogi query: unknown field 'applications.new.totl' (did you mean applications.new.total?)", err.Trim());
        (exit, _, err) = CommandLineTests.Run("stats", "applications.new.total", "--by", "weekday");
        Assert.Equal(2, exit);
        Assert.StartsWith("ogi stats: cannot group by 'weekday'", err.Trim());
        (exit, _, err) = CommandLineTests.Run("export", "--format", "xlsx");
        Assert.Equal(2, exit);
        Assert.Equal("ogi export: xlsx needs --out FILE.xlsx", err.Trim());
        (exit, _, err) = CommandLineTests.Run("query", "--year", "2022-2019");
        Assert.Equal(2, exit);
        Assert.Single(err.Trim().Split('\n'));
    }
}
