using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Ogi.Synthesize;

namespace Ogi.Cli;

/// <summary>`ogi synth`: realistic reports in every layout, each with the gold its parse must give.</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "how many reports", DefaultValueFactory = _ => 100 };
        var output = new Option<string>("--out", "-o") { Description = "the folder to write NAME.ext and NAME.json (gold) into", Required = true };
        var seed = new Option<int>("--seed", "-s") { Description = "the same seed gives the same files", DefaultValueFactory = _ => 1 };
        var layouts = new Option<string?>("--layouts", "-l") { Description = "comma-separated, default all: " + string.Join(",", SynthLayouts.All.Select(SynthLayouts.Name)) };
        var broken = new Option<double>("--broken") { Description = "share of reports with one rule broken on purpose (expected as a finding in the gold)", DefaultValueFactory = _ => 0.1 };
        var cmd = new Command("synth", "write synthetic annual reports with their gold: all templates (2012–2025), all layouts, deterministic per seed")
            { count, output, seed, layouts, broken };
        cmd.SetAction(r => Run(r.GetValue(count), r.GetValue(output)!, r.GetValue(seed), r.GetValue(layouts), r.GetValue(broken)));
        return cmd;
    }

    static int Run(int count, string outDir, int seed, string? layoutList, double broken)
    {
        if (count < 0) { Console.Error.WriteLine("ogi synth: --count must be 0 or more"); return 2; }
        if (double.IsNaN(broken) || broken is < 0 or > 1) { Console.Error.WriteLine("ogi synth: --broken is a share between 0 and 1"); return 2; }
        var layouts = new List<SynthLayout>();
        foreach (var name in (layoutList ?? string.Join(",", SynthLayouts.All.Select(SynthLayouts.Name))).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SynthLayouts.TryParse(name, out var l))
            { Console.Error.WriteLine($"ogi synth: unknown layout {name}: {string.Join(", ", SynthLayouts.All.Select(SynthLayouts.Name))}"); return 2; }
            layouts.Add(l);
        }
        if (layouts.Count == 0) { Console.Error.WriteLine("ogi synth: no layout given"); return 2; }
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        { Console.Error.WriteLine($"ogi synth: {outDir}: cannot create the folder: {e.Message.Split('\n')[0]}"); return 2; }

        var clock = Stopwatch.StartNew();
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        try
        {
            // Each report has its own random stream (seed, index), so the files do not depend on the thread that wrote them.
            Parallel.For(0, count, i =>
            {
                var report = ReportSynthesizer.Generate(seed, i, layouts[i % layouts.Count], broken);
                File.WriteAllBytes(Path.Combine(outDir, report.FileName), report.Bytes);
                File.WriteAllText(Path.Combine(outDir, report.Name + ".json"), report.Gold.ToJsonString(options) + "\n");
            });
        }
        catch (AggregateException ae) when (ae.InnerException is { } e)
        {
            Console.Error.WriteLine(e is IOException or UnauthorizedAccessException
                ? $"ogi synth: {outDir}: cannot write: {e.Message.Split('\n')[0]}"
                : $"ogi synth: internal error: {e.Message.Split('\n')[0]}");
            return e is IOException or UnauthorizedAccessException ? 2 : 3;
        }
        Console.Error.WriteLine($"ogi synth: {count} reports with gold in {outDir} ({string.Join(", ", layouts.Select(SynthLayouts.Name))}; seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
