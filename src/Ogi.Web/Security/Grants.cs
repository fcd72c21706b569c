using System.Security.Claims;
using Ogi.Store;
using Ogi.Store.Accounts;

namespace Ogi.Web.Security;

/// <summary>
/// Whether the signed-in user may write for an agency or a place, for pages and endpoints that write (they carry
/// Policies.Write first, which admits admins and editors): an admin may write for everything, an editor for the
/// agencies and places granted (a place covers everything below it), a viewer or a visitor for nothing. The grants are
/// read from the database on each question, so a grant revoked holds from the next request on.
/// </summary>
public sealed class Grants(SqlReportStore store)
{
    readonly SqlAccountStore _accounts = new(store);

    public bool MayWrite(ClaimsPrincipal user, long agencyId) =>
        Role(user) switch
        {
            AccountRoles.Admin => true,
            AccountRoles.Editor => _accounts.Covers(user.Identity!.Name!, agencyId),
            _ => false,
        };

    public bool MayWrite(ClaimsPrincipal user, string placeCode) =>
        Role(user) switch
        {
            AccountRoles.Admin => true,
            AccountRoles.Editor => _accounts.CoversPlace(user.Identity!.Name!, placeCode),
            _ => false,
        };

    /// <summary>For a report not yet stored (an upload to save): the agency its name places it as — the series the
    /// corpus has for it, else its division — and, when it cannot be placed, admins only.</summary>
    public bool MayWriteAgencyNamed(ClaimsPrincipal user, string? printed, string? title, string? context = null)
    {
        if (Role(user) == AccountRoles.Admin) return true;
        if (AgencyPlacing.Place(printed, title, context) is not { } place) return false;
        var series = store.Session.Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE series_key = @SeriesKey", place);
        return series is long id ? MayWrite(user, id) : place.DivisionCode is { } code && MayWrite(user, code);
    }

    /// <summary>For a stored report: its agency; a report of no agency, admins only.</summary>
    public bool MayWrite(ClaimsPrincipal user, long? agencyId) =>
        agencyId is long id ? MayWrite(user, id) : Role(user) == AccountRoles.Admin;

    static string? Role(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: not null } ? user.FindFirstValue(ClaimTypes.Role) : null;
}
