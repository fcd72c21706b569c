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
        // The main table's cells placed by the template's checks, for validation and the completeness check.
        FieldValues? mainValues = null;
        var template = recognition.Template;
        string templateId;
        if (template is not null)
        {
            templateId = template.Id;
            var spans = new List<(int Start, int End)>();
            foreach (var c in recognition.Copies)
                foreach (var m in c) spans.Add((m.CompactStart, Math.Min(text.Compact.Length, m.CompactEnd + 200)));
            var narrative = NarrativeFigures.Find(text, template, spans);
            clock?.Lap(Stage.Validate);
            var infos = new List<(ParsedTable, List<TableMatch>)>();
            var printed = new List<List<TableMatch>>();
            // Where the tables read so far have their cells: needed only when a second copy is read.
            HashSet<int>? read = null;
            foreach (var copy in recognition.Copies)
            {
                // A page that prints its whole content twice holds one table, not two: the same text, not merely the same values.
                if (PrintedBefore(text.Compact, printed, copy)) continue;
                printed.Add(copy);
                var tableFindings = new List<Finding>();
                var table = TableReader.Read(text, copy, narrative, tableFindings);
                // Two label hits that read the same cells (the prose's 复议后起诉 and the heading's) are one table.
                if (infos.Count > 0)
                {
                    if (read is null) { read = []; foreach (var t in tables) AddStarts(read, t); }
                    bool any = false, all = true;
                    foreach (var c in table.Cells)
                        if (c.Start >= 0) { any = true; if (!read.Contains(c.Start)) { all = false; break; } }
                    if (any && all) continue;
                    AddStarts(read, table);
                }
                clock?.Lap(Stage.ReadCells);
                string where = infos.Count == 0 ? "" : $"[表{infos.Count + 1}] ";
                findings.AddRange(tableFindings);
                var matched = new List<TableMatchInfo>(copy.Count);
                foreach (var m in copy) matched.Add(new TableMatchInfo(m.Table));
                var values = RulePlan.For(template, matched).Place(table);
                mainValues ??= values;
                ReportValidator.Validate(template, values, matched, where, infos.Count == 0 ? narrative : null, findings);
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
        if (template is not null && !meta.LooksLikeAnnualReport && NoValues(tables))
        {
            template = null; templateId = "unknown"; tables.Clear(); findings.Clear();
        }
        // mainValues are the first table's cells as validation placed them (null when no table was read).
        if (template is not null) CompletenessCheck.Check(template, mainValues, findings);
        ReportValidator.ValidateDocument(template, meta, text, findings);
        prepass?.MapBack(tables);
        Decode.Pdf.OcrConfidence.Apply(source, tables, findings);
        clock?.Lap(Stage.Validate);
        return new ParsedReport { Template = templateId, Metadata = meta, Tables = tables, Findings = findings, Source = source };
    }

    // Loops, not lambdas: a lambda over `text` made the parse allocate a closure for it and read it through the closure.

    static bool PrintedBefore(string compact, List<List<TableMatch>> printed, List<TableMatch> copy)
    {
        foreach (var p in printed)
            if (SameText(compact, p, copy)) return true;
        return false;
    }

    static bool NoValues(List<ParsedTable> tables)
    {
        foreach (var t in tables)
            foreach (var c in t.Cells)
                if (c.Value is not null) return false;
        return true;
    }

    /// <summary>Whether two copies match the same text, label by label.</summary>
    static bool SameText(string compact, List<TableMatch> a, List<TableMatch> b)
    {
        if (a.Count != b.Count) return false;
        for (int k = 0; k < a.Count; k++)
            if (!compact.AsSpan(a[k].CompactStart, a[k].CompactEnd - a[k].CompactStart)
                    .SequenceEqual(compact.AsSpan(b[k].CompactStart, b[k].CompactEnd - b[k].CompactStart))) return false;
        return true;
    }

    static void AddStarts(HashSet<int> read, ParsedTable table)
    {
        foreach (var c in table.Cells) if (c.Start >= 0) read.Add(c.Start);
    }
}
