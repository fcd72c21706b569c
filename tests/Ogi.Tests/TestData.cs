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

    static string FindShared() =>
        Ogi.Cli.SharedFolder.Find() ?? throw new DirectoryNotFoundException("../shared (the seeds and corpus) not found; set OGI_SHARED");

    public static string Document(string dir, string name) =>
        Directory.GetFiles(dir).First(f => Path.GetFileNameWithoutExtension(f) == name);

    public static ParsedReport Parse(string path) => ReportParser.ParseFile(path);

    public static Dictionary<string, decimal?> Values(ParsedTable? table) =>
        table is null ? [] : table.Cells.ToDictionary(c => c.Field, c => c.Value);

    public static JsonElement Gold(string file) => JsonDocument.Parse(File.ReadAllText(file)).RootElement;

    public static decimal? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    /// <summary>Simplified → traditional by inverting OpenCC's table.</summary>
    public static string Traditional(string s) => Ogi.Normalize.ChineseConverter.ToTraditional(s);

    /// <summary>
    /// What a parse gives that a gold document (OUTPUT.md's shape, with expect_findings) does not: template, metadata,
    /// every value (a missing or extra field too), expected findings not reported, and unexpected errors or warnings.
    /// </summary>
    public static List<string> Differences(JsonElement gold, ParsedReport report, out int cellsRight, out int cells)
    {
        var wrong = new List<string>();
        if (report.Template != gold.GetProperty("template").GetString()) wrong.Add($"template: want {gold.GetProperty("template")}, got {report.Template}");
        var meta = gold.GetProperty("metadata");
        void Meta(string key, string? got)
        {
            if (!meta.TryGetProperty(key, out var want)) return;
            string? w = want.ValueKind == JsonValueKind.Null ? null : want.ValueKind == JsonValueKind.Number ? want.GetRawText() : want.GetString();
            if (w != got) wrong.Add($"metadata.{key}: want {w ?? "null"}, got {got ?? "null"}");
        }
        Meta("title", report.Metadata.Title);
        Meta("agency", report.Metadata.Agency);
        Meta("year", report.Metadata.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Meta("published", report.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var got = Values(report.Main);
        cells = 0; cellsRight = 0;
        foreach (var p in gold.GetProperty("values").EnumerateObject())
        {
            cells++;
            var want = Number(p.Value);
            if (got.TryGetValue(p.Name, out var v) && v == want) cellsRight++;
            else wrong.Add($"{p.Name}: want {want?.ToString() ?? "null"}, got {(got.TryGetValue(p.Name, out var x) ? x?.ToString() ?? "null" : "nothing")}");
        }
        foreach (var f in got.Keys.Where(k => !gold.GetProperty("values").TryGetProperty(k, out _))) wrong.Add($"{f}: not in the gold");
        var expected = gold.TryGetProperty("expect_findings", out var ef)
            ? ef.EnumerateArray().Select(e => (e.GetProperty("rule").GetString()!, e.GetProperty("severity").GetString()!)).ToHashSet() : [];
        var reported = report.Findings.Where(f => f.Severity != "info").Select(f => (f.Rule, f.Severity)).ToHashSet();
        foreach (var e in expected.Except(reported)) wrong.Add($"finding {e} not reported");
        foreach (var e in reported.Except(expected)) wrong.Add($"finding {e} reported, not expected: " + report.Findings.First(f => f.Rule == e.Item1).MessageEn);
        return wrong;
    }

    /// <summary>The given ASCII characters written in their full-width forms (１２３４．５, ｜).</summary>
    public static string FullWidth(string s, string ascii) => new(s.Select(c => ascii.Contains(c) ? (char)(c + 0xFEE0) : c).ToArray());
}
