using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ogi.Office.Compile;
using Ogi.Office.Register;
using Ogi.Render;

namespace Ogi.Cli;

/// <summary>
/// `ogi compile --agency A --year Y`: the annual report from the register (tables 三 and 四), the office's figures
/// (table 二) and text (the sections), checked by the engine's rules and rendered as `ogi render` renders.
/// </summary>
public static class CompileCommand
{
    public static Command Create()
    {
        var agency = RegisterCommand.AgencyOption(required: true);
        var year = new Option<int>("--year") { Description = "the report year (2019 on)", Required = true };
        var figures = new Option<string?>("--figures") { Description = "table 二's figures: a JSON object of field → number ({\"proactive.rules.issued\": 2, …}), or CSV lines field,value" };
        var text = new Option<string?>("--text") { Description = "the sections' text: a Markdown or text file whose lines 一、总体情况 … 六、其他需要报告的事项 start each section" };
        var published = new Option<string?>("--published") { Description = "the publication date printed under the report (yyyy-mm-dd)" };
        var format = new Option<string>("--format", "-f") { Description = "html | md | txt | docx", DefaultValueFactory = _ => "html" };
        var output = new Option<string?>("--out", "-o") { Description = "the file to write (default: standard output; docx needs it)" };
        var json = new Option<bool>("--json") { Description = "the report's data as `ogi parse --json` gives it (OUTPUT.md), with late answers and notes" };
        var explain = new Option<string?>("--explain") { Description = "list the applications one number counts (a field id, e.g. applications.granted.natural), or `late`: the answers given after their due date" };
        var db = Database.Option();
        var cmd = new Command("compile", "the annual report of an agency compiled from its register, validated and rendered")
            { agency, year, figures, text, published, format, output, json, explain, db };
        cmd.SetAction(r => RegisterCommand.Run("compile", r.GetValue(db), null, register =>
            Compile(register, r.GetValue(agency)!, r.GetValue(year), r.GetValue(figures), r.GetValue(text), r.GetValue(published),
                r.GetValue(format)!.ToLowerInvariant(), r.GetValue(output), r.GetValue(json), r.GetValue(explain))));
        return cmd;
    }

    static void Compile(OfficeRegister register, string agencyName, int year, string? figuresFile, string? textFile, string? published,
        string format, string? output, bool json, string? explain)
    {
        if (format is not ("html" or "md" or "txt" or "docx")) throw new RegisterException($"unknown format {format}: html, md, txt or docx");
        if (format == "docx" && output is null && !json && explain is null) throw new RegisterException("a Word file needs --out FILE");
        var agencyId = register.Agency(agencyName);
        var input = new CompileInput
        {
            Figures = figuresFile is null ? new Dictionary<string, decimal?>() : CompileFiles.Figures(figuresFile),
            Sections = textFile is null ? new Dictionary<string, string>() : CompileFiles.Sections(textFile, ReportCompiler.TemplateFor(year)),
            Published = RegisterCommand.Date(published, "--published"),
            Previous = register.PreviousReport(agencyId, year),
            Due = a => a.Due(),
        };
        var report = ReportCompiler.Compile(register.Applications(agencyId), register.AgencyName(agencyId), year, input);
        if (explain == "late")
        {
            Console.WriteLine($"late = {report.Late.Count}");
            foreach (var l in report.Late) Console.WriteLine($"  {Late(l)}");
            return;
        }
        if (explain is not null)
        {
            if (!report.Counts.TryGetValue(explain, out var counted))
                throw new RegisterException($"{explain} is no field of tables 三 and 四 (e.g. applications.new.total, appeals.review.upheld)");
            Console.WriteLine($"{explain} = {counted.Count}");
            foreach (var c in counted) Console.WriteLine($"  {c.Reference}{(c.Case is null ? "" : " case " + c.Case)}: {c.Why}");
            return;
        }
        foreach (var f in report.Findings) Console.Error.WriteLine($"ogi compile: warning: {f.Rule} {f.Severity}: {f.Message}");
        foreach (var n in report.Notes) Console.Error.WriteLine($"ogi compile: note: {n}");
        int answeredLate = report.Late.Count(l => l.Replied is not null);
        Console.Error.WriteLine($"ogi compile: late in {year}: {answeredLate} answer(s) given after their due date, {report.Late.Count - answeredLate} still open past it at the year's end"
            + (report.Late.Count == 0 ? "" : " (--explain late lists them)"));
        Emit("compile", report.Content, json ? Json(report) : null, format, output);
    }

