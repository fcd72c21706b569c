using System.Text.Json;
using Ogi.Parsing;

namespace Ogi.Tests;

/// <summary>Where the shared documents and the project's own gold files are.</summary>
public static class TestData
{
    /// <summary>../shared beside the repository (or OGI_SHARED): the seeds, the corpus and their gold. Tests need it.</summary>
    public static string Shared { get; } = FindShared();

    public static string Seeds => Path.Combine(Shared, "seeds");
    public static string Corpus => Path.Combine(Shared, "corpus");
    public static string SeedGold => Path.Combine(Shared, "gold");
    public static string CorpusGold => Path.Combine(AppContext.BaseDirectory, "Gold", "corpus");

    static string FindShared()
    {
        var env = Environment.GetEnvironmentVariable("OGI_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "seeds"))) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds"))) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("../shared (the seeds and corpus) not found; set OGI_SHARED");
    }

    public static string Document(string dir, string name) =>
        Directory.GetFiles(dir).First(f => Path.GetFileNameWithoutExtension(f) == name);

    public static ParsedReport Parse(string path) => ReportParser.ParseFile(path);

    public static Dictionary<string, decimal?> Values(ParsedTable? table) =>
        table is null ? [] : table.Cells.ToDictionary(c => c.Field, c => c.Value);

    public static JsonElement Gold(string file) => JsonDocument.Parse(File.ReadAllText(file)).RootElement;

    public static decimal? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    /// <summary>Simplified → traditional by inverting OpenCC's table (the first traditional form of each character).</summary>
    public static string Traditional(string s)
    {
        var map = new Dictionary<char, char>();
        foreach (var (t, simplified) in Ogi.Normalize.ChineseConverter.CharacterPairs) map.TryAdd(simplified, t);
        return new string(s.Select(c => map.TryGetValue(c, out var t) ? t : c).ToArray());
    }

    /// <summary>The given ASCII characters written in their full-width forms (１２３４．５, ｜).</summary>
    public static string FullWidth(string s, string ascii) => new(s.Select(c => ascii.Contains(c) ? (char)(c + 0xFEE0) : c).ToArray());
}
