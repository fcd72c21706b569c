using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;
using Ogi.Web.Security;
using Ogi.Web.Services;

namespace Ogi.Web.Pages;

/// <summary>POST /report/save: an upload into the corpus, by the ingest itself (one document, stored once by its
/// SHA-256, placed, its series' cross-year rules recomputed). A write: signed in as an editor or admin.</summary>
[Authorize(Policy = Policies.Write)]
public sealed class ReportSaveModel(SqlReportStore store, Uploads uploads, Grants grants) : PageModel
{
    public IActionResult OnGet() => Redirect("/report");

    public IActionResult OnPost(string? u)
    {
        var upload = uploads.Get(u);
        if (upload is null) return Redirect($"/report?u={Uri.EscapeDataString(u ?? "")}");
        // An editor saves only reports of the agencies and places granted (as the ingest will place it).
        using (var json = System.Text.Json.JsonDocument.Parse(upload.DocumentJson))
        {
            var meta = json.RootElement.TryGetProperty("metadata", out var m) ? m : default;
            string? Meta(string key) => meta.ValueKind == System.Text.Json.JsonValueKind.Object && meta.TryGetProperty(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
            if (!grants.MayWriteAgencyNamed(User, Meta("agency"), Meta("title"), upload.Text[..Math.Min(upload.Text.Length, 400)])) return Forbid();
        }
        var who = User.Identity?.Name ?? "web";
        new Ingester { Threads = 1 }.Run(store, [new IngestSource($"web/{who}/{upload.FileName}", upload.FileName, () => upload.Bytes)]);
        return store.Report(upload.Sha256) is { } stored ? Redirect($"/reports/{stored.Id}?saved=1") : Redirect($"/report?u={upload.Sha256}");
    }
}
