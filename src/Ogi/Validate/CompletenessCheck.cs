using Ogi.Parsing;
using Ogi.Templates;

namespace Ogi.Validate;

/// <summary>
/// Whether the report's statistics were read at all (FIELDS.md U1, V1). A table of the template that no text
/// matched, or a table of which only some rows were found, is U1: the finding names what was not read. A table
/// whose labels are printed but whose every cell is blank (values lost to images or scripts) is V1, once for the
/// table: the per-row findings its empty cells raised say nothing more and are dropped.
/// </summary>
public static class CompletenessCheck
{
    /// <summary>A form whose rows a report may print in part (the 2008 统计表): only a fragment of it is U1.</summary>
    const int FragmentShare = 3;

    /// <summary>The check over the main table's cells placed by the template's plan (the parse has placed them for validation).</summary>
    internal static void Check(CompiledTemplate template, FieldValues? values, List<Finding> findings)
    {
        var main = values?.Table;
        List<CompiledTable>? missingTables = null;
        foreach (var slot in template.Slots)
        {
            var first = slot[0];
            CompiledTable? table = null;
            if (main is not null)
                foreach (var d in main.Definitions) if (d.Id == first.Id) { table = d; break; }
            if (table is null) { (missingTables ??= []).Add(first); continue; }
            // A table of the main table's definitions the template does not hold: placed by a plan of its own.
            var v = values!;
            if (!v.Plan.Has(table)) v = RulePlan.For(template, [new TableMatchInfo(table)]).Place(main!);
            var tablePlan = v.Plan.Of(table);
            List<CompiledRow>? notRead = null;
            foreach (var (row, columns) in tablePlan.Rows)
            {
                bool any = false;
                foreach (var s in columns) if (v[s] is not null) { any = true; break; }
                if (!any) (notRead ??= []).Add(row);
            }
            int rowCount = tablePlan.Rows.Length, notReadCount = notRead?.Count ?? 0;
            bool partial = table.Definition.RowsOptional ? (rowCount - notReadCount) * FragmentShare < rowCount : notReadCount > 0;
            if (partial)
                findings.Add(new Finding("U1", Severity.Warning,
                    $"{table.Definition.Title}只读到 {rowCount - notReadCount} 行，未读到 {notReadCount} 行：{Names(notRead ?? [])}",
                    $"{table.Id}: only {rowCount - notReadCount} of {rowCount} rows were read; not read: {Names(notRead ?? [])}",
                    (notRead ?? []).SelectMany(r => r.Columns).Select(c => c.Field).ToList()));
            // The table's read cells, all blank? The first cell of each field answers at once when one holds a value;
            // otherwise every cell of the table's fields is looked at (a field printed twice, blank first).
            bool anyRead = false, anyValue = false;
            foreach (var s in tablePlan.Fields)
                if (v[s] is { } first1) { anyRead = true; if (first1.Value is not null) { anyValue = true; break; } }
            if (anyRead && !anyValue)
                foreach (var c in main!.Cells)
                    if (table.FieldSet.Contains(c.Field) && c.Value is not null) { anyValue = true; break; }
            if (anyRead && !anyValue)
            {
                var fields = new HashSet<string>();
                for (int k = 0; k < table.Fields.Length; k++) if (v[tablePlan.Fields[k]] is not null) fields.Add(table.Fields[k]);
                findings.RemoveAll(f => f.Rule is "G1" or "B1" && f.Fields.Count > 0 && f.Fields.All(fields.Contains));
                findings.Add(new Finding("V1", Severity.Warning,
                    $"{table.Definition.Title}印有栏目但没有任何数值（{fields.Count} 个单元格均为空，数值可能是图片或脚本）",
                    $"{table.Id}: the labels are printed but no values ({fields.Count} cells all blank: the values may be images or scripts)",
                    fields.ToList()));
            }
        }
        if (missingTables is not null)
            findings.Add(new Finding("U1", Severity.Warning,
                $"未读到统计表：{string.Join("、", missingTables.Select(t => t.Definition.Title))}",
                $"statistics table(s) not read: {string.Join(", ", missingTables.Select(t => t.Id))}",
                missingTables.SelectMany(t => t.Fields).Distinct().ToList()));
    }

    static string Names(List<CompiledRow> rows) =>
        string.Join("、", rows.Take(6).Select(r => r.Label)) + (rows.Count > 6 ? $" 等 {rows.Count} 行" : "");

    /// <summary>Whether the findings say that part of the report was not read (U1, V1, or D1: a document decoding could not
    /// read, such as a scan without OCR): no clean result.</summary>
    public static bool NotFullyRead(IEnumerable<Finding> findings) => findings.Any(f => f.Rule is "U1" or "V1" or "D1");
}
