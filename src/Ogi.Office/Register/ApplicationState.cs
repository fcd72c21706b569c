using Ogi.Office.Calendar;

namespace Ogi.Office.Register;

/// <summary>A 行政复议 or 行政诉讼 case against a reply: its route (table 四's groups) and result once decided.</summary>
public sealed record AppealCase(string Case, string Route, DateOnly Filed, string? Result, DateOnly? Decided);

/// <summary>
/// An application as its events make it: each event is applied in order and checked against what came before (a
/// reply before the application was received, a second extension, a supplement nobody asked for are refused), so the
/// state is never stored, only derived.
/// </summary>
public sealed class ApplicationState
{
    public long Id { get; init; }
    public long AgencyId { get; init; }
    public string Agency { get; init; } = "";
    public required string Reference { get; init; }

    public string Applicant { get; private set; } = "";
    public string? ApplicantName { get; private set; }
    public string Channel { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? Unit { get; private set; }
    /// <summary>The day the application counts as received (第三十一条).</summary>
    public DateOnly Received { get; private set; }

    public List<(DateOnly Requested, DateOnly? Supplied)> Supplements { get; } = [];
    public List<(DateOnly From, DateOnly? To)> Consultations { get; } = [];
    public DateOnly? ExtendedOn { get; private set; }
    public int ExtensionDays { get; private set; }
    public string? ExtensionApprovedBy { get; private set; }
    public DateOnly? Replied { get; private set; }
    public string? Outcome { get; private set; }
    public string? Reason { get; private set; }
    public List<AppealCase> Appeals { get; } = [];
    public List<RegisterEvent> History { get; } = [];

    public bool AwaitingSupplement => Supplements.Count > 0 && Supplements[^1].Supplied is null;
    public bool InConsultation => Consultations.Count > 0 && Consultations[^1].To is null;
    /// <summary>第三十条: after a 补正 the time limit runs from the day the supplement arrived.</summary>
    public DateOnly ClockStart => Supplements.LastOrDefault(s => s.Supplied is not null).Supplied ?? Received;

    public string Status => Replied is not null ? "replied" : AwaitingSupplement ? "awaiting supplement" : InConsultation ? "in consultation"
        : ExtendedOn is not null ? "extended" : "open";

    /// <summary>
    /// The statutory due date (第三十三条, or 第二十四条 of 2007 for an application received before 2019-05-15): counted
    /// from the day after receipt or after the last 补正 arrived, consultations' working days left out, the approved
    /// extension added; null while the clock is stopped (a supplement awaited, a third party still consulted).
    /// </summary>
    public DateOnly? Due(WorkingCalendar? calendar = null)
    {
        if (AwaitingSupplement || InConsultation) return null;
        try { return StatutoryDeadline.Due(Received, Supplements.Count > 0 ? ClockStart : null, Consultations.Select(c => (c.From, c.To!.Value)).ToList(), ExtensionDays, calendar); }
        catch (CalendarYearMissingException e) { throw Refuse(e.Message); }
    }

    /// <summary>Open at the end of that day: received by then and not yet answered.</summary>
    public bool OpenAt(DateOnly day) => Received <= day && (Replied is null || Replied > day);

    /// <summary>Applies an event after checking it fits; a refused event throws, and the write that brought it is abandoned.</summary>
    public void Apply(RegisterEvent e)
    {
        if (History.Count == 0 && e.Kind != EventKind.Received) throw Refuse("its first event must be its receipt");
        if (History.Count > 0 && e.Kind == EventKind.Received) throw Refuse("is in the register already");
        if (History.Count > 0 && e.On < Received && e.Kind != EventKind.Corrected) throw Refuse($"{e.Kind} on {e.On:yyyy-MM-dd}, before it was received ({Received:yyyy-MM-dd})");
        switch (e.Kind)
        {
            case EventKind.Received:
                Received = e.On;
                Applicant = RegisterTerms.Require(RegisterTerms.ApplicantTypes, e["applicant"], "applicant type").Key;
                Channel = RegisterTerms.Require(RegisterTerms.Channels, e["channel"], "channel").Key;
                Subject = e["subject"] ?? "";
                ApplicantName = e["applicant_name"];
                Unit = e["unit"];
                break;
            case EventKind.Corrected:
                if (e["applicant"] is { } a) Applicant = RegisterTerms.Require(RegisterTerms.ApplicantTypes, a, "applicant type").Key;
                if (e["channel"] is { } c) Channel = RegisterTerms.Require(RegisterTerms.Channels, c, "channel").Key;
                if (e["subject"] is { } s) Subject = s;
                if (e["applicant_name"] is { } n) ApplicantName = n;
                if (e["unit"] is { } u) Unit = u;
                if (e["received"] is { } r)
                {
                    var day = DateOnly.ParseExact(r, "yyyy-MM-dd");
                    if (Replied is DateOnly replied && day > replied) throw Refuse($"received {r} would be after its reply ({replied:yyyy-MM-dd})");
                    if (ExtensionDays > Regulation.InForceOn(day).ExtensionDays) throw Refuse($"received {r}, its extension of {ExtensionDays} working days would be more than {Regulation.InForceOn(day).Article} allows");
                    Received = day;
                }
                break;
            case EventKind.SupplementRequested:
                NotReplied(e);
                if (AwaitingSupplement) throw Refuse("a supplement is already awaited");
                Supplements.Add((e.On, null));
                break;
            case EventKind.SupplementReceived:
                NotReplied(e);
                if (!AwaitingSupplement) throw Refuse("no supplement was requested");
                if (e.On < Supplements[^1].Requested) throw Refuse("the supplement arrived before it was requested");
                Supplements[^1] = (Supplements[^1].Requested, e.On);
                break;
            case EventKind.ConsultationStarted:
                NotReplied(e);
                if (InConsultation) throw Refuse("a third party is already being consulted");
                Consultations.Add((e.On, null));
                break;
            case EventKind.ConsultationEnded:
                NotReplied(e);
                if (!InConsultation) throw Refuse("no third party is being consulted");
                if (e.On < Consultations[^1].From) throw Refuse("the consultation ends before it began");
                Consultations[^1] = (Consultations[^1].From, e.On);
                break;
            case EventKind.Extended:
                NotReplied(e);
                if (ExtendedOn is not null) throw Refuse("was extended already (第三十三条 allows one extension)");
                if (!int.TryParse(e["days"], out var days) || days < 1) throw Refuse("an extension is a number of working days");
                if (string.IsNullOrWhiteSpace(e["approved_by"])) throw Refuse("an extension needs who approved it (第三十三条: 经政府信息公开工作机构负责人同意)");
                var regulation = Regulation.InForceOn(Received);
                if (days > regulation.ExtensionDays)
                    throw Refuse($"an extension of {days} working days is more than {regulation.Name} {regulation.Article} allows ({regulation.ExtensionDays})");
                ExtendedOn = e.On; ExtensionDays = days; ExtensionApprovedBy = e["approved_by"];
                break;
            case EventKind.Replied:
                NotReplied(e);
                if (InConsultation) throw Refuse("the third party is still being consulted: end the consultation first");
                Outcome = RegisterTerms.Require(RegisterTerms.Outcomes, e["outcome"], "outcome").Key;
                if (AwaitingSupplement && !Outcome.StartsWith("other_handling", StringComparison.Ordinal) && Outcome != "unavailable.still_unclear")
                    throw Refuse("a supplement is still awaited: record it first, or reply 其他处理·申请人无正当理由逾期不补正");
                Replied = e.On; Reason = e["reason"];
                break;
            case EventKind.AppealFiled:
                if (Replied is null) throw Refuse("has no reply to appeal against");
                var caseNo = e["case"] is { Length: > 0 } k ? k : throw Refuse("an appeal needs its case number");
                if (Appeals.Any(x => x.Case == caseNo)) throw Refuse($"case {caseNo} is recorded already");
                var route = RegisterTerms.Require(RegisterTerms.AppealRoutes, e["route"], "route").Key;
                if (route == "litigation_after_review" && !Appeals.Any(x => x.Route == "review"))
                    throw Refuse("a suit after review needs the review it follows recorded first");
                Appeals.Add(new AppealCase(caseNo, route, e.On, null, null));
                break;
            case EventKind.AppealDecided:
                int i = Appeals.FindIndex(x => x.Case == e["case"]);
                if (i < 0) throw Refuse($"has no case {e["case"]}");
                if (Appeals[i].Result is not null) throw Refuse($"case {e["case"]} was decided already");
                if (e.On < Appeals[i].Filed) throw Refuse($"case {e["case"]} decided before it was filed");
                Appeals[i] = Appeals[i] with { Result = RegisterTerms.Require(RegisterTerms.AppealResults, e["result"], "result").Key, Decided = e.On };
                break;
            default:
                throw Refuse($"unknown event {e.Kind}");
        }
        History.Add(e);
    }

    void NotReplied(RegisterEvent e)
    {
        if (Replied is not null) throw Refuse($"was answered on {Replied:yyyy-MM-dd}; no {e.Kind} after the reply");
    }

    RegisterException Refuse(string why) => new($"application {Reference}: {why}");
}
