using System.Globalization;
using Ogi.Cells;
using Ogi.Metadata;
using Ogi.Parsing;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Validate;

/// <summary>
/// The checks of FIELDS.md over what was read: the template's equations (R1–R4, L1–L8), negative counts (N1),
/// blank cells in a filled table (B1), prose contradicting the table (T1), lateness (P1), missing sections (S1).
/// </summary>
public static class ReportValidator
{
    public static void Validate(CompiledTemplate template, ParsedTable table, IReadOnlyList<TableMatchInfo> tables, string where,
        IReadOnlyDictionary<string, decimal>? narrative, List<Finding> findings)
    {
        var byField = new Dictionary<string, CellValue>();
        foreach (var c in table.Cells) byField.TryAdd(c.Field, c);
        foreach (var t in tables)
            foreach (var eq in t.Table.Equations)
            {
                if (eq.RuleId.Length == 0) continue;
                // Legacy part rows the report does not print are left out; otherwise every field must be printed.
                var lhs = eq.PartsOptional && eq.Relation == Relation.AtMost ? eq.Lhs.Where(byField.ContainsKey).ToArray() : eq.Lhs;
                var rhs = eq.PartsOptional && eq.Relation == Relation.Equal ? eq.Rhs.Where(byField.ContainsKey).ToArray() : eq.Rhs;
                if (lhs.Length == 0 || rhs.Length == 0) continue;
                bool present = true, anyValue = false;
                decimal l = 0, r = 0;
                foreach (var f in lhs)
                {
                    if (!byField.TryGetValue(f, out var cv)) { present = false; break; }
                    anyValue |= cv.Value is not null;
                    l += cv.Value ?? 0;
                }
                if (present)
                    foreach (var f in rhs)
                    {
                        if (!byField.TryGetValue(f, out var cv)) { present = false; break; }
                        anyValue |= cv.Value is not null;
                        r += cv.Value ?? 0;
                    }
                if (!present || !anyValue) continue;
                bool ok = eq.Relation == Relation.Equal ? l == r : l <= r;
                if (ok) continue;
                string[] fields = [.. lhs, .. rhs];
                string op = eq.Relation == Relation.Equal ? "≠" : ">";
                // Blank cells are named once with their number (空 ×19), not one by one: a table read without its
                // values would otherwise fill the message with "空 + 空 + …".
                string expr(string[] side, string blank)
                {
                    int blanks = side.Count(f => byField[f].Value is null);
                    if (blanks < 3) return string.Join(" + ", side.Select(f => Show(byField[f].Value, blank)));
                    return string.Join(" + ", side.Where(f => byField[f].Value is not null).Select(f => Show(byField[f].Value, blank)).Append($"{blank} ×{blanks}"));
                }
                findings.Add(new Finding(eq.RuleId, eq.Severity,
                    $"{where}{eq.Zh}（{eq.Where}）：{expr(lhs, "空")} = {Show(l)} {op} {expr(rhs, "空")} = {Show(r)}",
                    $"{where}{eq.En} ({eq.Where}): {expr(lhs, "blank")} = {Show(l)} {op} {expr(rhs, "blank")} = {Show(r)}",
                    fields));
            }
        foreach (var c in table.Cells)
            if (c.Value < 0 && !tables.Any(t => t.Table.SignedFields.Contains(c.Field)))
                findings.Add(new Finding("N1", Severity.Error, $"{where}{c.Field} 为负数 {Show(c.Value)}，该项不能为负",
                    $"{where}{c.Field} is negative ({Show(c.Value)}), which this count cannot be", [c.Field]));
        foreach (var t in tables)
        {
            var blank = new List<string>();
            int filled = 0;
            foreach (var f in t.Table.Fields)
                if (byField.TryGetValue(f, out var cell)) { if (cell.Value is null) blank.Add(f); else filled++; }
            // "Otherwise filled": most of the table holds numbers, so a blank is a gap rather than the table's way of writing 0.
            if (blank.Count > 0 && filled >= blank.Count * 2)
                findings.Add(new Finding("B1", Severity.Warning,
                    $"{where}{t.Table.Definition.Title}有 {blank.Count} 个空白单元格（其余已填写），校验时按 0 计",
                    $"{where}{blank.Count} blank cell(s) in an otherwise filled table ({t.Table.Id}); counted as 0 in the checks",
                    blank));
        }
        if (narrative is not null)
            foreach (var (field, said) in narrative)
                if (byField.TryGetValue(field, out var cell) && cell.Value is decimal v && v != said && !CountsAlsoIncluded(template, field, v, said, byField))
                    findings.Add(new Finding("T1", Severity.Warning,
                        $"{where}正文称 {Show(said)}，与表中 {field} = {Show(v)} 不一致",
                        $"{where}the narrative states {Show(said)} but the table gives {field} = {Show(v)}", [field]));
    }

    /// <summary>A prose total that counts, with the field, the fields its cue may include (new plus carried over) agrees.</summary>
    static bool CountsAlsoIncluded(CompiledTemplate template, string field, decimal value, decimal said, Dictionary<string, CellValue> byField)
    {
        foreach (var cue in template.Definition.Narrative)
        {
            if (cue.Field != field || cue.MayInclude.Length == 0) continue;
            decimal sum = value;
            foreach (var other in cue.MayInclude)
                if (byField.TryGetValue(other, out var c)) sum += c.Value ?? 0;
            if (sum == said) return true;
        }
        return false;
    }

    public static void ValidateDocument(CompiledTemplate? template, ReportMetadata meta, LayoutText text, List<Finding> findings)
    {
        if (meta.Year is int year && meta.Published is DateOnly published && template is not null)
        {
            var deadline = year <= 2018 ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);
            if (published > deadline)
                findings.Add(new Finding("P1", Severity.Warning,
                    $"报告发布于 {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}，晚于法定期限 {deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}（{(year <= 2018 ? "2008年条例第三十一条" : "2019年条例第四十九条")}）",
                    $"published {published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, after the statutory deadline {deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", []));
        }
        // A form kept after its successor came into force (towns used the 2019 table for years): read by its content.
        if (template is not null && meta.Year is int y && template.Definition.Years is [_, int last] && y > last
            && TemplateCatalog.ForYear(y) is { } inForce && inForce != template)
            findings.Add(new Finding("F1", Severity.Warning,
                $"报告使用的{template.Definition.Name}在 {y} 年已不适用（应为{inForce.Definition.Name}），仍按其内容读取",
                $"the report uses the {template.Id} form, not in force for {y} (the {inForce.Id} form is); read by its content", []));
        if (template is not null)
        {
            var compact = text.Compact;
            foreach (var section in template.Definition.Sections)
            {
                if (section.Words.Any(w => compact.Contains(FoldedWords.GetOrAdd(w, LayoutText.FoldLabel), StringComparison.Ordinal))) continue;
                findings.Add(new Finding("S1", Severity.Warning, $"缺少必备章节：{section.Name}", $"a required section is missing: {section.Name}", []));
            }
        }
    }

    /// <summary>A section's words folded once, not for every report.</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FoldedWords = new(StringComparer.Ordinal);

    static string Show(decimal? v, string blank = "空") => v is null ? blank : v.Value.ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>The template tables a parsed table was read from (for the checks that need the definitions).</summary>
public sealed record TableMatchInfo(CompiledTable Table);
