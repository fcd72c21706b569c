using Ogi.Decode;
using Ogi.Parsing;

namespace Ogi.Cli;

/// <summary>Expands the command line's files and folders, and parses them in parallel, in order, past bad files.</summary>
public static class InputFiles
{
    public static List<string> Expand(IEnumerable<string> paths, out List<(string Path, string Error)> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var inFolder = Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = System.IO.FileAttributes.Hidden })
                    // A folder of reports may hold their gold or parse results beside them (synth does), or a table of sources.
                    .Where(FolderFiles.IsReport)
                    .Order(StringComparer.Ordinal).ToList();
                files.AddRange(inFolder);
            }
            else if (File.Exists(p)) files.Add(p);
            else missing.Add((p, "no such file or folder"));
        }
        return files;
    }

    public sealed record Outcome(string Path, ParsedReport? Report, string? Error);

    public static IEnumerable<Outcome> ParseAll(IReadOnlyList<string> files, int threads, long maxBytes)
    {
        if (files.Count == 1 || threads <= 1)
            return files.Select(f => ParseOne(f, maxBytes));
        return files.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(f => ParseOne(f, maxBytes));
    }

    public static Outcome ParseOne(string path, long maxBytes)
    {
        var (report, error) = BoundedParse.Run(() => ReportParser.ParseFile(path, maxBytes),
            BoundedParse.LimitFor(path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)));
        return new Outcome(path, report, error);
    }
}
