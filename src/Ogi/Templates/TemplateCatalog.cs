using System.Reflection;
using System.Text.Json;

namespace Ogi.Templates;

/// <summary>The three national formats, loaded once from the embedded definitions.</summary>
public static class TemplateCatalog
{
    public static readonly IReadOnlyList<CompiledTemplate> All = Load();

    public static CompiledTemplate Get(string id) => All.First(t => t.Definition.Id == id);

    public static CompiledTemplate? ForYear(int year) => All.FirstOrDefault(t => t.Definition.CoversYear(year));

    static List<CompiledTemplate> Load()
    {
        var asm = Assembly.GetExecutingAssembly();
        var list = new List<CompiledTemplate>();
        foreach (var id in new[] { "gov2021", "gov2019", "legacy" })
        {
            using var stream = asm.GetManifestResourceStream($"Ogi.Templates.{id}.json")
                               ?? throw new InvalidOperationException($"template {id} is not embedded");
            var def = JsonSerializer.Deserialize(stream, TemplateJsonContext.Default.TemplateDefinition)
                      ?? throw new InvalidOperationException($"template {id} is empty");
            list.Add(new CompiledTemplate(def));
        }
        return list;
    }
}
