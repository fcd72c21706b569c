using System.CommandLine;
using Ogi.Office.Register;

namespace Ogi.Cli;

/// <summary>`ogi register export --format csv|xlsx --out F`: the register as the spreadsheet offices keep, which `register import` reads back.</summary>
public static class RegisterExportCommand
{
    public static Command Create()
    {
        var agency = RegisterCommand.AgencyOption(required: true);
        var format = new Option<string>("--format", "-f") { Description = "csv | xlsx", DefaultValueFactory = _ => "xlsx" };
        var output = new Option<string?>("--out", "-o") { Description = "the file to write (default: standard output; xlsx needs it)" };
        var db = Database.Option();
        var cmd = new Command("export", "write an agency's register as a spreadsheet, one row an application (register import reads it back)") { agency, format, output, db };
        cmd.SetAction(r => RegisterCommand.Run("register export", r.GetValue(db), null, register =>
        {
            var f = r.GetValue(format)!.ToLowerInvariant();
            if (f is not ("csv" or "xlsx")) throw new RegisterException($"unknown format {f}: csv or xlsx");
            var path = r.GetValue(output);
            if (f == "xlsx" && path is null or "-") throw new RegisterException("an Excel file needs --out FILE");
            var agencyId = register.Agency(r.GetValue(agency)!);
            var apps = register.Applications(agencyId);
            using var buffer = new MemoryStream();
            if (f == "csv") RegisterExport.WriteCsv(apps, buffer); else RegisterExport.WriteXlsx(apps, buffer);
            if (path is null or "-") { using var stdout = Console.OpenStandardOutput(); buffer.WriteTo(stdout); return; }
            try { File.WriteAllBytes(path, buffer.ToArray()); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new RegisterException($"{path}: cannot write: {e.Message.Split('\n')[0]}"); }
            Console.Error.WriteLine($"ogi register export: {apps.Count} application(s) of {register.AgencyName(agencyId)} written to {path}");
        }));
        return cmd;
    }
}
