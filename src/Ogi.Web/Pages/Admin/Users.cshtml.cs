using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;
using Ogi.Store.Accounts;
using Ogi.Web.Localization;
using Ogi.Web.Security;

namespace Ogi.Web.Pages.Admin;

/// <summary>
/// The accounts, for admins: every user with role, state and grants; add a user, change a role, grant or revoke an
/// agency or a place, disable or enable, set a new password. Each change is a POST form, then back to the list
/// (post-redirect-get) with what was done. An admin cannot disable or demote their own account (no lock-out).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(SqlReportStore store, Text T) : PageModel
{
    readonly SqlAccountStore _accounts = new(store);

    public IReadOnlyList<(Ogi.Store.Accounts.Account User, IReadOnlyList<AccountGrant> Grants)> Users { get; private set; } = [];
    public string? Error { get; private set; }
    [TempData] public string? Done { get; set; }

    public void OnGet() => Load();

    void Load() => Users = _accounts.Users().Select(u => (u, _accounts.Grants(u.Name))).ToList();

    public IActionResult OnPostAdd(string? name, string? role, string? password)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) return Refuse(T["admin.need_name"]);
        if (_accounts.Find(name) is not null) return Refuse(T.Format("admin.name_taken", name));
        if ((password ?? "").Length < Passwords.MinLength) return Refuse(T.Format("admin.short_password", Passwords.MinLength));
        return Do(() => _accounts.Add(name, role ?? "", Passwords.Hash(password!)), T.Format("admin.added", name));
    }

    public IActionResult OnPostRole(string? user, string? role)
    {
        if (IsSelf(user) && role != AccountRoles.Admin) return Refuse(T["admin.not_self"]);
        return Do(() => _accounts.SetRole(user ?? "", role ?? ""), T.Format("admin.role_set", user, role));
    }

    public IActionResult OnPostDisable(string? user, bool disabled)
    {
        if (IsSelf(user) && disabled) return Refuse(T["admin.not_self"]);
        return Do(() => _accounts.SetDisabled(user ?? "", disabled), T.Format(disabled ? "admin.disabled" : "admin.enabled", user));
    }

    public IActionResult OnPostPassword(string? user, string? password)
    {
        if ((password ?? "").Length < Passwords.MinLength) return Refuse(T.Format("admin.short_password", Passwords.MinLength));
        return Do(() => _accounts.SetPasswordHash(user ?? "", Passwords.Hash(password!)), T.Format("admin.password_set", user));
    }

    public IActionResult OnPostGrant(string? user, string? agency, string? place)
    {
        agency = agency?.Trim() ?? "";
        place = place?.Trim() ?? "";
        if ((agency.Length == 0) == (place.Length == 0)) return Refuse(T["admin.agency_or_place"]);
        AccountGrant grant;
        if (agency.Length > 0)
        {
            if (store.FindAgency(agency) is not long id) return Refuse(T.Format("admin.no_agency", agency));
            grant = AccountGrant.Agency(id);
        }
        else
        {
            IReadOnlyList<string> codes = place.All(char.IsAsciiDigit) ? [place] : AgencyPlacing.DivisionCodesNamed(place);
            if (codes.Count != 1 || Places.DivisionCatalog.Default.ByCode(codes[0]) is null) return Refuse(T.Format("admin.no_place", place));
            grant = AccountGrant.Place(codes[0]);
        }
        return Do(() => _accounts.Grant(user ?? "", grant), T.Format("admin.granted", user));
    }

    public IActionResult OnPostRevoke(string? user, string? grant)
    {
        var g = grant?.Split(':', 2) switch
        {
            ["agency", var id] when long.TryParse(id, out var a) => AccountGrant.Agency(a),
            ["place", var code] => AccountGrant.Place(code),
            _ => null,
        };
        if (g is null) return Refuse(T["admin.agency_or_place"]);
        return Do(() => _accounts.Revoke(user ?? "", g), T.Format("admin.revoked", user));
    }

    bool IsSelf(string? user) => string.Equals(user?.Trim(), User.Identity?.Name, StringComparison.Ordinal);

    IActionResult Do(Action change, string done)
    {
        try { change(); }
        catch (StoreException e) { return Refuse(e.Message); }
        Done = done;
        return RedirectToPage();
    }

    IActionResult Refuse(string message)
    {
        Error = message;
        Load();
        return Page();
    }
}
