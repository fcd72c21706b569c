using System.Collections.Concurrent;

namespace Ogi.Store.Answers;

/// <summary>One outcome of table 三 (予以公开, 部分公开, 不予公开 …) in a year: applications so handled, and their share of all handled.</summary>
public sealed record OutcomeFigure(string Outcome, decimal Count, double Share);

/// <summary>One appeal (行政复议 review, 行政诉讼 litigation) and result (upheld, corrected, other, pending, total) in a year.</summary>
public sealed record AppealFigure(string Appeal, string Result, decimal Count);

/// <summary>
/// A year's figures over the reports the dashboard takes. <see cref="Received"/>: applications received (table 三's
/// new + carried over, legacy 收到申请数); <see cref="Outcomes"/>: table 三's outcome rows (gov2019 and gov2021 only:
/// the legacy table counts replies otherwise); <see cref="Fees"/>: legacy 依申请公开信息收取的费用 (万元);
/// <see cref="UnpaidFeeClosures"/>: gov2021 applications closed because a fee was not paid; <see cref="Late"/>:
/// reports with a P1 finding; <see cref="Inconsistent"/>: reports breaking an R or L rule.
/// </summary>
public sealed record YearFigures(int Year, long Reports, decimal Received, IReadOnlyList<OutcomeFigure> Outcomes,
    IReadOnlyList<AppealFigure> Appeals, decimal Fees, decimal UnpaidFeeClosures, long Late, long Inconsistent);

/// <summary>
/// A place in a ranking: its reports' sum of the measure, the spread of the per-report values (median, P10, P90;
/// <see cref="Count"/> reports have a value), and how many of its reports are late (<see cref="Late"/>) or break a
/// form rule (<see cref="Inconsistent"/>).
/// </summary>
public sealed record PlaceRank(int Rank, string Code, string? Name, long Reports, long Count, decimal Sum, decimal? Median, decimal? P10, decimal? P90,
    long Late = 0, long Inconsistent = 0)
{
    public double LateShare => Reports == 0 ? 0 : (double)Late / Reports;
    public double InconsistentShare => Reports == 0 ? 0 : (double)Inconsistent / Reports;
}

/// <summary>
/// The answers' cache, shared by the <see cref="Dashboard"/>s of many requests over one database (the web
/// application's one per process): each answer is kept with the content version it was computed at. Bounded: a flood
/// of distinct questions (every code a visitor can type) empties it rather than growing it without end.
/// </summary>
public sealed class DashboardCache
{
    public const int MaxAnswers = 10_000;
    internal readonly ConcurrentDictionary<string, (string Version, object Answer)> Answers = new(StringComparer.Ordinal);
}

/// <summary>
/// The dashboard's answers: national or regional figures by year, and rankings of the places one level below a
/// division (provinces; a province's cities; a city's counties). Read through <see cref="IReportQueries.Facts"/>,
/// which loads only the fields asked. Answers are cached per question, keyed on the database's content version
/// (<see cref="SqlReportStore.ContentVersion"/>), so a change to the database is seen on the next request.
/// </summary>
public sealed class Dashboard(IReportQueries queries, Func<string, string?> placeName, Func<string>? contentVersion = null, DashboardCache? sharedCache = null)
{
    /// <summary>Table 三's outcome rows, each summing its sub-rows' 总计 column.</summary>
    public static readonly IReadOnlyList<string> OutcomeNames = ["granted", "partial", "withheld", "unavailable", "not_processed", "other_handling"];
    public static readonly IReadOnlyList<string> AppealNames = ["review", "litigation"];
    public static readonly IReadOnlyList<string> ResultNames = ["upheld", "corrected", "other", "pending", "total"];
    /// <summary>The 勾稽关系 rules whose findings are errors (L4, L7, L8 are warnings: reports count those parts differently): a report breaking one is inconsistent.</summary>
    public static readonly IReadOnlyList<string> ConsistencyRules = ["R1", "R2", "R3", "R4", "L1", "L2", "L3", "L5", "L6"];
    public const string LateRule = "P1";

    static readonly string[] ReceivedFields = ["applications.new.total", "applications.carried_over.total", "legacy.requests.received"];
    const string FeeField = "legacy.fees", UnpaidFeeField = "applications.other_handling.unpaid_fee.total";

