using System.Reflection;

namespace Ogi.Office.Calendar;

/// <summary>A year the calendar has no State Council notice for: an error, never a guess.</summary>
public sealed class CalendarYearMissingException(int year, int first, int last)
    : Exception($"no working-day calendar for {year}: the data covers {first}-{last} (add the year's notice, see src/Ogi.Office/Calendar/README.md)")
{
    public int Year { get; } = year;
}

/// <summary>China's working days: Monday-Friday, less the notice's holidays, plus its make-up working days (调休).</summary>
public sealed class WorkingCalendar
{
    readonly Dictionary<DateOnly, bool> exceptions; // true: a weekend day worked; false: a weekday off
    public int FirstYear { get; }
    public int LastYear { get; }

    WorkingCalendar(Dictionary<DateOnly, bool> exceptions, int first, int last)
    { this.exceptions = exceptions; FirstYear = first; LastYear = last; }

    static readonly Lazy<WorkingCalendar> China = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ogi.Office.Calendar.holidays.tsv")!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>The shipped calendar (Data/holidays.tsv).</summary>
    public static WorkingCalendar Default => China.Value;

    /// <summary>Reads DATE TAB holiday|workday TAB NAME lines; the years covered are those the lines name.</summary>
    public static WorkingCalendar Parse(string tsv)
    {
        var map = new Dictionary<DateOnly, bool>();
        int first = int.MaxValue, last = int.MinValue;
        foreach (var line in tsv.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.TrimEnd('\r').Split('\t');
            var date = DateOnly.ParseExact(f[0], "yyyy-MM-dd");
            map[date] = f[1] switch { "workday" => true, "holiday" => false, _ => throw new FormatException($"holidays.tsv: bad kind {f[1]}") };
            first = Math.Min(first, date.Year);
            last = Math.Max(last, date.Year);
        }
        return new WorkingCalendar(map, first, last);
    }

    void Covered(DateOnly day)
    {
        if (day.Year < FirstYear || day.Year > LastYear) throw new CalendarYearMissingException(day.Year, FirstYear, LastYear);
    }

    public bool IsWorkingDay(DateOnly day)
    {
        Covered(day);
        return exceptions.TryGetValue(day, out var worked) ? worked : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The Nth working day after <paramref name="from"/> (from itself not counted); n ≥ 1.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = from;
        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) n--;
        }
        return day;
    }

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/>, both included; 0 when to is before from.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        int count = 0;
        for (var d = from; d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) count++;
        return count;
    }
}
