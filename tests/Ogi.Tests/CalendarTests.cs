using Ogi.Office.Calendar;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// Statutory deadlines on China's working-day calendar. Every expected date was counted by hand, day by day, from the
/// State Council's holiday notices (the counting is in the comment of each case), not by the code under test.
/// </summary>
public class CalendarTests
{
    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Spring Festival 2024 (holiday 10–17 Feb, make-up Sunday 18 Feb), received Monday 5 Feb: Feb 6–9 (4), Sun 18 (5),
    // 19–23 (10), 26 Feb–1 Mar (15), 4–8 Mar (20).
    [InlineData("2024-02-05", false, "2024-03-08")]
    // Extended by 20: from 8 Mar, 11–15 (5), 18–22 (10), 25–29 (15), 1–3 Apr (18), 清明 4–6 Apr off, make-up Sun 7 Apr (19), Mon 8 (20).
    [InlineData("2024-02-05", true, "2024-04-08")]
    // National Day 2023 (29 Sep–6 Oct off, Sat 7 and Sun 8 Oct working), received Thursday 28 Sep: 7, 8 Oct (2), 9–13 (7),
    // 16–20 (12), 23–27 (17), 30, 31 Oct, 1 Nov (20).
    [InlineData("2023-09-28", false, "2023-11-01")]
    // Make-up weekends of National Day 2021 (Sun 26 Sep and Sat 9 Oct working, 1–7 Oct off), received Friday 24 Sep:
    // Sun 26 (1), 27–30 (5), Fri 8 Oct (6), Sat 9 (7), 11–15 (12), 18–22 (17), 25–27 (20).
    [InlineData("2021-09-24", false, "2021-10-27")]
    // The Spring Festival of 2020, extended to 2 Feb (国办发明电〔2020〕1号), received Thursday 23 Jan: 24 Jan–2 Feb off,
    // 3–7 Feb (5), 10–14 (10), 17–21 (15), 24–28 (20).
    [InlineData("2020-01-23", false, "2020-02-28")]
    // The day before the 2019 regulation: the 2007 one's 15 working days (第二十四条), received Monday 13 May 2019:
    // 14–17 (4), 20–24 (9), 27–31 (14), 3 Jun (15).
    [InlineData("2019-05-13", false, "2019-06-03")]
    // The 2019 regulation's first day (第三十三条, 20 days), received Wednesday 15 May: 16, 17 (2), 20–24 (7), 27–31 (12),
    // 3–6 Jun (16), 端午 Fri 7 Jun off, 10–13 (20).
    [InlineData("2019-05-15", false, "2019-06-13")]
    // Carried over the year's end (2007 regulation), received Monday 17 Dec 2018: 18–21 (4), 24–28 (9), make-up Sat 29 Dec
    // (10), 30 Dec–1 Jan off, 2–4 Jan (13), 7, 8 Jan (15).
    [InlineData("2018-12-17", false, "2019-01-08")]
    public void Due_dates_count_working_days_by_the_regulation_in_force(string received, bool extended, string due) =>
        Assert.Equal(D(due), StatutoryDeadline.Due(D(received), extended));

    [Fact]
    public void Working_days_of_February_2024()
    {
        // 21 weekdays, less the five of the holiday (12–16), plus the make-up Sundays 4 and 18 Feb.
        Assert.Equal(18, WorkingCalendar.Default.CountWorkingDays(D("2024-02-01"), D("2024-02-29")));
        Assert.True(WorkingCalendar.Default.IsWorkingDay(D("2024-02-18")));
        Assert.False(WorkingCalendar.Default.IsWorkingDay(D("2024-02-12")));
    }

    [Fact]
    public void A_supplement_restarts_the_clock_and_a_consultation_is_not_counted()
    {
        // Received Mon 4 Mar 2024, 补正 supplied Fri 8 Mar: counted from Mon 11 Mar, 11–15 (5), 18–22 (10), 25–29 (15),
        // 1–3 Apr (18), 清明 4–6 off, Sun 7 (19), Mon 8 Apr (20).
        Assert.Equal(D("2024-04-08"), StatutoryDeadline.Due(D("2024-03-04"), D("2024-03-08"), []));
        // The same with the third party consulted 18–22 Mar: those five working days are not counted, so five more
        // after Mon 8 Apr: 9, 10, 11, 12 Apr and Mon 15 Apr.
        Assert.Equal(D("2024-04-15"), StatutoryDeadline.Due(D("2024-03-04"), D("2024-03-08"), [(D("2024-03-18"), D("2024-03-22"))]));
    }

    [Fact]
    public void An_extension_beyond_the_regulation_and_a_year_without_data_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryDeadline.Due(D("2018-03-01"), null, [], extensionDays: 20));
        var e = Assert.Throws<CalendarYearMissingException>(() => WorkingCalendar.Default.IsWorkingDay(D("2031-06-02")));
        Assert.Contains("2031", e.Message);
    }

    [Fact]
    public void The_command_line_prints_due_dates_and_working_days_and_refuses_bad_dates_in_one_line()
    {
        var due = CommandLineTests.Run("calendar", "due", "2024-02-05");
        Assert.Equal(0, due.Exit);
        Assert.StartsWith("2024-03-08\t20 working days from 2024-02-06", due.Out);
        Assert.StartsWith("2024-04-08\t", CommandLineTests.Run("calendar", "due", "2024-02-05", "--extended").Out);
        Assert.StartsWith("2019-06-03\t15 working days", CommandLineTests.Run("calendar", "due", "2019-05-13").Out);
        Assert.Equal("18", CommandLineTests.Run("calendar", "workdays", "2024-02-01", "2024-02-29").Out.Trim());
        foreach (var args in new[] { new[] { "calendar", "due", "2024-13-01" }, ["calendar", "due", "2031-06-02"], ["calendar", "workdays", "2024-03-01", "2024-02-01"] })
        {
            var (exit, output, error) = CommandLineTests.Run(args);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Single(error.Trim().Split('\n'));
            Assert.StartsWith("ogi calendar ", error);
        }
    }
}