    /// <summary>The fields of each outcome: applications.granted.total; applications.withheld.*.total …</summary>
    static readonly Dictionary<string, string[]> OutcomeFields = OutcomeNames.ToDictionary(o => o, o => FieldCatalog.All
        .Select(f => f.Field)
        .Where(f => f == $"applications.{o}.total" || (f.StartsWith($"applications.{o}.", StringComparison.Ordinal) && f.EndsWith(".total", StringComparison.Ordinal)
            && f.Count(c => c == '.') == 3))
        .ToArray());

    /// <summary>The fields of each appeal's result: review = table 四's 行政复议 and the legacy 行政复议; litigation = both 行政诉讼 groups and the legacy 行政诉讼.</summary>
    static string[] AppealFields(string appeal, string result) => (appeal == "review"
        ? new[] { $"appeals.review.{result}", $"legacy.review.{result}" }
        : [$"appeals.litigation_direct.{result}", $"appeals.litigation_after_review.{result}", $"legacy.litigation.{result}"])
        .Where(f => FieldCatalog.Find(f) is not null).ToArray();

    static readonly string[] YearFields = [.. ReceivedFields, .. OutcomeFields.Values.SelectMany(f => f),
        .. AppealNames.SelectMany(a => ResultNames.SelectMany(r => AppealFields(a, r))), FeeField, UnpaidFeeField];
    static readonly string[][][] AppealFieldsOf = AppealNames.Select(a => ResultNames.Select(r => AppealFields(a, r)).ToArray()).ToArray();
    static readonly string[] YearRules = [LateRule, .. ConsistencyRules];

    /// <summary>What <see cref="RankingByReceived"/> ranks by: a report's applications received (as <see cref="YearFigures.Received"/>).</summary>
    public const string ReceivedMeasure = "received";

    readonly ConcurrentDictionary<string, (string Version, object Answer)> cache = (sharedCache ?? new DashboardCache()).Answers;

    /// <summary>The fields a report's outcome sums, for tests and the page's notes.</summary>
    public static IReadOnlyList<string> FieldsOf(string outcome) => OutcomeFields[outcome];

    /// <summary>The fields an appeal's result sums.</summary>
    public static IReadOnlyList<string> FieldsOf(string appeal, string result) => AppealFields(appeal, result);

    /// <summary>Figures by year, oldest first, over every report (place null) or a division's (code: 35, 350000, 350500 …). Reports without a year are left out.</summary>
    public IReadOnlyList<YearFigures> ByYear(string? place = null) => Cached($"year|{place}", () =>
    {
        var years = new SortedDictionary<int, YearSum>();
        foreach (var f in queries.Facts(new ReportFilter { Place = place }, YearFields, YearRules))
        {
            if (f.Year is not { } year) continue;
            if (!years.TryGetValue(year, out var y)) years[year] = y = new YearSum();
            y.Add(f);
        }
        return (IReadOnlyList<YearFigures>)years.Select(kv => kv.Value.Figures(kv.Key)).ToList();
    });

    /// <summary>
    /// The places one level below <paramref name="place"/> (null: provinces; a province: its cities; a city: its
    /// counties), ranked by the sum of <paramref name="field"/> over their reports (of <paramref name="year"/> when
    /// given), largest first; ties by code. A division's own reports (a province's government) are not a place below it.
    /// </summary>
    public IReadOnlyList<PlaceRank> Ranking(string? place, string field, int? year = null) => Rank(place, field, [FieldCatalog.Require(field)], year);

    /// <summary>As <see cref="Ranking"/>, by applications received: a report's value is the sum of its received fields
    /// (table 三's new + carried over, or the legacy 收到申请数); a report printing none of them has no value.</summary>
    public IReadOnlyList<PlaceRank> RankingByReceived(string? place, int? year = null) => Rank(place, ReceivedMeasure, ReceivedFields, year);

    IReadOnlyList<PlaceRank> Rank(string? place, string measure, string[] fields, int? year) => Cached($"rank|{place}|{measure}|{year}", () =>
    {
        var grouping = ChildLevel(place);
        var groups = new Dictionary<string, PlaceSum>(StringComparer.Ordinal);
        foreach (var f in queries.Facts(new ReportFilter { Place = place, YearFrom = year, YearTo = year }, fields, YearRules))
        {
            // A division's own reports (a province's government) are not a place below it.
            if (CorpusStats.GroupOf(f, grouping) is not { } code) continue;
            if (!groups.TryGetValue(code, out var g)) groups[code] = g = new PlaceSum();
            g.Add(f, fields);
        }
        return (IReadOnlyList<PlaceRank>)groups.Select(kv => (Code: kv.Key, Sum: kv.Value, Total: kv.Value.Values.Sum()))
            .OrderByDescending(p => p.Total).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select((p, i) => p.Sum.Rank(i + 1, p.Code, placeName(p.Code))).ToList();
    });

