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

    public static IEnumerable<Outcome> ParseAll(IReadOnlyList<IngestSource> files, int threads, long maxBytes)
    {
        if (files.Count == 1 || threads <= 1)
            return files.Select(f => ParseOne(f, maxBytes));
        return files.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(f => ParseOne(f, maxBytes));
    }

    public static Outcome ParseOne(IngestSource source, long maxBytes)
    {
        var (report, error) = BoundedParse.Run(() => Parse(source, maxBytes),
            BoundedParse.LimitFor(source.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)));
        return new Outcome(source.Origin, source.FileName, report, error);
    }

    /// <summary>A file on disk is decoded from the file (its size checked before it is read); an archive's entry from its bytes.</summary>
    static ParsedReport Parse(IngestSource source, long maxBytes)
    {
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
