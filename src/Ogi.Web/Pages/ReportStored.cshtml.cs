using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Pages;

/// <summary>/reports/{id}: a stored report (id: the document's id, or a prefix of its SHA-256), its current parse
/// drawn as the official form, with the store's findings (cross-year ones too) and their reviews.</summary>
public sealed class ReportStoredModel(SqlReportStore store, Text t) : PageModel
{
    public ReportPageParts? Parts { get; private set; }

    public IActionResult OnGet(string id, string? cell, string? known, string? saved, string? reviewed)
    {
        var record = store.Report(id);
        if (record is null || store.ParseText(record.Id) is not { } parse)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        // One address per report: a SHA-256 prefix leads to the id.
        if (id != record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return Redirect($"/reports/{record.Id}{Request.QueryString}");
        var view = ReportView.Build(ParseDocument.Read(parse.DocumentJson), parse.Text, ReportView.FindingsOf(record, t), cell, "?",
            $"/api/reports/{record.Id}/pages/", t);
        string? notice = known is not null ? t["report.notice.known"] : saved is not null ? t["report.notice.saved"]
            : reviewed is not null ? t["report.notice.reviewed"] : null;
        Parts = new ReportPageParts(view, record, null, notice);
        ViewData["Title"] = record.Title ?? record.FileName;
        return Page();
    }
}
