using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Ogi.Store;
using Ogi.Store.Accounts;

namespace Ogi.Web.Security;

/// <summary>
/// The sign-in cookie's principal, and its check on every request: a user disabled, or whose password changed since
/// signing in, is signed out; a changed role takes effect at once. The API is answered 401/403, not redirected to the
/// login page as a browser is.
/// </summary>
public sealed class AccountCookie : CookieAuthenticationEvents
{
    const string StampClaim = "ogi:stamp";

    public static ClaimsPrincipal Principal(Account user) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role), new Claim(StampClaim, Stamp(user))],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Changes when the password does: a short digest of the hash (the cookie is encrypted, but need not hold it).</summary>
    static string Stamp(Account user) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)))[..16];

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var store = context.HttpContext.RequestServices.GetRequiredService<SqlReportStore>();
        var user = principal?.Identity?.Name is { } name ? new SqlAccountStore(store).Find(name) : null;
        if (principal is null || user is null || user.Disabled || principal.FindFirstValue(StampClaim) != Stamp(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (principal.FindFirstValue(ClaimTypes.Role) != user.Role)
        {
            context.ReplacePrincipal(Principal(user));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : base.RedirectToAccessDenied(context);

    static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
