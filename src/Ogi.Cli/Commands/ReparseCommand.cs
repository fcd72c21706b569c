using System.CommandLine;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>`ogi reparse`: stored documents read again by the current parser; each new parse kept as a version.</summary>
public static class ReparseCommand
{
    public static Command Create()
    {
        var db = Database.Option();
        var threads = new Option<int>("--threads", "-j") { Description = "parallel parses (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var changes = new Option<bool>("--changes") { Description = "list what the new parses changed (template, values, findings), document by document" };
        var cmd = new Command("reparse", "read every stored document again with the current parser; a changed parse becomes a new version (the newest is current)")
            { db, threads, changes };
        cmd.SetAction(r => Run(r.GetValue(db), r.GetValue(threads), r.GetValue(changes)));
        return cmd;
    }

    static int Run(string? db, int threads, bool listChanges)
    {
        if (threads < 1) { Console.Error.WriteLine("ogi reparse: --threads must be 1 or more"); return 2; }
        return Database.Use("reparse", db, mustExist: true, store =>
        {
            int total = (int)store.Counts().Documents;
            var result = ProgressDisplay.Run("reparse", total, progress => new Reparser { Threads = threads, Progress = progress }.Run(store));
            foreach (var (file, reason) in result.Failures) Console.Error.WriteLine($"ogi: {file}: {reason}");
            if (listChanges)
            {
                int shown = 0;
                foreach (var o in result.NewParses)
                {
                    var c = store.Changes(o.DocumentId, o.PreviousParseId, o.NewParseId!.Value);
                    if (!c.Any) continue;
                    shown++;
                    Console.WriteLine($"{c.FileName} (report {c.DocumentId})");
                    if (c.TemplateBefore != c.TemplateAfter) Console.WriteLine($"  template: {c.TemplateBefore ?? "none"} → {c.TemplateAfter}");
                    foreach (var (field, before, after) in c.Values) Console.WriteLine($"  {field}: {before ?? "not printed"} → {after ?? "not printed"}");
                    foreach (var f in c.FindingsAdded) Console.WriteLine($"  + {f}");
                    foreach (var f in c.FindingsRemoved) Console.WriteLine($"  − {f}");
                }
                if (shown == 0) Console.WriteLine("no parse changed a value, template or finding");
            }
            Console.Error.WriteLine($"ogi: {result.Documents:N0} documents: {result.Changed:N0} new parses, {result.Unchanged:N0} unchanged, {result.Failures.Count:N0} could not be read");
            return result.Failures.Count > 0 ? 2 : 0;
        });
    }
}
