using Ogi.Decode;
using Ogi.Metadata;
using Ogi.Recognize;
using Ogi.Segment;
using Ogi.Templates;
using Ogi.Validate;

namespace Ogi.Parsing;

/// <summary>
/// The parse pipeline, stage by stage: decode → segment (layout text) → recognize (template and table alignment)
/// → read cells → resolve glued digits → validate. Thread-safe and stateless: call it from as many threads as you like.
/// </summary>
public static class ReportParser
{
    public static ParsedReport ParseFile(string path, long maxBytes = DocumentDecoder.DefaultMaxBytes) => Parse(DocumentDecoder.DecodeFile(path, maxBytes));

    /// <summary>Decodes and parses; <paramref name="clock"/> (ogi bench) is given the time of each stage.</summary>
    public static ParsedReport Parse(byte[] bytes, StageClock? clock = null)
    {
        clock?.Start();
        var source = DocumentDecoder.Decode(bytes);
        clock?.Lap(Stage.Decode);
        return Parse(source, clock);
    }

    public static ParsedReport Parse(SourceDocument source) => Parse(source, null);

    static ParsedReport Parse(SourceDocument source, StageClock? clock)
    {
        clock?.Start();
        var text = new LayoutText(source.Text);
        // Tables printed in a shape the readers do not read (headings stacked, halves side by side) are put into one they do.
        var prepass = TextPrepass.Prepare(text);
        if (prepass is not null) text = prepass.Text;
        clock?.Lap(Stage.Segment);
        var meta = MetadataExtractor.Extract(text);
        clock?.Lap(Stage.Metadata);
        var recognition = TemplateRecognizer.Recognize(text, meta.Year);
        clock?.Lap(Stage.Recognize);
        var findings = new List<Finding>();
        var tables = new List<ParsedTable>();
        var template = recognition.Template;
        string templateId;
        if (template is not null)
        {
            templateId = template.Id;
            var spans = recognition.Copies.SelectMany(c => c).Select(m => (m.CompactStart, Math.Min(text.Compact.Length, m.CompactEnd + 200))).ToList();
            var narrative = NarrativeFigures.Find(text, template, spans);
            clock?.Lap(Stage.Validate);
            var infos = new List<(ParsedTable, List<TableMatch>)>();
            var printed = new HashSet<string>();
            var read = new HashSet<int>();
            foreach (var copy in recognition.Copies)
            {
                // A page that prints its whole content twice holds one table, not two: the same text, not merely the same values.
                if (!printed.Add(string.Join("\u0001", copy.Select(m => text.Compact[m.CompactStart..m.CompactEnd])))) continue;
                var tableFindings = new List<Finding>();
                var table = TableReader.Read(text, copy, narrative, tableFindings);
                // Two label hits that read the same cells (the prose's 复议后起诉 and the heading's) are one table.
                var starts = table.Cells.Where(c => c.Start >= 0).Select(c => c.Start).ToList();
                if (infos.Count > 0 && starts.Count > 0 && starts.All(read.Contains)) continue;
                read.UnionWith(starts);
                clock?.Lap(Stage.ReadCells);
                string where = infos.Count == 0 ? "" : $"[表{infos.Count + 1}] ";
                findings.AddRange(tableFindings);
                ReportValidator.Validate(template, table, copy.Select(m => new TableMatchInfo(m.Table)).ToList(), where,
                    infos.Count == 0 ? narrative : null, findings);
                clock?.Lap(Stage.Validate);
                infos.Add((table, copy));
                tables.Add(table);
            }
        }
        else
        {
            // A report that prints no statistics table still has the template of its year.
            template = meta.LooksLikeAnnualReport && meta.Year is int y ? TemplateCatalog.ForYear(y) : null;
            templateId = template?.Id ?? "unknown";
        }
        // A notice, plan or letter about the report may print the form's labels, never a report's values.
        if (template is not null && !meta.LooksLikeAnnualReport && tables.All(t => t.Cells.All(c => c.Value is null)))
        {
            template = null; templateId = "unknown"; tables.Clear(); findings.Clear();
        }
        if (template is not null) CompletenessCheck.Check(template, tables.FirstOrDefault(), findings);
        ReportValidator.ValidateDocument(template, meta, text, findings);
        prepass?.MapBack(tables);
        Decode.Pdf.OcrConfidence.Apply(source, tables, findings);
        clock?.Lap(Stage.Validate);
        return new ParsedReport { Template = templateId, Metadata = meta, Tables = tables, Findings = findings, Source = source };
    }
}
