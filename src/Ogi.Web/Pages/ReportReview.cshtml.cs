using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;
using Ogi.Web.Localization;
using Ogi.Web.Security;

namespace Ogi.Web.Pages;

/// <summary>POST /reports/{id}/review: confirm or dismiss one of the report's current findings with a note, by the
/// store's own review (kept by what the finding is, so it outlives reparses). A write: signed in as an editor or admin.</summary>
[Authorize(Policy = Policies.Write)]
public sealed class ReportReviewModel(SqlReportStore store, Grants grants, Text t) : PageModel
{
    public IActionResult OnGet(string id) => Redirect($"/reports/{Uri.EscapeDataString(id)}");

    public IActionResult OnPost(string id, long finding, string? decision, string? note)
    {
        var record = store.Report(id);
        if (record is null) return Refuse(StatusCodes.Status404NotFound, t["report.missing"]);
        // An editor reviews only the reports of the agencies and places granted.
        if (!grants.MayWrite(User, record.AgencyId)) return Forbid();
        // Only a finding of this report, and only the two decisions the store knows.
        if (store.Finding(finding) is not { } f || f.ReportId != record.Id) return Refuse(StatusCodes.Status400BadRequest, t["report.review.no_finding"]);
        if (decision is not ("confirmed" or "dismissed")) return Refuse(StatusCodes.Status400BadRequest, t["report.review.no_decision"]);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 2000 }) note = note[..2000];
        store.Review(finding, decision, note);
        return Redirect($"/reports/{record.Id}?reviewed=1#finding-{finding}");
    }

    /// <summary>A form that was not made by the report page (its finding or decision changed): one plain line.</summary>
    static ContentResult Refuse(int status, string message) => new() { StatusCode = status, Content = message, ContentType = "text/plain; charset=utf-8" };
}
