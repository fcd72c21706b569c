using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ogi.Store;
using Ogi.Web.Services;

namespace Ogi.Web.Api;

/// <summary>
/// A report as JSON: <c>GET /api/reports/{id}</c> is the stored report's current parse, the OUTPUT.md document the
/// engine wrote (id: the document's id or a SHA-256 prefix); <c>GET /api/reports/{id}/pages/{n}.svg?box=…</c> is a
/// PDF page with a cell's box drawn on it (id: also an upload's SHA-256, for a report read but not saved).
/// </summary>
public static class ReportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // A report's bytes in, its parse out (nothing stored): `curl --data-binary @report.pdf …/api/parse`. No form,
        // no cookie, no write: antiforgery has nothing to protect here.
        api.MapPost("/parse", async (HttpRequest request, WebOptions options) =>
        {
            using var body = new MemoryStream();
            try
            {
                var buffer = new byte[81920];
                for (int n; (n = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0;)
                {
                    body.Write(buffer, 0, n);
                    if (body.Length > options.MaxUploadBytes) return TooLarge(options);
                }
            }
            catch (BadHttpRequestException) { return TooLarge(options); }
            if (body.Length == 0) return Results.BadRequest(new { error = "the body is empty: send the report file's bytes" });
            var bytes = body.ToArray();
            var (parse, error) = await Task.Run(() => ReadReport.From(bytes));
            return parse is null
                ? Results.UnprocessableEntity(new { error })
                : Results.Text(parse.DocumentJson, "application/json; charset=utf-8");
        }).DisableAntiforgery().WithName("ParseReport").WithTags("reports").WithSummary("Parses a report file sent as the request body (the OUTPUT.md document); stores nothing");

        api.MapGet("/reports/{id}", (string id, SqlReportStore store) =>
            store.Report(id) is { } record && store.ParseText(record.Id) is { } parse
                ? Results.Text(parse.DocumentJson, "application/json; charset=utf-8")
                : Results.NotFound(new { error = $"no report {id}" }))
            .WithName("GetReport").WithTags("reports").WithSummary("A stored report's current parse (the OUTPUT.md document)");

        api.MapGet("/reports/{id}/pages/{page:int}.svg", (HttpResponse response, string id, int page, string? box, string? whole, SqlReportStore store, Uploads uploads, PageImages images) =>
        {
            if (!PageImages.Available) return Results.NotFound(new { error = "pdftoppm is not installed" });
            double[]? rect = null;
            if (box is not null)
            {
                var parts = box.Split(',');
                rect = parts.Length == 4 && parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    ? parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray() : null;
                if (rect is null) return Results.BadRequest(new { error = "box: four numbers, left,bottom,right,top" });
            }
            string sha;
            Func<byte[]?> pdf;
            if (uploads.Get(id) is { } upload) { sha = upload.Sha256; pdf = () => upload.Bytes; }
            else if (store.Report(id) is { } record)
            {
                sha = record.Sha256;
                pdf = () => store.Documents(record.Id - 1, 1) is [{ } d] && d.Id == record.Id ? PreparedParse.Decompress(d.Content) : null;
            }
            else return Results.NotFound(new { error = $"no report {id}" });
            var png = images.Png(sha, () => pdf() is { } b && Ogi.Decode.DocumentDecoder.IsPdf(b) ? b : null, page);
            if (png is null) return Results.NotFound(new { error = $"report {id} has no page {page}" });
            // A document's bytes never change (it is its SHA-256): the browser may keep the image.
            response.Headers.CacheControl = "private, max-age=86400";
            return Results.Text(PageImages.Svg(png, rect, whole is not null), "image/svg+xml");
        }).WithName("GetReportPage").WithTags("reports").WithSummary("A PDF page of a report, with a cell's box outlined");
    }

    static IResult TooLarge(WebOptions options) =>
        Results.Json(new { error = $"the file is too large: the limit is {Pages.ReportModel.Megabytes(options.MaxUploadBytes)} MB" }, statusCode: StatusCodes.Status413PayloadTooLarge);
}
