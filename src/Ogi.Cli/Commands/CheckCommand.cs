using System.CommandLine;

namespace Ogi.Cli;

public static class CheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = ParseCommand.FilesDescription, Arity = ArgumentArity.OneOrMore };
        var threads = new Option<int>("--threads", "-j") { Description = "parallel parses (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("check", "the findings only, one line each, then a count on stderr; exit 1 when a report breaks a consistency rule (勾稽关系) or was not fully read (U1, V1), 2 when a file cannot be read (2 wins when both apply)") { files, threads };
        cmd.SetAction(r => Run(r.GetValue(files)!, r.GetValue(threads)));
        return cmd;
    }

    static int Run(string[] paths, int threads)
    {
        var files = InputFiles.Expand(paths, out var missing);
        int broken = 0, reports = 0, findings = 0;
        int failed = missing.Count;
        foreach (var (p, e) in missing) Console.Error.WriteLine($"ogi: {p}: {e}");
        var output = Console.Out;
        InputFiles.ParseAll(files, threads, 64L * 1024 * 1024, o =>
        {
            if (o.Report is null) { Console.Error.WriteLine($"ogi: {o.Path}: {o.Error}"); failed++; return; }
            reports++;
            findings += o.Report.Findings.Count;
            foreach (var f in o.Report.Findings)
            {
                var fields = f.Fields.Count == 0 ? "-" : string.Join(",", f.Fields.Take(8)) + (f.Fields.Count > 8 ? $",…(+{f.Fields.Count - 8})" : "");
                output.WriteLine($"{o.Path}\t{f.Rule}\t{f.Severity}\t{fields}\t{f.Message}\t{f.MessageEn}");
            }
            if (o.Report.BreaksConsistencyRule || o.Report.NotFullyRead) broken++;
        });
        output.Flush();
        int exit = failed > 0 ? 2 : broken > 0 ? 1 : 0;
        var why = exit switch
        {
            2 when broken > 0 => $"exit 2: {Files(failed)} could not be read (this wins over exit 1 for the {Reports(broken)} breaking a rule or not fully read)",
            2 => $"exit 2: {Files(failed)} could not be read",
            1 => $"exit 1: {Reports(broken)} breaking a consistency rule or not fully read (U1, V1)",
            _ => "exit 0",
        };
        Console.Error.WriteLine($"ogi check: {Reports(reports)}, {findings} finding{(findings == 1 ? "" : "s")}; {why}");
        return exit;

        static string Reports(int n) => n == 1 ? "1 report" : $"{n} reports";
        static string Files(int n) => n == 1 ? "1 file" : $"{n} files";
    }
}
