using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;
using Ogi.Store.Accounts;
using Ogi.Web.Localization;
using Ogi.Web.Security;

namespace Ogi.Web.Pages.Account;

/// <summary>Sign in with a name and password (users are made by `ogi user add` or an admin at /admin/users).
/// Attempts are limited per address and name (LoginThrottle); a wrong name and a wrong password get the same answer.</summary>
[AllowAnonymous]
public sealed class LoginModel(SqlReportStore store, LoginThrottle throttle, Text T) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (Name ?? "").Trim();
        if (throttle.Attempt(HttpContext.Connection.RemoteIpAddress, name) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Error = T.Format("login.too_many", seconds);
            return Page();
        }
        var accounts = new SqlAccountStore(store);
        var user = name.Length == 0 ? null : accounts.Find(name);
        var check = Passwords.Verify(user, Password ?? "");
        if (check == Passwords.Check.Wrong || user is null)
        {
            Error = T["login.wrong"];
            return Page();
        }
        if (user.Disabled)
        {
            Error = T["login.disabled"];
            return Page();
        }
        if (check == Passwords.Check.RightButRehash)
        {
            accounts.SetPasswordHash(user.Name, Passwords.Hash(Password!));
            user = accounts.Find(user.Name)!;
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountCookie.Principal(user));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
