using Ogi.Office.Compile;
using Ogi.Office.Register;
using Ogi.Parsing;
using Ogi.Render;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// A register of 600 synthetic applications over 2022–2024 (补正, third-party consultations, extensions, carry-overs,
/// appeals by both routes), made here with a seeded RNG; the expected tables 三 and 四 are counted here over the test's
/// own list, and compile must give exactly them — and the rendered report, parsed back by the engine, the same values
/// with no rule broken. On SQLite and PostgreSQL.
/// </summary>
public class CompileTests
{
    static readonly string[] Applicants = ["natural", "commercial", "research", "nonprofit", "legal", "other_org"];
    static readonly string[] Channels = ["in_person", "online", "letter", "fax", "other"];
    // Table 三's result rows of gov2021, as FIELDS.md lists them (not read from the code under test).
    static readonly string[] Outcomes =
    [
        "granted", "partial", "withheld.state_secret", "withheld.law_prohibited", "withheld.security_stability", "withheld.third_party",
        "withheld.internal_affairs", "withheld.process_info", "withheld.enforcement_files", "withheld.query_matters",
        "unavailable.not_held", "unavailable.needs_creation", "unavailable.still_unclear", "not_processed.petition",
        "not_processed.repeated", "not_processed.publications", "not_processed.excessive", "not_processed.confirmation",
        "other_handling.no_correction", "other_handling.unpaid_fee", "other_handling.misc",
    ];
    static readonly string[] Routes = ["review", "litigation_direct", "litigation_after_review"];

    internal sealed record Case(string No, string Route, DateOnly Filed, string? Result, DateOnly? Decided);
    internal sealed record App(string Ref, string Applicant, string Channel, DateOnly Received, DateOnly? Replied, string? Outcome,
        List<RegisterEvent> Events, List<Case> Cases);

    static Dictionary<string, string> D(params (string K, string V)[] kv) => kv.ToDictionary(x => x.K, x => x.V);

    internal static List<App> Synthetic(int count, int seed)
    {
        var rng = new Random(seed);
        var start = new DateOnly(2022, 10, 1);
        var apps = new List<App>();
        for (int i = 0; i < count; i++)
        {
            var applicant = Applicants[rng.Next(10) < 5 ? 0 : rng.Next(Applicants.Length)];
            var channel = Channels[rng.Next(Channels.Length)];
            var received = start.AddDays(rng.Next(820)); // to the end of 2024
            var events = new List<RegisterEvent> { new(EventKind.Received, received, D(("applicant", applicant), ("channel", channel), ("subject", $"申请公开第{i}号事项"))) };
            var day = received;
            string? forcedOutcome = null;
            if (rng.Next(8) == 0)
            {
                day = day.AddDays(3);
                events.Add(new(EventKind.SupplementRequested, day, D()));
                if (rng.Next(4) == 0) forcedOutcome = "other_handling.no_correction"; // never supplied
                else { day = day.AddDays(rng.Next(2, 15)); events.Add(new(EventKind.SupplementReceived, day, D())); }
            }
            if (forcedOutcome is null && rng.Next(10) == 0)
            {
                day = day.AddDays(2);
                events.Add(new(EventKind.ConsultationStarted, day, D(("party", "第三方"))));
                day = day.AddDays(rng.Next(5, 20));
                events.Add(new(EventKind.ConsultationEnded, day, D()));
            }
            if (forcedOutcome is null && rng.Next(7) == 0)
            {
                day = day.AddDays(10);
                events.Add(new(EventKind.Extended, day, D(("days", rng.Next(5, 21).ToString()), ("approved_by", "办公室主任"))));
            }
            DateOnly? replied = day.AddDays(rng.Next(1, 50));
            string? outcome = forcedOutcome ?? Outcomes[rng.Next(3) == 0 ? rng.Next(Outcomes.Length) : rng.Next(2)];
            // Some are still open today (2025-01-20): carried forward out of 2024.
            if (replied > new DateOnly(2025, 1, 20) || rng.Next(40) == 0) { replied = null; outcome = null; }
            var cases = new List<Case>();
            if (replied is DateOnly r)
            {
                events.Add(new(EventKind.Replied, r, D(("outcome", outcome!))));
                if (rng.Next(8) == 0)
                {
                    var filed = r.AddDays(rng.Next(5, 40));
                    bool decided = rng.Next(3) > 0;
                    var c = new Case($"复{i}", "review", filed, decided ? Pick(rng) : null, decided ? filed.AddDays(rng.Next(20, 90)) : null);
                    cases.Add(c);
                    if (c.Result is not null && rng.Next(3) == 0)
                    {
                        var f2 = c.Decided!.Value.AddDays(rng.Next(3, 15));
                        bool d2 = rng.Next(2) == 0;
                        cases.Add(new Case($"诉{i}", "litigation_after_review", f2, d2 ? Pick(rng) : null, d2 ? f2.AddDays(rng.Next(30, 120)) : null));
                    }
                }
                else if (rng.Next(15) == 0)
                {
                    var filed = r.AddDays(rng.Next(5, 40));
                    bool decided = rng.Next(2) == 0;
                    cases.Add(new Case($"直{i}", "litigation_direct", filed, decided ? Pick(rng) : null, decided ? filed.AddDays(rng.Next(30, 150)) : null));
                }
                foreach (var c in cases)
                {
                    events.Add(new(EventKind.AppealFiled, c.Filed, D(("case", c.No), ("route", c.Route))));
                    if (c.Result is not null) events.Add(new(EventKind.AppealDecided, c.Decided!.Value, D(("case", c.No), ("result", c.Result))));
                }
            }
            apps.Add(new App($"2024-{i:D4}", applicant, channel, received, replied, outcome, events, cases));
        }
        return apps;
    }

