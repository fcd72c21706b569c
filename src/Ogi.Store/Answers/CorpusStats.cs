using System.Runtime.InteropServices;

namespace Ogi.Store.Answers;

/// <summary>How the reports are grouped: not at all (the whole filtered corpus), or by year, division, level or template.</summary>
public enum StatsGrouping { None, Year, Province, City, County, Level, Template }

/// <summary>
/// One group's figures for one field. <see cref="Reports"/> counts the group's reports, <see cref="Count"/> those with
/// a value in the field (a blank cell or an unprinted row has none and is left out of every figure).
/// </summary>
public sealed record FieldStats(string Group, string? GroupName, string Field, long Reports, long Count, decimal Sum,
    decimal? Mean, decimal? Median, decimal? P10, decimal? P90);

/// <summary>One group's share of reports with at least one finding of a rule.</summary>
public sealed record RuleShare(string Group, string? GroupName, string Rule, long Reports, long WithRule)
{
    public double Share => Reports == 0 ? 0 : (double)WithRule / Reports;
}

/// <summary>
/// Count, sum, mean, median, P10 and P90 of canonical fields, and shares of reports breaking a rule, over a stream of
/// reports, by group. One pass; per group and field it keeps only the values themselves (for the percentiles).
/// <para>Percentiles: linear interpolation between closest ranks (Hyndman–Fan type 7, Excel's PERCENTILE.INC,
/// numpy's default): over the n sorted values x₀…xₙ₋₁, Pp is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋) with h = (n − 1)·p;
/// the median is P50. The mean is rounded to 12 decimals.</para>
/// </summary>
public sealed class CorpusStats
{
    /// <summary>The group of reports whose place, year or level is not known, or that lie above the grouping level (a province's own report grouped by city).</summary>
    public const string NoGroup = "(none)";

    readonly string[] fields;
    readonly string[] rules;
    readonly StatsGrouping grouping;
    readonly Dictionary<string, Group> groups = new(StringComparer.Ordinal);

    sealed class Group(int fields, int rules)
    {
        public long Reports;
        public readonly List<decimal>[] Values = Enumerable.Range(0, fields).Select(_ => new List<decimal>()).ToArray();
        public readonly long[] WithRule = new long[rules];
    }

    public CorpusStats(IReadOnlyList<string> fields, IReadOnlyList<string> rules, StatsGrouping grouping)
    {
        this.fields = [.. fields];
        this.rules = [.. rules];
        this.grouping = grouping;
    }

    public void Add(ReportRecord report) => Add(ReportFacts.Of(report, fields, rules));

    public void Add(ReportFacts report)
    {
        var key = GroupOf(report, grouping) ?? NoGroup;
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _);
        group ??= new Group(fields.Length, rules.Length);
        group.Reports++;
        for (int f = 0; f < fields.Length; f++)
            if (report.Values.TryGetValue(fields[f], out var v) && v is { } value) group.Values[f].Add(value);
        for (int r = 0; r < rules.Length; r++)
            if (report.Rules.Contains(rules[r])) group.WithRule[r]++;
    }

    public void AddAll(IEnumerable<ReportRecord> reports)
    {
        foreach (var r in reports) Add(r);
    }

    public void AddAll(IEnumerable<ReportFacts> reports)
    {
        foreach (var r in reports) Add(r);
    }

    /// <summary>Groups in order of their key (years, codes, names), the group of unknowns last; per group, the fields in the order asked.</summary>
    public IEnumerable<FieldStats> Fields(Func<string, string?>? placeName = null)
    {
        foreach (var (key, group) in OrderedGroups())
        {
            var name = NameOf(key, placeName);
            for (int f = 0; f < fields.Length; f++)
            {
                var values = group.Values[f];
                values.Sort();
                decimal sum = 0;
                foreach (var v in values) sum += v;
                bool any = values.Count > 0;
                yield return new FieldStats(key, name, fields[f], group.Reports, values.Count, Decimals.Plain(sum),
                    any ? Decimals.Plain(decimal.Round(sum / values.Count, 12)) : null, any ? Decimals.Plain(Percentile(values, 0.5m)) : null,
                    any ? Decimals.Plain(Percentile(values, 0.1m)) : null, any ? Decimals.Plain(Percentile(values, 0.9m)) : null);
            }
        }
    }

    public IEnumerable<RuleShare> Rules(Func<string, string?>? placeName = null)
    {
        foreach (var (key, group) in OrderedGroups())
            for (int r = 0; r < rules.Length; r++)
                yield return new RuleShare(key, NameOf(key, placeName), rules[r], group.Reports, group.WithRule[r]);
    }

    /// <summary>Type-7 percentile of sorted values (see the class summary); p in [0, 1].</summary>
    public static decimal Percentile(IReadOnlyList<decimal> sorted, decimal p)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        decimal h = (sorted.Count - 1) * p;
        int lower = (int)decimal.Floor(h);
        if (lower + 1 >= sorted.Count) return sorted[^1];
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    /// <summary>The group a report falls in: its year, the GB/T 2260 code of its province, city or county, its level (department apart), its template.</summary>
    public static string? GroupOf(ReportRecord report, StatsGrouping grouping) => GroupOf(ReportFacts.Of(report, [], []), grouping);

    public static string? GroupOf(ReportFacts report, StatsGrouping grouping) => grouping switch
    {
        StatsGrouping.None => "all",
        StatsGrouping.Year => report.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StatsGrouping.Province => DivisionCode.Province(report.PlaceCode),
        StatsGrouping.City => DivisionCode.City(report.PlaceCode),
        StatsGrouping.County => DivisionCode.County(report.PlaceCode),
        StatsGrouping.Level => report.IsDepartment ? "department" : report.PlaceLevel,
        _ => report.Template,
    };

    IEnumerable<(string Key, Group Group)> OrderedGroups() =>
        groups.OrderBy(g => g.Key == NoGroup).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Value));

    string? NameOf(string key, Func<string, string?>? placeName) =>
        grouping is StatsGrouping.Province or StatsGrouping.City or StatsGrouping.County && key != NoGroup ? placeName?.Invoke(key) : null;
}
