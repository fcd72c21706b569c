using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store.Answers;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Pages;

/// <summary>
/// /dashboard/download?place=&amp;year=&amp;table=ID&amp;format=csv|xlsx: a dashboard table as the page shows it, in
/// the request's language, with two header rows as `ogi export` writes them (the label, then the column id). XLSX
/// without a table: every table, one sheet each. A bad question: 400 with one line.
/// </summary>
public sealed class DashboardDownloadModel(DashboardAnswers answers, Text T) : PageModel
{
    public IActionResult OnGet(string? place, string? year, string? table, string? format)
    {
        format = (format ?? "csv").Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx")) return Refuse(T.Format("dashboard.bad_format", format));
        if (table is not null && !DashboardAnswers.TableIds.Contains(table)) return Refuse(T.Format("dashboard.bad_table", table));
        if (table is null && format == "csv") return Refuse(T["dashboard.csv_table"]);
        DashboardView view;
        try { view = answers.View(place, year); }
        catch (DashboardInputException e) { return Refuse(T.Format(e.Key, e.Value)); }
        var tables = view.Tables.Where(t => table is null || t.Id == table).ToList();
        if (tables.Count == 0) return Refuse(T.Format("dashboard.bad_table", table));
        var name = $"ogi-dashboard-{view.Place ?? "national"}{(view.Year is { } y ? "-" + y : "")}{(table is null ? "" : "-" + table)}.{format}";
        using var output = new MemoryStream();
        if (format == "csv")
        {
            // With a byte order mark: Excel opens UTF-8 Chinese text only so.
            using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
            using (var csv = CsvWriter.Create(writer, null, true))
            {
                var t = tables[0];
                foreach (var c in t.Columns) csv.WriteField(c.Header);
                csv.EndRecord();
                foreach (var c in t.Columns) csv.WriteField(c.Id);
                csv.EndRecord();
                foreach (var row in t.Rows)
                {
                    foreach (var cell in row.Cells) csv.WriteField(DashboardAnswers.Plain(cell));
                    csv.EndRecord();
                }
            }
            return File(output.ToArray(), "text/csv; charset=utf-8", name);
        }
        CorpusExport.WriteXlsxSheets(tables.Select(t => (t.Title, (IReadOnlyList<string>)t.Columns.Select(c => c.Id).ToList(),
            (IReadOnlyList<string>)t.Columns.Select(c => c.Header).ToList(), t.Rows.Select(r => r.Cells.ToArray()))), output);
        return File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    ContentResult Refuse(string message) => new() { StatusCode = StatusCodes.Status400BadRequest, Content = message, ContentType = "text/plain; charset=utf-8" };
}
