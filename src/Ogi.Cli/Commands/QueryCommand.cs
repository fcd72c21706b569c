using System.CommandLine;
using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Cli;

/// <summary>`ogi query`: the stored reports the filter takes, one line each, with the fields asked for.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var filter = new FilterOptions();
        var fields = new Option<string[]>("--fields", "-f") { Description = "fields to show beside each report (comma-separated or repeated)" };
        var format = new Option<string>("--format") { Description = "table | csv | jsonl (jsonl: the whole report, OUTPUT.md-like)", DefaultValueFactory = _ => "table" };
        var limit = new Option<int?>("--limit", "-n") { Description = "at most this many reports" };
        var cmd = new Command("query", "list the stored reports a filter takes: agency, place, level, year, template, rule broken, reviewed, late, field comparisons");
        filter.AddTo(cmd);
        cmd.Options.Add(fields);
        cmd.Options.Add(format);
        cmd.Options.Add(limit);
        cmd.SetAction(r => FilterOptions.Answer("query", () =>
        {
            var f = filter.Read(r);
            var asked = (r.GetValue(fields) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(FieldCatalog.Require).Distinct().ToList();
            var fmt = AnswerOutput.Format(r.GetValue(format)!);
            if (r.GetValue(limit) is < 0) throw new AnswerException("--limit must not be negative");
            using var store = StoreOpener.Open(r.GetValue(filter.Db));
            Run(store.Queries, f, asked, fmt, r.GetValue(limit), Console.Out);
            return 0;
        }));
        return cmd;
    }

    public static void Run(IReportQueries queries, ReportFilter filter, IReadOnlyList<string> fields, string format, int? limit, TextWriter output)
    {
        // The comparisons' fields are loaded too, so that the table can show why a report was taken.
        var load = format == "jsonl" ? null : fields.Concat(filter.Comparisons.Select(c => c.Field)).Distinct().ToList();
        var reports = queries.Reports(filter, load);
        if (limit is { } n) reports = reports.Take(n);
        if (format == "jsonl")
        {
            ReportJson.WriteLines(reports, output);
            return;
        }
        string[] ids = ["id", "year", "agency", "place_code", "template", "findings", .. fields];
        string[] headers = ["id", "年度", "机关", "区划", "格式", "发现", .. fields];
        AnswerOutput.Write(format, ids, headers, reports.Select(r => (object?[])
            [r.Id, r.Year, r.AgencyName ?? r.AgencyAsPrinted, r.PlaceCode, r.Template, string.Join(' ', r.Findings.Select(x => x.Rule).Distinct()),
             .. fields.Select(x => r.Values.TryGetValue(x, out var v) ? (object?)v : null)]), output);
    }
}
