using System.CommandLine;
using System.Diagnostics;
using Ogi.Decode;
using Ogi.Parsing;

namespace Ogi.Cli;

/// <summary>
/// Parse throughput on real reports: the given files are read into memory once, then parsed (decode included)
/// over and over until the count is reached, on one thread or several. Reports documents per second, bytes per
/// second, allocation per document and the process's peak memory at checkpoints, to show it does not grow with
/// the number of documents.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "report files or folders (default: ../shared/seeds ../shared/corpus)", Arity = ArgumentArity.ZeroOrMore };
        var count = new Option<int>("--count", "-n") { Description = "documents to parse", DefaultValueFactory = _ => 10_000 };
        var threads = new Option<int>("--threads", "-j") { Description = "parallel parsers (1 = one core)", DefaultValueFactory = _ => 1 };
        var pdf = new Option<string?>("--pdf") { Description = "a folder of PDF reports: pages/s born-digital and OCR beside text reports/s (PdfBench)" };
        var cmd = new Command("bench", "measure parse throughput and memory") { paths, count, threads, pdf };
        cmd.SetAction(r => r.GetValue(pdf) is string dir ? PdfBench.Run(dir, "../shared/seeds")
            : Run(r.GetValue(paths) ?? [], r.GetValue(count), r.GetValue(threads)));
        return cmd;
    }

    static int Run(string[] paths, int count, int threads)
    {
        if (paths.Length == 0) paths = ["../shared/seeds", "../shared/corpus"];
        var files = InputFiles.Expand(paths, out var missing);
        foreach (var (p, e) in missing) Console.Error.WriteLine($"ogi: {p}: {e}");
        var docs = new List<(string Name, byte[] Bytes)>();
        foreach (var f in files)
        {
            var bytes = File.ReadAllBytes(f);
            try { ReportParser.Parse(bytes); docs.Add((Path.GetFileName(f), bytes)); }
            catch (UnreadableDocumentException e) { Console.Error.WriteLine($"bench: skipping {f}: {e.Message}"); }
        }
        if (docs.Count == 0) { Console.Error.WriteLine("ogi: bench: no readable reports"); return 2; }
        long totalBytes = 0;
        // Warm up for two seconds: the JIT's tiered compilation reaches its optimized code only after many calls.
        var warm = Stopwatch.StartNew();
        for (int i = 0; warm.Elapsed.TotalSeconds < 2; i++) ReportParser.Parse(docs[i % docs.Count].Bytes);
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var proc = Process.GetCurrentProcess();
        long allocBefore = GC.GetTotalAllocatedBytes(true);
        int gen0Before = GC.CollectionCount(0);
        var checkpoints = new List<(int Docs, long PeakMb, long WorkingMb)>();
        var sw = Stopwatch.StartNew();
        int done = 0;
        int nextCheckpoint = Math.Max(1, count / 10);
        if (threads <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                var d = docs[i % docs.Count];
                ReportParser.Parse(d.Bytes);
                totalBytes += d.Bytes.Length;
                if (++done >= nextCheckpoint) { Checkpoint(); nextCheckpoint += Math.Max(1, count / 10); }
            }
        }
        else
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var d = docs[i % docs.Count];
                ReportParser.Parse(d.Bytes);
                Interlocked.Add(ref totalBytes, d.Bytes.Length);
                int n = Interlocked.Increment(ref done);
                if (n % Math.Max(1, count / 10) == 0) lock (checkpoints) Checkpoint();
            });
        }
        sw.Stop();
        long alloc = GC.GetTotalAllocatedBytes(true) - allocBefore;
        int gcs = GC.CollectionCount(0) - gen0Before;
        double secs = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"documents      : {count:N0} ({docs.Count} distinct reports, {docs.Sum(d => d.Bytes.Length) / 1024.0:N0} KiB, repeated)");
        Console.WriteLine($"threads        : {threads}");
        Console.WriteLine($"time           : {secs:N2} s");
        Console.WriteLine($"throughput     : {count / secs:N0} reports/s, {totalBytes / secs / (1024 * 1024):N1} MiB/s");
        Console.WriteLine($"per report     : {secs * 1e6 / count:N0} µs, {alloc / (double)count / 1024:N0} KiB allocated ({gcs:N0} gen-0 collections)");
        Console.WriteLine("peak memory    : " + string.Join(", ", checkpoints.Select(c => $"{c.Docs:N0} docs → {c.PeakMb} MiB peak ({c.WorkingMb} MiB now)")));
        return 0;

        void Checkpoint()
        {
            proc.Refresh();
            checkpoints.Add((done, proc.PeakWorkingSet64 / (1024 * 1024), proc.WorkingSet64 / (1024 * 1024)));
        }
    }
}
