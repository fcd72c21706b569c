using System.Collections.Frozen;

namespace Ogi.Web.Localization;

/// <summary>The web app's words in Chinese and English, read once from the embedded Localization/strings*.tsv files
/// (strings.tsv for the layout, one strings.AREA.tsv per area of the app): key, 中文, English. A key may be defined once
/// across all of them.</summary>
public sealed class Texts
{
    public const string Chinese = "zh", English = "en";
    readonly FrozenDictionary<string, (string Zh, string En)> _entries;

    Texts(FrozenDictionary<string, (string, string)> entries) { _entries = entries; }

    public static Texts Load()
    {
        var assembly = typeof(Texts).Assembly;
        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Ogi.Web.Localization.strings", StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidOperationException("Localization/strings*.tsv are not embedded");
        foreach (var file in files)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(file)!);
            var name = file["Ogi.Web.Localization.".Length..];
            for (string? line; (line = reader.ReadLine()) is not null;)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var parts = line.Split('\t');
                if (parts.Length != 3) throw new InvalidDataException($"{name}: not key, 中文, English: {line}");
                if (!entries.TryAdd(parts[0], (parts[1], parts[2]))) throw new InvalidDataException($"{name}: {parts[0]} defined twice");
            }
        }
        return new Texts(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>The word in that language; an unknown key is shown as itself, in brackets, so it is seen and fixed.</summary>
    public string Get(string key, string language) =>
        _entries.TryGetValue(key, out var e) ? (language == English ? e.En : e.Zh) : $"[{key}]";
}
