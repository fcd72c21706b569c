using Microsoft.AspNetCore.Http;

namespace Ogi.Web.Localization;

/// <summary>The words of the request's language, for pages (<c>@T["corpus.title"]</c>) and messages.</summary>
public sealed class Text(Texts texts, IHttpContextAccessor http)
{
    public string Language => LanguageChoice.Of(http.HttpContext);
    public bool IsEnglish => Language == Texts.English;
    public string this[string key] => texts.Get(key, Language);
    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);
}
