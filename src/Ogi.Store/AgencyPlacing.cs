using System.Text;

namespace Ogi.Store;

/// <summary>Where an agency's name puts it: the key of its series, its normalized name, and its division when known.</summary>
public sealed record AgencyPlace(string SeriesKey, string Name, string? DivisionCode, string? Level, bool IsDepartment, string? Department, string? Evidence);

/// <summary>
/// An agency's name as printed → its place. Until the administrative-divisions catalogue is wired in, the name is
/// normalized and left unplaced, its normalized name the key of its series.
/// </summary>
public static class AgencyPlacing
{
    public static AgencyPlace? Place(string? printed, string? title)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        var name = Normalize(printed);
        if (name.Length == 0) return null;
        return new AgencyPlace("name:" + name, name, null, null, false, null, null);
    }

    /// <summary>The name without spaces, with full-width letters and digits folded: what two printings of one name share.</summary>
    public static string Normalize(string printed)
    {
        var sb = new StringBuilder(printed.Length);
        foreach (var ch0 in printed.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(ch0) && ch0 != '\u200b') sb.Append(ch0);
        // Stray marks around a name (_平潭县人民政府, a closing bracket) are no part of it.
        return sb.ToString().Trim('_', '-', '—', '·', ':', '：', '|', '*', '(', ')', '（', '）', '[', ']', '【', '】', '"', '“', '”');
    }

    /// <summary>A division given by code (350502) or name: its code, or null when it is no known division.</summary>
    public static string? DivisionCodeOf(string place) =>
        place.Length >= 2 && place.All(char.IsAsciiDigit) ? place : null;
}
