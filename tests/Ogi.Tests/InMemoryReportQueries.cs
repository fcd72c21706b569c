using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Tests;

/// <summary>
/// <see cref="IReportQueries"/> over records in memory, applying <see cref="ReportFilter"/> exactly as the contract
/// documents it. It is the reference the SQLite and PostgreSQL stores are compared with: where the contract leaves a
/// choice, the choice made here is written beside it and the databases must make the same.
/// </summary>
public sealed class InMemoryReportQueries(IEnumerable<ReportRecord> records, IReadOnlyDictionary<string, string>? placeNames = null) : IReportQueries
{
    readonly List<ReportRecord> records = [.. records];
    readonly IReadOnlyDictionary<string, string> placeNames = placeNames ?? new Dictionary<string, string>();

    /// <summary>The division's name by code (福建省 for 350000), as the store's divisions catalog gives it.</summary>
    public string? PlaceName(string code) => placeNames.GetValueOrDefault(code);

    /// <summary>Ordered by place code (unplaced last), agency name (placed, else as printed), year (none last), id; ordinal (code point) order.</summary>
    public IEnumerable<ReportRecord> Reports(ReportFilter filter, IReadOnlyCollection<string>? fields = null)
    {
        var places = filter.Place is { } p ? PlacePrefixes(p) : null;
        return records.Where(r => Takes(filter, r, places))
            .OrderBy(r => r.PlaceCode is null).ThenBy(r => r.PlaceCode, StringComparer.Ordinal)
            .ThenBy(r => AgencyOf(r), StringComparer.Ordinal)
            .ThenBy(r => r.Year is null).ThenBy(r => r.Year)
            .ThenBy(r => r.Id)
            .Select(r => fields is null ? r : r with { Values = r.Values.Where(kv => fields.Contains(kv.Key)).ToDictionary() });
    }

    /// <summary>A page of <see cref="Reports"/> re-sorted by <see cref="Sorted"/>.</summary>
    public ReportPage Page(ReportFilter filter, ReportSort sort, bool descending, int offset, int limit, IReadOnlyCollection<string>? fields = null)
    {
        var all = Sorted(Reports(filter, fields), sort, descending).ToList();
        return new ReportPage(all.Count, offset, all.Skip(offset).Take(limit).ToList());
    }

    /// <summary>Reports in the store's own order, sorted by one key (a stable sort: ties keep that order); NULLs last, ascending or descending.</summary>
    public static IEnumerable<ReportRecord> Sorted(IEnumerable<ReportRecord> natural, ReportSort sort, bool descending)
    {
        if (sort == ReportSort.Id) return descending ? natural.OrderByDescending(r => r.Id) : natural.OrderBy(r => r.Id);
        Func<ReportRecord, IComparable?> key = sort switch
        {
            ReportSort.Place => r => r.PlaceCode,
            ReportSort.Agency => r => r.AgencyName ?? r.AgencyAsPrinted,
            ReportSort.Year => r => r.Year,
            ReportSort.Template => r => r.Template,
            ReportSort.Published => r => r.Published,
            _ => r => r.Findings.Count,
        };
        var byNull = natural.OrderBy(r => key(r) is null);
        var comparer = Comparer<IComparable?>.Create((x, y) => x is string a && y is string b ? string.CompareOrdinal(a, b) : Comparer<IComparable?>.Default.Compare(x, y));
        return descending ? byNull.ThenByDescending(key, comparer) : byNull.ThenBy(key, comparer);
    }

    /// <summary>The facts of the reports <see cref="Reports"/> takes, for these fields and rules.</summary>
    public IEnumerable<ReportFacts> Facts(ReportFilter filter, IReadOnlyCollection<string> fields, IReadOnlyCollection<string> rules) =>
        Reports(filter, fields).Select(r => ReportFacts.Of(r, fields, rules));

