using Microsoft.AspNetCore.Http;

namespace Ogi.Web.Localization;

/// <summary>The link that switches language on the page one is on: the same path and query (a filtered corpus stays
/// filtered), with <c>lang</c> set last.</summary>
public static class LanguageLink
{
    public static string To(HttpRequest request, string language)
    {
        var kept = request.Query.Where(q => q.Key != "lang")
            .SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? "")));
        return request.Path.Value + "?" + string.Join("&", kept.Append("lang=" + language));
    }
}