    /// <summary>The level a ranking below a division lists: provinces below the country, cities below a province, counties below a city (and a county's own code).</summary>
    public static StatsGrouping ChildLevel(string? place)
    {
        if (place is null) return StatsGrouping.Province;
        if (!DivisionCode.IsCode(place)) throw new AnswerException($"not a division code: '{place}' (35, 350000, 350500)");
        return DivisionCode.Prefix(place.Length == 2 ? place + "0000" : place).Length switch { 2 => StatsGrouping.City, _ => StatsGrouping.County };
    }

    T Cached<T>(string key, Func<T> compute) where T : class
    {
        var version = contentVersion?.Invoke();
        if (version is not null && cache.TryGetValue(key, out var hit) && hit.Version == version) return (T)hit.Answer;
        var answer = compute();
        if (version is not null)
        {
            if (cache.Count >= DashboardCache.MaxAnswers) cache.Clear();
            cache[key] = (version, answer);
        }
        return answer;
    }

    sealed class PlaceSum
    {
        long reports, late, inconsistent;
        public readonly List<decimal> Values = [];

        public void Add(ReportFacts f, string[] fields)
        {
            reports++;
            if (f.Rules.Contains(LateRule)) late++;
            if (ConsistencyRules.Any(f.Rules.Contains)) inconsistent++;
            decimal? value = null;
            foreach (var field in fields)
                if (f.Values.TryGetValue(field, out var v) && v is { } x) value = (value ?? 0) + x;
            if (value is { } given) Values.Add(given);
        }

        public PlaceRank Rank(int rank, string code, string? name)
        {
            Values.Sort();
            bool any = Values.Count > 0;
            decimal? P(decimal p) => any ? Decimals.Plain(CorpusStats.Percentile(Values, p)) : null;
            return new PlaceRank(rank, code, name, reports, Values.Count, Decimals.Plain(Values.Sum()), P(0.5m), P(0.1m), P(0.9m), late, inconsistent);
        }
    }

    sealed class YearSum
    {
        long reports, late, inconsistent;
        decimal received, fees, unpaid;
        readonly decimal[] outcomes = new decimal[OutcomeNames.Count];
        readonly decimal[,] appeals = new decimal[AppealNames.Count, ResultNames.Count];

        public void Add(ReportFacts f)
        {
            reports++;
            if (f.Rules.Contains(LateRule)) late++;
            if (ConsistencyRules.Any(f.Rules.Contains)) inconsistent++;
            received += Sum(f, ReceivedFields);
            fees += Sum(f, [FeeField]);
            unpaid += Sum(f, [UnpaidFeeField]);
            for (int o = 0; o < OutcomeNames.Count; o++) outcomes[o] += Sum(f, OutcomeFields[OutcomeNames[o]]);
            for (int a = 0; a < AppealNames.Count; a++)
                for (int r = 0; r < ResultNames.Count; r++) appeals[a, r] += Sum(f, AppealFieldsOf[a][r]);
        }

        static decimal Sum(ReportFacts f, IEnumerable<string> fields)
        {
            decimal s = 0;
            foreach (var field in fields) if (f.Values.TryGetValue(field, out var v) && v is { } value) s += value;
            return s;
        }

        public YearFigures Figures(int year)
        {
            decimal handled = outcomes.Sum();
            return new YearFigures(year, reports, Decimals.Plain(received),
                OutcomeNames.Select((o, i) => new OutcomeFigure(o, Decimals.Plain(outcomes[i]), handled == 0 ? 0 : (double)(outcomes[i] / handled))).ToList(),
                AppealNames.SelectMany((a, i) => ResultNames.Select((r, j) => new AppealFigure(a, r, Decimals.Plain(appeals[i, j])))).ToList(),
                Decimals.Plain(fees), Decimals.Plain(unpaid), late, inconsistent);
        }
    }
}
