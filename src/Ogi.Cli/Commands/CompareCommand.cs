using System.CommandLine;
using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Cli;

/// <summary>`ogi compare A B`: two reports (ids or SHA-256 prefixes), or with --agency one agency's two years, side by side with deltas and the findings of each.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "report id or SHA-256 prefix (8+ hex digits); a year with --agency" };
        var b = new Argument<string>("b") { Description = "the other report, or year" };
        var db = new FilterOptions().Db;
        var agency = new Option<string?>("--agency", "-a") { Description = "A and B are years of this agency's series (id or name)" };
        var changed = new Option<bool>("--changed") { Description = "only the fields that differ" };
        var format = new Option<string>("--format") { Description = "table | csv | jsonl", DefaultValueFactory = _ => "table" };
        var cmd = new Command("compare", "two reports, or one agency's two years, side by side: every field with A, B and the delta, and the findings of each")
            { a, b, db, agency, changed, format };
        cmd.SetAction(r => FilterOptions.Answer("compare", () =>
        {
            var fmt = AnswerOutput.Format(r.GetValue(format)!);
            using var store = StoreOpener.Open(r.GetValue(db)!);
            var (ra, rb) = Resolve(store.Queries, r.GetValue(a)!, r.GetValue(b)!, r.GetValue(agency));
            Write(ReportComparison.Of(ra, rb), r.GetValue(changed), fmt, Console.Out);
            return 0;
        }));
        return cmd;
    }

    /// <summary>The two reports asked for; <see cref="AnswerException"/> naming the one that is not there.</summary>
    public static (ReportRecord A, ReportRecord B) Resolve(IReportQueries queries, string a, string b, string? agency)
    {
        if (agency is null)
            return (queries.Report(a) ?? throw new AnswerException($"no report '{a}' (an id, or 8+ hex digits of its SHA-256)"),
                    queries.Report(b) ?? throw new AnswerException($"no report '{b}' (an id, or 8+ hex digits of its SHA-256)"));
        var id = queries.FindAgency(agency) ?? throw new AnswerException($"no agency '{agency}' (or more than one has that in its name)");
        var series = queries.Series(id);
        ReportRecord Year(string text)
        {
            if (!int.TryParse(text, out var year)) throw new AnswerException($"with --agency, '{text}' must be a year");
            var of = series.Where(s => s.Year == year).ToList();
            return of.Count switch
            {
                1 => of[0],
                0 => throw new AnswerException($"{agency} has no report for {year} (years: {string.Join(", ", series.Select(s => s.Year).Distinct())})"),
                _ => throw new AnswerException($"{agency} has {of.Count} reports for {year} (ids {string.Join(", ", of.Select(s => s.Id))}): compare them by id"),
            };
        }
        return (Year(a), Year(b));
    }

    public static void Write(ReportComparison c, bool changedOnly, string format, TextWriter output)
    {
        var rows = c.Rows.Where(x => !changedOnly || x.Changed);
        if (format == "table")
        {
            foreach (var (tag, r) in new[] { ("A", c.A), ("B", c.B) })
                output.WriteLine($"{tag}: #{r.Id} {r.AgencyName ?? r.AgencyAsPrinted} {r.Year} {r.Template} {r.FileName}");
            output.WriteLine();
        }
        AnswerOutput.Write(format, ["field", "label", "a", "b", "delta"], ["字段", "名称", "A", "B", "增减"],
            rows.Select(x => new object?[] { x.Field, x.Label, Cell(x.A, x.InA), Cell(x.B, x.InB), x.Delta }), output);
        var findings = new[] { ("A", c.A), ("B", c.B) }.SelectMany(p => p.Item2.Findings.Select(f => new object?[]
            { p.Item1, f.Rule, f.Severity, f.Review, string.Join(",", f.Fields), f.Message })).ToList();
        if (format == "table") output.WriteLine();
        if (format == "csv" && findings.Count > 0) output.WriteLine();
        if (findings.Count > 0 || format == "table")
            AnswerOutput.Write(format, ["report", "rule", "severity", "review", "fields", "message"], ["报告", "规则", "级别", "审核", "字段", "说明"], findings, output);
    }

    /// <summary>A blank cell shows as —, an unprinted row as nothing; both are null in CSV and JSON.</summary>
    static object? Cell(decimal? value, bool printed) => value is { } v ? v : printed ? "—" : null;
}
