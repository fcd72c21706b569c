using System.Text.Json;
using Ogi.Office.Register;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// `ogi register due` and the late answers `compile` counts, on registers whose due dates were counted by hand, day by
/// day, on the State Council's notices (2024: Spring Festival 10–17 Feb off, Sundays 4 and 18 Feb worked; 2019: 清明
/// 5 Apr, 劳动节 1–4 May off with Sundays 28 Apr and 5 May worked, 端午 7 Jun) — the counting is beside each case.
/// </summary>
public class RegisterDueTests
{
    const string County = "福建省平潭县人民政府";
    const string City = "福建省福州市人民政府";
    const string District = "福建省福州市鼓楼区人民政府";

    static Dictionary<string, string> D(params (string K, string V)[] kv) => kv.ToDictionary(x => x.K, x => x.V);
    static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");
    static RegisterEvent Received(string on) => new(EventKind.Received, Day(on), D(("applicant", "自然人"), ("channel", "网络"), ("subject", "事项")));
    static RegisterEvent E(string kind, string on, params (string K, string V)[] data) => new(kind, Day(on), D(data));

    static void Record(string db, string agencyName, params (string Ref, RegisterEvent[] Events)[] apps)
    {
        using var store = Ogi.Store.ReportStore.Open(db);
        var register = new OfficeRegister(store, "测试");
        long agency = register.EnsureAgency(agencyName);
        register.Record(apps.SelectMany(a => a.Events.Select(e => new NewEvent(agency, a.Ref, e))).ToList());
    }

