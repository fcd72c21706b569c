namespace Ogi.Office.Register;

/// <summary>The kinds of event an application's history holds, in the order its life usually takes.</summary>
public static class EventKind
{
    public const string Received = "received";
    public const string SupplementRequested = "supplement_requested";
    public const string SupplementReceived = "supplement_received";
    public const string ConsultationStarted = "consultation_started";
    public const string ConsultationEnded = "consultation_ended";
    public const string Extended = "extended";
    public const string Replied = "replied";
    public const string AppealFiled = "appeal_filed";
    public const string AppealDecided = "appeal_decided";
    /// <summary>A mistake in what was received set right: the fields given replace the earlier ones from here on.</summary>
    public const string Corrected = "corrected";

    public static readonly IReadOnlyList<string> All =
        [Received, SupplementRequested, SupplementReceived, ConsultationStarted, ConsultationEnded, Extended, Replied, AppealFiled, AppealDecided, Corrected];
}

/// <summary>One change to an application: what (kind and data), the day it happened, who entered it and when.</summary>
public sealed record RegisterEvent(string Kind, DateOnly On, IReadOnlyDictionary<string, string> Data)
{
    public long Id { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTime RecordedAt { get; init; }

    public string? this[string key] => Data.TryGetValue(key, out var v) ? v : null;

    /// <summary>The event in one line: 2024-03-01 replied outcome=granted (by 张三 at 2024-03-02T08:00Z).</summary>
    public override string ToString() =>
        $"{On:yyyy-MM-dd} {Kind}{string.Concat(Data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $" {d.Key}={d.Value}"))} (by {RecordedBy} at {RecordedAt:yyyy-MM-ddTHH:mm:ssZ})";
}
