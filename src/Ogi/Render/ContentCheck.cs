using Ogi.Cells;
using Ogi.Parsing;
using Ogi.Templates;
using Ogi.Validate;

namespace Ogi.Render;

/// <summary>
/// The checks a parsed report gets, run on data about to be rendered: a value that breaks a rule is still rendered as
/// given, but the agency hears of it first. Fields the template does not have are reported too.
/// </summary>
public static class ContentCheck
{
    public static List<Finding> Check(ReportContent content, out List<string> unknownFields)
    {
        var template = TemplateCatalog.All.FirstOrDefault(t => t.Id == content.Template)
                       ?? throw new FormatException($"unknown template {content.Template}: gov2021, gov2019 or legacy");
        var tables = template.TablesFor(content.Values);
        var known = new HashSet<string>(tables.SelectMany(t => t.Fields));
        string? prefix = tables.Select(t => t.Definition.UnknownRowPrefix).FirstOrDefault(p => p is not null);
        unknownFields = content.Values.Keys.Where(f => !known.Contains(f) && (prefix is null || !f.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        var table = new ParsedTable
        {
            Label = "",
            Cells = content.Values.Where(kv => known.Contains(kv.Key)).Select(kv => new CellValue { Field = kv.Key, Value = kv.Value, Raw = "" }).ToList(),
        };
        var findings = new List<Finding>();
        ReportValidator.Validate(template, table, tables.Select(t => new TableMatchInfo(t)).ToList(), "", null, findings);
        return findings;
    }
}
