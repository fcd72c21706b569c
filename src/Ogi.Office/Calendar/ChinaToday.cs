namespace Ogi.Office.Calendar;

/// <summary>
/// The office's calendar day. Statutory deadlines run by the day in China (UTC+8, no summer time), wherever the
/// machine is and whatever its time zone says, so the command line and the web pages count from the same day.
/// </summary>
public static class ChinaToday
{
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Today in China; <paramref name="clock"/> is for tests (default: the system clock).</summary>
    public static DateOnly Get(TimeProvider? clock = null) =>
        DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
