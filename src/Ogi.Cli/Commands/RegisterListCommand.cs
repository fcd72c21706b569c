using System.CommandLine;
using Ogi.Office.Register;

namespace Ogi.Cli;

/// <summary>`ogi register list`: the applications as their events make them; `--history REF` every event of one, in order.</summary>
public static class RegisterListCommand
{
    public static Command Create()
    {
        var agency = RegisterCommand.AgencyOption();
        var year = new Option<int?>("--year") { Description = "only applications received in that year or open during it" };
        var open = new Option<bool>("--open") { Description = "only applications not yet answered" };
        var history = new Option<string?>("--history") { Description = "every event of this application: what, when, who" };
        var db = Database.Option();
        var cmd = new Command("list", "the register's applications with their state, or one application's history") { agency, year, open, history, db };
        cmd.SetAction(r => RegisterCommand.Run("register list", r.GetValue(db), null, register =>
        {
            long? agencyId = r.GetValue(agency) is { } a ? register.Agency(a) : null;
            if (r.GetValue(history) is { } reference)
            {
                var app = register.Find(reference, agencyId);
                Console.WriteLine($"{app.Reference} ({app.Agency}): {app.Status}");
                foreach (var e in app.History) Console.WriteLine("  " + e);
                return;
            }
            var apps = register.Applications(agencyId).Where(x => !r.GetValue(open) || x.Replied is null);
            if (r.GetValue(year) is int y)
                apps = apps.Where(x => x.Received.Year == y || x.Replied?.Year == y || x.OpenAt(new DateOnly(y, 1, 1)));
            Console.WriteLine("reference\tagency\treceived\tapplicant\tchannel\tstatus\treplied\toutcome\tappeals\tsubject");
            foreach (var x in apps)
                Console.WriteLine(string.Join('\t', x.Reference, x.Agency, OfficeRegister.Day(x.Received), Name(RegisterTerms.ApplicantTypes, x.Applicant),
                    Name(RegisterTerms.Channels, x.Channel), x.Status, x.Replied is DateOnly d ? OfficeRegister.Day(d) : "",
                    x.Outcome is { } o ? Name(RegisterTerms.Outcomes, o) : "", x.Appeals.Count, x.Subject));
        }));
        return cmd;
    }

    static string Name(IReadOnlyList<Term> terms, string key) => RegisterTerms.Find(terms, key)?.Name ?? key;
}
