using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ogi.Templates;

/// <summary>The three national formats, built once from their definitions (Templates/Data/*.json).</summary>
public static class TemplateCatalog
{
    static readonly string[] Ids = ["gov2021", "gov2019", "legacy"];

    /// <summary>
    /// Built from TemplateData.g.cs, the JSON written as C# by scripts/update-templates.sh (TemplateCodeTests hold it
    /// to the JSON): reading the JSON cold, with the serializer's metadata for every type, cost a fresh
    /// `ogi parse FILE` about 40 ms before its first report.
    /// </summary>
    public static readonly IReadOnlyList<CompiledTemplate> All = Compile(TemplateData.Definitions());

    public static CompiledTemplate Get(string id) => All.First(t => t.Definition.Id == id);

    public static CompiledTemplate? ForYear(int year) => All.FirstOrDefault(t => t.Definition.CoversYear(year));

    /// <summary>The definitions' JSON reader (source-generated): what TemplateData.g.cs is made from and checked against.</summary>
    public static JsonTypeInfo<TemplateDefinition> JsonTypeInfo => TemplateJsonContext.Default.TemplateDefinition;

    /// <summary>The definitions as the embedded Templates/Data/*.json read, in catalog order.</summary>
    public static List<TemplateDefinition> ReadJson()
    {
        var asm = Assembly.GetExecutingAssembly();
        var list = new List<TemplateDefinition>();
        foreach (var id in Ids)
        {
            using var stream = asm.GetManifestResourceStream($"Ogi.Templates.{id}.json")
                               ?? throw new InvalidOperationException($"template {id} is not embedded");
            list.Add(JsonSerializer.Deserialize(stream, JsonTypeInfo) ?? throw new InvalidOperationException($"template {id} is empty"));
        }
        return list;
    }

    static CompiledTemplate[] Compile(TemplateDefinition[] definitions)
    {
        var compiled = new CompiledTemplate[definitions.Length];
        for (int i = 0; i < definitions.Length; i++) compiled[i] = new CompiledTemplate(definitions[i]);
        return compiled;
    }
}
