using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ogi.Decode;
using Ogi.Output;
using Ogi.Parsing;
using Ogi.Synthesize;

namespace Ogi.Cli;

/// <summary>
/// Parse speed as a user gets it, beside the floor (../shared/tools/floor: one decode-and-tokenize pass) measured in
/// the same run on the same core, since only that ratio holds on machines whose speed varies hour to hour:
/// the whole process (`ogi parse DIR --json` over thousands of files, start-up and JIT included), the warm steady
/// state in this process (decode, parse and JSON per report, with the time of each stage), and one cold file.
/// </summary>
public static class BenchCommand
{
    /// <summary>The layouts of scraped text: what most reports are once taken off the web.</summary>
    static readonly SynthLayout[] TextLayouts =
        [SynthLayout.Lines, SynthLayout.Pipes, SynthLayout.BlankLines, SynthLayout.Spaces, SynthLayout.Glued,
         SynthLayout.PageBreaks, SynthLayout.Traditional, SynthLayout.FullWidth];

    const string PinnedVariable = "OGI_BENCH_CORE";

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "report files, folders and .zip archives (text, HTML, Word, PDF); default: a synthetic corpus of --files text reports", Arity = ArgumentArity.ZeroOrMore };
        var count = new Option<int>("--count", "-n") { Description = "reports parsed in the steady state", DefaultValueFactory = _ => 20_000 };
        var files = new Option<int>("--files") { Description = "reports in the synthetic corpus when no paths are given", DefaultValueFactory = _ => 5_000 };
        var threads = new Option<int>("--threads", "-j") { Description = "parallel parsers in the steady state (1 = one core, beside the floor)", DefaultValueFactory = _ => 1 };
        var core = new Option<int>("--core") { Description = "the core to run on (default: the last one)", DefaultValueFactory = _ => Environment.ProcessorCount - 1 };
        var pdf = new Option<string?>("--pdf") { Description = "a folder of PDF reports: pages/s born-digital and OCR beside text reports/s (PdfBench)" };
        var cmd = new Command("bench", "measure parse speed beside the floor on one core: the whole process over thousands of files, the steady state by stage, one cold file; --pdf: PDF pages per second")
            { paths, count, files, threads, core, pdf };
        cmd.SetAction(r => r.GetValue(pdf) is string dir ? PdfBench.Run(dir, Path.Combine(SharedFolder.Find() ?? "../shared", "seeds"))
            : Run(r.GetValue(paths) ?? [], r.GetValue(count), r.GetValue(files), r.GetValue(threads), r.GetValue(core)));
        return cmd;
    }

    static int Run(string[] paths, int count, int fileCount, int threads, int core)
    {
        if (count < 1 || fileCount < 1 || threads < 1) { Console.Error.WriteLine("ogi bench: --count, --files and --threads must be 1 or more"); return 2; }
        if (threads == 1 && Environment.GetEnvironmentVariable(PinnedVariable) is null)
        {
            if (core < 0 || core >= Environment.ProcessorCount) { Console.Error.WriteLine($"ogi bench: --core must be 0 to {Environment.ProcessorCount - 1}"); return 2; }
            return RunPinned(paths, count, fileCount, core);
        }
        return Measure(paths, count, threads);
    }

    /// <summary>Makes the corpus with every core, then runs the measurement again pinned to one core with `taskset`.</summary>
    static int RunPinned(string[] paths, int count, int fileCount, int core)
    {
        string? corpus = null;
        try
        {
            if (paths.Length == 0)
            {
                corpus = Directory.CreateTempSubdirectory("ogi-bench-").FullName;
                var clock = Stopwatch.StartNew();
                Parallel.For(0, fileCount, i =>
                {
                    var report = ReportSynthesizer.Generate(2026, i, TextLayouts[i % TextLayouts.Length]);
                    File.WriteAllBytes(Path.Combine(corpus, report.FileName), report.Bytes);
                });
                Console.WriteLine($"corpus         : {fileCount:N0} synthetic text reports ({string.Join(", ", TextLayouts.Select(SynthLayouts.Name))}; seed 2026) in {clock.Elapsed.TotalSeconds:0.0} s");
                paths = [corpus];
            }
            var args = new List<string> { "-c", core.ToString(CultureInfo.InvariantCulture) };
            args.AddRange(OgiCommand());
            args.AddRange(["bench", .. paths, "--count", count.ToString(CultureInfo.InvariantCulture)]);
            var psi = Start("taskset", args);
            psi.Environment[PinnedVariable] = core.ToString(CultureInfo.InvariantCulture);
            Process p;
            try { p = Process.Start(psi)!; }
            catch (System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine("ogi bench: taskset (util-linux) is needed to run on one core; measuring unpinned");
                return Measure(paths, count, 1);
            }
            using (p) { p.WaitForExit(); return p.ExitCode; }
        }
        finally
        {
            if (corpus is not null) Directory.Delete(corpus, true);
        }
    }

    static int Measure(string[] paths, int count, int threads)
    {
        var shared = SharedFolder.Find();
        if (paths.Length == 0)
        {
            if (shared is null) { Console.Error.WriteLine("ogi bench: no paths given and ../shared not found (set OGI_SHARED)"); return 2; }
            paths = [Path.Combine(shared, "seeds"), Path.Combine(shared, "corpus")];
        }
        var files = InputFiles.Expand(paths, out var missing);
        foreach (var (p, e) in missing) Console.Error.WriteLine($"ogi bench: {p}: {e}");
        var pinned = Environment.GetEnvironmentVariable(PinnedVariable);
        Console.WriteLine(pinned is null ? $"cores          : {threads} threads, not pinned" : $"core           : {pinned} (everything below ran on it, one after another)");
        Console.WriteLine(IsReadyToRun("ogi.dll") && IsReadyToRun("Ogi.Core.dll")
            ? "build          : ReadyToRun (published), as users run it"
            : "build          : JIT only (a `dotnet build`): the whole process and the cold file measure the JIT; users run the published build (./run.sh, or `dotnet publish src/Ogi.Cli -c Release --use-current-runtime -o bin/ogi`)");

        var floorBefore = Floor(shared);

        // (a) The whole process, as `ogi parse DIR --json` and ingest get it: start-up, JIT, reading the files, writing JSON.
        var whole = Stopwatch.StartNew();
        int wholeExit = RunOgi(["parse", .. paths, "--json", "--threads", "1"]);
        whole.Stop();
        double wholeRate = files.Count / whole.Elapsed.TotalSeconds;

        // (c) One cold file: a fresh process that parses one report.
        // A file of its own (not an archive's entry), a text report where there is one.
        var onDisk = files.Where(f => File.Exists(f.Origin)).Select(f => f.Origin).ToList();
        var coldFile = onDisk.FirstOrDefault(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) ?? onDisk.FirstOrDefault();
        var colds = new List<double>();
        if (coldFile is not null)
            for (int i = 0; i < 5; i++) { var sw = Stopwatch.StartNew(); RunOgi(["parse", coldFile, "--json"]); colds.Add(sw.Elapsed.TotalMilliseconds); }
        colds.Sort();

        // (b) The steady state in this process: every file read into memory, parsed once (to warm the code and to
        // leave out what cannot be read), then parsed over and over.
        var docs = new List<byte[]>();
        foreach (var f in files)
        {
            byte[] bytes;
            try { bytes = f.Read(); } catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException) { continue; }
            try { ParseAndWrite(bytes, null); docs.Add(bytes); }
            catch (UnreadableDocumentException) { }
        }
        if (docs.Count == 0) { Console.Error.WriteLine("ogi bench: no readable reports"); return 2; }
        var warm = Stopwatch.StartNew();
        for (int i = 0; warm.Elapsed.TotalSeconds < 2; i++) ParseAndWrite(docs[i % docs.Count], null);
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var proc = Process.GetCurrentProcess();
        long allocBefore = GC.GetTotalAllocatedBytes(true);
        int gen0Before = GC.CollectionCount(0);
        var steady = Stopwatch.StartNew();
        if (threads <= 1)
            for (int i = 0; i < count; i++) ParseAndWrite(docs[i % docs.Count], null);
        else
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => ParseAndWrite(docs[i % docs.Count], null));
        steady.Stop();
        long alloc = GC.GetTotalAllocatedBytes(true) - allocBefore;
        int gcs = GC.CollectionCount(0) - gen0Before;
        proc.Refresh();
        double steadyRate = count / steady.Elapsed.TotalSeconds;

        // The stages, timed on one more pass (a clock read between stages costs little beside a stage).
        var stages = new StageClock();
        int staged = Math.Min(count, Math.Max(docs.Count, 2_000));
        for (int i = 0; i < staged; i++) ParseAndWrite(docs[i % docs.Count], stages);

        var floorAfter = Floor(shared);
        double? floor = floorBefore is { } b && floorAfter is { } a ? (a + b) / 2 : floorBefore ?? floorAfter;

        long totalBytes = docs.Sum(d => (long)d.Length);
        Console.WriteLine($"reports        : {files.Count:N0} files, {docs.Count:N0} readable, mean {totalBytes / docs.Count / 1024.0:N1} KiB");
        Console.WriteLine(floor is null
            ? "floor          : ../shared/tools/floor not found (set OGI_SHARED); no ratios"
            : $"floor          : {floor:N0} docs/s (../shared/tools/floor/run; {floorBefore:N0} before, {floorAfter:N0} after)");
        Console.WriteLine($"whole process  : {Rate(wholeRate)}  `ogi parse DIR --json -j 1`, {files.Count:N0} files in {whole.Elapsed.TotalSeconds:N2} s{(wholeExit == 0 ? "" : $" (exit {wholeExit})")}{Ratio(wholeRate, floor, threads, 0.12)}");
        Console.WriteLine($"steady state   : {Rate(steadyRate)}  {count:N0} reports in {steady.Elapsed.TotalSeconds:N2} s, {threads} thread{(threads > 1 ? "s" : "")}{Ratio(steadyRate, floor, threads, 0.2)}");
        if (colds.Count > 0)
            Console.WriteLine($"cold file      : {colds[colds.Count / 2]:N0} ms  median of {colds.Count} fresh `ogi parse FILE --json` ({colds[0]:N0}–{colds[^1]:N0} ms; target under 150 ms)");
        Console.WriteLine($"per report     : {steady.Elapsed.TotalSeconds * 1e6 / count:N0} µs, {alloc / (double)count / 1024:N0} KiB allocated ({gcs:N0} gen-0 collections); peak memory {proc.PeakWorkingSet64 / (1024 * 1024)} MiB");
        Console.WriteLine("stages         : " + string.Join(", ", Enum.GetValues<Stage>().Select(s =>
            $"{Name(s)} {100 * stages[s].TotalMilliseconds / stages.Total.TotalMilliseconds:0}% ({stages[s].TotalMilliseconds * 1000 / staged:N0} µs)")));
        return 0;
    }

    /// <summary>Whether an assembly beside this program holds precompiled code (a ReadyToRun header), not only IL.</summary>
    static bool IsReadyToRun(string file)
    {
        try
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(Path.Combine(AppContext.BaseDirectory, file)));
            return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException) { return false; }
    }

    static readonly Stream Discard = Stream.Null;

    static void ParseAndWrite(byte[] bytes, StageClock? clock)
    {
        var report = ReportParser.Parse(bytes, clock);
        clock?.Start();
        JsonReportWriter.Write(Discard, report);
        clock?.Lap(Stage.Output);
    }

    static string Name(Stage s) => s switch
    {
        Stage.Decode => "decode",
        Stage.Segment => "segment",
        Stage.Metadata => "metadata",
        Stage.Recognize => "recognize",
        Stage.ReadCells => "cells+glued",
        Stage.Validate => "validate",
        Stage.Output => "JSON",
        _ => s.ToString(),
    };

    static string Rate(double perSecond) => $"{perSecond,8:N0} reports/s";

    static string Ratio(double rate, double? floor, int threads, double target) =>
        floor is null || threads > 1 ? "" : $"\n                 ratio to the floor {rate / floor.Value:0.000} (target ≥ {target})";

    /// <summary>The floor's docs/s, run as its own script runs it, in a child process on this core.</summary>
    static double? Floor(string? shared)
    {
        var script = shared is null ? null : Path.Combine(shared, "tools", "floor", "run");
        if (script is null || !File.Exists(script)) return null;
        var psi = Start("bash", [script]);
        psi.RedirectStandardOutput = true;
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var m = Regex.Match(output, @"([\d.]+) docs/s");
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>This ogi again, as a fresh process, its output discarded by the shell so that no reading of it costs this core.</summary>
    static int RunOgi(IEnumerable<string> args)
    {
        using var p = Process.Start(Start("/bin/sh", ["-c", "exec \"$@\" > /dev/null 2>&1", "sh", .. OgiCommand(), .. args]))!;
        p.WaitForExit();
        return p.ExitCode;
    }

    /// <summary>How this program was started: `dotnet ogi.dll` or the ogi executable.</summary>
    static string[] OgiCommand()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, Path.Combine(AppContext.BaseDirectory, "ogi.dll")] : [host];
    }

    static ProcessStartInfo Start(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }
}
