using System.CommandLine;
using System.Globalization;
using Ogi.Office.Calendar;

namespace Ogi.Cli;

/// <summary>`ogi calendar due|workdays`: statutory deadlines and working days on China's calendar (src/Ogi.Office/Calendar).</summary>
public static class CalendarCommand
{
    public static Command Create() =>
        new("calendar", "statutory reply deadlines and working days on China's working-day calendar (2008 on)") { Due(), Workdays() };

    static Command Due()
    {
        var date = new Argument<string>("date") { Description = "the day the application was received (yyyy-mm-dd)" };
        var extended = new Option<bool>("--extended") { Description = "with the regulation's full extension (20 working days; 15 before 2019-05-15)" };
        var cmd = new Command("due", "the reply deadline of an application received that day, by the regulation then in force") { date, extended };
        cmd.SetAction(r => Run("due", () =>
        {
            var received = Day(r.GetValue(date)!);
            var regulation = Regulation.InForceOn(received);
            var due = StatutoryDeadline.Due(received, r.GetValue(extended));
            int days = regulation.WorkingDays + (r.GetValue(extended) ? regulation.ExtensionDays : 0);
            Console.WriteLine($"{due:yyyy-MM-dd}\t{days} working days from {received.AddDays(1):yyyy-MM-dd} ({regulation.Name} {regulation.Article})");
        }));
        return cmd;
    }

    static Command Workdays()
    {
        var from = new Argument<string>("from") { Description = "first day (yyyy-mm-dd), counted" };
        var to = new Argument<string>("to") { Description = "last day (yyyy-mm-dd), counted" };
        var cmd = new Command("workdays", "the working days from FROM to TO, both counted") { from, to };
        cmd.SetAction(r => Run("workdays", () =>
        {
            var (a, b) = (Day(r.GetValue(from)!), Day(r.GetValue(to)!));
            if (b < a) throw new FormatException($"{b:yyyy-MM-dd} is before {a:yyyy-MM-dd}");
            Console.WriteLine(WorkingCalendar.Default.CountWorkingDays(a, b).ToString(CultureInfo.InvariantCulture));
        }));
        return cmd;
    }

    static DateOnly Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormatException($"'{text}' is no date (yyyy-mm-dd)");

    // A bad date or a year the calendar has no data for: one line and exit 2, never a guess.
    static int Run(string verb, Action work)
    {
        try { work(); return 0; }
        catch (Exception e) when (e is FormatException or CalendarYearMissingException)
        {
            Console.Error.WriteLine($"ogi calendar {verb}: {e.Message}");
            return 2;
        }
    }
}
