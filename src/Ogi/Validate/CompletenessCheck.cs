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

    public static void Check(CompiledTemplate template, ParsedTable? main, List<Finding> findings)
    {
        var read = main is null ? [] : new HashSet<string>(main.Cells.Count);
        if (main is not null) foreach (var c in main.Cells) read.Add(c.Field);
        var missingTables = new List<CompiledTable>();
        foreach (var slot in template.Tables.GroupBy(t => t.Id))
        {
            var table = main?.Definitions.FirstOrDefault(d => d.Id == slot.Key);
            if (table is null) { missingTables.Add(slot.First()); continue; }
            var rows = table.Rows.Where(r => !r.Group).ToList();
            var notRead = rows.Where(r => !r.Columns.Any(c => read.Contains(c.Field))).ToList();
            bool partial = table.Definition.RowsOptional ? (rows.Count - notRead.Count) * FragmentShare < rows.Count : notRead.Count > 0;
            if (partial)
                findings.Add(new Finding("U1", Severity.Warning,
                    $"{table.Definition.Title}只读到 {rows.Count - notRead.Count} 行，未读到 {notRead.Count} 行：{Names(notRead)}",
                    $"{table.Id}: only {rows.Count - notRead.Count} of {rows.Count} rows were read; not read: {Names(notRead)}",
                    notRead.SelectMany(r => r.Columns).Select(c => c.Field).ToList()));
            // The table's read cells, all blank? (One pass over the cells; the set of them only when the answer is yes.)
            bool anyRead = false, anyValue = false;
            foreach (var c in main!.Cells)
                if (table.FieldSet.Contains(c.Field)) { anyRead = true; if (c.Value is not null) { anyValue = true; break; } }
            if (anyRead && !anyValue)
            {
                var fields = table.Fields.Where(read.Contains).ToHashSet();
                findings.RemoveAll(f => f.Rule is "G1" or "B1" && f.Fields.Count > 0 && f.Fields.All(fields.Contains));
                findings.Add(new Finding("V1", Severity.Warning,
                    $"{table.Definition.Title}印有栏目但没有任何数值（{fields.Count} 个单元格均为空，数值可能是图片或脚本）",
                    $"{table.Id}: the labels are printed but no values ({fields.Count} cells all blank: the values may be images or scripts)",
                    fields.ToList()));
            }
        }
        if (missingTables.Count > 0)
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