    /// <summary>By id (all digits), else by a unique prefix of at least 8 hex digits of the SHA-256 (case-insensitive); null when none or several.</summary>
    public ReportRecord? Report(string idOrSha)
    {
        if (long.TryParse(idOrSha, out var id) && records.FirstOrDefault(r => r.Id == id) is { } byId) return byId;
        var sha = idOrSha.ToLowerInvariant();
        if (sha.Length < 8 || !sha.All(Uri.IsHexDigit)) return null;
        var matches = records.Where(r => r.Sha256.StartsWith(sha, StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public IReadOnlyList<ReportRecord> Series(long agencyId) =>
        records.Where(r => r.AgencyId == agencyId).OrderBy(r => r.Year is null).ThenBy(r => r.Year).ThenBy(r => r.Id).ToList();

    /// <summary>By id (all digits and an agency with reports), else exact name, else the one agency whose name contains the text.</summary>
    public long? FindAgency(string idOrName)
    {
        var agencies = records.Where(r => r.AgencyId is not null).Select(r => (Id: r.AgencyId!.Value, Name: r.AgencyName ?? "")).Distinct().ToList();
        if (long.TryParse(idOrName, out var id) && agencies.Any(a => a.Id == id)) return id;
        var exact = agencies.Where(a => a.Name == idOrName).Select(a => a.Id).Distinct().ToList();
        if (exact.Count == 1) return exact[0];
        var containing = agencies.Where(a => a.Name.Contains(idOrName, StringComparison.Ordinal)).Select(a => a.Id).Distinct().ToList();
        return containing.Count == 1 ? containing[0] : null;
    }

    static string? AgencyOf(ReportRecord r) => r.AgencyId is not null ? r.AgencyName : r.AgencyAsPrinted;

    /// <summary>A code is that division and all below it; a name, every division of that name (鼓楼区 is in several cities) and all below them.</summary>
    List<string> PlacePrefixes(string place) =>
        DivisionCode.IsCode(place) ? [DivisionCode.Prefix(place)]
        : placeNames.Where(kv => kv.Value == place).Select(kv => DivisionCode.Prefix(kv.Key)).ToList();

    static bool Takes(ReportFilter f, ReportRecord r, List<string>? places)
    {
        if (f.Agency is { } agency && AgencyOf(r)?.Contains(agency, StringComparison.Ordinal) != true) return false;
        if (places is not null && !places.Any(p => r.PlaceCode?.StartsWith(p, StringComparison.Ordinal) == true)) return false;
        // Levels exclude each other: a department is "department", whatever the level of its division.
        if (f.Level is { } level && (level == "department" ? !r.IsDepartment : r.IsDepartment || r.PlaceLevel != level)) return false;
        if (f.YearFrom is { } from && !(r.Year >= from)) return false;
        if (f.YearTo is { } to && !(r.Year <= to)) return false;
        if (f.Template is { } template && r.Template != template) return false;
        if (f.Rule is { } rule && !r.Findings.Any(x => x.Rule == rule)) return false;
        // Reviewed: every finding has a review that still stands (a stale review is none); a report without findings counts as reviewed.
        if (f.Reviewed is { } reviewed && r.Findings.All(x => x.Review is not null && !x.ReviewStale) != reviewed) return false;
        if (f.Late is { } late && r.Findings.Any(x => x.Rule == "P1") != late) return false;
        // A blank cell (null) or an unprinted row (no key) never satisfies a comparison, not even !=.
        foreach (var c in f.Comparisons)
        {
            if (!r.Values.TryGetValue(c.Field, out var value) || value is not { } v) return false;
            int order = v.CompareTo(c.Value);
            bool holds = c.Operator switch
            {
                ComparisonOperator.Equal => order == 0,
                ComparisonOperator.NotEqual => order != 0,
                ComparisonOperator.Less => order < 0,
                ComparisonOperator.LessOrEqual => order <= 0,
                ComparisonOperator.Greater => order > 0,
                ComparisonOperator.GreaterOrEqual => order >= 0,
                _ => throw new ArgumentOutOfRangeException(nameof(f)),
            };
            if (!holds) return false;
        }
        return true;
    }
}
