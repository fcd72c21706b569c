using Ogi.Office.Register;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// The register as an audit trail: every change is an event (who, when, what), the database refuses to edit or delete
/// one, the state is what the events say, and a change that does not fit the application's state is refused with
/// nothing written. On SQLite and PostgreSQL; the command line on SQLite.
/// </summary>
public class RegisterTests
{
    static Dictionary<string, string> D(params (string K, string V)[] kv) => kv.ToDictionary(x => x.K, x => x.V);

    [Theory, OnSqlite, OnPostgres]
    public void Every_change_is_an_event_that_is_never_edited_and_a_refused_change_writes_nothing(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        var register = new OfficeRegister(store, "李明");
        long agency = register.EnsureAgency("福建省平潭县人民政府");
        Assert.Equal(agency, register.EnsureAgency("福建省平潭县人民政府"));
        register.Record(agency, "A1", new RegisterEvent(EventKind.Received, new DateOnly(2024, 2, 5), D(("applicant", "自然人"), ("channel", "网络"), ("subject", "征收补偿"))));
        register.Record(agency, "A1", new RegisterEvent(EventKind.SupplementRequested, new DateOnly(2024, 2, 7), D()));
        register.Record(agency, "A1", new RegisterEvent(EventKind.SupplementReceived, new DateOnly(2024, 2, 20), D()));
        var a = register.Record(agency, "A1", new RegisterEvent(EventKind.Replied, new DateOnly(2024, 3, 1), D(("outcome", "不予公开·属于国家秘密"))));
        Assert.Equal(("natural", "online", "withheld.state_secret", new DateOnly(2024, 2, 20)), (a.Applicant, a.Channel, a.Outcome, a.ClockStart));
        Assert.Equal([EventKind.Received, EventKind.SupplementRequested, EventKind.SupplementReceived, EventKind.Replied], register.Find("A1", null).History.Select(e => e.Kind));
        Assert.All(register.Find("A1", null).History, e => Assert.Equal("李明", e.RecordedBy));

        // A second reply, a reply before receipt, an appeal's result for no case: refused, and nothing is written —
        // not even the valid events of the same call.
        Assert.Throws<RegisterException>(() => register.Record(agency, "A1", new RegisterEvent(EventKind.Replied, new DateOnly(2024, 3, 2), D(("outcome", "granted")))));
        var batch = new List<NewEvent>
        {
            new(agency, "A2", new RegisterEvent(EventKind.Received, new DateOnly(2024, 3, 5), D(("applicant", "企业"), ("channel", "信函"), ("subject", "x")))),
            new(agency, "A2", new RegisterEvent(EventKind.Replied, new DateOnly(2024, 3, 1), D(("outcome", "granted")))),
        };
        var refused = Assert.Throws<RegisterException>(() => register.Record(batch));
        Assert.Contains("before it was received", refused.Message);
        Assert.Single(register.Applications(agency));
        Assert.Equal(4, register.Find("A1", null).History.Count);

        // The database itself refuses to edit or delete an event.
        var session = store.Session;
        Assert.ThrowsAny<System.Data.Common.DbException>(() => session.Execute("UPDATE register_events SET kind = 'received'"));
        Assert.ThrowsAny<System.Data.Common.DbException>(() => session.Execute("DELETE FROM register_events"));
        Assert.Equal(4L, session.Scalar<long>("SELECT COUNT(*) FROM register_events"));

        // A correction is one more event: the state changes, the history keeps what was there.
        register.Record(agency, "A1", new RegisterEvent(EventKind.Corrected, new DateOnly(2024, 3, 4), D(("applicant", "法律服务机构"))));
        var corrected = register.Find("A1", null);
        Assert.Equal("legal", corrected.Applicant);
        Assert.Equal("natural", corrected.History[0]["applicant"] is { } first ? RegisterTerms.Find(RegisterTerms.ApplicantTypes, first)!.Key : null);
    }

    [Fact]
    public void The_command_line_records_refuses_in_one_line_and_lists_the_history()
    {
        var dir = Directory.CreateTempSubdirectory("ogi-register-").FullName;
        var dbFile = Path.Combine(dir, "r.db");
        (int, string, string) Run(params string[] args) => CommandLineTests.RunIn(dir, [.. args, "--db", dbFile]);
        var added = Run("register", "add", "A1", "--agency", "福建省平潭县人民政府", "--applicant", "自然人", "--channel", "网络", "--confirmed", "2024-02-05", "--subject", "征收补偿方案", "--by", "王芳");
        Assert.Equal(0, added.Item1);
        // 第三十一条: a letter counts from the day it was signed for; a submission date alone is not enough.
        var letter = Run("register", "add", "A2", "--agency", "福建省平潭县人民政府", "--applicant", "企业", "--channel", "信函", "--submitted", "2024-02-05", "--subject", "x");
        Assert.Equal(2, letter.Item1);
        Assert.Contains("--signed-for", letter.Item3);
        Assert.Single(letter.Item3.Trim().Split('\n'));
        Assert.Equal(0, Run("register", "consult", "A1", "--from", "2024-02-08", "--party", "某公司").Item1);
        Assert.Equal(0, Run("register", "consult", "A1", "--to", "2024-02-26").Item1);
        Assert.Equal(0, Run("register", "extend", "A1", "--on", "2024-03-01", "--days", "10", "--approved-by", "主任").Item1);
        var tooLong = Run("register", "extend", "A1", "--on", "2024-03-01", "--days", "25", "--approved-by", "主任");
        Assert.Equal(2, tooLong.Item1);
        Assert.Equal(0, Run("register", "reply", "A1", "--on", "2024-03-20", "--outcome", "部分公开").Item1);
        Assert.Equal(0, Run("register", "appeal", "A1", "--case", "复1", "--route", "review", "--filed", "2024-04-01").Item1);
        var badOutcome = Run("register", "reply", "A1", "--on", "2024-03-21", "--outcome", "同意");
        Assert.Equal(2, badOutcome.Item1);
        var history = Run("register", "list", "--history", "A1");
        Assert.Equal(0, history.Item1);
        var lines = history.Item2.Trim().Split('\n');
        Assert.Equal(7, lines.Length); // the heading and six events, in order
        Assert.Contains("received", lines[1]);
        Assert.Contains("by 王芳", lines[1]);
        Assert.Contains("consultation_started", lines[2]);
        Assert.Contains("extended", lines[4]);
        Assert.Contains("outcome=partial", lines[5]);
        Assert.Contains("appeal_filed", lines[6]);
        var explain = Run("compile", "--agency", "福建省平潭县人民政府", "--year", "2024", "--explain", "applications.partial.natural");
        Assert.Equal(0, explain.Item1);
        Assert.StartsWith("applications.partial.natural = 1", explain.Item2);
        Assert.Contains("A1", explain.Item2);
        var json = Run("compile", "--agency", "福建省平潭县人民政府", "--year", "2024", "--json");
        Assert.Equal(0, json.Item1);
        var doc = System.Text.Json.JsonDocument.Parse(json.Item2).RootElement;
        Assert.Equal(1, doc.GetProperty("values").GetProperty("appeals.review.pending").GetInt32());
        Assert.Equal(1, doc.GetProperty("values").GetProperty("applications.new.total").GetInt32());
        Directory.Delete(dir, true);
    }
}
