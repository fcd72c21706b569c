using System.CommandLine;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>`ogi agency show|set|merge`: one agency's series, a user's correction of its name or place, two agencies made one series.</summary>
public static class AgencyCommand
{
    public static Command Create()
    {
        var cmd = new Command("agency", "show, correct or merge agencies; corrections and merges survive reparse") { Show(), Set(), Merge() };
        return cmd;
    }

    static Argument<string> AgencyArgument(string name = "agency") => new(name) { Description = "agency id or name (exact, or a unique part of it)" };

    static long Find(SqlReportStore store, string idOrName) =>
        store.FindAgency(idOrName) ?? throw new StoreException($"no agency {idOrName} (or the name is ambiguous: give its id, see ogi agencies)");

    static Command Show()
    {
        var db = Database.Option();
        var agency = AgencyArgument();
        var cmd = new Command("show", "the agency and its series: every report by year, the names it printed, the years missing") { agency, db };
        cmd.SetAction(r => Database.Use("agency show", r.GetValue(db), mustExist: true, store =>
        {
            long id = Find(store, r.GetValue(agency)!);
            Console.WriteLine(AgenciesCommand.Line(store.Agency(id)!));
            var summary = store.Agency(id)!;
            if (summary.NamesPrinted.Count > 1) Console.WriteLine("  printed as: " + string.Join(" · ", summary.NamesPrinted));
            foreach (var report in store.Series(id))
                Console.WriteLine($"  {report.Year?.ToString() ?? "----"}\t{report.Id}\t{report.Template}\t{report.AgencyAsPrinted}\t{report.FileName}\t{report.Findings.Count} finding{(report.Findings.Count == 1 ? "" : "s")}");
            return 0;
        }));
        return cmd;
    }

    static Command Set()
    {
        var db = Database.Option();
        var agency = AgencyArgument();
        var name = new Option<string?>("--name") { Description = "the agency's name" };
        var place = new Option<string?>("--place") { Description = "its division: a code the divisions know (GB/T 2260, e.g. 350128) or a name (平潭县, 福建省福州市鼓楼区); the level follows from it" };
        var level = new Option<string?>("--level") { Description = "province | city | county | township" };
        var department = new Option<bool?>("--department") { Description = "true: a department of the division; false: its government" };
        var parent = new Option<string?>("--parent") { Description = "the district or city it reports to, whose `ogi rollup` sums its report (none: no parent); an agency not yet known is created" };
        var cmd = new Command("set", "correct an agency's name, place, level or kind, or set its parent; kept across reparse") { agency, name, place, level, department, parent, db };
        cmd.SetAction(r => Database.Use("agency set", r.GetValue(db), mustExist: true, store =>
        {
            var lv = r.GetValue(level);
            if (lv is not (null or "province" or "city" or "county" or "township")) throw new StoreException($"--level {lv}: province, city, county or township");
            var code = r.GetValue(place) is { } given ? KnownDivision(given) : null;
            // The level is the division's own: given with it, it must agree; left out, it is taken from it.
            if (code is not null && Places.DivisionCatalog.Default.ByCode(code) is { } division)
            {
                var own = division.Level.ToString().ToLowerInvariant();
                if (lv is not null && lv != own) throw new StoreException($"--level {lv}: {code} {division.Name} is a {own}");
                lv = own;
            }
            var correction = new AgencyCorrection(r.GetValue(name), code, lv, r.GetValue(department));
            var parentName = r.GetValue(parent);
            if (correction == new AgencyCorrection() && parentName is null) throw new StoreException("nothing to set: give --name, --place, --level, --department or --parent");
            // A sub-unit is named before it has reported (so that rollup can say it is missing): created when new.
            long id = parentName is null ? Find(store, r.GetValue(agency)!) : store.FindAgency(r.GetValue(agency)!) ?? store.Session.EnsureAgency(r.GetValue(agency)!);
            if (correction != new AgencyCorrection()) store.CorrectAgency(id, correction);
            Console.WriteLine(AgenciesCommand.Line(store.Agency(id)!));
            if (parentName is not null)
            {
                var register = new Office.Register.OfficeRegister(store, Environment.UserName);
                try
                {
                    long? parentId = parentName == "none" ? null : store.FindAgency(parentName) ?? store.Session.EnsureAgency(parentName);
                    register.SetParent(id, parentId);
                    Console.WriteLine($"  parent: {(parentId is long p ? register.AgencyName(p) : "none")}");
                }
                catch (Office.Register.RegisterException e) { Console.Error.WriteLine($"ogi agency set: {e.Message}"); return 2; }
            }
            return 0;
        }));
        return cmd;
    }

    /// <summary>A division the catalogue knows, by code or by a name that is one division's (or a name with the divisions above it).</summary>
    internal static string KnownDivision(string place)
    {
        var catalog = Places.DivisionCatalog.Default;
        if (place.All(char.IsAsciiDigit))
            return catalog.ByCode(place) is not null ? place : throw new StoreException($"--place {place}: no division has that code");
        var codes = AgencyPlacing.DivisionCodesNamed(place);
        if (codes.Count == 1) return codes[0];
        throw new StoreException(codes.Count > 1
            ? $"--place {place}: {codes.Count} divisions have that name ({string.Join(", ", codes.Take(5))}{(codes.Count > 5 ? ", …" : "")}); give the code"
            : $"--place {place}: no division of that name");
    }

    static Command Merge()
    {
        var db = Database.Option();
        var from = AgencyArgument("from");
        var into = AgencyArgument("into");
        var cmd = new Command("merge", "make FROM's reports part of INTO's series (one agency printed two ways, or renamed)") { from, into, db };
        cmd.SetAction(r => Database.Use("agency merge", r.GetValue(db), mustExist: true, store =>
        {
            long a = Find(store, r.GetValue(from)!), b = Find(store, r.GetValue(into)!);
            store.MergeAgencies(a, b);
            Console.WriteLine(AgenciesCommand.Line(store.Agency(b)!));
            return 0;
        }));
        return cmd;
    }
}
