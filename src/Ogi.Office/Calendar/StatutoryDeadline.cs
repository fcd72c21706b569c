namespace Ogi.Office.Calendar;

/// <summary>The regulation in force on the day an application is received.</summary>
public sealed record Regulation(string Name, string Article, int WorkingDays, int ExtensionDays)
{
    /// <summary>政府信息公开条例 (2019 revision), 第三十三条: 20 working days, at most 20 more on extension.</summary>
    public static readonly Regulation Of2019 = new("政府信息公开条例（2019年修订）", "第三十三条", 20, 20);
    /// <summary>政府信息公开条例 (2007), 第二十四条: 15 working days (15个工作日), at most 15 more.</summary>
    public static readonly Regulation Of2007 = new("政府信息公开条例（2007年）", "第二十四条", 15, 15);
    public static readonly DateOnly RevisionInForce = new(2019, 5, 15);

    public static Regulation InForceOn(DateOnly received) => received >= RevisionInForce ? Of2019 : Of2007;
}

/// <summary>
/// The reply deadline of one application: counted in working days from the day after receipt, or, after a 补正
/// request, from the day after the supplement arrives (第三十条: the clock restarts); working days spent on
/// 征求第三方意见 (第三十二条) are not counted; an approved extension adds at most the regulation's extension days.
/// </summary>
public static class StatutoryDeadline
{
    /// <summary>Due date for an application received that day, without events.</summary>
    public static DateOnly Due(DateOnly received, bool extended = false, WorkingCalendar? calendar = null)
        => Due(received, null, [], extended ? Regulation.InForceOn(received).ExtensionDays : 0, calendar);

    /// <param name="received">the day of receipt (第三十一条)</param>
    /// <param name="supplementArrived">the day the last 补正 supplement arrived, when one was requested</param>
    /// <param name="pauses">periods (both days included) not counted, such as 征求第三方意见</param>
    /// <param name="extensionDays">working days of an approved extension (at most the regulation's)</param>
    public static DateOnly Due(DateOnly received, DateOnly? supplementArrived, IReadOnlyList<(DateOnly From, DateOnly To)> pauses,
        int extensionDays = 0, WorkingCalendar? calendar = null)
    {
        calendar ??= WorkingCalendar.Default;
        var regulation = Regulation.InForceOn(received);
        if (extensionDays < 0 || extensionDays > regulation.ExtensionDays)
            throw new ArgumentOutOfRangeException(nameof(extensionDays), $"{regulation.Name} {regulation.Article} allows at most {regulation.ExtensionDays} working days of extension");
        var start = supplementArrived ?? received;
        int left = regulation.WorkingDays + extensionDays;
        var day = start;
        while (left > 0)
        {
            day = day.AddDays(1);
            if (!calendar.IsWorkingDay(day)) continue;
            if (pauses.Any(p => day >= p.From && day <= p.To)) continue;
            left--;
        }
        return day;
    }
}
