using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ogi.Render;

/// <summary>
/// What a report says, apart from how it looks: the canonical values of OUTPUT.md, the metadata and the text of each
/// section. `render` draws it in the official layout; `synth` makes it up and scrambles the drawing.
/// </summary>
public sealed class ReportContent
{
    public required string Template { get; init; }
    public string? Title { get; init; }
    public string? Agency { get; init; }
    public int? Year { get; init; }
    public DateOnly? Published { get; init; }
    public required IReadOnlyDictionary<string, decimal?> Values { get; init; }
    /// <summary>Section heading (as the template names it, 一、总体情况) → its text; paragraphs separated by newlines.</summary>
    public IReadOnlyDictionary<string, string> Sections { get; init; } = new Dictionary<string, string>();

    /// <summary>The title the format prescribes: 〈agency〉〈year〉年度政府信息公开工作年度报告.</summary>
    public string DisplayTitle => Title ?? $"{Agency}{(Year is int y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : "")}政府信息公开工作年度报告";

    /// <summary>
    /// Reads the JSON `ogi parse --json` writes (template, metadata, values), optionally with "sections":
    /// {"一、总体情况": "…"}. A template given here wins over the document's own.
    /// </summary>
    public static ReportContent FromJson(string json, string? template = null)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new FormatException("not JSON: " + e.Message.Split('\n')[0]); }
        if (root is not JsonObject obj) throw new FormatException("not a JSON object");
        template ??= Text(obj["template"], "template");
        if (template is null or "unknown") throw new FormatException("no template: give --template gov2021|gov2019|legacy");
        if (obj["metadata"] is { } m && m is not JsonObject) throw new FormatException("metadata: an object (title, agency, year, published)");
        if (obj["sections"] is { } sn && sn is not JsonObject) throw new FormatException("sections: an object of heading → text");
        var meta = obj["metadata"] as JsonObject;
        var values = new Dictionary<string, decimal?>();
        if (obj["values"] is JsonObject vs)
            foreach (var (k, v) in vs)
            {
                if (v is null) { values[k] = null; continue; }
                if (v.GetValueKind() != JsonValueKind.Number || !v.AsValue().TryGetValue<decimal>(out var number))
                    throw new FormatException($"values.{k}: a number or null, not {Show(v)}");
                values[k] = number;
            }
        else if (obj["values"] is not null) throw new FormatException("values: an object of field → number");
        var sections = new Dictionary<string, string>();
        if (obj["sections"] is JsonObject ss)
            foreach (var (k, v) in ss) if (Text(v, "sections." + k) is string t) sections[k] = t;
        DateOnly? published = null;
        if (Text(meta?["published"], "metadata.published") is string p)
            published = DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new FormatException($"metadata.published: an ISO date (2024-01-31), not {p}");
        int? year = null;
        if (meta?["year"] is JsonNode y)
            year = y.GetValueKind() == JsonValueKind.Number && y.AsValue().TryGetValue<int>(out var yv) && yv is >= 1990 and <= 2100 ? yv
                : throw new FormatException($"metadata.year: a year such as 2024, not {Show(y)}");
        return new ReportContent
        {
            Template = template,
            Title = Text(meta?["title"], "metadata.title"),
            Agency = Text(meta?["agency"], "metadata.agency"),
            Year = year,
            Published = published,
            Values = values,
            Sections = sections,
        };
    }

    static string? Text(JsonNode? node, string path) => node is null ? null
        : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>()
        : throw new FormatException($"{path}: a string, not {Show(node)}");

    static string Show(JsonNode node)
    {
        var s = node.ToJsonString();
        return s.Length > 40 ? s[..40] + "…" : s;
    }
}
