using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Office.Calendar;
using Ogi.Office.Register;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Pages.Register;

/// <summary>
/// /register/REF?agency=ID — one application: what was received, its deadline, its history (the audit trail: who
/// entered what, when) and, for those who may write the agency's register, a form for each next step (reply, 补正,
/// consultation, extension, appeal). Each form is a POST with its antiforgery token, recorded through
/// <see cref="OfficeRegister.Record(long, string, RegisterEvent)"/>, which checks it against the application's state:
/// a refusal is shown on the page in its one line, and nothing is recorded.
/// </summary>
[Authorize]
public sealed class ApplicationModel(RegisterDesk desk, Text T) : PageModel
{
    public long AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public ApplicationState App { get; private set; } = null!;
    public RegisterRow Row { get; private set; } = null!;
    public bool MayWrite { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The form the error belongs to, so it is shown beside it.</summary>
    public string? ErrorForm { get; private set; }
    [TempData] public string? Done { get; set; }
    public string Today => RegisterDesk.Date(RegisterDesk.Today());

    /// <summary>The most an extension may add for this application (第三十三条, or 第二十四条 of 2007).</summary>
    public Regulation Regulation => Regulation.InForceOn(App.Received);

    public async Task<IActionResult> OnGet(string reference, string? agency) => await Load(reference, agency) ?? Page();

    async Task<IActionResult?> Load(string reference, string? agency)
    {
        if (desk.Agency(agency) is not long id) return NotFoundPage(T.Format("register.no_agency", agency ?? ""));
        AgencyId = id;
        AgencyName = desk.AgencyName(id);
        if (desk.Register.Load(id, reference) is not { } app) return NotFoundPage(T.Format("register.no_application", reference, AgencyName));
        App = app;
        Row = RegisterDesk.Row(app, RegisterDesk.Today());
        MayWrite = await desk.MayWrite(User, id);
        return null;
    }

    IActionResult NotFoundPage(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public Task<IActionResult> OnPostReply(string reference, string? agency, string? on, string? outcome, string? reason) =>
        Write(reference, agency, "reply", () =>
        {
            var o = RegisterTerms.Require(RegisterTerms.Outcomes, outcome, "outcome");
            var data = new Dictionary<string, string> { ["outcome"] = o.Key };
            if (!string.IsNullOrWhiteSpace(reason)) data["reason"] = reason.Trim();
            return new RegisterEvent(EventKind.Replied, Day(on), data);
        });

    public Task<IActionResult> OnPostSupplement(string reference, string? agency, string? on, string? step) =>
        Write(reference, agency, "supplement", () => new RegisterEvent(step == "supplied" ? EventKind.SupplementReceived : EventKind.SupplementRequested, Day(on), new Dictionary<string, string>()));

    public Task<IActionResult> OnPostConsult(string reference, string? agency, string? on, string? step, string? party) =>
        Write(reference, agency, "consult", () => new RegisterEvent(step == "ended" ? EventKind.ConsultationEnded : EventKind.ConsultationStarted, Day(on),
            string.IsNullOrWhiteSpace(party) ? new Dictionary<string, string>() : new Dictionary<string, string> { ["party"] = party.Trim() }));

    public Task<IActionResult> OnPostExtend(string reference, string? agency, string? on, string? days, string? approvedBy) =>
        Write(reference, agency, "extend", () => new RegisterEvent(EventKind.Extended, Day(on), new Dictionary<string, string>
        {
            // Checked by the application's state: more than the regulation allows is refused there, in one line.
            ["days"] = (days ?? "").Trim(),
            ["approved_by"] = (approvedBy ?? "").Trim(),
        }));

    public Task<IActionResult> OnPostAppeal(string reference, string? agency, string? on, string? step, string? @case, string? route, string? result) =>
        Write(reference, agency, step == "decided" ? "appeal-decided" : "appeal-filed", () =>
        {
            var data = new Dictionary<string, string> { ["case"] = (@case ?? "").Trim() };
            if (step == "decided") data["result"] = RegisterTerms.Require(RegisterTerms.AppealResults, result, "result").Key;
            else data["route"] = RegisterTerms.Require(RegisterTerms.AppealRoutes, route, "route").Key;
            return new RegisterEvent(step == "decided" ? EventKind.AppealDecided : EventKind.AppealFiled, Day(on), data);
        });

    /// <summary>A write: allowed (write policy and the agency's grant) or 403; recorded, or the page again with why not.</summary>
    async Task<IActionResult> Write(string reference, string? agency, string form, Func<RegisterEvent> make)
    {
        if (await Load(reference, agency) is { } missing) return missing;
        if (!MayWrite) return Forbid();
        try
        {
            var state = desk.Register.Record(AgencyId, App.Reference, make());
            Done = T.Format("register.recorded", T["register.event." + state.History[^1].Kind], RegisterDesk.Date(state.History[^1].On));
            return Redirect(RegisterDesk.Link(App.Reference, AgencyId));
        }
        catch (RegisterException e)
        {
            Error = T.Format("register.refused", e.Message);
            ErrorForm = form;
            // The form again with why (200, as a form with a wrong field is answered): nothing was recorded.
            return Page();
        }
    }

    DateOnly Day(string? on) =>
        DateOnly.TryParseExact((on ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new RegisterException(T.Format("register.bad_date", on));
}
