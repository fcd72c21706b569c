using System.CommandLine;
using System.Globalization;
using Ogi.Office.Register;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>
/// `ogi register add|supplement|consult|extend|reply|appeal|list`: the disclosure office's register of applications
/// and appeals, kept as events in the corpus database. Each subcommand appends one event (checked against the
/// application's state: nothing is ever edited in place); `list` shows the state, `list --history` every event.
/// </summary>
public static class RegisterCommand
{
    public static Command Create()
    {
        var cmd = new Command("register", "the disclosure office's register of 政府信息公开申请 and appeals: every change kept as an event");
        cmd.Subcommands.Add(Add());
        cmd.Subcommands.Add(Supplement());
        cmd.Subcommands.Add(Consult());
        cmd.Subcommands.Add(Extend());
        cmd.Subcommands.Add(Reply());
        cmd.Subcommands.Add(Appeal());
        cmd.Subcommands.Add(RegisterListCommand.Create());
        cmd.Subcommands.Add(RegisterImportCommand.Create());
        cmd.Subcommands.Add(RegisterDueCommand.Create());
        cmd.Subcommands.Add(RegisterExportCommand.Create());
        return cmd;
    }

    internal static Option<string?> AgencyOption(bool required = false) => new("--agency", "-a")
    { Description = "the agency (its name, or its id in the database)" + (required ? "" : "; needed only when the reference is in several agencies' registers"), Required = required };
    static Argument<string> ReferenceArgument() => new("reference") { Description = "the application's number in the office's register (申请编号)" };
    static Option<string?> DateOption(string name, string what) => new(name) { Description = what + " (yyyy-mm-dd)" };
    static Option<string?> ByOption() => new("--by") { Description = "who records the change (default: the login name)" };

    static Command Add()
    {
        var reference = ReferenceArgument();
        var agency = AgencyOption(required: true);
        var applicant = new Option<string>("--applicant") { Description = "自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他", Required = true };
        var channel = new Option<string>("--channel") { Description = "当面 | 网络 | 信函 | 传真 | 其他", Required = true };
        var submitted = DateOption("--submitted", "当面: the day it was handed in");
        var signedFor = DateOption("--signed-for", "信函: the day the office signed for the letter");
        var confirmed = DateOption("--confirmed", "网络/传真 (or an ordinary letter): the day receipt was confirmed");
        var received = DateOption("--received", "the day of receipt already worked out by 第三十一条, for any channel");
        var subject = new Option<string>("--subject") { Description = "what is asked for", Required = true };
        var name = new Option<string?>("--name") { Description = "the applicant's name" };
        var unit = new Option<string?>("--unit") { Description = "the sub-unit that handles it (承办单位)" };
        var by = ByOption();
        var db = Database.Option();
        var cmd = new Command("add", "record a new application; its day of receipt follows 第三十一条 for its channel")
            { reference, agency, applicant, channel, submitted, signedFor, confirmed, received, subject, name, unit, by, db };
        cmd.SetAction(r => Run("register add", r.GetValue(db), r.GetValue(by), register =>
        {
            var ch = RegisterTerms.Require(RegisterTerms.Channels, r.GetValue(channel), "channel");
            var day = ReceiptRule.ReceivedOn(ch.Key, Date(r.GetValue(submitted), "--submitted"), Date(r.GetValue(signedFor), "--signed-for"),
                Date(r.GetValue(confirmed), "--confirmed"), Date(r.GetValue(received), "--received"));
            var data = new Dictionary<string, string> { ["applicant"] = RegisterTerms.Require(RegisterTerms.ApplicantTypes, r.GetValue(applicant), "applicant type").Key, ["channel"] = ch.Key, ["subject"] = r.GetValue(subject)! };
            if (r.GetValue(name) is { } n) data["applicant_name"] = n;
            if (r.GetValue(unit) is { } u) data["unit"] = u;
            var agencyId = register.EnsureAgency(r.GetValue(agency)!);
            if (register.Load(agencyId, r.GetValue(reference)!) is not null) throw new RegisterException($"application {r.GetValue(reference)} is in the register already");
            var state = register.Record(agencyId, r.GetValue(reference)!, new RegisterEvent(EventKind.Received, day, data));
            Console.WriteLine($"{state.Reference}: received {state.Received:yyyy-MM-dd} ({register.AgencyName(agencyId)})");
        }));
        return cmd;
    }

