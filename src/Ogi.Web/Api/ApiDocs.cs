using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scalar.AspNetCore;

namespace Ogi.Web.Api;

/// <summary>
/// The API's OpenAPI document (/openapi/v1.json, Microsoft.AspNetCore.OpenApi) and its reference page (/api/docs,
/// Scalar). Scalar's script and stylesheet come from its own package, served by this app under /api/docs/ — nothing
/// from a CDN: no default fonts (they are fetched from Scalar's servers), no telemetry, no agent. Its page starts the
/// reference with one inline script, allowed by a nonce made for that response only (<see cref="Nonce"/>); the rest of
/// the site keeps the strict policy of SecurityHeaders.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/api/docs";
    const string NonceKey = "ogi.docs-nonce";

    /// <summary>The OpenAPI document's services, with the API's own title and description.</summary>
    public static void AddApiDocs(this IServiceCollection services) => services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
    {
        doc.Info.Title = "ogi API";
        doc.Info.Description = "JSON for what the pages of ogi serve show: the corpus of government information-disclosure annual reports " +
            "(政府信息公开工作年度报告), filtered and paged; an agency's series; two reports compared. Read-only endpoints need no account.";
        return Task.CompletedTask;
    }));

    public static void MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(Path, (options, context) => options
            .WithTitle("ogi API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            // Every area's operations open (reports, corpus, dashboard): a reader sees the whole API at once.
            .ExpandAllTags()
            .WithNonce(Nonce(context)));
    }

    /// <summary>The nonce of this response's inline script (made once per request, for the docs page only).</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string n) return n;
        n = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = n;
        return n;
    }

    public static bool IsDocs(HttpContext context) => context.Request.Path.StartsWithSegments(Path);
}
