using System.Collections.Frozen;

namespace Ogi.Web.Localization;

/// <summary>The web app's words in Chinese and English, read once from strings.tsv (embedded): key, 中文, English.</summary>
public sealed class Texts
{
    public const string Chinese = "zh", English = "en";
    readonly FrozenDictionary<string, (string Zh, string En)> _entries;

    Texts(FrozenDictionary<string, (string, string)> entries) { _entries = entries; }

    public static Texts Load()
    {
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream("Ogi.Web.Localization.strings.tsv")
            ?? throw new InvalidOperationException("strings.tsv is not embedded");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != 3) throw new InvalidDataException($"strings.tsv: not key, 中文, English: {line}");
            if (!entries.TryAdd(parts[0], (parts[1], parts[2]))) throw new InvalidDataException($"strings.tsv: {parts[0]} twice");
        }
        return new Texts(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>The word in that language; an unknown key is shown as itself, in brackets, so it is seen and fixed.</summary>
    public string Get(string key, string language) =>
        _entries.TryGetValue(key, out var e) ? (language == English ? e.En : e.Zh) : $"[{key}]";
}
