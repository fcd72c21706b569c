using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store.Answers;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Pages;

/// <summary>
/// /dashboard?place=CODE&amp;year=Y: the country's (or a division's) figures by year and the ranking of the places
/// below it in a year, each as a table (always) and a chart (dashboard.js, from /api/dashboard with the same query).
/// </summary>
public sealed class DashboardModel(DashboardAnswers answers, Text T) : PageModel
{
    public DashboardView? View { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet(string? place, string? year)
    {
        try { View = answers.View(place, year); }
        catch (DashboardInputException e) { Error = T.Format(e.Key, e.Value); Response.StatusCode = StatusCodes.Status400BadRequest; }
        return Page();
    }

    /// <summary>The figures of the year the ranking shows, for the summary above the tables.</summary>
    public YearFigures? Chosen => View?.ByYear.FirstOrDefault(y => y.Year == View.Year);

    public static string Link(string? place, int? year) => "/dashboard" + Query(place, year);

    public static string Download(string? place, int? year, string? table, string format) =>
        "/dashboard/download" + Query(place, year, ("table", table), ("format", format));

    static string Query(string? place, int? year, params (string Key, string? Value)[] more)
    {
        var parts = new List<(string, string?)> { ("place", place), ("year", year?.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        parts.AddRange(more);
        var q = string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
        return q.Length == 0 ? "" : "?" + q;
    }
}
