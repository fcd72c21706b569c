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
        IReadOnlyDictionary<string, decimal>? narrative, List<Finding> findings) =>
        Validate(template, RulePlan.For(template, tables).Place(table), tables, where, narrative, findings);

    /// <summary>The checks over a table whose cells are already placed by the template's plan (the parse places them once).</summary>
    internal static void Validate(CompiledTemplate template, FieldValues values, IReadOnlyList<TableMatchInfo> tables, string where,
        IReadOnlyDictionary<string, decimal>? narrative, List<Finding> findings)
    {
        var table = values.Table;
        var plan = values.Plan;
        // (Indexed loops over the tables: a foreach over the interface would allocate its enumerator.)
        for (int ti = 0; ti < tables.Count; ti++)
            foreach (var ep in plan.Of(tables[ti].Table).Equations)
            {
                var eq = ep.Equation;
                // Legacy part rows the report does not print are left out; otherwise every field must be printed.
                bool optionalLhs = eq.PartsOptional && eq.Relation == Relation.AtMost;
                bool optionalRhs = eq.PartsOptional && eq.Relation == Relation.Equal;
                decimal l, r;
                if (values.Counts is { } counts)
                {
                    if (Holds(values, counts, ep, optionalLhs, optionalRhs, out long lc, out long rc)) continue;
                    l = lc; r = rc;
                }
                else if (Holds(values, values.Amounts, ep, optionalLhs, optionalRhs, out l, out r)) continue;
                var lhs = Printed(values, eq.Lhs, ep.LhsSlots, optionalLhs);
                var rhs = Printed(values, eq.Rhs, ep.RhsSlots, optionalRhs);
                string[] fields = [.. lhs.Select(x => x.Field), .. rhs.Select(x => x.Field)];
                string op = eq.Relation == Relation.Equal ? "≠" : ">";
                findings.Add(new Finding(eq.RuleId, eq.Severity,
                    $"{where}{eq.Zh}（{eq.Where}）：{Expression(lhs, "空")} = {Show(l)} {op} {Expression(rhs, "空")} = {Show(r)}",
                    $"{where}{eq.En} ({eq.Where}): {Expression(lhs, "blank")} = {Show(l)} {op} {Expression(rhs, "blank")} = {Show(r)}",
                    fields));
            }
        foreach (var c in table.Cells)
            // (The sign bit first: a decimal comparison per cell costs more than the rest of the loop.)
            if (c.Value is decimal value && decimal.IsNegative(value) && value < 0 && !tables.Any(t => t.Table.SignedFields.Contains(c.Field)))
                findings.Add(new Finding("N1", Severity.Error, $"{where}{c.Field} 为负数 {Show(c.Value)}，该项不能为负",
                    $"{where}{c.Field} is negative ({Show(c.Value)}), which this count cannot be", [c.Field]));
        for (int ti = 0; ti < tables.Count; ti++)
        {
            var t = tables[ti];
            List<string>? blank = null;
            int filled = 0;
            var fieldSlots = plan.Of(t.Table).Fields;
            for (int k = 0; k < fieldSlots.Length; k++)
                if (values.Printed(fieldSlots[k])) { if (!values.HasValue[fieldSlots[k]]) (blank ??= []).Add(t.Table.Fields[k]); else filled++; }
            // "Otherwise filled": most of the table holds numbers, so a blank is a gap rather than the table's way of writing 0.
            if (blank is not null && filled >= blank.Count * 2)
                findings.Add(new Finding("B1", Severity.Warning,
                    $"{where}{t.Table.Definition.Title}有 {blank.Count} 个空白单元格（其余已填写），校验时按 0 计",
                    $"{where}{blank.Count} blank cell(s) in an otherwise filled table ({t.Table.Id}); counted as 0 in the checks",
                    blank));
        }
        // (Only a dictionary with entries is enumerated: an empty one's enumerator through the interface is code the
        // precompiled build does not hold.)
        if (narrative is { Count: > 0 })
            foreach (var (field, said) in narrative)
                if (values.Get(field) is { } cell && cell.Value is decimal v && v != said && !CountsAlsoIncluded(template, field, v, said, values))
                    findings.Add(new Finding("T1", Severity.Warning,
                        $"{where}正文称 {Show(said)}，与表中 {field} = {Show(v)} 不一致",
                        $"{where}the narrative states {Show(said)} but the table gives {field} = {Show(v)}", [field]));
    }

    /// <summary>
    /// Whether an equation holds or is not checked (a side not printed, or no value on either side); the sums of its
    /// sides otherwise. The amounts are the report's whole counts (long) or its values (decimal).
    /// </summary>
    static bool Holds<T>(FieldValues values, T[] amounts, EquationPlan ep, bool optionalLhs, bool optionalRhs, out T l, out T r)
        where T : struct, System.Numerics.INumber<T>
    {
        r = T.Zero;
        if (!Sum(values, amounts, ep.LhsSlots, optionalLhs, out l, out int lhsCount, out bool lhsValue)
            || !Sum(values, amounts, ep.RhsSlots, optionalRhs, out r, out int rhsCount, out bool rhsValue)) return true;
        if (lhsCount == 0 || rhsCount == 0 || !lhsValue && !rhsValue) return true;
        return ep.Equation.Relation == Relation.Equal ? l == r : l <= r;
    }

    /// <summary>
    /// One side of an equation: its sum, how many fields it counts, whether any holds a value. False when a field the
    /// side needs is not printed; an optional side (a legacy total's parts) leaves such fields out.
    /// </summary>
    static bool Sum<T>(FieldValues values, T[] amounts, int[] slots, bool optional, out T sum, out int count, out bool anyValue)
        where T : struct, System.Numerics.INumber<T>
    {
        sum = T.Zero; count = 0; anyValue = false;
        var hasValue = values.HasValue;
        foreach (var s in slots)
        {
            if (!values.Printed(s)) { if (optional) continue; return false; }
            count++;
            if (hasValue[s]) { anyValue = true; sum += amounts[s]; }
        }
        return true;
    }

    /// <summary>The printed fields of one side, with their cells.</summary>
    static (string Field, CellValue Cell)[] Printed(FieldValues values, string[] fields, int[] slots, bool optional)
    {
        var list = new List<(string, CellValue)>(fields.Length);
        for (int k = 0; k < fields.Length; k++)
            if (values[slots[k]] is { } cv) list.Add((fields[k], cv));
            else if (!optional) throw new InvalidOperationException("a side that is not printed is not checked");
        return [.. list];
    }

    /// <summary>
    /// Blank cells are named once with their number (空 ×19), not one by one: a table read without its values would
    /// otherwise fill the message with "空 + 空 + …".
    /// </summary>
    static string Expression((string Field, CellValue Cell)[] side, string blank)
    {
        int blanks = side.Count(x => x.Cell.Value is null);
        if (blanks < 3) return string.Join(" + ", side.Select(x => Show(x.Cell.Value, blank)));
        return string.Join(" + ", side.Where(x => x.Cell.Value is not null).Select(x => Show(x.Cell.Value, blank)).Append($"{blank} ×{blanks}"));
    }

    /// <summary>A prose total that counts, with the field, the fields its cue may include (new plus carried over) agrees.</summary>
    static bool CountsAlsoIncluded(CompiledTemplate template, string field, decimal value, decimal said, FieldValues values)
    {
        foreach (var cue in template.Definition.Narrative)
        {
            if (cue.Field != field || cue.MayInclude.Length == 0) continue;
            decimal sum = value;
            foreach (var other in cue.MayInclude)
                if (values.Get(other) is { } c) sum += c.Value ?? 0;
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
            var sections = template.Definition.Sections;
            var words = SectionWords.GetValue(template, t => [.. t.Definition.Sections.Select(s => s.Words.Select(LayoutText.FoldLabel).ToArray())]);
            for (int k = 0; k < sections.Count; k++)
            {
                var section = sections[k];
                bool present = false;
                foreach (var w in words[k])
                    if (compact.Contains(w, StringComparison.Ordinal)) { present = true; break; }
                if (present) continue;
                findings.Add(new Finding("S1", Severity.Warning, $"缺少必备章节：{section.Name}", $"a required section is missing: {section.Name}", []));
            }
        }
    }

    /// <summary>Per template, each section's words folded once, not for every report.</summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompiledTemplate, string[][]> SectionWords = new();

    static string Show(decimal? v, string blank = "空") => v is null ? blank : v.Value.ToString("0.######", CultureInfo.InvariantCulture);
}

/// <summary>The template tables a parsed table was read from (for the checks that need the definitions).</summary>
public sealed record TableMatchInfo(CompiledTable Table);
