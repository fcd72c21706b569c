using Microsoft.AspNetCore.Builder;

namespace Ogi.Web.Api;

/// <summary>
/// The JSON API under /api: one file per area (ReportsApi.cs, CorpusApi.cs, DashboardApi.cs, …), each a static
/// class with a Map method over a route group, registered here — thin endpoints over the same services the pages use.
/// </summary>
public static class ApiEndpoints
{
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        ReportsApi.Map(api);
        CorpusApi.Map(api);
        app.MapApiDocs();
    }
}
