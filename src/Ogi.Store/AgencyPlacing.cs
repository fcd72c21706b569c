using Ogi.Places;

namespace Ogi.Store;

/// <summary>Where an agency's name puts it: the key of its series, its normalized name, and its division when known.</summary>
public sealed record AgencyPlace(string SeriesKey, string Name, string? DivisionCode, string? Level, bool IsDepartment, string? Department, string? Evidence);

/// <summary>
/// An agency's name as printed → its place in the administrative tree (Ogi.Places), as the store keeps it. A central
/// government body has the level "national" and no division; a name that cannot be placed keeps its normalized name
/// as the key of its series.
/// </summary>
public static class AgencyPlacing
{
    public static AgencyPlace? Place(string? printed, string? title, string? context = null)
    {
        if (string.IsNullOrWhiteSpace(printed) && string.IsNullOrWhiteSpace(title)) return null;
        var p = AgencyPlacer.Place(printed, title, context);
        if (p.Name.Length == 0) return null;
        string? level = p.IsNational ? "national" : p.Level is { } l ? l.ToString().ToLowerInvariant() : null;
        return new AgencyPlace(p.SeriesKey, p.Name, p.DivisionCode, level, p.IsDepartment, p.Department, p.Evidence);
    }

    /// <summary>
    /// The codes a division's name can mean: one when the name is one division's, or names the divisions above it too
    /// (江苏省淮安市, read as an agency's name is); several when divisions share it (鼓楼区); none when no division has it.
    /// </summary>
    public static IReadOnlyList<string> DivisionCodesNamed(string name)
    {
        var named = DivisionCatalog.Default.FindByName(name).Select(d => d.Code).Distinct().ToList();
        if (named.Count == 1) return named;
        if (AgencyPlacer.Place(name) is { DivisionCode: { } code, IsDepartment: false }) return [code];
        return named;
    }

    /// <summary>A division given by code (350502) or name (鲤城区, 泉州市): its code, or null when it is no known division or the name is ambiguous.</summary>
    public static string? DivisionCodeOf(string place)
    {
        if (place.Length >= 2 && place.All(char.IsAsciiDigit)) return place;
        var found = DivisionCatalog.Default.FindByName(place);
        return found.Count == 1 ? found[0].Code : found.Select(d => d.Code).Distinct().Count() == 1 ? found[0].Code : null;
    }

    /// <summary>Every division inside this one (and itself), abolished ones included: a report placed under an old
    /// code (密云县) is inside the city all the same. Empty for a code the catalogue does not know.</summary>
    public static IReadOnlyList<string> CodesWithin(string code) => Within.GetOrAdd(code, c =>
    {
        var catalog = DivisionCatalog.Default;
        return catalog.Divisions.Where(d => d.Code.StartsWith(c[..Math.Min(2, c.Length)], StringComparison.Ordinal) && catalog.IsWithin(d.Code, c))
            .Select(d => d.Code).ToList();
    });

    /// <summary>Kept per code: the catalogue does not change while the program runs, and every filtered web page asks.</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Within = new(StringComparer.Ordinal);
}
