namespace Ogi.Decode.Pdf;

/// <summary>
/// Some producers (Chromium's Skia among them) map a glyph that a radical and an ideograph share to the radical's
/// code point (`⼈⺠` for 人民); the text means the ideograph. The table is data (radicals.txt).
/// </summary>
public static class Radicals
{
    static readonly Dictionary<char, char> Map = Load();

    static Dictionary<char, char> Load()
    {
        using var stream = typeof(Radicals).Assembly.GetManifestResourceStream("Ogi.Decode.Pdf.radicals.txt")!;
        using var reader = new StreamReader(stream);
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is string line)
            if (line.Length >= 3 && line[0] != '#' && line[1] == '\t') map[line[0]] = line[2];
        return map;
    }

    public static string ToIdeographs(string text)
    {
        foreach (var c in text)
            if (c is >= '\u2E80' and <= '\u2FDF')
                return string.Create(text.Length, text, (span, t) => { for (int i = 0; i < t.Length; i++) span[i] = Map.GetValueOrDefault(t[i], t[i]); });
        return text;
    }
}
