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
        template ??= obj["template"]?.GetValue<string>();
        if (template is null or "unknown") throw new FormatException("no template: give --template gov2021|gov2019|legacy");
        var meta = obj["metadata"] as JsonObject;
        var values = new Dictionary<string, decimal?>();
        if (obj["values"] is JsonObject vs)
            foreach (var (k, v) in vs)
                values[k] = v is null ? null : v.GetValueKind() == JsonValueKind.Number ? v.GetValue<decimal>()
                    : throw new FormatException($"values.{k}: a number or null, not {v.ToJsonString()}");
        var sections = new Dictionary<string, string>();
        if (obj["sections"] is JsonObject ss)
            foreach (var (k, v) in ss) if (v is not null) sections[k] = v.GetValue<string>();
        DateOnly? published = null;
        if (meta?["published"]?.GetValue<string>() is string p)
            published = DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new FormatException($"metadata.published: an ISO date (2024-01-31), not {p}");
        return new ReportContent
        {
            Template = template,
            Title = meta?["title"]?.GetValue<string>(),
            Agency = meta?["agency"]?.GetValue<string>(),
            Year = meta?["year"]?.GetValue<int>(),
            Published = published,
            Values = values,
            Sections = sections,
        };
    }
}