    static Command Supplement()
    {
        var reference = ReferenceArgument();
        var agency = AgencyOption();
        var requested = DateOption("--requested", "the day the office asked for a 补正");
        var supplied = DateOption("--supplied", "the day the supplement arrived: the time limit runs again from here (第三十条)");
        var by = ByOption();
        var db = Database.Option();
        var cmd = new Command("supplement", "record a 补正 asked for (--requested) or supplied (--supplied)") { reference, agency, requested, supplied, by, db };
        cmd.SetAction(r => Run("register supplement", r.GetValue(db), r.GetValue(by), register =>
            Event(register, r.GetValue(agency), r.GetValue(reference)!, One(r.GetValue(requested), "--requested", EventKind.SupplementRequested,
                r.GetValue(supplied), "--supplied", EventKind.SupplementReceived), [])));
        return cmd;
    }

    static Command Consult()
    {
        var reference = ReferenceArgument();
        var agency = AgencyOption();
        var from = DateOption("--from", "the day the third party was asked (征求第三方意见)");
        var to = DateOption("--to", "the day the consultation ended; the time between is not counted (第三十二条)");
        var party = new Option<string?>("--party") { Description = "the third party" };
        var by = ByOption();
        var db = Database.Option();
        var cmd = new Command("consult", "record a third-party consultation begun (--from) or ended (--to)") { reference, agency, from, to, party, by, db };
        cmd.SetAction(r => Run("register consult", r.GetValue(db), r.GetValue(by), register =>
            Event(register, r.GetValue(agency), r.GetValue(reference)!, One(r.GetValue(from), "--from", EventKind.ConsultationStarted, r.GetValue(to), "--to", EventKind.ConsultationEnded),
                r.GetValue(party) is { } p ? new() { ["party"] = p } : [])));
        return cmd;
    }

    static Command Extend()
    {
        var reference = ReferenceArgument();
        var agency = AgencyOption();
        var on = new Option<string>("--on") { Description = "the day the extension was decided and the applicant told (yyyy-mm-dd)", Required = true };
        var days = new Option<int?>("--days") { Description = "working days added (default and most: 20; 15 for an application received before 2019-05-15)" };
        var approved = new Option<string>("--approved-by") { Description = "who approved it (第三十三条: the head of the disclosure office)", Required = true };
        var by = ByOption();
        var db = Database.Option();
        var cmd = new Command("extend", "record a 延期 (第三十三条), approved") { reference, agency, on, days, approved, by, db };
        cmd.SetAction(r => Run("register extend", r.GetValue(db), r.GetValue(by), register =>
        {
            var app = register.Find(r.GetValue(reference)!, r.GetValue(agency) is { } a ? register.Agency(a) : null);
            // More than the regulation allows is refused by the application's state, in one line.
            int n = r.GetValue(days) ?? Ogi.Office.Calendar.Regulation.InForceOn(app.Received).ExtensionDays;
            Event(register, app.Agency, app.Reference, (EventKind.Extended, Date(r.GetValue(on), "--on")!.Value),
                new() { ["days"] = n.ToString(CultureInfo.InvariantCulture), ["approved_by"] = r.GetValue(approved)! });
        }));
        return cmd;
    }

