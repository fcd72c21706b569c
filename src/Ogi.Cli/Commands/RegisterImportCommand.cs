using System.CommandLine;
using Ogi.Office.Register;

namespace Ogi.Cli;

/// <summary>`ogi register import FILE --agency A`: an office's Excel/CSV register read in one transaction, or not at all.</summary>
public static class RegisterImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "the office's register: .xlsx or .csv" };
        var agency = RegisterCommand.AgencyOption(required: true);
        var map = new Option<string[]>("--map") { Description = "a column name of the file and the field it holds, 列名=field (repeatable; fields: " + string.Join(", ", RegisterImport.KnownColumns.Keys) + ")", AllowMultipleArgumentsPerToken = true };
        var preview = new Option<bool>("--preview") { Description = "show how the file is read and what would be recorded; record nothing" };
        var by = new Option<string?>("--by") { Description = "who records the import (default: the login name)" };
        var db = Database.Option();
        var cmd = new Command("import", "read an office's Excel or CSV register: every row or none (the bad rows are listed)") { file, agency, map, preview, by, db };
        cmd.SetAction(r => RegisterCommand.Run("register import", r.GetValue(db), r.GetValue(by), register =>
        {
            var mapping = new Dictionary<string, string>();
            foreach (var m in r.GetValue(map) ?? [])
            {
                var kv = m.Split('=', 2);
                if (kv.Length != 2 || kv[0].Trim().Length == 0) throw new RegisterException($"--map {m}: 列名=field expected");
                mapping[kv[0].Trim()] = kv[1].Trim();
            }
            var rows = RegisterImport.ReadRows(r.GetValue(file)!);
            var agencyId = register.EnsureAgency(r.GetValue(agency)!);
            var existing = register.Applications(agencyId).Select(a => a.Reference).ToHashSet(StringComparer.Ordinal);
            var plan = RegisterImport.Plan(rows, agencyId, mapping, existing);
            Console.Error.WriteLine("ogi register import: columns: " + string.Join(", ", plan.Columns.Select(c => $"{c.Key} → {c.Value}")));
            foreach (var s in plan.Skipped) Console.Error.WriteLine($"ogi register import: skipped {s}");
            foreach (var b in plan.Bad) Console.Error.WriteLine($"ogi register import: row {b.Row}: {b.Reason}");
            if (r.GetValue(preview))
            {
                foreach (var g in plan.Events.GroupBy(e => e.Reference))
                    Console.WriteLine($"{g.Key}\t" + string.Join("; ", g.Select(e => e.Event.ToString().Split(" (by ")[0])));
                Console.Error.WriteLine($"ogi register import: preview: {plan.Applications} application(s) readable, {plan.Bad.Count} bad row(s); nothing recorded");
                return;
            }
            if (plan.Bad.Count > 0)
                throw new RegisterException($"{plan.Bad.Count} row(s) cannot be read (listed above); nothing imported");
            register.Record(plan.Events);
            Console.Error.WriteLine($"ogi register import: {plan.Applications} application(s) recorded in the register of {register.AgencyName(agencyId)}");
        }));
        return cmd;
    }
}
