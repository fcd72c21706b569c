using System.CommandLine;

namespace Ogi.Cli;

public static class CheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "report files or folders", Arity = ArgumentArity.OneOrMore };
        var threads = new Option<int>("--threads", "-j") { Description = "parallel parses (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("check", "the findings only, one line each; exit 1 when a report breaks a consistency rule (勾稽关系) or was not fully read (U1, V1)") { files, threads };
        cmd.SetAction(r => Run(r.GetValue(files)!, r.GetValue(threads)));
        return cmd;
    }

    static int Run(string[] paths, int threads)
    {
        var files = InputFiles.Expand(paths, out var missing);
        bool broken = false;
        int failed = missing.Count;
        foreach (var (p, e) in missing) Console.Error.WriteLine($"ogi: {p}: {e}");
        var output = Console.Out;
        foreach (var o in InputFiles.ParseAll(files, threads, 64L * 1024 * 1024))
        {
            if (o.Report is null) { Console.Error.WriteLine($"ogi: {o.Path}: {o.Error}"); failed++; continue; }
            foreach (var f in o.Report.Findings)
            {
                var fields = f.Fields.Count == 0 ? "-" : string.Join(",", f.Fields.Take(8)) + (f.Fields.Count > 8 ? $",…(+{f.Fields.Count - 8})" : "");
                output.WriteLine($"{o.Path}\t{f.Rule}\t{f.Severity}\t{fields}\t{f.Message}\t{f.MessageEn}");
            }
            if (o.Report.BreaksConsistencyRule || o.Report.NotFullyRead) broken = true;
        }
        output.Flush();
        return failed > 0 ? 2 : broken ? 1 : 0;
    }
}
