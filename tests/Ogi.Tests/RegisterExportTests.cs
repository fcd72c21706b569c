using Ogi.Office.Register;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// `ogi register export` writes the register as an office's spreadsheet and `ogi register import` reads it back to the
/// same register: 150 synthetic applications (补正, consultations, extensions, replies, appeals by every route), exported
/// as CSV and XLSX, imported into a fresh database, compared application by application — and exported again, byte
/// for byte the same CSV.
/// </summary>
public class RegisterExportTests
{
    const string Agency = "福建省平潭县人民政府";

    /// <summary>Everything an application's state holds, as one comparable line.</summary>
    static string Fingerprint(ApplicationState a) => string.Join(" | ",
        a.Reference, a.Applicant, a.ApplicantName, a.Channel, a.Received, a.Subject, a.Unit,
        string.Join(",", a.Supplements.Select(s => $"{s.Requested}>{s.Supplied}")), string.Join(",", a.Consultations.Select(c => $"{c.From}>{c.To}")),
        a.ExtendedOn, a.ExtensionDays, a.ExtensionApprovedBy, a.Replied, a.Outcome, a.Reason,
        string.Join(",", a.Appeals.Select(c => $"{c.Case}/{c.Route}/{c.Filed}/{c.Result}/{c.Decided}")), a.Status);

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public void Export_then_import_gives_the_same_register(string format)
    {
        var dir = Directory.CreateTempSubdirectory("ogi-export-").FullName;
        var (first, second) = (Path.Combine(dir, "a.db"), Path.Combine(dir, "b.db"));
        var apps = CompileTests.Synthetic(150, seed: 5);
        Assert.Contains(apps, a => a.Cases.Any(c => c.Route == "litigation_after_review"));
        Assert.Contains(apps, a => a.Events.Any(e => e.Kind == EventKind.SupplementRequested) && !a.Events.Any(e => e.Kind == EventKind.SupplementReceived));
        using (var store = Ogi.Store.ReportStore.Open(first))
        {
            var register = new OfficeRegister(store, "测试");
            long agency = register.EnsureAgency(Agency);
            var events = apps.SelectMany(a => a.Events.Select(e => new NewEvent(agency, a.Ref, e))).ToList();
            // Some of what offices write beside: names, units, reasons.
            register.Record(events);
            register.Record(agency, apps[0].Ref, new RegisterEvent(EventKind.Corrected, apps[0].Received, new Dictionary<string, string> { ["applicant_name"] = "张三", ["unit"] = "办公室" }));
        }
        var file = Path.Combine(dir, "register." + format);
        var export = CommandLineTests.RunIn(dir, "register", "export", "--agency", Agency, "--format", format, "--out", file, "--db", first);
        Assert.Equal(0, export.Exit);
        Assert.Contains("150 application(s)", export.Err);
        var import = CommandLineTests.RunIn(dir, "register", "import", file, "--agency", Agency, "--db", second);
        Assert.True(import.Exit == 0, import.Err);
        Assert.Contains("150 application(s) recorded", import.Err);

        List<string> Register(string db)
        {
            using var store = Ogi.Store.ReportStore.Open(db);
            var register = new OfficeRegister(store, "测试");
            return register.Applications(register.Agency(Agency)).Select(Fingerprint).ToList();
        }
        var (before, after) = (Register(first), Register(second));
        Assert.Equal(150, after.Count);
        for (int i = 0; i < before.Count; i++) Assert.Equal(before[i], after[i]);
        Assert.Contains("张三", after[0]);

        var again = CommandLineTests.RunIn(dir, "register", "export", "--agency", Agency, "--format", "csv", "--db", second);
        var original = CommandLineTests.RunIn(dir, "register", "export", "--agency", Agency, "--format", "csv", "--db", first);
        Assert.Equal(0, again.Exit);
        Assert.Equal(original.Out, again.Out);
        Assert.Equal(151, original.Out.Trim().Split('\n').Length);
        Directory.Delete(dir, true);
    }
}