    [Fact]
    public void Due_lists_what_falls_due_within_N_working_days_and_what_is_overdue_by_hand_counted_deadlines()
    {
        var dir = Directory.CreateTempSubdirectory("ogi-due-").FullName;
        var db = Path.Combine(dir, "r.db");
        (int Exit, string Out, string Err) Run(params string[] args) => CommandLineTests.RunIn(dir, [.. args, "--db", db]);
        Record(db, County,
            // Received Mon 5 Feb 2024: Feb 6–9 (4), Sun 18 (5), 19–23 (10), 26 Feb–1 Mar (15), 4–8 Mar (20) → due Fri 8 Mar;
            // on Mon 4 Mar: 5, 6, 7, 8 Mar = 4 working days left.
            ("A1", [Received("2024-02-05")]),
            // Received Mon 15 Jan: 16–19 (4), 22–26 (9), 29 Jan–2 Feb (14), Sun 4 Feb (15), 5–9 (20) → due Fri 9 Feb;
            // on 4 Mar: Sun 18 Feb (1), 19–23 (6), 26 Feb–1 Mar (11), 4 Mar (12) = 12 working days over.
            ("A2", [Received("2024-01-15")]),
            // 补正: received 1 Feb, asked 2 Feb, supplied Mon 26 Feb — the clock restarts (第三十条): 27 Feb–1 Mar (4),
            // 4–8 (9), 11–15 (14), 18–22 (19), 25 Mar (20) → due 25 Mar; on 4 Mar 15 left (5–8, 11–15, 18–22, 25).
            ("A3", [Received("2024-02-01"), E(EventKind.SupplementRequested, "2024-02-02"), E(EventKind.SupplementReceived, "2024-02-26")]),
            // A third party still consulted: the clock is stopped, no deadline.
            ("A4", [Received("2024-02-20"), E(EventKind.ConsultationStarted, "2024-02-22", ("party", "某公司"))]),
            // Consulted 19–23 Feb (not counted, 第三十二条): received Thu 1 Feb, Feb 2 (1), Sun 4 (2), 5–9 (7), Sun 18 (8),
            // 26 Feb–1 Mar (13), 4–8 (18), 11 (19), 12 Mar (20) → due 12 Mar; on 4 Mar 6 left.
            ("A5", [Received("2024-02-01"), E(EventKind.ConsultationStarted, "2024-02-19"), E(EventKind.ConsultationEnded, "2024-02-23")]),
            // Extended by 10: received Mon 22 Jan, 23–26 (4), 29 Jan–2 Feb (9), Sun 4 (10), 5–9 (15), Sun 18 (16), 19–22 (20)
            // → 22 Feb; +10: 23 (1), 26 Feb–1 Mar (6), 4–7 Mar (10) → due 7 Mar; on 4 Mar 3 left.
            ("A7", [Received("2024-01-22"), E(EventKind.Extended, "2024-02-20", ("days", "10"), ("approved_by", "主任"))]),
            // Answered before 4 Mar: not listed.
            ("A8", [Received("2024-02-05"), E(EventKind.Replied, "2024-03-01", ("outcome", "予以公开"))]),
            // Received Mon 29 Jan: 30 Jan–2 Feb (4), Sun 4 (5), 5–9 (10), Sun 18 (11), 19–23 (16), 26–29 Feb (20) → due 29 Feb;
            // answered only on 5 Mar, so open on 4 Mar: 1 and 4 Mar = 2 working days over.
            ("A9", [Received("2024-01-29"), E(EventKind.Replied, "2024-03-05", ("outcome", "部分公开"))]));

        var due = Run("register", "due", "--on", "2024-03-04", "--agency", County);
        Assert.Equal(0, due.Exit);
        var rows = due.Out.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')).ToList();
        // Overdue first (soonest due first), then due within 5: A3 (15 left) and A5 (6 left) are further off.
        Assert.Equal(["A2", "A9", "A7", "A1"], rows.Select(r => r[0]));
        Assert.Equal(("2024-02-09", "overdue 12 working day(s)"), (rows[0][3], rows[0][4]));
        Assert.Equal(("2024-02-29", "overdue 2 working day(s)"), (rows[1][3], rows[1][4]));
        Assert.Equal(("2024-03-07", "3 working day(s) left"), (rows[2][3], rows[2][4]));
        Assert.Equal(("2024-03-08", "4 working day(s) left"), (rows[3][3], rows[3][4]));
        Assert.Contains("1 with the clock stopped", due.Err);
        Assert.Contains("A4", due.Err);

        var json = Run("register", "due", "--on", "2024-03-04", "--within", "15", "--json");
        Assert.Equal(0, json.Exit);
        var items = JsonDocument.Parse(json.Out).RootElement.GetProperty("applications").EnumerateArray()
            .ToDictionary(i => i.GetProperty("reference").GetString()!);
        Assert.Equal(["A1", "A2", "A3", "A5", "A7", "A9"], items.Keys.Order());
        Assert.Equal(("2024-03-25", 15), (items["A3"].GetProperty("due").GetString(), items["A3"].GetProperty("working_days_left").GetInt32()));
        Assert.Equal(("2024-03-12", 6), (items["A5"].GetProperty("due").GetString(), items["A5"].GetProperty("working_days_left").GetInt32()));
        Assert.Equal(12, items["A2"].GetProperty("working_days_over").GetInt32());
        Assert.True(items["A2"].GetProperty("overdue").GetBoolean());

        // The regulation in force on the day of receipt: 2007's 15 days the day before 2019-05-15, 2019's 20 from it.
        Record(db, City,
            // Received Mon 13 May 2019 (2007 regulation): 14–17 (4), 20–24 (9), 27–31 (14), 3 Jun (15); on Fri 31 May 1 left.
            ("B1", [Received("2019-05-13")]),
            // Received Wed 15 May (2019 regulation): 16, 17 (2), 20–24 (7), 27–31 (12), 3–6 Jun (16), 10–13 (20) → 13 Jun; 8 left.
            ("B2", [Received("2019-05-15")]),
            // Received Mon 1 Apr 2019, to be extended below.
            ("B3", [Received("2019-04-01")]));
        var city = Run("register", "due", "--on", "2019-05-31", "--agency", City, "--within", "8");
        Assert.Equal(0, city.Exit);
        var cityRows = city.Out.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')).ToDictionary(r => r[0]);
        Assert.Equal(("2019-06-03", "1 working day(s) left"), (cityRows["B1"][3], cityRows["B1"][4]));
        Assert.Equal(("2019-06-13", "8 working day(s) left"), (cityRows["B2"][3], cityRows["B2"][4]));
        Assert.DoesNotContain("B2", Run("register", "due", "--on", "2019-05-31", "--agency", City).Out);

        // 延期: at most 15 working days under the 2007 regulation, 20 under 2019's — more is refused in one line.
        var tooLong = Run("register", "extend", "B3", "--on", "2019-04-20", "--days", "20", "--approved-by", "主任");
        Assert.Equal(2, tooLong.Exit);
        Assert.Single(tooLong.Err.Trim().Split('\n'));
        Assert.Contains("(15)", tooLong.Err);
        var tooLong2019 = Run("register", "extend", "B2", "--on", "2019-05-30", "--days", "21", "--approved-by", "主任");
        Assert.Equal(2, tooLong2019.Exit);
        Assert.Contains("(20)", tooLong2019.Err);
        // Without --days, the most the regulation allows: B3, 1 Apr + 15: 2–4 Apr (3), 清明 5 Apr off, 8–12 (8), 15–19 (13),
        // 22, 23 (15) → 23 Apr; +15: 24–26 (3), Sun 28 Apr (4), 29, 30 (6), 1–4 May off, Sun 5 May (7), 6–10 (12), 13–15 (15)
        // → 15 May; on 31 May: 16, 17 (2), 20–24 (7), 27–31 (12) = 12 over.
        Assert.Equal(0, Run("register", "extend", "B3", "--on", "2019-04-20", "--approved-by", "主任").Exit);
        cityRows = Run("register", "due", "--on", "2019-05-31", "--agency", City).Out.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')).ToDictionary(r => r[0]);
        Assert.Equal(("2019-05-15", "overdue 12 working day(s)"), (cityRows["B3"][3], cityRows["B3"][4]));

        var bad = Run("register", "due", "--on", "2031-06-02");
        Assert.Equal(2, bad.Exit);
        Assert.Single(bad.Err.Trim().Split('\n'));
        Assert.Contains("no working-day calendar", bad.Err);
        // Reading commands never create a database.
        var nowhere = Path.Combine(dir, "nowhere.db");
        foreach (var args in new[] { new[] { "register", "due" }, ["register", "export", "--agency", County, "--format", "csv"], ["rollup", "--parent", County, "--year", "2024"] })
        {
            var refused = CommandLineTests.RunIn(dir, [.. args, "--db", nowhere]);
            Assert.Equal(2, refused.Exit);
            Assert.Single(refused.Err.Trim().Split('\n'));
        }
        Assert.False(File.Exists(nowhere));
        Directory.Delete(dir, true);
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Today_is_the_day_in_China_whatever_the_machine_s_zone()
    {
        // 15:59 UTC is 23:59 in China, 16:00 UTC already the next day there; a clock given in another offset means the same instant.
        Assert.Equal(new DateOnly(2024, 2, 5), Ogi.Office.Calendar.ChinaToday.Get(new FixedClock(new DateTimeOffset(2024, 2, 5, 15, 59, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2024, 2, 6), Ogi.Office.Calendar.ChinaToday.Get(new FixedClock(new DateTimeOffset(2024, 2, 5, 16, 0, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2024, 2, 6), Ogi.Office.Calendar.ChinaToday.Get(new FixedClock(new DateTimeOffset(2024, 2, 5, 9, 0, 0, TimeSpan.FromHours(-8)))));

        // `ogi register due` without --on counts from that day — the register pages' day — even on a machine set to
        // a zone eleven hours behind China (one of the two days when the test runs across China's midnight).
        var dir = Directory.CreateTempSubdirectory("ogi-today-").FullName;
        var db = Path.Combine(dir, "r.db");
        Record(db, County, ("T1", [Received("2024-02-05")]));
        var before = Ogi.Office.Calendar.ChinaToday.Get();
        var due = CommandLineTests.RunOgi(dir, null, TimeSpan.FromSeconds(120), ["register", "due", "--json", "--db", db],
            environment: new Dictionary<string, string> { ["TZ"] = "Pacific/Honolulu" });
        var after = Ogi.Office.Calendar.ChinaToday.Get();
        Assert.Equal(0, due.Exit);
        var on = DateOnly.ParseExact(JsonDocument.Parse(due.Out).RootElement.GetProperty("on").GetString()!, "yyyy-MM-dd");
        Assert.True(on == before || on == after, $"register due counted from {on}, China's day is {before}");
        Assert.Equal(Ogi.Web.Services.RegisterDesk.Today(), after);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Compile_counts_the_answers_given_after_their_due_date_beside_the_report()
    {
        var dir = Directory.CreateTempSubdirectory("ogi-late-").FullName;
        var db = Path.Combine(dir, "r.db");
        (int Exit, string Out, string Err) Run(params string[] args) => CommandLineTests.RunIn(dir, [.. args, "--db", db]);
        Record(db, District,
            // Due 8 Mar (as A1 above), answered Tue 12 Mar: 11 and 12 Mar = 2 working days late.
            ("L1", [Received("2024-02-05"), E(EventKind.Replied, "2024-03-12", ("outcome", "予以公开"))]),
            // Due 8 Mar, answered that day: in time.
            ("L2", [Received("2024-02-05"), E(EventKind.Replied, "2024-03-08", ("outcome", "予以公开"))]),
            // Received Mon 2 Dec: 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), 30 Dec (20) → due 30 Dec; open at the year's end,
            // one working day past it (Tue 31 Dec).
            ("L3", [Received("2024-12-02")]),
            // A supplement never given, answered 其他处理: the clock never ran again — not late.
            ("L4", [Received("2024-01-15"), E(EventKind.SupplementRequested, "2024-01-17"), E(EventKind.Replied, "2024-04-01", ("outcome", "other_handling.no_correction"))]),
            // Extended to 7 Mar (as A7 above), answered 7 Mar: in time, though 22 Feb has passed.
            ("L5", [Received("2024-01-22"), E(EventKind.Extended, "2024-02-20", ("days", "10"), ("approved_by", "主任")), E(EventKind.Replied, "2024-03-07", ("outcome", "部分公开"))]),
            // Answered in 2023, late then: not 2024's.
            ("L6", [Received("2023-11-01"), E(EventKind.Replied, "2023-12-29", ("outcome", "予以公开"))]));

        var explain = Run("compile", "--agency", District, "--year", "2024", "--explain", "late");
        Assert.Equal(0, explain.Exit);
        var lines = explain.Out.Trim().Split('\n');
        Assert.Equal("late = 2", lines[0]);
        Assert.Equal("  L1: due 2024-03-08, answered 2024-03-12, 2 working day(s) late", lines[1]);
        Assert.Equal("  L3: due 2024-12-30, still open at the year's end, 1 working day(s) past it", lines[2]);

        var json = Run("compile", "--agency", District, "--year", "2024", "--json");
        Assert.Equal(0, json.Exit);
        Assert.Contains("late in 2024: 1 answer(s) given after their due date, 1 still open past it", json.Err);
        var doc = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(1, doc.GetProperty("late_count").GetInt32());
        Assert.Equal(1, doc.GetProperty("open_past_due_count").GetInt32());
        var late = doc.GetProperty("late").EnumerateArray().ToList();
        Assert.Equal(("L1", "2024-03-08", "2024-03-12", 2), (late[0].GetProperty("reference").GetString(), late[0].GetProperty("due").GetString(),
            late[0].GetProperty("replied").GetString(), late[0].GetProperty("working_days_late").GetInt32()));
        Assert.Equal(JsonValueKind.Null, late[1].GetProperty("replied").ValueKind);

        // L6 was answered 2023-12-29: received Wed 1 Nov 2023, 2–3 (2), 6–10 (7), 13–17 (12), 20–24 (17), 27–29 Nov (20)
        // → due 29 Nov; late by 30 Nov, 1 Dec (2), 4–8 (7), 11–15 (12), 18–22 (17), 25–29 Dec (22).
        var y2023 = Run("compile", "--agency", District, "--year", "2023", "--explain", "late");
        Assert.Equal("  L6: due 2023-11-29, answered 2023-12-29, 22 working day(s) late", y2023.Out.Trim().Split('\n')[1]);
        Directory.Delete(dir, true);
    }
}
