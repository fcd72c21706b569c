using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ogi.Office.Calendar;
using Ogi.Office.Register;

namespace Ogi.Cli;

/// <summary>`ogi register due`: open applications falling due within N working days, and those overdue, by their statutory deadline.</summary>
public static class RegisterDueCommand
{
    public static Command Create()
    {
        var within = new Option<int>("--within") { Description = "working days ahead (the due day counted, today not)", DefaultValueFactory = _ => 5 };
        var agency = RegisterCommand.AgencyOption();
        var on = new Option<string?>("--on") { Description = "the day to look from (yyyy-mm-dd; default today in China, UTC+8, as the register pages)" };
        var json = new Option<bool>("--json") { Description = "the list as JSON" };
        var db = Database.Option();
        var cmd = new Command("due", "open applications due within N working days and those overdue (第三十三条; 补正 restarts the clock, 征求第三方意见 not counted, 延期 added)")
            { within, agency, on, json, db };
        cmd.SetAction(r => RegisterCommand.Run("register due", r.GetValue(db), null, register =>
        {
            var day = RegisterCommand.Date(r.GetValue(on), "--on") ?? ChinaToday.Get();
            long? agencyId = r.GetValue(agency) is { } a ? register.Agency(a) : null;
            var watch = DueWatch.On(register.Applications(agencyId), day, r.GetValue(within));
            if (r.GetValue(json))
            {
                var doc = new JsonObject
                {
                    ["on"] = OfficeRegister.Day(day), ["within"] = r.GetValue(within),
                    ["applications"] = new JsonArray(watch.Items.Select(i => (JsonNode)new JsonObject
                    {
                        ["reference"] = i.Application.Reference, ["agency"] = i.Application.Agency, ["received"] = OfficeRegister.Day(i.Application.Received),
                        ["due"] = OfficeRegister.Day(i.Due), ["overdue"] = i.Overdue,
                        [i.Overdue ? "working_days_over" : "working_days_left"] = i.WorkingDays,
                        ["status"] = i.Application.Status, ["subject"] = i.Application.Subject,
                    }).ToArray()),
                    ["clock_stopped"] = new JsonArray(watch.ClockStopped.Select(s => (JsonNode)s.Reference).ToArray()),
                };
                Console.WriteLine(doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return;
            }
            Console.WriteLine("reference\tagency\treceived\tdue\twhen\tstatus\tsubject");
            foreach (var i in watch.Items)
                Console.WriteLine(string.Join('\t', i.Application.Reference, i.Application.Agency, OfficeRegister.Day(i.Application.Received), OfficeRegister.Day(i.Due),
                    i.Overdue ? $"overdue {i.WorkingDays} working day(s)" : i.WorkingDays == 0 ? "due today" : $"{i.WorkingDays} working day(s) left",
                    i.Application.Status, i.Application.Subject));
            Console.Error.WriteLine($"ogi register due: on {OfficeRegister.Day(day)}, {watch.Items.Count(i => i.Overdue)} overdue, {watch.Items.Count(i => !i.Overdue)} due within {r.GetValue(within)} working day(s)"
                + (watch.ClockStopped.Count == 0 ? "" : $"; {watch.ClockStopped.Count} with the clock stopped (补正 awaited or third party consulted): {string.Join(", ", watch.ClockStopped.Select(s => s.Reference))}"));
        }, mustExist: true));
        return cmd;
    }
}
