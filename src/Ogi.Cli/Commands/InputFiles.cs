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
        try { return new Outcome(path, ReportParser.ParseFile(path, maxBytes), null); }
        catch (UnreadableDocumentException e) { return new Outcome(path, null, e.Message); }
        catch (OutOfMemoryException) { return new Outcome(path, null, "too large to parse in memory"); }
        catch (Exception e) { return new Outcome(path, null, "internal error: " + e.GetType().Name + ": " + e.Message.Split('\n')[0]); }
    }
}