    static string Pick(Random rng) => new[] { "upheld", "corrected", "other" }[rng.Next(3)];

    /// <summary>Tables 三 and 四 of a year, counted over the test's own list.</summary>
    internal static Dictionary<string, decimal> Expected(List<App> apps, int year)
    {
        var t = new Dictionary<string, decimal>();
        void Add(string row, string column) { t[$"applications.{row}.{column}"] = t.GetValueOrDefault($"applications.{row}.{column}") + 1; }
        foreach (var row in new[] { "new", "carried_over", "total", "carried_forward" }.Concat(Outcomes))
            foreach (var c in Applicants.Append("total")) t[$"applications.{row}.{c}"] = 0;
        foreach (var g in Routes) foreach (var c in new[] { "upheld", "corrected", "other", "pending", "total" }) t[$"appeals.{g}.{c}"] = 0;
        var jan1 = new DateOnly(year, 1, 1);
        var dec31 = new DateOnly(year, 12, 31);
        foreach (var a in apps)
        {
            var rows = new List<string>();
            if (a.Received.Year == year) rows.Add("new");
            if (a.Received < jan1 && (a.Replied is null || a.Replied >= jan1)) rows.Add("carried_over");
            if (a.Replied?.Year == year) rows.AddRange([a.Outcome!, "total"]);
            if (a.Received <= dec31 && (a.Replied is null || a.Replied > dec31)) rows.Add("carried_forward");
            foreach (var row in rows) { Add(row, a.Applicant); Add(row, "total"); }
            foreach (var c in a.Cases.Where(c => c.Filed.Year == year))
            {
                var column = c.Decided is DateOnly d && d <= dec31 ? c.Result! : "pending";
                t[$"appeals.{c.Route}.{column}"]++;
                t[$"appeals.{c.Route}.total"]++;
            }
        }
        return t;
    }

    internal static Dictionary<string, decimal?> Figures() => new()
    {
        ["proactive.rules.issued"] = 1, ["proactive.rules.repealed"] = 0, ["proactive.rules.in_force"] = 12,
        ["proactive.normative.issued"] = 5, ["proactive.normative.repealed"] = 2, ["proactive.normative.in_force"] = 40,
        ["proactive.licensing.decisions"] = 310, ["proactive.penalty.decisions"] = 57, ["proactive.coercion.decisions"] = 3, ["proactive.fees.amount"] = 0,
    };

