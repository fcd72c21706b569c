using System.CommandLine;
using System.Text;
using Ogi.Render;

namespace Ogi.Cli;

/// <summary>`ogi render DATA.json`: canonical values → the complete report in the official format.</summary>
public static class RenderCommand
{
    static readonly string[] Formats = ["html", "md", "txt", "docx"];

    public static Command Create()
    {
        var data = new Argument<string>("data") { Description = "JSON with template, metadata, values (what `ogi parse --json` writes) and optionally \"sections\": {\"一、总体情况\": \"…\"}" };
        var template = new Option<string?>("--template", "-t") { Description = "gov2021 | gov2019 | legacy (default: the data's own template)" };
        var format = new Option<string>("--format", "-f") { Description = "html | md | txt | docx", DefaultValueFactory = _ => "html" };
        var output = new Option<string?>("--out", "-o") { Description = "the file to write (default: standard output; for docx, DATA with .docx unless that exists)" };
        var cmd = new Command("render", "write a report in the official format from its canonical values: the six sections, tables 二/三/四 or the legacy 统计表")
            { data, template, format, output };
        cmd.SetAction(r => Run(r.GetValue(data)!, r.GetValue(template), r.GetValue(format)!, r.GetValue(output)));
        return cmd;
    }

    static int Run(string dataPath, string? templateId, string format, string? output)
    {
        format = format.ToLowerInvariant();
        if (!Formats.Contains(format)) { Console.Error.WriteLine($"ogi render: unknown format {format}: html, md, txt or docx"); return 2; }
        if (templateId is not null && templateId is not ("gov2021" or "gov2019" or "legacy"))
        { Console.Error.WriteLine($"ogi render: unknown template {templateId}: gov2021, gov2019 or legacy"); return 2; }
        ReportContent content;
        try
        {
            var info = new FileInfo(dataPath);
            if (Directory.Exists(dataPath)) { Console.Error.WriteLine($"ogi render: {dataPath} is a folder; render reads one JSON file, what `ogi parse --json` writes"); return 2; }
            if (!info.Exists) { Console.Error.WriteLine($"ogi render: {dataPath}: no such file"); return 2; }
            if (info.Length > 16 * 1024 * 1024) { Console.Error.WriteLine($"ogi render: {dataPath}: too large for report data"); return 2; }
            var json = File.ReadAllText(dataPath, Encoding.UTF8);
            // A report given where its data belongs (render report.txt) is told so in words, not by a JSON reader's error.
            if (json.TrimStart('\uFEFF', ' ', '\t', '\r', '\n') is not ['{', ..])
            {
                Console.Error.WriteLine($"ogi render: {dataPath} is not JSON; render reads the JSON `ogi parse --json` writes (to read a report, use ogi parse)");
                return 2;
            }
            content = ReportContent.FromJson(json, templateId);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ogi render: {dataPath}: {e.Message.Split('\n')[0]}");
            return 2;
        }

        List<Ogi.Validate.Finding> findings;
        List<string> unknown;
        var warnings = new List<string>();
        RenderedReport report;
        try
        {
            findings = ContentCheck.Check(content, out unknown);
            report = ReportComposer.Compose(content, warnings: warnings);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"ogi render: {dataPath}: {e.Message.Split('\n')[0]}");
            return 2;
        }
        foreach (var f in findings) Console.Error.WriteLine($"ogi render: warning: {f.Rule} {f.Severity}: {f.Message}");
        if (unknown.Count > 0)
            Console.Error.WriteLine($"ogi render: warning: {unknown.Count} field(s) not in template {content.Template}, not rendered: {string.Join(", ", unknown.Take(5))}{(unknown.Count > 5 ? ", …" : "")}");
        foreach (var w in warnings) Console.Error.WriteLine($"ogi render: note: {w}");

        byte[] bytes = format switch
        {
            "docx" => DocxReportWriter.Write(report),
            "md" => Encoding.UTF8.GetBytes(MarkdownReportWriter.Write(report)),
            "txt" => Encoding.UTF8.GetBytes(TextReportWriter.Write(report)),
            _ => Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report)),
        };
        if (output is null && format == "docx")
        {
            // Beside the data, but never over an existing file: data parsed from report.docx sits next to it.
            output = Path.ChangeExtension(dataPath, ".docx");
            if (File.Exists(output)) { Console.Error.WriteLine($"ogi render: {output} exists; give --out (-o) to choose the file"); return 2; }
        }
        if (output is not null && output != "-" && Path.GetFullPath(output) == Path.GetFullPath(dataPath))
        { Console.Error.WriteLine($"ogi render: --out {output} is the data file itself"); return 2; }
        try
        {
            if (output is null or "-")
            {
                using var stdout = Console.OpenStandardOutput();
                stdout.Write(bytes);
            }
            else
            {
                File.WriteAllBytes(output, bytes);
                Console.Error.WriteLine($"ogi render: wrote {output}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"ogi render: {output}: cannot write: {e.Message.Split('\n')[0]}");
            return 2;
        }
        return 0;
    }
}
