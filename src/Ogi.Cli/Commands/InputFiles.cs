using Ogi.Decode;
using Ogi.Parsing;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>Expands the command line's files, folders and .zip archives, and parses them in parallel, in order, past bad files.</summary>
public static class InputFiles
{
    /// <summary>The same expansion as `ogi ingest` (<see cref="Ingester.Expand"/>): folders recursively, the reports inside
    /// a .zip archive as archive.zip!entry, so every command that reads reports reads the same ones.</summary>
    public static List<IngestSource> Expand(IEnumerable<string> paths, out List<(string Path, string Error)> missing)
    {
        missing = [];
        return Ingester.Expand(paths, missing);
    }

    /// <param name="Path">Where the report came from: a path, or archive.zip!entry.</param>
    /// <param name="FileName">The report's own file name (an archive entry's, not the archive's).</param>
    public sealed record Outcome(string Path, string FileName, ParsedReport? Report, string? Error);

    /// <summary>Every file parsed, each outcome handed to <paramref name="take"/> in the files' order, on one thread at a time.</summary>
    public static void ParseAll(IReadOnlyList<IngestSource> files, int threads, long maxBytes, Action<Outcome> take)
    {
        if (files.Count == 1 || threads <= 1)
        {
            // One long-lived thread parses and hands over (no thread switch a file), within each file's limit.
            BoundedParse.RunInOrder(files, f => Parse(f, maxBytes), LimitFor,
                (f, report, error) => take(new Outcome(f.Origin, f.FileName, report, error)));
            return;
        }
        foreach (var o in files.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(f => ParseOne(f, maxBytes))) take(o);
    }

    public static Outcome ParseOne(IngestSource source, long maxBytes)
    {
        var (report, error) = BoundedParse.Run(() => Parse(source, maxBytes), LimitFor(source));
        return new Outcome(source.Origin, source.FileName, report, error);
    }

    static TimeSpan LimitFor(IngestSource source) => BoundedParse.LimitFor(source.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));

    /// <summary>A file on disk is decoded from the file (its size checked before it is read); an archive's entry from its bytes.</summary>
    static ParsedReport Parse(IngestSource source, long maxBytes)
    {
        // The usual case, a file on disk read whole without asking first whether it exists (a system call a file); an
        // archive's entry (archive.zip!entry) is not tried as a file, where it would fail by an exception.
        if (!source.Origin.Contains('!') && DocumentDecoder.TryDecodeFile(source.Origin, maxBytes) is { } document) return ReportParser.Parse(document);
        if (File.Exists(source.Origin)) return ReportParser.ParseFile(source.Origin, maxBytes);
        byte[] bytes;
        try { bytes = source.Read(); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new UnreadableDocumentException("cannot be read: " + e.Message.Split('\n')[0]);
        }
        if (bytes.LongLength > maxBytes)
            throw new UnreadableDocumentException($"the file is too large ({bytes.LongLength / (1024 * 1024)} MB; the limit is {maxBytes / (1024 * 1024)} MB)");
        return ReportParser.Parse(bytes);
    }
}