    static Command Reply()
    {
        var reference = ReferenceArgument();
        var agency = AgencyOption();
        var on = new Option<string>("--on") { Description = "the day of the reply (yyyy-mm-dd)", Required = true };
        var outcome = new Option<string>("--outcome") { Description = "one result row of table 三: 予以公开, 部分公开, 不予公开·属于国家秘密, 无法提供·本机关不掌握相关政府信息, 不予处理·重复申请, 其他处理·其他… (or its key: granted, withheld.state_secret…)", Required = true };
        var reason = new Option<string?>("--reason") { Description = "the reply's reason or note" };
        var by = ByOption();
        var db = Database.Option();
        var cmd = new Command("reply", "record the reply, with exactly one outcome of table 三; the application is closed") { reference, agency, on, outcome, reason, by, db };
        cmd.SetAction(r => Run("register reply", r.GetValue(db), r.GetValue(by), register =>
        {
            var o = RegisterTerms.Require(RegisterTerms.Outcomes, r.GetValue(outcome), "outcome");
            var data = new Dictionary<string, string> { ["outcome"] = o.Key };
            if (r.GetValue(reason) is { } why) data["reason"] = why;
            Event(register, r.GetValue(agency), r.GetValue(reference)!, (EventKind.Replied, Date(r.GetValue(on), "--on")!.Value), data);
        }));
        return cmd;
    }

    static Command Appeal()
    {
        var reference = ReferenceArgument();
        var agency = AgencyOption();
        var caseNo = new Option<string>("--case") { Description = "the case's number", Required = true };
        var route = new Option<string?>("--route") { Description = "review (行政复议) | direct (未经复议直接起诉) | after-review (复议后起诉); with --filed" };
        var filed = DateOption("--filed", "the day the case was filed");
        var result = new Option<string?>("--result") { Description = "维持 | 纠正 | 其他; with --decided" };
        var decided = DateOption("--decided", "the day the case was decided");
        var by = ByOption();
        var db = Database.Option();
        var cmd = new Command("appeal", "record a 行政复议 or 行政诉讼 case against the reply (--route, --filed) or its result (--result, --decided)")
            { reference, agency, caseNo, route, filed, result, decided, by, db };
        cmd.SetAction(r => Run("register appeal", r.GetValue(db), r.GetValue(by), register =>
        {
            var (kind, day) = One(r.GetValue(filed), "--filed", EventKind.AppealFiled, r.GetValue(decided), "--decided", EventKind.AppealDecided);
            var data = new Dictionary<string, string> { ["case"] = r.GetValue(caseNo)! };
            if (kind == EventKind.AppealFiled)
                data["route"] = RegisterTerms.Require(RegisterTerms.AppealRoutes, r.GetValue(route) ?? throw new RegisterException("--filed needs --route"), "route").Key;
            else
                data["result"] = RegisterTerms.Require(RegisterTerms.AppealResults, r.GetValue(result) ?? throw new RegisterException("--decided needs --result"), "result").Key;
            Event(register, r.GetValue(agency), r.GetValue(reference)!, (kind, day), data);
        }));
        return cmd;
    }

    static void Event(OfficeRegister register, string? agency, string reference, (string Kind, DateOnly On) e, Dictionary<string, string> data)
    {
        var app = register.Find(reference, agency is null ? null : register.Agency(agency));
        var state = register.Record(app.AgencyId, app.Reference, new RegisterEvent(e.Kind, e.On, data));
        Console.WriteLine($"{state.Reference}: {e.Kind} {e.On:yyyy-MM-dd}; now {state.Status}");
    }

    /// <summary>Exactly one of two dated options: which event it is and its day.</summary>
    static (string Kind, DateOnly On) One(string? a, string aName, string aKind, string? b, string bName, string bKind) =>
        (a, b) switch
        {
            (not null, null) => (aKind, Date(a, aName)!.Value),
            (null, not null) => (bKind, Date(b, bName)!.Value),
            _ => throw new RegisterException($"give {aName} or {bName} (one of them)"),
        };

    internal static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new RegisterException($"{option} takes a date such as 2024-03-01, not '{text}'");

    /// <summary>Opens the database and the register; a refused request is one line and exit 2.</summary>
    internal static int Run(string command, string? db, string? by, Action<OfficeRegister> work) =>
        Database.Use(command, db, mustExist: false, store =>
        {
            try { work(new OfficeRegister(store, by ?? Environment.UserName)); return 0; }
            catch (RegisterException e) { Console.Error.WriteLine($"ogi {command}: {e.Message}"); return 2; }
        });
}
