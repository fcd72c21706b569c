using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Pages;

/// <summary>
/// /report: upload a file (any format ogi reads) or paste text → the parsed report, drawn as the official form with
/// its sources. Reading is public: the upload is parsed and kept in memory (<see cref="Uploads"/>), not stored;
/// saving it to the corpus is a write (ReportSave, behind Policies.Write). A document the corpus holds already
/// opens as the stored report.
/// </summary>
[UploadTooLarge]
public sealed class ReportModel(SqlReportStore store, Uploads uploads, WebOptions options, Text t) : PageModel
{
    /// <summary>What ogi reads: web pages, text, Markdown and CSV, Word (.doc/.wps through LibreOffice) and PDF.</summary>
    public static readonly string[] Readable = [".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".md", ".markdown", ".csv", ".docx", ".doc", ".wps", ".pdf"];

    public ReportPageParts? Parts { get; private set; }
    public string? Error { get; private set; }
    public long MaxUploadBytes => options.MaxUploadBytes;
    public string MaxUploadText => Megabytes(options.MaxUploadBytes);
    /// <summary>The pasted text, given back when it could not be read, so nothing typed is lost.</summary>
    public string? Pasted { get; private set; }

    public void OnGet(string? u, string? cell, string? tooLarge)
    {
        if (tooLarge is not null)
        {
            Error = t.Format("report.error.too_large_upload", tooLarge, MaxUploadText);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (u is null) return;
        var upload = uploads.Get(u);
        if (upload is null) { Error = t["report.error.expired"]; Response.StatusCode = StatusCodes.Status404NotFound; return; }
        var doc = ParseDocument.Read(upload.DocumentJson);
        var view = ReportView.Build(doc, upload.Text, ReportView.FindingsOf(doc, t), cell, $"?u={upload.Sha256}&",
            $"/api/reports/{upload.Sha256}/pages/", t);
        Parts = new ReportPageParts(view, null, upload);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? text)
    {
        byte[] bytes;
        string name;
        if (file is { Length: > 0 })
        {
            name = Path.GetFileName(file.FileName);
            if (file.Length > options.MaxUploadBytes) return Refuse(t.Format("report.error.too_large", name, Megabytes(file.Length), MaxUploadText));
            if (!Readable.Contains(Path.GetExtension(name).ToLowerInvariant()))
                return Refuse(t.Format("report.error.type", name, string.Join(" ", Readable)));
            using var ms = new MemoryStream((int)file.Length);
            await file.CopyToAsync(ms, HttpContext.RequestAborted);
            bytes = ms.ToArray();
        }
        else if (!string.IsNullOrWhiteSpace(text))
        {
            Pasted = text;
            name = "pasted.txt";
            bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.LongLength > options.MaxUploadBytes) return Refuse(t.Format("report.error.too_large", t["report.pasted"], Megabytes(bytes.LongLength), MaxUploadText));
        }
        else return Refuse(file is null ? t["report.error.nothing"] : t.Format("report.error.empty", Path.GetFileName(file.FileName)));

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (store.Report(sha) is { } stored) return Redirect($"/reports/{stored.Id}?known=1");
        // The ingest's own parse (bounded in time, never an exception): what the page shows is what saving would store.
        var (parse, error) = await Task.Run(() => ReadReport.From(bytes), HttpContext.RequestAborted);
        if (parse is null) return Refuse(t.Format("report.error.unreadable", name, error ?? ""));
        uploads.Add(new Upload(sha, name, bytes, parse.Text, parse.DocumentJson));
        return Redirect($"/report?u={sha}");
    }

    IActionResult Refuse(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString(bytes < 10 * 1024 * 1024 ? "0.#" : "0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A request body larger than the server reads (the upload limit and a margin for the form) would fail while the
/// form is read — before the page could say why. This runs first (before the antiforgery check reads the form),
/// judges by the declared length, reads the body to its end without keeping it (a browser shows no answer to an
/// upload it is still sending), and sends the visitor back to the form with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadTooLargeAttribute : Attribute, Microsoft.AspNetCore.Mvc.Filters.IAsyncAuthorizationFilter, Microsoft.AspNetCore.Mvc.Filters.IOrderedFilter
{
    /// <summary>What WebApp gives Kestrel beyond the upload limit, for the rest of the form.</summary>
    const long FormMargin = 64 * 1024;
    /// <summary>Beyond this the body is not even read away: the connection is closed.</summary>
    const long DrainAtMost = 1L << 30;

    public int Order => int.MinValue;

    public async Task OnAuthorizationAsync(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = http.RequestServices.GetRequiredService<WebOptions>().MaxUploadBytes;
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.ContentLength is not long length || length <= limit + FormMargin) return;
        if (length > DrainAtMost) { http.Abort(); context.Result = new EmptyResult(); return; }
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = length;
        var buffer = new byte[81920];
        while (await http.Request.Body.ReadAsync(buffer, http.RequestAborted) > 0) { }
        context.Result = new RedirectResult("/report?tooLarge=" + ReportModel.Megabytes(length));
    }
}
