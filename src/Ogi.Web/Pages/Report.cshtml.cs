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

    public void OnGet(string? u, string? cell)
    {
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
        var (parse, error) = await Task.Run(() => Ingester.Parse(bytes), HttpContext.RequestAborted);
        if (parse is null) return Refuse(t.Format("report.error.unreadable", name, error ?? ""));
        uploads.Add(new Upload(sha, name, bytes, PreparedParse.DecompressText(parse.Text), PreparedParse.DecompressText(parse.DocumentJson)));
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
