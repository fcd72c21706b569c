using Ogi.Office.Calendar;

namespace Ogi.Office.Register;

/// <summary>An open application and its deadline: working days left (after today, up to the due day) or over (after it, to today).</summary>
public sealed record DueItem(ApplicationState Application, DateOnly Due, bool Overdue, int WorkingDays);

/// <summary>What falls due and what is overdue on a day, by each open application's statutory deadline.</summary>
public sealed record DueWatch(IReadOnlyList<DueItem> Items, IReadOnlyList<ApplicationState> ClockStopped)
{
    /// <summary>
    /// The applications open on <paramref name="on"/> (received by then, not answered) whose deadline is past, or at most
    /// <paramref name="within"/> working days away (the due day itself counted, today not), soonest first. Those whose
    /// clock is stopped (a 补正 awaited, a third party consulted) have no deadline yet and are returned apart.
    /// </summary>
    public static DueWatch On(IEnumerable<ApplicationState> register, DateOnly on, int within, WorkingCalendar? calendar = null)
    {
        if (within < 0) throw new RegisterException($"--within {within}: a number of working days, 0 or more");
        calendar ??= WorkingCalendar.Default;
        var items = new List<DueItem>();
        var stopped = new List<ApplicationState>();
        foreach (var a in register.Where(a => a.Received <= on && (a.Replied is null || a.Replied > on)))
        {
            if (a.Due(calendar) is not DateOnly due) { stopped.Add(a); continue; }
            var item = due < on
                ? new DueItem(a, due, true, Counted(calendar, due.AddDays(1), on))
                : new DueItem(a, due, false, Counted(calendar, on.AddDays(1), due));
            if (item.Overdue || item.WorkingDays <= within) items.Add(item);
        }
        return new DueWatch(items.OrderBy(i => i.Due).ThenBy(i => i.Application.Reference, StringComparer.Ordinal).ToList(), stopped);
    }

    static int Counted(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        try { return calendar.CountWorkingDays(from, to); }
        catch (CalendarYearMissingException e) { throw new RegisterException(e.Message); }
    }
}
