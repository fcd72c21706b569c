using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Office.Compile;
using Ogi.Office.Register;
using Ogi.Render;
using Ogi.Web.Localization;
using Ogi.Web.Services;

namespace Ogi.Web.Pages.Register;

/// <summary>
/// /register/compile?agency=ID&amp;year=Y — the annual report compiled from the agency's register as `ogi compile`
/// compiles it (<see cref="ReportCompiler.Compile"/>: tables 三 and 四, the late answers beside them, the rules'
/// findings), shown as the official tables; <c>&amp;download=docx|html</c> gives the whole report as `ogi render` writes
/// it. Table 二's figures and the sections' text are the office's to add (the command line's --figures and --text):
/// here they are printed blank and as placeholders.
/// </summary>
[Authorize]
public sealed class CompileModel(RegisterDesk desk, Text T) : PageModel
{
    public long AgencyId { get; private set; }
    public string AgencyName { get; private set; } = "";
    public int Year { get; private set; }
    public CompiledReport? Report { get; private set; }
    public IReadOnlyList<GridTable> Tables { get; private set; } = [];
    public string? Error { get; private set; }

    public IActionResult OnGet(string? agency, string? year, string? download)
    {
        if (desk.Agency(agency) is not long id) return Problem(StatusCodes.Status404NotFound, T.Format("register.no_agency", agency ?? ""));
        AgencyId = id;
        AgencyName = desk.AgencyName(id);
        if (!int.TryParse(year, out var y)) return Problem(StatusCodes.Status400BadRequest, T.Format("register.bad_year", year));
        Year = y;
        if (download is not (null or "" or "docx" or "html")) return Problem(StatusCodes.Status400BadRequest, T.Format("register.bad_format", download));
        try
        {
            Report = ReportCompiler.Compile(desk.Register.Applications(id), AgencyName, y,
                new CompileInput { Previous = desk.Register.PreviousReport(id, y), Due = a => a.Due() });
        }
        catch (RegisterException e) { return Problem(StatusCodes.Status400BadRequest, T.Format("register.refused", e.Message)); }
        var rendered = ReportComposer.Compose(Report.Content);
        if (download is "docx" or "html")
        {
            var name = $"{AgencyName}{y}年政府信息公开工作年度报告.{download}";
            return download == "docx"
                ? File(DocxReportWriter.Write(rendered), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name)
                : File(Encoding.UTF8.GetBytes(HtmlReportWriter.Write(rendered)), "text/html; charset=utf-8", name);
        }
        // Tables 三 and 四: what the register decides. Table 二 holds the office's own figures, not given here.
        Tables = rendered.Blocks.OfType<TableBlock>().Select(b => b.Table).Where(t => t.Id is "applications" or "appeals").ToList();
        return Page();
    }

    IActionResult Problem(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    public string Download(string format) => $"/register/compile?agency={AgencyId}&year={Year}&download={format}";
}
