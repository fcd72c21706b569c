using System.CommandLine;
using Ogi.Output;

namespace Ogi.Cli;

public static class ParseCommand
{
    /// <summary>What every command that reads reports reads.</summary>
    public const string FilesDescription = "report files or folders: text (.txt, .md, .csv), web pages (.html), Word (.docx; .doc/.wps through LibreOffice), PDF (born-digital, or scanned with Tesseract), in any encoding; folders are searched (*.json, *.tsv and database files in them skipped) and .zip archives opened";

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = FilesDescription, Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "print the JSON document of OUTPUT.md (JSON Lines for several files)" };
        var pretty = new Option<bool>("--pretty") { Description = "indent the JSON (one file only)" };
        var threads = new Option<int>("--threads", "-j") { Description = "parallel parses for several files (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var maxMb = new Option<int>("--max-size") { Description = "refuse files larger than this many MB", DefaultValueFactory = _ => 64 };
        var outDir = new Option<string?>("--out", "-o") { Description = "write one NAME.json per report into this folder (the --pred folder of ../shared/tools/score) instead of printing" };
        var cmd = new Command("parse", "read reports (text, HTML, Word, PDF; any encoding): template, agency, year, the statistics tables, the findings") { files, json, pretty, threads, maxMb, outDir };
        cmd.SetAction(r => Run(r.GetValue(files)!, r.GetValue(json), r.GetValue(pretty), r.GetValue(threads), r.GetValue(maxMb), r.GetValue(outDir)));
        return cmd;
    }

    static int Run(string[] paths, bool json, bool pretty, int threads, int maxMb, string? outDir)
    {
        if (outDir is not null) return RunToFolder(paths, outDir, pretty, threads, maxMb);
        var files = InputFiles.Expand(paths, out var missing);
        int failed = 0;
        foreach (var (p, e) in missing) { Console.Error.WriteLine($"ogi: {p}: {e}"); failed++; }
        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        // The readable summary's writer; JSON is written as bytes, without one (a cold `parse FILE --json` set it up for nothing).
        var text = json ? null : new StreamWriter(buffered, new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        bool several = files.Count > 1;
        InputFiles.ParseAll(files, threads, (long)maxMb * 1024 * 1024, o =>
        {
            if (o.Report is null)
            {
                // The JSON of the files before goes out first, as it did when each report was flushed on its own.
                if (json) buffered.Flush();
                Console.Error.WriteLine($"ogi: {o.Path}: {o.Error}");
                failed++;
                return;
            }
            if (json)
            {
                // Reports go out in the buffer's 64 KiB, not one write a report.
                JsonReportWriter.Write(buffered, o.Report, several ? o.Path : null, pretty && !several);
                buffered.WriteByte((byte)'\n');
            }
            else
            {
                SummaryWriter.Write(text!, o.Report, o.Path);
                text!.WriteLine();
            }
        });
        text?.Flush();
        buffered.Flush();
        if (failed > 0 && several) Console.Error.WriteLine($"ogi: {failed} of {files.Count + missing.Count} files could not be read");
        return failed > 0 ? 2 : 0;
    }

    static int RunToFolder(string[] paths, string outDir, bool pretty, int threads, int maxMb)
    {
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"ogi: {outDir}: cannot create the folder: {e.Message.Split('\n')[0]}");
            return 2;
        }
        // The folder of results must not be a folder of inputs: a synth corpus keeps its gold NAME.json there.
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        if (paths.Any(p => Directory.Exists(p) && Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar) == target))
        {
            Console.Error.WriteLine($"ogi: --out {outDir} is one of the input folders; give another folder");
            return 2;
        }
        var files = InputFiles.Expand(paths, out var missing);
        int failed = 0, written = 0;
        foreach (var (p, e) in missing) { Console.Error.WriteLine($"ogi: {p}: {e}"); failed++; }
        var writtenFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        InputFiles.ParseAll(files, threads, (long)maxMb * 1024 * 1024, o =>
        {
            if (o.Report is null) { Console.Error.WriteLine($"ogi: {o.Path}: {o.Error}"); failed++; return; }
            var name = Path.GetFileNameWithoutExtension(o.FileName) + ".json";
            // Results are named after the report (score pairs NAME.json with NAME.*): two reports of one name cannot both be kept.
            if (writtenFrom.TryGetValue(name, out var first))
            {
                Console.Error.WriteLine($"ogi: {o.Path}: {name} already holds the result of {first}; not written");
                failed++;
                return;
            }
            try
            {
                using var stream = File.Create(Path.Combine(outDir, name));
                JsonReportWriter.Write(stream, o.Report, null, pretty);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"ogi: {Path.Combine(outDir, name)}: cannot write: {e.Message.Split('\n')[0]}");
                failed++;
                return;
            }
            writtenFrom[name] = o.Path;
            written++;
        });
        Console.Error.WriteLine($"ogi: {written} reports parsed into {outDir}" + (failed > 0 ? $"; {failed} could not be read" : ""));
        return failed > 0 ? 2 : 0;
    }
}