    /// <summary>A report written as `ogi render` writes it (or its JSON document), to the file or standard output.</summary>
    internal static void Emit(string command, ReportContent content, JsonObject? json, string format, string? output)
    {
        byte[] bytes;
        if (json is not null) bytes = Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        else
        {
            var rendered = ReportComposer.Compose(content);
            bytes = format switch
            {
                "docx" => DocxReportWriter.Write(rendered),
                "md" => Encoding.UTF8.GetBytes(MarkdownReportWriter.Write(rendered)),
                "txt" => Encoding.UTF8.GetBytes(TextReportWriter.Write(rendered)),
                _ => Encoding.UTF8.GetBytes(HtmlReportWriter.Write(rendered)),
            };
        }
        if (output is null or "-") { using var stdout = Console.OpenStandardOutput(); stdout.Write(bytes); return; }
        try { File.WriteAllBytes(output, bytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new RegisterException($"{output}: cannot write: {e.Message.Split('\n')[0]}"); }
        Console.Error.WriteLine($"ogi {command}: wrote {output}");
    }

    static string Late(LateAnswer l) => l.Replied is DateOnly d
        ? $"{l.Reference}: due {l.Due:yyyy-MM-dd}, answered {d:yyyy-MM-dd}, {l.WorkingDaysLate} working day(s) late"
        : $"{l.Reference}: due {l.Due:yyyy-MM-dd}, still open at the year's end, {l.WorkingDaysLate} working day(s) past it";

    /// <summary>The OUTPUT.md document of a report made here (no cells: nothing was read), with its findings, sections and notes.</summary>
    internal static JsonObject Document(ReportContent c, IReadOnlyList<Ogi.Validate.Finding> findings, IReadOnlyList<string> notes)
    {
        var values = new JsonObject();
        foreach (var (k, v) in c.Values) values[k] = v is decimal d ? JsonValue.Create(d) : null;
        return new JsonObject
        {
            ["template"] = c.Template,
            ["metadata"] = new JsonObject { ["title"] = c.DisplayTitle, ["agency"] = c.Agency, ["year"] = c.Year, ["published"] = c.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            ["values"] = values,
            ["cells"] = new JsonArray(),
            ["findings"] = new JsonArray(findings.Select(f => (JsonNode)new JsonObject
            {
                ["rule"] = f.Rule, ["severity"] = f.Severity, ["message"] = f.Message, ["message_en"] = f.MessageEn, ["fields"] = new JsonArray(f.Fields.Select(x => (JsonNode)x).ToArray()),
            }).ToArray()),
            ["sections"] = new JsonObject(c.Sections.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
            ["notes"] = new JsonArray(notes.Select(n => (JsonNode)n).ToArray()),
        };
    }

    /// <summary>The compiled report's document, with its late answers.</summary>
    static JsonObject Json(CompiledReport report)
    {
        var doc = Document(report.Content, report.Findings, report.Notes);
        doc["late_count"] = report.Late.Count(l => l.Replied is not null);
        doc["open_past_due_count"] = report.Late.Count(l => l.Replied is null);
        doc["late"] = new JsonArray(report.Late.Select(l => (JsonNode)new JsonObject
        {
            ["reference"] = l.Reference, ["due"] = OfficeRegister.Day(l.Due), ["replied"] = l.Replied is DateOnly d ? OfficeRegister.Day(d) : null, ["working_days_late"] = l.WorkingDaysLate,
        }).ToArray());
        return doc;
    }
}
