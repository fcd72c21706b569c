using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Office.Register;
using Ogi.Web.Localization;
using Ogi.Web.Security;
using Ogi.Web.Services;

namespace Ogi.Web.Pages.Register;

/// <summary>
/// /register/new?agency=ID — a new application in the agency's register (its receipt: the first event), for those
/// who may write it. The day of receipt is the one 第三十一条 gives for the channel, worked out by the office.
/// </summary>
[Authorize(Policy = Policies.Write)]
public sealed class NewModel(RegisterDesk desk, Text T) : PageModel
{
    public long AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string? Error { get; private set; }
    public string Today => RegisterDesk.Date(RegisterDesk.Today());

    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Received { get; set; }
    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public string? Applicant { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? ApplicantName { get; set; }
    [BindProperty] public string? Unit { get; set; }

    public async Task<IActionResult> OnGet(string? agency) => await Allowed(agency) ?? Page();

    public async Task<IActionResult> OnPost(string? agency)
    {
        if (await Allowed(agency) is { } refused) return refused;
        var reference = (Reference ?? "").Trim();
        if (reference.Length == 0) return Refuse(T["register.need_reference"]);
        // These two words are the register's own pages (/register/new, /register/compile).
        if (reference is "new" or "compile") return Refuse(T.Format("register.reserved_reference", reference));
        if (string.IsNullOrWhiteSpace(Subject)) return Refuse(T["register.need_subject"]);
        if (!DateOnly.TryParseExact((Received ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Refuse(T.Format("register.bad_date", Received));
        if (desk.Register.Load(AgencyId, reference) is not null) return Refuse(T.Format("register.exists", reference));
        try
        {
            var data = new Dictionary<string, string>
            {
                ["applicant"] = RegisterTerms.Require(RegisterTerms.ApplicantTypes, Applicant, "applicant type").Key,
                ["channel"] = RegisterTerms.Require(RegisterTerms.Channels, Channel, "channel").Key,
                ["subject"] = Subject.Trim(),
            };
            if (!string.IsNullOrWhiteSpace(ApplicantName)) data["applicant_name"] = ApplicantName.Trim();
            if (!string.IsNullOrWhiteSpace(Unit)) data["unit"] = Unit.Trim();
            desk.Register.Record(AgencyId, reference, new RegisterEvent(EventKind.Received, day, data));
        }
        catch (RegisterException e) { return Refuse(T.Format("register.refused", e.Message)); }
        TempData["Done"] = T.Format("register.added", reference);
        return Redirect(RegisterDesk.Link(reference, AgencyId));
    }

    async Task<IActionResult?> Allowed(string? agency)
    {
        if (desk.Agency(agency) is not long id)
        {
            Error = T.Format("register.no_agency", agency ?? "");
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        AgencyId = id;
        AgencyName = desk.AgencyName(id);
        return await desk.MayWrite(User, id) ? null : Forbid();
    }

    IActionResult Refuse(string message)
    {
        // The form again with what was typed and why (200, as a form with a wrong field is answered).
        Error = message;
        return Page();
    }
}
