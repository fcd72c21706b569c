using Ogi.Places;
using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Web.Services;

/// <summary>A figure most reports print, whatever their form: the sum of the fields of it that a report holds (the
/// gov2019/gov2021 row, or the legacy 统计表's); null when it holds none of them.</summary>
public sealed record KeyFigure(string Key, IReadOnlyList<string> Fields)
{
    public decimal? Of(ReportRecord r)
    {
        decimal? sum = null;
        foreach (var f in Fields)
            if (r.Values.TryGetValue(f, out var v) && v is { } x) sum = (sum ?? 0) + x;
        return sum is { } s ? Decimals.Plain(s) : null;
    }

    /// <summary>The figures of an agency's series and of the corpus list (received only), in the order shown.</summary>
    public static readonly IReadOnlyList<KeyFigure> All =
    [
        new("received", ["applications.new.total", "legacy.requests.received"]),
        new("handled", ["applications.total.total", "legacy.replies.total"]),
        new("granted", ["applications.granted.total", "legacy.replies.granted"]),
        new("carried_forward", ["applications.carried_forward.total"]),
        new("review", ["appeals.review.total", "legacy.review.total"]),
        new("litigation", ["appeals.litigation_direct.total", "appeals.litigation_after_review.total", "legacy.litigation.total"]),
    ];

    public static KeyFigure Received => All[0];
}

/// <summary>The list of reports a query asks for: one page, the count of all, the place it is inside.</summary>
public sealed record CorpusList(CorpusQuery Query, ReportPage Page, string? PlaceCode)
{
    public int Pages => (int)Math.Max(1, (Page.Total + Query.Size - 1) / Query.Size);
}

/// <summary>Where a place filter stands in the administrative tree: the divisions above it (province first) and the
/// divisions below it that hold an agency, to narrow to.</summary>
public sealed record PlaceTree(IReadOnlyList<Division> Path, IReadOnlyList<Division> Children);

/// <summary>An agency's series: its summary, its reports oldest first, their cross-year findings (X1–X3) and the years missing.</summary>
public sealed record AgencySeries(AgencySummary Agency, IReadOnlyList<ReportRecord> Reports, IReadOnlyList<(ReportRecord Report, StoredFinding Finding)> CrossYear)
{
    /// <summary>Per key figure any report holds: (year, value) of each report that holds it, oldest first.</summary>
    public IReadOnlyList<(KeyFigure Figure, IReadOnlyList<(int Year, decimal Value)> Points)> Series() =>
        KeyFigure.All.Select(k => (k, (IReadOnlyList<(int, decimal)>)Reports
                .Where(r => r.Year is not null && k.Of(r) is not null)
                .GroupBy(r => r.Year!.Value).Select(g => (g.Key, k.Of(g.First())!.Value)).ToList()))
            .Where(s => s.Item2.Count > 0).ToList();
}

/// <summary>
/// The corpus's answers for the pages and the API alike (the same service behind `/` and `/api/reports`, `/agencies/{id}`
/// and `/api/agencies/{id}`, `/compare` and `/api/compare`): every filter, sort, count and page done by the database.
/// </summary>
public sealed class Corpus(SqlReportStore store)
{
    public static readonly string[] Rules = ["R1", "R2", "R3", "R4", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "N1", "B1", "T1", "P1", "S1", "G1", "U1", "V1", "F1", "D1", "X1", "X2", "X3"];
    public static readonly string[] CrossYearRules = ["X1", "X2", "X3"];

    /// <summary>The page of reports asked for; <see cref="AnswerException"/> when a filter cannot be meant (unknown place, bad year…).</summary>
    public CorpusList List(CorpusQuery query)
    {
        var filter = FilterParser.Parse(query.Filter);
        var page = store.Page(filter, query.Sort, query.Descending, (query.Page - 1) * query.Size, query.Size, KeyFigure.Received.Fields.ToList());
        return new CorpusList(query, page, filter.Place is { } p ? PlaceCode(p) : null);
    }

    /// <summary>A place filter's full six-digit division code (35 → 350000), or null when it names no one division.</summary>
    public static string? PlaceCode(string place)
    {
        var code = AgencyPlacing.DivisionCodeOf(place) ?? (AgencyPlacing.DivisionCodesNamed(place) is [var only] ? only : null);
        return code switch { { Length: 2 } => code + "0000", { Length: 4 } => code + "00", _ => code };
    }

    /// <summary>The tree around a place (the provinces when none): only divisions where some agency is placed are offered.</summary>
    public PlaceTree Tree(string? code)
    {
        var catalog = DivisionCatalog.Default;
        var path = code is null ? [] : catalog.PathTo(code);
        var below = code is null ? catalog.Provinces : catalog.Children(code);
        if (below.Count == 0) return new PlaceTree(path, []);
        var prefix = code is null ? "" : DivisionCode.Prefix(code);
        // A range of the division index (codes are digits), not a LIKE over every agency.
        var upTo = prefix.Length == 0 ? null : DivisionCode.NextPrefix(prefix);
        var placed = store.Session.Query<string>(
            "SELECT DISTINCT division_code FROM agencies WHERE merged_into IS NULL AND division_code IS NOT NULL"
            + (upTo is null ? " AND division_code LIKE @pattern" : " AND division_code >= @prefix AND division_code < @upTo"),
            new { pattern = prefix + "%", prefix, upTo }).ToList();
        var children = below.Where(d => placed.Any(c => DivisionCode.IsWithin(c, d.Code))).ToList();
        return new PlaceTree(path, children);
    }

    public AgencySeries? Agency(long id)
    {
        var summary = store.Agency(id);
        if (summary is null) return null;
        var reports = store.Series(summary.Id);
        var crossYear = reports.SelectMany(r => r.Findings.Where(f => CrossYearRules.Contains(f.Rule)).Select(f => (r, f))).ToList();
        return new AgencySeries(summary, reports, crossYear);
    }

    public ReportRecord? Report(string idOrSha) => store.Report(idOrSha);

    /// <summary>Two reports side by side; <see cref="AnswerException"/> naming the one that is not stored.</summary>
    public ReportComparison Compare(string a, string b) =>
        ReportComparison.Of(
            store.Report(a) ?? throw new AnswerException($"no report '{a}' (an id, or 8+ hex digits of its SHA-256)"),
            store.Report(b) ?? throw new AnswerException($"no report '{b}' (an id, or 8+ hex digits of its SHA-256)"));

    /// <summary>The report of the series before this one (by year), to compare with; null for the first.</summary>
    public static ReportRecord? Previous(AgencySeries series, ReportRecord r) =>
        series.Reports.LastOrDefault(x => x.Year < r.Year);
}
