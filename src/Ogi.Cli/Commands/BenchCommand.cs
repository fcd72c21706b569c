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
        var rounds = new Option<int>("--rounds") { Description = "times the floor, the whole process and the steady state are measured, in turn (the median round is reported)", DefaultValueFactory = _ => 3 };
        var pdf = new Option<string?>("--pdf") { Description = "a folder of PDF reports: pages/s born-digital and OCR beside text reports/s (PdfBench)" };
        var cmd = new Command("bench", "measure parse speed beside the floor on one core: the whole process over thousands of files, the steady state by stage, one cold file; --pdf: PDF pages per second")
            { paths, count, files, threads, core, rounds, pdf };
        cmd.SetAction(r => r.GetValue(pdf) is string dir ? PdfBench.Run(dir, Path.Combine(SharedFolder.Find() ?? "../shared", "seeds"))
            : Run(r.GetValue(paths) ?? [], r.GetValue(count), r.GetValue(files), r.GetValue(threads), r.GetValue(core), r.GetValue(rounds)));
        return cmd;
    }

    static int Run(string[] paths, int count, int fileCount, int threads, int core, int rounds)
    {
        if (count < 1 || fileCount < 1 || threads < 1 || rounds < 1) { Console.Error.WriteLine("ogi bench: --count, --files, --threads and --rounds must be 1 or more"); return 2; }
        if (threads == 1 && Environment.GetEnvironmentVariable(PinnedVariable) is null)
        {
            if (core < 0 || core >= Environment.ProcessorCount) { Console.Error.WriteLine($"ogi bench: --core must be 0 to {Environment.ProcessorCount - 1}"); return 2; }
            return RunPinned(paths, count, fileCount, core, rounds);
        }
        return Measure(paths, count, threads, rounds);
    }

    /// <summary>Makes the corpus with every core, then runs the measurement again pinned to one core with `taskset`.</summary>
    static int RunPinned(string[] paths, int count, int fileCount, int core, int rounds)
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
            args.AddRange(["bench", .. paths, "--count", count.ToString(CultureInfo.InvariantCulture), "--rounds", rounds.ToString(CultureInfo.InvariantCulture)]);
            var psi = Start("taskset", args);
            psi.Environment[PinnedVariable] = core.ToString(CultureInfo.InvariantCulture);
            Process p;
            try { p = Process.Start(psi)!; }
            catch (System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine("ogi bench: taskset (util-linux) is needed to run on one core; measuring unpinned");
                return Measure(paths, count, 1, rounds);
            }
            using (p) { p.WaitForExit(); return p.ExitCode; }
        }
        finally
        {
            if (corpus is not null) Directory.Delete(corpus, true);
        }
    }

    static int Measure(string[] paths, int count, int threads, int rounds)
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

        // The steady state's reports, every file read into memory and parsed once (to warm the code and to leave out
        // what cannot be read), then parsed for two seconds more before anything is measured.
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

        // The floor, the whole process and the steady state in turn, the floor before and after every round: this
        // machine's speed drifts within a minute, so each round's ratio is taken against the floors on either side of
        // it, and the median round is reported with the others beside it.
        var floors = new List<double?> { Floor(shared) };
        var wholes = new List<Round>();
        var steadies = new List<Round>();
        long alloc = 0;
        int gcs = 0, wholeExit = 0;
        for (int round = 0; round < rounds; round++)
        {
            // (a) The whole process, as `ogi parse DIR --json` and ingest get it: start-up, JIT, reading the files, writing JSON.
            var whole = Stopwatch.StartNew();
            int exit = RunOgi(["parse", .. paths, "--json", "--threads", "1"]);
            whole.Stop();
            if (exit != 0) wholeExit = exit;

            // (b) The steady state in this process.
            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            long allocBefore = GC.GetTotalAllocatedBytes(true);
            int gen0Before = GC.CollectionCount(0);
            var steady = Stopwatch.StartNew();
            if (threads <= 1)
                for (int i = 0; i < count; i++) ParseAndWrite(docs[i % docs.Count], null);
            else
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => ParseAndWrite(docs[i % docs.Count], null));
            steady.Stop();
            alloc += GC.GetTotalAllocatedBytes(true) - allocBefore;
            gcs += GC.CollectionCount(0) - gen0Before;

            floors.Add(Floor(shared));
            double? floor = floors[round] is { } before && floors[round + 1] is { } after ? (before + after) / 2 : floors[round] ?? floors[round + 1];
            wholes.Add(new Round(files.Count / whole.Elapsed.TotalSeconds, whole.Elapsed, floor));
            steadies.Add(new Round(count / steady.Elapsed.TotalSeconds, steady.Elapsed, floor));
        }
        var proc = Process.GetCurrentProcess();

        // (c) One cold file: a fresh process that parses one report.
        // A file of its own (not an archive's entry), a text report where there is one.
        var onDisk = files.Where(f => File.Exists(f.Origin)).Select(f => f.Origin).ToList();
        var coldFile = onDisk.FirstOrDefault(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) ?? onDisk.FirstOrDefault();
        var colds = new List<double>();
        if (coldFile is not null)
            for (int i = 0; i < 5; i++) { var sw = Stopwatch.StartNew(); RunOgi(["parse", coldFile, "--json"]); colds.Add(sw.Elapsed.TotalMilliseconds); }
        colds.Sort();

        // The stages, timed on one more pass (a clock read between stages costs little beside a stage).
        var stages = new StageClock();
        int staged = Math.Min(count, Math.Max(docs.Count, 2_000));
        for (int i = 0; i < staged; i++) ParseAndWrite(docs[i % docs.Count], stages);

        long totalBytes = docs.Sum(d => (long)d.Length);
        var measuredFloors = floors.OfType<double>().Order().ToList();
        Console.WriteLine($"reports        : {files.Count:N0} files, {docs.Count:N0} readable, mean {totalBytes / docs.Count / 1024.0:N1} KiB");
        Console.WriteLine(measuredFloors.Count == 0
            ? "floor          : ../shared/tools/floor not found (set OGI_SHARED); no ratios"
            : $"floor          : {measuredFloors[measuredFloors.Count / 2]:N0} docs/s (../shared/tools/floor/run, median of {measuredFloors.Count} runs before, between and after the rounds: {string.Join(", ", floors.Select(f => f is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "–"))})");
        var w = Median(wholes);
        Console.WriteLine($"whole process  : {Rate(w.Rate)}  `ogi parse DIR --json -j 1`, {files.Count:N0} files in {w.Elapsed.TotalSeconds:N2} s{RoundsNote(rounds)}{(wholeExit == 0 ? "" : $" (exit {wholeExit})")}{Ratio(wholes, threads, 0.12)}");
        var st = Median(steadies);
        Console.WriteLine($"steady state   : {Rate(st.Rate)}  {count:N0} reports in {st.Elapsed.TotalSeconds:N2} s, {threads} thread{(threads > 1 ? "s" : "")}{RoundsNote(rounds)}{Ratio(steadies, threads, 0.2)}");
        if (colds.Count > 0)
            Console.WriteLine($"cold file      : {colds[colds.Count / 2]:N0} ms  median of {colds.Count} fresh `ogi parse FILE --json` ({colds[0]:N0}–{colds[^1]:N0} ms; target under 150 ms)");
        Console.WriteLine($"per report     : {st.Elapsed.TotalSeconds * 1e6 / count:N0} µs, {alloc / ((double)count * rounds) / 1024:N0} KiB allocated ({gcs / (double)rounds:N0} gen-0 collections a round); peak memory {proc.PeakWorkingSet64 / (1024 * 1024)} MiB");
        Console.WriteLine("stages         : " + string.Join(", ", Enum.GetValues<Stage>().Select(s =>
            $"{Name(s)} {100 * stages[s].TotalMilliseconds / stages.Total.TotalMilliseconds:0}% ({stages[s].TotalMilliseconds * 1000 / staged:N0} µs)")));
        return 0;
    }

    /// <summary>One round's measurement: reports a second, the time taken, and the floor around it (null: none).</summary>
    readonly record struct Round(double Rate, TimeSpan Elapsed, double? Floor)
    {
        public double? Ratio => Floor is { } f ? Rate / f : null;
    }

    /// <summary>The round of the median ratio to the floor (of the median rate when there is no floor).</summary>
    static Round Median(List<Round> rounds)
    {
        var sorted = rounds.OrderBy(r => r.Ratio ?? r.Rate).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    static string RoundsNote(int rounds) => rounds > 1 ? $", the median of {rounds} rounds" : "";

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

    static string Ratio(List<Round> rounds, int threads, double target)
    {
        if (threads > 1 || Median(rounds).Ratio is not { } median) return "";
        string each = rounds.Count > 1 ? $"; by round {string.Join(", ", rounds.Select(r => r.Ratio is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–"))}" : "";
        return $"\n                 ratio to the floor {median:0.000}{each} (target ≥ {target})";
    }

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
