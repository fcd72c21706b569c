using System.CommandLine;
using System.Text.Json.Nodes;
using Ogi.Office.Register;
using Ogi.Office.Rollup;

namespace Ogi.Cli;

/// <summary>
/// `ogi rollup --parent P --year Y`: the summary report of a district or city from its sub-units' reports (`ogi agency
/// set UNIT --parent P` makes the link), validated and rendered as `ogi render` renders; the sub-units whose report is
/// missing or breaks a rule are listed.
/// </summary>
public static class RollupCommand
{
    public static Command Create()
    {
        var parent = new Option<string>("--parent", "-p") { Description = "the district or city (its name, or its id in the database)", Required = true };
        var year = new Option<int>("--year") { Description = "the report year (2019 on)", Required = true };
        var published = new Option<string?>("--published") { Description = "the publication date printed under the report (yyyy-mm-dd)" };
        var format = new Option<string>("--format", "-f") { Description = "html | md | txt | docx", DefaultValueFactory = _ => "html" };
        var output = new Option<string?>("--out", "-o") { Description = "the file to write (default: standard output; docx needs it)" };
        var json = new Option<bool>("--json") { Description = "the report's data as `ogi parse --json` gives it, with its sub-units (source, problems) and notes" };
        var db = Database.Option();
        var cmd = new Command("rollup", "the summary report of a district or city from its sub-units' reports (corpus or register), validated and rendered")
            { parent, year, published, format, output, json, db };
        cmd.SetAction(r => RegisterCommand.Run("rollup", r.GetValue(db), null, register =>
        {
            var f = r.GetValue(format)!.ToLowerInvariant();
            if (f is not ("html" or "md" or "txt" or "docx")) throw new RegisterException($"unknown format {f}: html, md, txt or docx");
            if (f == "docx" && r.GetValue(output) is null && !r.GetValue(json)) throw new RegisterException("a Word file needs --out FILE");
            var parentId = register.Agency(r.GetValue(parent)!);
            var units = ReportRollup.Gather(register, parentId, r.GetValue(year));
            if (units.Count == 0)
                throw new RegisterException($"{register.AgencyName(parentId)} has no sub-units (ogi agency set UNIT --parent \"{register.AgencyName(parentId)}\")");
            var report = ReportRollup.Compile(register.AgencyName(parentId), r.GetValue(year), units, RegisterCommand.Date(r.GetValue(published), "--published"));
            foreach (var u in units)
                Console.Error.WriteLine($"ogi rollup: {u.Agency}: {(u.Summed ? "summed, from " + u.Source + (u.File is null ? "" : $" ({u.File})") : u.Source == UnitSource.Missing ? "MISSING" : "not summed")}"
                    + string.Concat(u.Problems.Select(p => "; " + p)));
            foreach (var x in report.Findings) Console.Error.WriteLine($"ogi rollup: warning: {x.Rule} {x.Severity}: {x.Message}");
            foreach (var n in report.Notes) Console.Error.WriteLine($"ogi rollup: note: {n}");
            JsonObject? doc = null;
            if (r.GetValue(json))
            {
                doc = CompileCommand.Document(report.Content, report.Findings, report.Notes);
                doc["units"] = new JsonArray(units.Select(u => (JsonNode)new JsonObject
                {
                    ["agency"] = u.Agency, ["source"] = u.Source, ["summed"] = u.Summed, ["template"] = u.Template, ["file"] = u.File,
                    ["problems"] = new JsonArray(u.Problems.Select(p => (JsonNode)p).ToArray()),
                }).ToArray());
            }
            CompileCommand.Emit("rollup", report.Content, doc, f, r.GetValue(output));
        }));
        return cmd;
    }
}
