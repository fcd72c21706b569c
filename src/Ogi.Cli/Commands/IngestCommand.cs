using System.CommandLine;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>`ogi ingest PATH...`: files, folders and .zip archives into the database, each document once.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = ParseCommand.FilesDescription, Arity = ArgumentArity.OneOrMore };
        var db = Database.Option();
        var threads = new Option<int>("--threads", "-j") { Description = "parallel parses (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "documents written per transaction", DefaultValueFactory = _ => 256 };
        var dryRun = new Option<bool>("--dry-run") { Description = "read and parse only, write nothing (parse throughput alone)" };
        var cmd = new Command("ingest", "read reports into the database (SQLite or PostgreSQL): bytes, text, parse, values with provenance, findings; a document already stored is skipped")
            { paths, db, threads, batch, dryRun };
        cmd.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(db), r.GetValue(threads), r.GetValue(batch), r.GetValue(dryRun)));
        return cmd;
    }

    static int Run(string[] paths, string? db, int threads, int batch, bool dryRun)
    {
        if (threads < 1) { Console.Error.WriteLine("ogi ingest: --threads must be 1 or more"); return 2; }
        if (batch < 1) { Console.Error.WriteLine("ogi ingest: --batch must be 1 or more"); return 2; }
        var missing = new List<(string Origin, string Reason)>();
        var sources = Ingester.Expand(paths, missing);
        foreach (var (p, e) in missing) Console.Error.WriteLine($"ogi: {p}: {e}");
        if (dryRun) return Report(Ingest(null, sources, threads, batch), missing.Count, "parsed (nothing written)");
        return Database.Use("ingest", db, mustExist: false, store =>
        {
            foreach (var (p, e) in missing) store.AddFailure(p, e);
            var result = Ingest(store, sources, threads, batch);
            if (result.AlreadyStoredOrigins.Count is > 0 and <= 20)
                foreach (var origin in result.AlreadyStoredOrigins.Order(StringComparer.Ordinal)) Console.Error.WriteLine($"ogi: {origin}: already stored; nothing to do");
            return Report(result, missing.Count, "added to " + store.Description);
        });
    }

    static IngestResult Ingest(IReportStore? store, List<IngestSource> sources, int threads, int batch) =>
        ProgressDisplay.Run(store is null ? "parse" : "ingest", sources.Count, progress =>
            new Ingester { Threads = threads, BatchSize = batch, Progress = p => progress(p.Done, p.Failed) }.Run(store, sources));

    static int Report(IngestResult result, int missing, string what)
    {
        foreach (var (origin, reason) in result.Failures) Console.Error.WriteLine($"ogi: {origin}: {reason}");
        double rate = result.Total / Math.Max(result.Elapsed.TotalSeconds, 1e-3);
        Console.Error.WriteLine($"ogi: {result.Added:N0} {what}, {result.AlreadyStored:N0} already stored, {result.Failures.Count + missing:N0} could not be read " +
                                $"({result.Total:N0} files in {result.Elapsed.TotalSeconds:0.0} s, {rate:N0}/s)");
        return result.Failures.Count + missing > 0 ? 2 : 0;
    }
}
