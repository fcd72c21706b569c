using System.CommandLine;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>`ogi agencies`: every agency with its place, reports, years and the years missing inside its series.</summary>
public static class AgenciesCommand
{
    public static Command Create()
    {
        var db = Database.Option();
        var unplaced = new Option<bool>("--unplaced") { Description = "only the agencies whose name could not be placed in the administrative tree" };
        var cmd = new Command("agencies", "list the agencies of the database: id, place, level, reports, years, years missing in the series") { db, unplaced };
        cmd.SetAction(r => Database.Use("agencies", r.GetValue(db), mustExist: true, store =>
        {
            var list = store.Agencies(r.GetValue(unplaced));
            foreach (var a in list) Console.WriteLine(Line(a));
            Console.Error.WriteLine($"ogi: {list.Count:N0} agencies" + (r.GetValue(unplaced) ? " not placed" : ""));
            return 0;
        }));
        return cmd;
    }

    public static string Line(AgencySummary a)
    {
        string place = a.DivisionCode is null ? "unplaced" : $"{a.DivisionCode} {a.Level}{(a.IsDepartment ? " department" : "")}";
        string years = a.FirstYear is null ? "no year" : a.FirstYear == a.LastYear ? $"{a.FirstYear}" : $"{a.FirstYear}–{a.LastYear}";
        string missing = a.MissingYears.Count > 0 ? $"; missing {string.Join(", ", a.MissingYears)}" : "";
        return $"{a.Id}\t{a.Name}\t{place}{(a.Corrected ? " (corrected)" : "")}\t{a.Reports} report{(a.Reports == 1 ? "" : "s")}, {years}{missing}";
    }
}
