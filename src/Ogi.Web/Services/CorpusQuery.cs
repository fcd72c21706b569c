using System.Globalization;
using Microsoft.AspNetCore.Http;
using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Web.Services;

/// <summary>
/// The corpus list as the query string asks for it — filters, sort and page — so that every list is a URL one can
/// share: <c>/?place=35&amp;year=2021&amp;rule=R1&amp;sort=-year&amp;page=2</c>. The page and <c>/api/reports</c> read it alike.
/// </summary>
public sealed record CorpusQuery
{
    public const int PageSize = 50;

    /// <summary>The filter as typed (FilterParser checks it).</summary>
    public FilterText Filter { get; init; } = new();
    public ReportSort Sort { get; init; } = ReportSort.Place;
    public bool Descending { get; init; }
    /// <summary>1 for the first page.</summary>
    public int Page { get; init; } = 1;
    public int Size { get; init; } = PageSize;

    /// <summary>The names of the sorts in the query string (<c>sort=year</c>, <c>sort=-year</c> for descending).</summary>
    public static readonly IReadOnlyDictionary<string, ReportSort> Sorts = new Dictionary<string, ReportSort>(StringComparer.Ordinal)
    {
        ["place"] = ReportSort.Place, ["agency"] = ReportSort.Agency, ["year"] = ReportSort.Year, ["template"] = ReportSort.Template,
        ["published"] = ReportSort.Published, ["findings"] = ReportSort.Findings, ["id"] = ReportSort.Id,
    };

    public static readonly string[] FilterKeys = ["agency", "place", "level", "year", "template", "rule", "late", "reviewed"];

    /// <summary>Reads the query string; a value that cannot be meant throws <see cref="AnswerException"/> with one line.</summary>
    public static CorpusQuery From(IQueryCollection q, int maxSize = PageSize)
    {
        string? S(string key) => q[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var sort = S("sort") ?? "place";
        bool descending = sort.StartsWith('-');
        if (!Sorts.TryGetValue(sort.TrimStart('-'), out var by))
            throw new AnswerException($"unknown sort '{sort}' (one of {string.Join(", ", Sorts.Keys)}, with - before it for descending)");
        return new CorpusQuery
        {
            Filter = new FilterText
            {
                Agency = S("agency"), Place = S("place"), Level = S("level"), Year = S("year"), Template = S("template"), Rule = S("rule"),
                Late = YesNo(S("late"), "late"), Reviewed = YesNo(S("reviewed"), "reviewed"),
            },
            Sort = by,
            Descending = descending,
            Page = Number(S("page"), "page", 1, int.MaxValue / maxSize) ?? 1,
            Size = Number(S("size"), "size", 1, maxSize) ?? Math.Min(PageSize, maxSize),
        };
    }

    static bool? YesNo(string? value, string key) => value?.ToLowerInvariant() switch
    {
        null => null,
        "yes" or "true" or "1" => true,
        "no" or "false" or "0" => false,
        _ => throw new AnswerException($"{key}={value}: yes or no"),
    };

    static int? Number(string? value, string key, int least, int most)
    {
        if (value is null) return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < least || n > most)
            throw new AnswerException($"{key}={value}: a whole number from {least} to {most}");
        return n;
    }

    /// <summary>The query string's values, as given (the filters, sort and page), for links that change one of them.</summary>
    public Dictionary<string, string?> Values() => new(StringComparer.Ordinal)
    {
        ["agency"] = Filter.Agency, ["place"] = Filter.Place, ["level"] = Filter.Level, ["year"] = Filter.Year,
        ["template"] = Filter.Template, ["rule"] = Filter.Rule,
        ["late"] = Filter.Late is { } l ? (l ? "yes" : "no") : null, ["reviewed"] = Filter.Reviewed is { } r ? (r ? "yes" : "no") : null,
        ["sort"] = Sort == ReportSort.Place && !Descending ? null : (Descending ? "-" : "") + SortName(Sort),
        ["page"] = Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture),
        ["size"] = Size == PageSize ? null : Size.ToString(CultureInfo.InvariantCulture),
    };

    public static string SortName(ReportSort sort) => Sorts.First(kv => kv.Value == sort).Key;

    /// <summary>A link to this list with some values changed (null removes one); a changed filter or sort goes back to page 1.</summary>
    public string Link(string path, params (string Key, string? Value)[] changes)
    {
        var values = Values();
        foreach (var (key, value) in changes)
        {
            values[key] = value;
            if (key != "page") values["page"] = null;
        }
        var query = string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value!)));
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>The link a column heading gives: sorted by it ascending, or descending when it already is ascending.</summary>
    public string SortLink(string path, ReportSort by) =>
        Link(path, ("sort", (Sort == by && !Descending ? "-" : "") + SortName(by)));
}
