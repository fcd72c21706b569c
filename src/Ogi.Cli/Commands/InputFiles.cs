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

    /// <summary>No report takes anywhere near this long; a file that does must not hold up the files after it.</summary>
    public static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(60);
    /// <summary>A scanned PDF is read by OCR, seconds a page (each program run has its own timeout).</summary>
    public static readonly TimeSpan PdfLimit = TimeSpan.FromMinutes(10);

    public static IEnumerable<Outcome> ParseAll(IReadOnlyList<string> files, int threads, long maxBytes)
    {
        if (files.Count == 1 || threads <= 1)
            return files.Select(f => ParseOne(f, maxBytes));
        return files.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(f => ParseOne(f, maxBytes));
    }

    public static Outcome ParseOne(string path, long maxBytes)
    {
        var work = Task.Run(() => ReportParser.ParseFile(path, maxBytes));
        try
        {
            var limit = path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? PdfLimit : PerFileLimit;
            if (!work.Wait(limit)) return new Outcome(path, null, $"took longer than {limit.TotalSeconds:0} s to parse; skipped");
            return new Outcome(path, work.Result, null);
        }
        catch (AggregateException ae) when (ae.InnerException is { } e)
        {
            return e switch
            {
                UnreadableDocumentException u => new Outcome(path, null, u.Message),
                OutOfMemoryException => new Outcome(path, null, "too large to parse in memory"),
                _ => new Outcome(path, null, "internal error: " + e.GetType().Name + ": " + e.Message.Split('\n')[0]),
            };
        }
    }
}
