using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ogi.Web.Services;

/// <summary>
/// The JSON document of ../shared/spec/OUTPUT.md read back (what `ogi parse --json` writes and the store keeps per
/// parse): the report page draws its tables, cells, provenance and findings from it, whether the report was just
/// uploaded or is stored — one reading for both.
/// </summary>
public sealed class ParseDocument
{
    [JsonPropertyName("template")] public string Template { get; set; } = "unknown";
    [JsonPropertyName("metadata")] public ParseMetadata Metadata { get; set; } = new();
    [JsonPropertyName("values")] public Dictionary<string, decimal?> Values { get; set; } = [];
    [JsonPropertyName("cells")] public List<ParseCell> Cells { get; set; } = [];
    [JsonPropertyName("tables")] public List<ParseTable> Tables { get; set; } = [];
    [JsonPropertyName("findings")] public List<ParseFinding> Findings { get; set; } = [];
    [JsonPropertyName("source")] public ParseSource Source { get; set; } = new();

    public static ParseDocument Read(string json) =>
        JsonSerializer.Deserialize<ParseDocument>(json) ?? throw new JsonException("the parse document is empty");
}

public sealed class ParseMetadata
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("agency")] public string? Agency { get; set; }
    [JsonPropertyName("year")] public int? Year { get; set; }
    [JsonPropertyName("published")] public string? Published { get; set; }
    /// <summary>phone, fax, address, postcode, email — as printed.</summary>
    [JsonPropertyName("contact")] public Dictionary<string, string>? Contact { get; set; }
}

/// <summary>One value's provenance: its raw text, its span in the decoded text, how sure the reading is.</summary>
public sealed class ParseCell
{
    [JsonPropertyName("field")] public string Field { get; set; } = "";
    [JsonPropertyName("raw")] public string Raw { get; set; } = "";
    [JsonPropertyName("start")] public int Start { get; set; }
    [JsonPropertyName("end")] public int End { get; set; }
    [JsonPropertyName("confidence")] public double Confidence { get; set; } = 1;
    /// <summary>A PDF cell: its page (from 1) and box [left, bottom, right, top] in PDF units.</summary>
    [JsonPropertyName("page")] public int? Page { get; set; }
    [JsonPropertyName("box")] public double[]? Box { get; set; }
    [JsonPropertyName("unit")] public string? Unit { get; set; }
    [JsonPropertyName("note")] public string? Note { get; set; }
    [JsonPropertyName("approximate")] public bool Approximate { get; set; }
    [JsonPropertyName("glued")] public bool Glued { get; set; }
    [JsonPropertyName("alternatives")] public List<decimal?>? Alternatives { get; set; }
}

public sealed class ParseTable
{
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("values")] public Dictionary<string, decimal?> Values { get; set; } = [];
    [JsonPropertyName("cells")] public List<ParseCell> Cells { get; set; } = [];
}

public sealed class ParseFinding
{
    [JsonPropertyName("rule")] public string Rule { get; set; } = "";
    [JsonPropertyName("severity")] public string Severity { get; set; } = "";
    [JsonPropertyName("message")] public string Message { get; set; } = "";
    [JsonPropertyName("message_en")] public string? MessageEn { get; set; }
    [JsonPropertyName("fields")] public List<string> Fields { get; set; } = [];
}

public sealed class ParseSource
{
    [JsonPropertyName("format")] public string Format { get; set; } = "";
    [JsonPropertyName("encoding")] public string? Encoding { get; set; }
    [JsonPropertyName("chars")] public int Chars { get; set; }
    [JsonPropertyName("pages")] public int? Pages { get; set; }
    [JsonPropertyName("ocr")] public bool Ocr { get; set; }
}
