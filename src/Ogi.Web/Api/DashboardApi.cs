using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Api;

/// <summary>
/// GET /api/dashboard?place=CODE&amp;year=Y: what the dashboard page shows, as JSON — the place and its trail, the
/// years, the figures by year, the ranking below it, and the tables (in the request's language) the charts draw.
/// </summary>
public static class DashboardApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", (string? place, string? year, DashboardAnswers answers, Text T) =>
        {
            try { return Results.Ok(answers.View(place, year)); }
            catch (DashboardInputException e) { return Results.BadRequest(new { error = T.Format(e.Key, e.Value) }); }
        }).WithName("dashboard").WithTags("dashboard").WithSummary("The dashboard of a place (a division code; none: the country) and year (default: the latest)");
    }
}
