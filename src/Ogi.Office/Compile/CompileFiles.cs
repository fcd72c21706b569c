using System.Globalization;
using System.Text.Json;
using Ogi.Office.Register;
using Ogi.Templates;

namespace Ogi.Office.Compile;

/// <summary>The files an office writes for its report: table 二's figures (JSON or CSV) and the sections' text.</summary>
public static class CompileFiles
{
    /// <summary>{"proactive.rules.issued": 2, …} or CSV lines field,value (a header line and blank values allowed).</summary>
    public static Dictionary<string, decimal?> Figures(string path)
    {
        var text = Read(path).TrimStart('\uFEFF');
        var figures = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        if (text.TrimStart().StartsWith('{'))
        {
            Dictionary<string, JsonElement>? obj;
            try { obj = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text); }
            catch (JsonException e) { throw new RegisterException($"{path}: not JSON: {e.Message.Split('\n')[0]}"); }
            foreach (var (k, v) in obj ?? [])
                figures[k] = v.ValueKind switch
                {
                    JsonValueKind.Number => v.GetDecimal(),
                    JsonValueKind.Null => null,
                    _ => throw new RegisterException($"{path}: {k}: a number or null, not {v}"),
                };
            return figures;
        }
        int line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var cells = raw.Trim().Split(',', 2, StringSplitOptions.TrimEntries);
            if (cells[0].Length == 0 || (line == 1 && cells[0] == "field")) continue;
            if (cells.Length < 2) throw new RegisterException($"{path}:{line}: field,value expected");
            figures[cells[0]] = cells[1].Length == 0 ? null
                : decimal.TryParse(cells[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
                : throw new RegisterException($"{path}:{line}: {cells[0]}: '{cells[1]}' is no number");
        }
        return figures;
    }

    /// <summary>Text whose lines naming a section of the template (一、总体情况, or 总体情况, Markdown # allowed) start it.</summary>
    public static Dictionary<string, string> Sections(string path, CompiledTemplate template)
    {
        var sections = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var raw in Read(path).TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var bare = line.TrimStart('#', ' ', '\t').Trim();
            var heading = template.Definition.Headings.FirstOrDefault(h => bare == h || bare == h[(h.IndexOf('、') + 1)..]);
            if (heading is not null) { current = sections[heading] = []; continue; }
            if (current is null) { if (bare.Length > 0) throw new RegisterException($"{path}: text before the first section heading ({template.Definition.Headings.First()})"); continue; }
            current.Add(line);
        }
        return sections.ToDictionary(s => s.Key, s => string.Join("\n", s.Value).Trim());
    }

    static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new RegisterException($"{path}: cannot read: {e.Message.Split('\n')[0]}"); }
    }
}