    internal static Dictionary<string, string> Sections() => new()
    {
        ["一、总体情况"] = "本机关认真贯彻落实《条例》，依法做好政府信息公开工作。",
        ["二、主动公开政府信息情况"] = "主动公开情况如下表。",
        ["三、收到和处理政府信息公开申请情况"] = "依申请公开情况如下表。",
        ["四、政府信息公开行政复议、行政诉讼情况"] = "行政复议、行政诉讼情况如下表。",
        ["五、存在的主要问题及改进情况"] = "工作中仍存在一些不足，将进一步改进。",
        ["六、其他需要报告的事项"] = "本年度未收取信息处理费。",
    };

    [Theory, OnSqlite, OnPostgres]
    public void Compile_gives_the_tables_counted_independently_and_the_rendered_report_parses_back_to_them(string kind)
    {
        var apps = Synthetic(600, seed: 17);
        // The mix the issue asks for is really there.
        Assert.True(apps.Count(a => a.Events.Any(e => e.Kind == EventKind.SupplementReceived)) >= 20);
        Assert.True(apps.Count(a => a.Events.Any(e => e.Kind == EventKind.ConsultationEnded)) >= 20);
        Assert.True(apps.Count(a => a.Events.Any(e => e.Kind == EventKind.Extended)) >= 20);
        Assert.Contains(apps, a => a.Cases.Any(c => c.Route == "litigation_after_review"));
        Assert.Contains(apps, a => a.Cases.Any(c => c.Route == "litigation_direct"));

        using var db = new TestDatabase(kind);
        using var store = db.Open();
        var register = new OfficeRegister(store, "测试");
        long agency = register.EnsureAgency("福建省平潭县人民政府");
        register.Record(apps.SelectMany(a => a.Events.Select(e => new NewEvent(agency, a.Ref, e))).ToList());
        var stored = register.Applications(agency);
        Assert.Equal(apps.Count, stored.Count);

        foreach (int year in new[] { 2023, 2024 })
        {
            var expected = Expected(apps, year);
            Assert.True(expected["applications.carried_over.total"] > 0 && expected["applications.carried_forward.total"] > 0);
            var report = ReportCompiler.Compile(stored, "福建省平潭县人民政府", year,
                new CompileInput { Figures = Figures(), Sections = Sections(), Published = new DateOnly(year + 1, 1, 20) });
            foreach (var (field, value) in expected) Assert.True(report.Content.Values[field] == value, $"{year} {field}: compiled {report.Content.Values[field]}, counted {value}");
            Assert.Empty(report.Findings);
            // --explain: the applications a number counts are exactly those the test counted.
            var granted = apps.Where(a => a.Replied?.Year == year && a.Outcome == "granted" && a.Applicant == "natural").Select(a => a.Ref).Order().ToList();
            Assert.Equal(granted, report.Counts["applications.granted.natural"].Select(c => c.Reference).Order().ToList());

            foreach (var (format, bytes) in new[]
            {
                ("txt", System.Text.Encoding.UTF8.GetBytes(TextReportWriter.Write(ReportComposer.Compose(report.Content)))),
                ("docx", DocxReportWriter.Write(ReportComposer.Compose(report.Content))),
            })
            {
                var parsed = ReportParser.Parse(bytes);
                Assert.Equal("gov2021", parsed.Template);
                var values = parsed.Main!.Values.ToDictionary(v => v.Key, v => v.Value);
                foreach (var (field, value) in expected) Assert.True(values.GetValueOrDefault(field) == value, $"{format} {year} {field}: parsed {values.GetValueOrDefault(field)}, counted {value}");
                Assert.Equal(year, parsed.Metadata.Year);
                Assert.DoesNotContain(parsed.Findings, f => f.Severity != "info");
            }
        }
        // Carry-over: 2024's 上年结转 is 2023's 结转下年度, column by column (X1 holds by construction).
        var e23 = Expected(apps, 2023);
        var e24 = Expected(apps, 2024);
        foreach (var c in Applicants.Append("total")) Assert.Equal(e23[$"applications.carried_forward.{c}"], e24[$"applications.carried_over.{c}"]);
    }
}
