using Microsoft.AspNetCore.Http;

namespace Ogi.Web.Localization;

/// <summary>Chinese unless the request asks for English: <c>?lang=en</c> (or zh) chooses and is kept in a cookie.</summary>
public sealed class LanguageChoice(RequestDelegate next)
{
    public const string Cookie = "ogi-lang";
    const string Key = "ogi.language";

    public Task InvokeAsync(HttpContext context)
    {
        string? asked = context.Request.Query["lang"];
        string language;
        if (asked is Texts.English or Texts.Chinese)
        {
            language = asked;
            context.Response.Cookies.Append(Cookie, language, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
        }
        else language = context.Request.Cookies[Cookie] == Texts.English ? Texts.English : Texts.Chinese;
        context.Items[Key] = language;
        return next(context);
    }

    public static string Of(HttpContext? context) => context?.Items[Key] as string ?? Texts.Chinese;
}
