using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;
using Ogi.Store.Accounts;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Pages.Register;

/// <summary>
/// /register?agency=ID&amp;status=open|due|overdue|closed&amp;year=Y&amp;on=DAY — an agency's register: each application with
/// its deadline, due-soon and overdue lines marked. Signed in to read (it holds applicants' subjects); without an
/// agency, the agencies the user is granted and a box to name one.
/// </summary>
[Authorize]
public sealed class IndexModel(RegisterDesk desk, SqlReportStore store, Text T) : PageModel
{
    public long? AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public string? Status { get; private set; }
    public int? Year { get; private set; }
    public DateOnly On { get; private set; }
    public bool MayWrite { get; private set; }
    public IReadOnlyList<RegisterRow> Rows { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<AccountGrant> Granted { get; private set; } = [];
    public string? Error { get; private set; }
    public string? AgencyAsked { get; private set; }

    public async Task<IActionResult> OnGet(string? agency, string? status, string? year, string? on)
    {
        AgencyAsked = agency;
        Granted = User.Identity?.Name is { } name ? new SqlAccountStore(store).Grants(name).Where(g => g.AgencyId is not null).ToList() : [];
        if (string.IsNullOrWhiteSpace(agency)) return Page();
        if (desk.Agency(agency) is not long id) return Problem(T.Format("register.no_agency", agency));
        // A name given in the box: the list's address is the agency's id, shareable.
        if (agency.Trim() != id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return Redirect($"/register?agency={id}" + (status is null ? "" : "&status=" + Uri.EscapeDataString(status)) + (year is null ? "" : "&year=" + Uri.EscapeDataString(year)));
        AgencyId = id;
        AgencyName = desk.AgencyName(id);
        MayWrite = await desk.MayWrite(User, id);
        if (!string.IsNullOrEmpty(status) && !RegisterDesk.Statuses.Contains(status)) return Problem(T.Format("register.bad_status", status));
        Status = string.IsNullOrEmpty(status) ? null : status;
        if (!string.IsNullOrEmpty(year))
        {
            if (!int.TryParse(year, out var y) || y < 1990 || y > 2100) return Problem(T.Format("register.bad_year", year));
            Year = y;
        }
        if (RegisterDesk.Day(on) is not DateOnly day) return Problem(T.Format("register.bad_date", on));
        On = day;
        var all = desk.Register.Applications(id);
        Total = all.Count;
        Years = all.Select(a => a.Received.Year).Distinct().OrderDescending().ToList();
        Rows = all.Where(a => Year is null || a.Received.Year == Year)
            .Select(a => RegisterDesk.Row(a, day))
            .Where(r => RegisterDesk.Matches(r, Status))
            .OrderBy(r => r.Closed).ThenBy(r => r.Due ?? DateOnly.MaxValue).ThenBy(r => r.Application.Reference, StringComparer.Ordinal)
            .ToList();
        return Page();
    }

    IActionResult Problem(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>This list's address with one filter changed (null: removed).</summary>
    public string With(string? status, int? year) =>
        $"/register?agency={AgencyId}" + (status is null ? "" : "&status=" + status) + (year is null ? "" : $"&year={year}");
}
