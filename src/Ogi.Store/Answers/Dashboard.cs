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

/// <summary>A place in a ranking: its reports' sum of the field, and the spread of the per-report values (median, P10, P90).</summary>
public sealed record PlaceRank(int Rank, string Code, string? Name, long Reports, long Count, decimal Sum, decimal? Median, decimal? P10, decimal? P90);

/// <summary>
/// The dashboard's answers: national or regional figures by year, and rankings of the places one level below a
/// division (provinces; a province's cities; a city's counties). Read through <see cref="IReportQueries.Facts"/>,
/// which loads only the fields asked. Answers are cached per question, keyed on the database's content version
/// (<see cref="SqlReportStore.ContentVersion"/>), so a change to the database is seen on the next request.
/// </summary>
public sealed class Dashboard(IReportQueries queries, Func<string, string?> placeName, Func<string>? contentVersion = null)
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

    readonly ConcurrentDictionary<string, (string Version, object Answer)> cache = new(StringComparer.Ordinal);

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
    public IReadOnlyList<PlaceRank> Ranking(string? place, string field, int? year = null) => Cached($"rank|{place}|{field}|{year}", () =>
    {
        FieldCatalog.Require(field);
        var grouping = ChildLevel(place);
        var stats = new CorpusStats([field], [], grouping);
        stats.AddAll(queries.Facts(new ReportFilter { Place = place, YearFrom = year, YearTo = year }, [field], []));
        return (IReadOnlyList<PlaceRank>)stats.Fields(placeName).Where(s => s.Group != CorpusStats.NoGroup)
            .OrderByDescending(s => s.Sum).ThenBy(s => s.Group, StringComparer.Ordinal)
            .Select((s, i) => new PlaceRank(i + 1, s.Group, s.GroupName, s.Reports, s.Count, s.Sum, s.Median, s.P10, s.P90)).ToList();
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
        if (version is not null) cache[key] = (version, answer);
        return answer;
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
