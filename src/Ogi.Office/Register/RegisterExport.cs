using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Ogi.Office.Register;

/// <summary>
/// The register written as the spreadsheet offices keep: one row an application, its state in columns whose Chinese
/// names <see cref="RegisterImport"/> knows (Data/columns.tsv), so that `register import` reads it back to the same
/// applications (who recorded each event and when is the database's, not the file's; a consultation's party is not
/// written). Several 补正 or consultations: their dates in one cell, separated by "；"; appeals: one case a part,
/// "case route filed [result decided]".
/// </summary>
public static class RegisterExport
{
    public const string ListSeparator = "；";

    /// <summary>The columns: the field's key (columns.tsv) and the header written.</summary>
    public static readonly IReadOnlyList<(string Field, string Header)> Columns =
    [
        ("reference", "申请编号"), ("applicant", "申请人类型"), ("applicant_name", "申请人姓名"), ("channel", "申请方式"),
        ("received", "收到申请日期"), ("subject", "申请内容"), ("unit", "承办单位"),
        ("supplement_requested", "补正告知日期"), ("supplement_received", "补正提交日期"),
        ("consultation_started", "征求意见日期"), ("consultation_ended", "征求意见结束日期"),
        ("extended", "延期日期"), ("extension_days", "延期工作日"), ("approved_by", "延期批准人"),
        ("replied", "答复日期"), ("outcome", "答复结果"), ("reason", "备注"), ("appeals", "复议诉讼"),
    ];

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    static string Days(IEnumerable<DateOnly?> days) => string.Join(ListSeparator, days.OfType<DateOnly>().Select(Day));
    static string Name(IReadOnlyList<Term> terms, string? key) => key is null ? "" : RegisterTerms.Find(terms, key)?.Name ?? key;

    /// <summary>One application's cells, by field; dates as yyyy-mm-dd.</summary>
    public static Dictionary<string, string> Cells(ApplicationState a)
    {
        foreach (var c in a.Appeals.Where(c => c.Case.Any(char.IsWhiteSpace) || c.Case.Contains(ListSeparator, StringComparison.Ordinal)))
            throw new RegisterException($"application {a.Reference}: case number '{c.Case}' has a space or {ListSeparator}, which the appeals cell cannot hold");
        return new Dictionary<string, string>
        {
            ["reference"] = a.Reference, ["applicant"] = Name(RegisterTerms.ApplicantTypes, a.Applicant), ["applicant_name"] = a.ApplicantName ?? "",
            ["channel"] = Name(RegisterTerms.Channels, a.Channel), ["received"] = Day(a.Received), ["subject"] = a.Subject, ["unit"] = a.Unit ?? "",
            ["supplement_requested"] = Days(a.Supplements.Select(s => (DateOnly?)s.Requested)), ["supplement_received"] = Days(a.Supplements.Select(s => s.Supplied)),
            ["consultation_started"] = Days(a.Consultations.Select(s => (DateOnly?)s.From)), ["consultation_ended"] = Days(a.Consultations.Select(s => s.To)),
            ["extended"] = a.ExtendedOn is DateOnly x ? Day(x) : "", ["extension_days"] = a.ExtendedOn is null ? "" : a.ExtensionDays.ToString(CultureInfo.InvariantCulture),
            ["approved_by"] = a.ExtensionApprovedBy ?? "",
            ["replied"] = a.Replied is DateOnly r ? Day(r) : "", ["outcome"] = Name(RegisterTerms.Outcomes, a.Outcome), ["reason"] = a.Reason ?? "",
            ["appeals"] = string.Join(ListSeparator, a.Appeals.Select(c => $"{c.Case} {Name(RegisterTerms.AppealRoutes, c.Route)} {Day(c.Filed)}"
                + (c.Result is null ? "" : $" {Name(RegisterTerms.AppealResults, c.Result)} {Day(c.Decided!.Value)}"))),
        };
    }

    /// <summary>CSV, UTF-8 with a byte-order mark (so that Excel opens the Chinese right), a header line then one line an application.</summary>
    public static void WriteCsv(IEnumerable<ApplicationState> register, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        using var csv = CsvWriter.Create(writer, null, true);
        foreach (var (_, header) in Columns) csv.WriteField(header);
        csv.EndRecord();
        foreach (var a in register)
        {
            var cells = Cells(a);
            foreach (var (field, _) in Columns) csv.WriteField(cells[field]);
            csv.EndRecord();
        }
    }

    /// <summary>XLSX: the header row, then one row an application; single dates as Excel dates, lists as text.</summary>
    public static void WriteXlsx(IEnumerable<ApplicationState> register, Stream output)
    {
        static object? Value(string field, string cell) => cell.Length == 0 ? null
            : field is "received" or "replied" or "extended" ? DateTime.ParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : field == "extension_days" ? int.Parse(cell, CultureInfo.InvariantCulture)
            : cell;
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            yield return Columns.ToDictionary(c => c.Field, c => (object?)c.Header);
            foreach (var a in register)
            {
                var cells = Cells(a);
                yield return Columns.ToDictionary(c => c.Field, c => Value(c.Field, cells[c.Field]));
            }
        }
        output.SaveAs(Rows(), printHeader: false, sheetName: "登记表", excelType: ExcelType.XLSX);
    }
}
