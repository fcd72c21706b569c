using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ogi.Store;
using Ogi.Store.Answers;
using Ogi.Web.Services;

namespace Ogi.Web.Api;

/// <summary>A finding of a report, with the review decision on it.</summary>
public sealed record FindingJson(long Id, string Rule, string Severity, string Message, string? MessageEn, IReadOnlyList<string> Fields,
    [property: Description("X1–X3: the other report of the series")] long? RelatedReport, [property: Description("confirmed, dismissed or null")] string? Review)
{
    public static FindingJson Of(StoredFinding f) => new(f.Id, f.Rule, f.Severity, f.Message, f.MessageEn, f.Fields, f.RelatedReportId, f.Review);
}

/// <summary>A report as a list shows it: who, where, when, which form, the applications it received, its findings.</summary>
public sealed record ReportSummaryJson(long Id, string Sha256, string File, string Template, int? Year, string? Published,
    long? AgencyId, string? Agency, string? AgencyPrinted, [property: Description("GB/T 2260 division code")] string? PlaceCode, string? Place,
    [property: Description("province, city, county, township")] string? Level, bool Department,
    [property: Description("applications received (gov forms' 本年新收, legacy 收到申请数)")] decimal? Received, IReadOnlyList<FindingJson> Findings)
{
    public static ReportSummaryJson Of(ReportRecord r) => new(r.Id, r.Sha256, r.FileName, r.Template, r.Year, r.Published?.ToString("yyyy-MM-dd"),
        r.AgencyId, r.AgencyName, r.AgencyAsPrinted, r.PlaceCode, r.PlaceCode is { } c ? Places.DivisionCatalog.NameOfCode(c) : null, r.PlaceLevel, r.IsDepartment,
        KeyFigure.Received.Of(r), r.Findings.Select(FindingJson.Of).ToList());
}

/// <summary>One page of the corpus: the reports on it and how many the filter takes in all.</summary>
public sealed record ReportListJson(long Total, int Page, int Size, int Pages, IReadOnlyList<ReportSummaryJson> Reports);

/// <summary>One report of an agency's series with its key figures (received, handled, granted, carried_forward, review, litigation).</summary>
public sealed record SeriesReportJson(long Id, int? Year, string Template, string? Published, IReadOnlyDictionary<string, decimal?> Figures, IReadOnlyList<FindingJson> Findings);

/// <summary>An agency and its series: place, years, the years missing, every report, the cross-year findings (X1–X3).</summary>
public sealed record AgencyJson(long Id, string Name, string? PlaceCode, string? Place, string? Level, bool Department, int Reports,
    int? FirstYear, int? LastYear, IReadOnlyList<int> MissingYears, IReadOnlyList<string> NamesPrinted, IReadOnlyList<SeriesReportJson> Series,
    IReadOnlyList<FindingJson> CrossYear);

/// <summary>One field of the two reports: A and B null when blank or unprinted (inA/inB tell which); delta = B − A.</summary>
public sealed record ComparisonRowJson(string Field, string Label, decimal? A, decimal? B, bool InA, bool InB, decimal? Delta, bool Changed);

public sealed record ComparisonJson(ReportSummaryJson A, ReportSummaryJson B, IReadOnlyList<ComparisonRowJson> Rows);

/// <summary>The corpus's JSON: the same service (<see cref="Corpus"/>) as the pages `/`, `/agencies/{id}` and `/compare`.</summary>
public static class CorpusApi
{
    public const int MaxPageSize = 500;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reports", ListReports).WithName("ListReports").WithTags("corpus")
            .WithSummary("The stored reports a filter takes, sorted and paged (the corpus page's list)").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/agencies/{id:long}", GetAgency).WithName("GetAgency").WithTags("corpus")
            .WithSummary("An agency's series: its reports by year with their key figures, the years missing, the cross-year findings");
        api.MapGet("/compare", CompareReports).WithName("CompareReports").WithTags("corpus")
            .WithSummary("Two reports side by side: every field with A, B and the delta, and the findings of each")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    static Results<Ok<ReportListJson>, ProblemHttpResult> ListReports(HttpRequest request, Corpus corpus,
        [Description("part of the agency's name")] string? agency = null,
        [Description("a division code (35, 3505, 350502) or name (泉州市): that place and everything below it")] string? place = null,
        [Description("province, city, county, township or department")] string? level = null,
        [Description("2021, 2019-2021, 2019- or -2018")] string? year = null,
        [Description("gov2021, gov2019, legacy or unknown")] string? template = null,
        [Description("a rule the report breaks (R1, P1, X1 …)")] string? rule = null,
        [Description("yes: published after the deadline (P1); no: on time")] string? late = null,
        [Description("yes: every finding reviewed; no: some finding not reviewed")] string? reviewed = null,
        [Description("place, agency, year, template, published, findings or id; -year for descending")] string? sort = null,
        [Description("1 for the first page")] string? page = null,
        [Description("reports per page, 1 to 500 (default 50)")] string? size = null)
    {
        try
        {
            var list = corpus.List(CorpusQuery.From(request.Query, MaxPageSize));
            return TypedResults.Ok(new ReportListJson(list.Page.Total, list.Query.Page, list.Query.Size, list.Pages,
                list.Page.Reports.Select(ReportSummaryJson.Of).ToList()));
        }
        catch (AnswerException e) { return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest); }
    }

    static Results<Ok<AgencyJson>, NotFound> GetAgency(long id, Corpus corpus)
    {
        if (corpus.Agency(id) is not { } s) return TypedResults.NotFound();
        var a = s.Agency;
        return TypedResults.Ok(new AgencyJson(a.Id, a.Name, a.DivisionCode, a.DivisionCode is { } c ? Places.DivisionCatalog.NameOfCode(c) : null,
            a.IsDepartment ? "department" : a.Level, a.IsDepartment, a.Reports, a.FirstYear, a.LastYear, a.MissingYears, a.NamesPrinted,
            s.Reports.Select(r => new SeriesReportJson(r.Id, r.Year, r.Template, r.Published?.ToString("yyyy-MM-dd"),
                KeyFigure.All.ToDictionary(k => k.Key, k => k.Of(r)), r.Findings.Select(FindingJson.Of).ToList())).ToList(),
            s.CrossYear.Select(x => FindingJson.Of(x.Finding)).ToList()));
    }

    static Results<Ok<ComparisonJson>, ProblemHttpResult> CompareReports(Corpus corpus,
        [Description("report id or 8+ hex digits of its SHA-256")] string? a = null,
        [Description("the other report")] string? b = null)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
            return TypedResults.Problem("give two reports: /api/compare?a=ID&b=ID", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            var c = corpus.Compare(a.Trim(), b.Trim());
            return TypedResults.Ok(new ComparisonJson(ReportSummaryJson.Of(c.A), ReportSummaryJson.Of(c.B),
                c.Rows.Select(r => new ComparisonRowJson(r.Field, r.Label, r.A, r.B, r.InA, r.InB, r.Delta, r.Changed)).ToList()));
        }
        catch (AnswerException e) { return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound); }
    }
}
