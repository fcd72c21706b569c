using System.CommandLine;
using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Cli;

/// <summary>`ogi stats FIELD… --by year|province|…`: count, sum, mean, median, P10, P90 of fields, and shares of reports breaking a rule, by group.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var filter = new FilterOptions(ruleOption: "--has-rule");
        var fields = new Argument<string[]>("fields") { Description = "canonical fields (applications.new.total …)", Arity = ArgumentArity.ZeroOrMore };
        var rules = new Option<string[]>("--rule", "-r") { Description = "share of reports with a finding of this rule (R1, P1 …), repeatable" };
        var by = new Option<string>("--by") { Description = "none | year | province | city | county | level | template", DefaultValueFactory = _ => "none" };
        var format = new Option<string>("--format") { Description = "table | csv | jsonl", DefaultValueFactory = _ => "table" };
        var cmd = new Command("stats", "count, sum, mean, median, P10/P90 (linear interpolation) of fields over the filtered reports, or the share breaking a rule, by group")
            { fields };
        filter.AddTo(cmd);
        cmd.Options.Add(rules);
        cmd.Options.Add(by);
        cmd.Options.Add(format);
        cmd.SetAction(r => FilterOptions.Answer("stats", () =>
        {
            var f = filter.Read(r);
            var asked = (r.GetValue(fields) ?? []).Select(FieldCatalog.Require).Distinct().ToList();
            var askedRules = (r.GetValue(rules) ?? []).Select(x => x.Trim().ToUpperInvariant()).Where(x => x.Length > 0).Distinct().ToList();
            if (asked.Count == 0 && askedRules.Count == 0) throw new AnswerException("name a field (applications.new.total) or a rule (--rule R1)");
            var grouping = Grouping(r.GetValue(by)!);
            var fmt = AnswerOutput.Format(r.GetValue(format)!);
            using var store = StoreOpener.Open(r.GetValue(filter.Db));
            Run(store.Queries, f, asked, askedRules, grouping, store.PlaceName, fmt, Console.Out);
            return 0;
        }));
        return cmd;
    }

    public static StatsGrouping Grouping(string by) =>
        Enum.TryParse<StatsGrouping>(by, ignoreCase: true, out var g) && !int.TryParse(by, out _) ? g
        : throw new AnswerException($"cannot group by '{by}' (none, year, province, city, county, level or template)");

    public static void Run(IReportQueries queries, ReportFilter filter, IReadOnlyList<string> fields, IReadOnlyList<string> rules,
        StatsGrouping grouping, Func<string, string?>? placeName, string format, TextWriter output)
    {
        var stats = new CorpusStats(fields, rules, grouping);
        stats.AddAll(queries.Facts(filter, fields, rules));
        if (fields.Count > 0)
            AnswerOutput.Write(format,
                ["group", "name", "field", "reports", "count", "sum", "mean", "median", "p10", "p90"],
                ["组", "名称", "字段", "报告数", "有值", "合计", "平均", "中位数", "P10", "P90"],
                stats.Fields(placeName).Select(s => new object?[] { s.Group, s.GroupName, s.Field, s.Reports, s.Count, s.Sum, s.Mean, s.Median, s.P10, s.P90 }),
                output);
        if (fields.Count > 0 && rules.Count > 0 && format != "jsonl") output.WriteLine(); // two tables, apart
        if (rules.Count > 0)
            AnswerOutput.Write(format,
                ["group", "name", "rule", "reports", "with_rule", "share"],
                ["组", "名称", "规则", "报告数", "有此发现", "占比"],
                stats.Rules(placeName).Select(s => new object?[] { s.Group, s.GroupName, s.Rule, s.Reports, s.WithRule, s.Share }),
                output);
    }
}
