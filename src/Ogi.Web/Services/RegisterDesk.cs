using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Ogi.Office.Register;
using Ogi.Office.Calendar;
using Ogi.Store;
using Ogi.Web.Security;

namespace Ogi.Web.Services;

/// <summary>One line of the register's list: the application and its deadline as `ogi register due` sees it.</summary>
/// <param name="Due">the statutory due date (null while the clock is stopped, or when the calendar lacks its year)</param>
/// <param name="WorkingDays">working days left (open, not overdue) or over (overdue), from the day looked from</param>
/// <param name="Problem">why no deadline could be worked out (a year missing from the working-day calendar), or null</param>
public sealed record RegisterRow(ApplicationState Application, DateOnly? Due, bool Overdue, bool DueSoon, int? WorkingDays, string? Problem)
{
    public bool Closed => Application.Replied is not null;
    public bool ClockStopped => !Closed && Due is null && Problem is null;
    /// <summary>Answered after its due date.</summary>
    public bool AnsweredLate => Closed && Due is DateOnly d && Application.Replied > d;
}

/// <summary>
/// The register pages' common ground: the office's register opened for the signed-in user, who may write it (the write
/// policy AND an editor's grant covering the agency; admin always), the day the deadlines are counted from, and each
/// application's deadline through <see cref="DueWatch"/> (the logic of `ogi register due`, not a second copy).
/// </summary>
public sealed class RegisterDesk(SqlReportStore store, Grants grants, IAuthorizationService authorization, IHttpContextAccessor http)
{
    /// <summary>Due soon: at most this many working days left (the due day counted, today not), as `ogi register due --within 5`.</summary>
    public const int DueSoonDays = 5;

    public OfficeRegister Register { get; } = new(store, http.HttpContext?.User.Identity?.Name ?? "web");

    /// <summary>The agency series an id or name means, or null.</summary>
    public long? Agency(string? idOrName) => string.IsNullOrWhiteSpace(idOrName) ? null : store.FindAgency(idOrName);

    public string AgencyName(long id) => Register.AgencyName(id);

    /// <summary>Whether the user may write this agency's register: Policies.Write and Grants.MayWrite both.</summary>
    public async Task<bool> MayWrite(ClaimsPrincipal user, long agencyId) =>
        (await authorization.AuthorizeAsync(user, Policies.Write)).Succeeded && grants.MayWrite(user, agencyId);

    /// <summary>Today in China (UTC+8, no summer time): an office's deadlines run by its own calendar day, wherever the server is.</summary>
    public static DateOnly Today() => ChinaToday.Get();

    /// <summary>The day a page counts from: <c>?on=yyyy-mm-dd</c> (as `ogi register due --on`), else today.</summary>
    public static DateOnly? Day(string? on) =>
        string.IsNullOrWhiteSpace(on) ? Today()
        : DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>An application's line on a day. Open ones go through <see cref="DueWatch.On"/> one by one, so that a
    /// deadline in a year the calendar does not hold yet marks that line only, not the whole list.</summary>
    public static RegisterRow Row(ApplicationState a, DateOnly on)
    {
        try
        {
            if (a.Received <= on && (a.Replied is null || a.Replied > on))
            {
                var watch = DueWatch.On([a], on, int.MaxValue);
                if (watch.Items is [var item])
                    return new RegisterRow(a, item.Due, item.Overdue, !item.Overdue && item.WorkingDays <= DueSoonDays, item.WorkingDays, null);
                return new RegisterRow(a, null, false, false, null, null); // the clock is stopped
            }
            return new RegisterRow(a, a.Due(), false, false, null, null);
        }
        catch (RegisterException e) { return new RegisterRow(a, null, false, false, null, e.Message); }
    }

    /// <summary>The status filter's values: open (not answered), due (due soon), overdue, closed (answered).</summary>
    public static readonly IReadOnlyList<string> Statuses = ["open", "due", "overdue", "closed"];

    public static bool Matches(RegisterRow row, string? status) => status switch
    {
        "open" => !row.Closed,
        "due" => !row.Closed && row.DueSoon,
        "overdue" => !row.Closed && row.Overdue,
        "closed" => row.Closed,
        _ => true,
    };

    /// <summary>The application's page: /register/REF?agency=ID, each part of a reference holding '/' escaped on its own.</summary>
    public static string Link(string reference, long agencyId) =>
        "/register/" + string.Join('/', reference.Split('/').Select(Uri.EscapeDataString)) + "?agency=" + agencyId.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => OfficeRegister.Day(d);

    /// <summary>A term's key shown as its Chinese name (applicant type, channel, outcome, appeal route and result).</summary>
    public static string TermName(string key, string value) =>
        (key switch
        {
            "applicant" => RegisterTerms.Find(RegisterTerms.ApplicantTypes, value),
            "channel" => RegisterTerms.Find(RegisterTerms.Channels, value),
            "outcome" => RegisterTerms.Find(RegisterTerms.Outcomes, value),
            "route" => RegisterTerms.Find(RegisterTerms.AppealRoutes, value),
            "result" => RegisterTerms.Find(RegisterTerms.AppealResults, value),
            _ => null,
        })?.Name ?? value;
}
