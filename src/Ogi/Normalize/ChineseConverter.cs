using System.Reflection;

namespace Ogi.Normalize;

/// <summary>
/// Traditional → simplified, character by character, from OpenCC's dictionaries (see THIRD-PARTY-NOTICES.md).
/// Character level is enough here: labels, agency names and dates are matched after folding, and a 1:1
/// mapping keeps every offset valid.
/// </summary>
public static class ChineseConverter
{
    public static readonly IReadOnlyList<(char From, char To)> CharacterPairs = Load();

    static readonly Lazy<Dictionary<char, char>> ToTraditionalMap = new(() =>
    {
        // Of the traditional forms of a simplified character, the first the folding maps back to it.
        var map = new Dictionary<char, char>();
        foreach (var (from, to) in CharacterPairs)
            if (from != to && TextNormalizer.Fold(from) == to) map.TryAdd(to, from);
        return map;
    });

    /// <summary>
    /// Simplified → traditional, character by character: the inverse of the folding, for writing test documents in
    /// traditional characters (not a faithful conversion of running text, which needs OpenCC's phrase tables).
    /// </summary>
    public static string ToTraditional(string text)
    {
        var map = ToTraditionalMap.Value;
        return string.Create(text.Length, text, (span, src) =>
        {
            for (int i = 0; i < src.Length; i++) span[i] = map.TryGetValue(src[i], out var t) ? t : src[i];
        });
    }

    static List<(char, char)> Load()
    {
        var list = new List<(char, char)>(4096);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ogi.Normalize.t2s-characters.txt");
        if (stream is null) return list;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab != 1 || line.Length != 3) continue;
            list.Add((line[0], line[2]));
        }
        return list;
    }
}
