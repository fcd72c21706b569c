using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ogi.Templates;

/// <summary>
/// The template definitions' JSON reader, generated at compile time: a cold `ogi parse FILE` would otherwise spend
/// a third of its time building reflection-based serializers for these types before reading the first report.
/// </summary>
[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(TemplateDefinition))]
internal sealed partial class TemplateJsonContext : JsonSerializerContext;
