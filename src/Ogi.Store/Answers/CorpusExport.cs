using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Ogi.Store.Answers;

/// <summary>A column of an export: the Chinese header of the first header row and the id of the second.</summary>
public sealed record ExportColumn(string Id, string Header, Func<ReportRecord, object?> Value);

/// <summary>
/// The filtered corpus as a file: one row per report, one column per field, two header rows (the form's Chinese
/// label: 本年新收政府信息公开申请数量·自然人; then the field id). CSV (every field of the admitted templates in one
/// sheet), XLSX (a sheet of reports, then one sheet per table: 二, 三, 四 of gov2019/gov2021 and the legacy 统计表,
/// and the rows of tables the templates do not know) or JSON Lines (<see cref="ReportJson"/>).
/// Blank cells and unprinted rows are both empty cells in CSV and XLSX; JSON Lines keeps them apart (null, no key).
/// </summary>
public static class CorpusExport
{
    public const string ExtraId = "extra";

    /// <summary>The report's own columns, first in every export.</summary>
    public static readonly IReadOnlyList<ExportColumn> ReportColumns =
    [
        new("id", "报告编号", r => r.Id),
        new("sha256", "SHA-256", r => r.Sha256),
        new("file", "文件名", r => r.FileName),
        new("template", "格式", r => r.Template),
        new("title", "标题", r => r.Title),
        new("agency", "机关", r => r.AgencyName),
        new("agency_as_printed", "报告所署机关", r => r.AgencyAsPrinted),
        new("place_code", "区划代码", r => r.PlaceCode),
        new("level", "层级", r => r.IsDepartment ? "department" : r.PlaceLevel),
        new("year", "年度", r => r.Year),
        new("published", "发布日期", r => r.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("findings", "发现", r => string.Join(' ', r.Findings.Select(f => f.Rule).Distinct())),
    ];

    /// <summary>The columns that identify a report on the sheets of the tables, so they join with the sheet of reports.</summary>
    static readonly IReadOnlyList<ExportColumn> KeyColumns = [.. ReportColumns.Where(c => c.Id is "id" or "agency" or "agency_as_printed" or "year" or "template")];

    /// <summary>The fields the filter's reports can hold: its template's, or every template's.</summary>
    public static IReadOnlyList<FieldInfo> FieldsFor(ReportFilter filter) =>
        filter.Template is { } t ? [.. FieldCatalog.OfTemplate(t)] : FieldCatalog.All;

    /// <summary>CSV: the report columns, every field, and a last column with the rows the templates do not know (field=value; …).</summary>
    public static void WriteCsv(IEnumerable<ReportRecord> reports, IReadOnlyList<FieldInfo> fields, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, null, true);
        foreach (var c in ReportColumns) csv.WriteField(c.Header);
        foreach (var f in fields) csv.WriteField(f.Label);
        csv.WriteField("其他行");
        csv.EndRecord();
        foreach (var c in ReportColumns) csv.WriteField(c.Id);
        foreach (var f in fields) csv.WriteField(f.Field);
        csv.WriteField(ExtraId);
        csv.EndRecord();
        var known = fields.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var r in reports)
        {
            foreach (var c in ReportColumns) csv.WriteField(Text(c.Value(r)));
            foreach (var f in fields) csv.WriteField(r.Values.TryGetValue(f.Field, out var v) ? Decimals.Text(v) : "");
            csv.WriteField(string.Join("; ", r.Values.Where(kv => !known.Contains(kv.Key)).Select(kv => $"{kv.Key}={Decimals.Text(kv.Value)}")));
            csv.EndRecord();
        }
    }

    /// <summary>
    /// XLSX, streamed sheet by sheet: each sheet is its own query for its own fields (MiniExcel writes one sheet after
    /// the other), so a large corpus is never held in memory.
    /// </summary>
    public static void WriteXlsx(IReportQueries queries, ReportFilter filter, Stream output)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["报告"] = Sheet(ReportColumns, queries.Reports(filter, [])),
        };
        var extras = new List<(ReportRecord Report, string Field, decimal? Value)>();
        foreach (var table in FieldsFor(filter).GroupBy(f => f.Table))
        {
            var fields = table.ToList();
            var templates = fields.SelectMany(f => f.Templates).ToHashSet(StringComparer.Ordinal);
            bool legacy = templates.Contains("legacy");
            var known = fields.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
            var columns = KeyColumns.Concat(fields.Select(f => new ExportColumn(f.Field, f.Label,
                r => r.Values.TryGetValue(f.Field, out var v) ? Decimals.Plain(v) : null))).ToList();
            // The legacy sheet loads every value, so that the rows its template does not know are kept too (their own sheet).
            IEnumerable<ReportRecord> Reports()
            {
                foreach (var r in queries.Reports(filter, legacy ? null : known))
                {
                    if (!templates.Contains(r.Template)) continue;
                    if (legacy)
                        foreach (var (field, value) in r.Values)
                            if (!known.Contains(field)) extras.Add((r, field, value));
                    yield return r;
                }
            }
            sheets[SheetName(fields[0].TableTitle, sheets.Keys)] = Sheet(columns, Reports());
        }
        var extraColumns = KeyColumns.Concat([new ExportColumn("field", "字段", null!), new("label", "表中名称", null!), new("value", "数值", null!)]).ToList();
        sheets["其他行"] = ExtraRows(extraColumns, extras);
        output.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
    }

    static IEnumerable<Dictionary<string, object?>> Sheet(IReadOnlyList<ExportColumn> columns, IEnumerable<ReportRecord> reports)
    {
        yield return columns.ToDictionary(c => c.Id, c => (object?)c.Header);
        yield return columns.ToDictionary(c => c.Id, c => (object?)c.Id);
        foreach (var r in reports)
        {
            var row = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            foreach (var c in columns) row[c.Id] = c.Value(r);
            yield return row;
        }
    }

    /// <summary>Enumerated after the legacy sheet has been written, which collected them.</summary>
    static IEnumerable<Dictionary<string, object?>> ExtraRows(IReadOnlyList<ExportColumn> columns, List<(ReportRecord Report, string Field, decimal? Value)> extras)
    {
        yield return columns.ToDictionary(c => c.Id, c => (object?)c.Header);
        yield return columns.ToDictionary(c => c.Id, c => (object?)c.Id);
        foreach (var (report, field, value) in extras)
        {
            var row = KeyColumns.ToDictionary(c => c.Id, c => c.Value(report));
            row["field"] = field;
            row["label"] = FieldCatalog.LabelOf(field);
            row["value"] = Decimals.Plain(value);
            yield return row;
        }
    }

    /// <summary>
    /// Small tables as an XLSX workbook, one sheet each, with the export's two header rows (the label, then the column
    /// id) — the dashboard's downloads. Cells: string, decimal, long, int, double or null.
    /// </summary>
    public static void WriteXlsxSheets(IEnumerable<(string Title, IReadOnlyList<string> Ids, IReadOnlyList<string> Headers, IEnumerable<object?[]> Rows)> tables, Stream output)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (title, ids, headers, rows) in tables)
        {
            var columns = ids.Select((id, i) => new ExportColumn(id, headers[i], null!)).ToList();
            sheets[SheetName(title, sheets.Keys)] = Rows(columns, rows);
        }
        output.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);

        static IEnumerable<Dictionary<string, object?>> Rows(List<ExportColumn> columns, IEnumerable<object?[]> rows)
        {
            yield return columns.ToDictionary(c => c.Id, c => (object?)c.Header);
            yield return columns.ToDictionary(c => c.Id, c => (object?)c.Id);
            foreach (var row in rows) yield return columns.Select((c, i) => (c.Id, Value: row[i] is decimal d ? Decimals.Plain(d) : row[i])).ToDictionary(c => c.Id, c => c.Value);
        }
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique.</summary>
    static string SheetName(string title, IEnumerable<string> taken)
    {
        var name = new string(title.Where(c => ":\\/?*[]".IndexOf(c) < 0).ToArray());
        if (name.Length > 31) name = name[..31];
        var used = taken.ToHashSet();
        var unique = name;
        for (int i = 2; used.Contains(unique); i++) unique = name[..Math.Min(name.Length, 28)] + "(" + i + ")";
        return unique;
    }

    static string Text(object? value) => value switch
    {
        null => "",
        decimal d => Decimals.Text(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
