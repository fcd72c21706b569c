using System.IO.Compression;
using System.Security.Cryptography;
using Ogi.Decode;
using Ogi.Parsing;

namespace Ogi.Store;

/// <summary>One file to ingest: where it came from (a path, or archive.zip!entry) and how to get its bytes.</summary>
public sealed record IngestSource(string Origin, string FileName, Func<byte[]> Read);

/// <summary>How far a batch has come, for a progress display.</summary>
public sealed record IngestProgress(int Total, int Done, int Added, int AlreadyStored, int Failed);

public sealed record IngestResult(int Total, int Added, int AlreadyStored, IReadOnlyList<(string Origin, string Reason)> Failures,
    IReadOnlyList<string> AlreadyStoredOrigins, TimeSpan Elapsed);

/// <summary>
/// Ingest: files, folders and .zip archives → documents in the database. Reading and parsing run on all cores; the
/// database is written by one thread, a batch per transaction, so a killed ingest loses at most the batch it was
/// writing, and the next run (which skips what is stored) ingests it.
/// </summary>
public sealed class Ingester
{
    public int Threads { get; init; } = Environment.ProcessorCount;
    public int BatchSize { get; init; } = 256;
    public long MaxBytes { get; init; } = DocumentDecoder.DefaultMaxBytes;
    /// <summary>Called after every document and every batch, from the writing thread.</summary>
    public Action<IngestProgress>? Progress { get; init; }

    /// <summary>Files in folders (recursively) and the entries of .zip archives. In a folder, JSON (gold, parse results), data
    /// tables (a corpus's SOURCES.tsv) and database files are no reports (a .csv is: reports are published as CSV tables too); a file named on the command line is taken whatever it is.</summary>
    public static List<IngestSource> Expand(IEnumerable<string> paths, List<(string Origin, string Reason)> missing)
    {
        var sources = new List<IngestSource>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var f in Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                             .Where(Decode.FolderFiles.IsReport).Order(StringComparer.Ordinal))
                    AddFile(f, sources, missing);
            }
            else if (File.Exists(path)) AddFile(path, sources, missing);
            else missing.Add((path, "no such file or folder"));
        }
        return sources;
    }

    static void AddFile(string file, List<IngestSource> sources, List<(string, string)> missing)
    {
        if (!file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            sources.Add(new IngestSource(file, Path.GetFileName(file), () => File.ReadAllBytes(file)));
            return;
        }
        try
        {
            using var zip = ZipFile.OpenRead(file);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/') && Decode.FolderFiles.IsReport(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                string name = entry.FullName;
                sources.Add(new IngestSource(file + "!" + name, Path.GetFileName(name), () => ReadEntry(file, name)));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            missing.Add((file, "not a readable ZIP archive: " + e.Message.Split('\n')[0]));
        }
    }

    static byte[] ReadEntry(string zipFile, string name)
    {
        using var zip = ZipFile.OpenRead(zipFile);
        using var stream = zip.GetEntry(name)!.Open();
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Reads, hashes and parses one file (on a parsing thread). Known content is not parsed again.</summary>
    IncomingDocument? Prepare(IngestSource source, HashSet<string> stored, out bool known, out string? readError, out string? sha256)
    {
        readError = null;
        known = false;
        sha256 = null;
        byte[] bytes;
        try
        {
            bytes = source.Read();
            if (bytes.LongLength > MaxBytes)
            {
                readError = $"the file is too large ({bytes.LongLength / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB)";
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            readError = "cannot be read: " + e.Message.Split('\n')[0];
            return null;
        }
        var sha = sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        lock (stored) known = stored.Contains(sha);
        if (known) return null;
        var (parse, error) = Parse(bytes);
        return new IncomingDocument(sha, source.FileName, source.Origin, bytes.LongLength, PreparedParse.Compress(bytes), parse, error);
    }

    /// <summary>A parse ready to store, or the reason there is none (unreadable, too slow, a bug); never an exception.</summary>
    public static (PreparedParse? Parse, string? Error) Parse(byte[] bytes) =>
        BoundedParse.Run(() => PreparedParse.From(ReportParser.Parse(bytes)), BoundedParse.LimitFor(DocumentDecoder.IsPdf(bytes)));

    /// <summary>Ingests the sources into the store; with no store, only reads and parses them (to measure parsing alone).</summary>
    public IngestResult Run(IReportStore? store, IReadOnlyList<IngestSource> sources)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var stored = store?.StoredDocuments() ?? new HashSet<string>(StringComparer.Ordinal);
        var unreadable = store?.UnreadableDocuments() ?? new Dictionary<string, string>(StringComparer.Ordinal);
        int done = 0, added = 0, known = 0;
        var failures = new List<(string, string)>();
        var knownOrigins = new List<string>();
        var batch = new List<IncomingDocument>(BatchSize);
        void Report() => Progress?.Invoke(new IngestProgress(sources.Count, done, added, known, failures.Count));

        void Flush()
        {
            if (batch.Count == 0) return;
            var outcomes = store!.AddDocuments(batch);
            for (int i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] == AddOutcome.AlreadyStored) { known++; knownOrigins.Add(batch[i].Origin); continue; }
                if (batch[i].Parse is null) failures.Add((batch[i].Origin, batch[i].Error ?? "not parsed"));
                else added++;
            }
            batch.Clear();
            Report();
        }

        var prepared = sources.AsParallel().WithDegreeOfParallelism(Math.Max(1, Threads))
            .Select(s => (Source: s, Document: Prepare(s, stored, out var isKnown, out var error, out var sha), Known: isKnown, Error: error, Sha: sha));
        foreach (var (source, document, isKnown, error, sha) in prepared)
        {
            done++;
            // A document stored before as unreadable stays a failure: "already stored" would hide it.
            if (isKnown && sha is not null && unreadable.TryGetValue(sha, out var reason)) failures.Add((source.Origin, "already stored, unreadable: " + reason));
            else if (isKnown) { known++; knownOrigins.Add(source.Origin); }
            else if (document is null)
            {
                failures.Add((source.Origin, error!));
                store?.AddFailure(source.Origin, error!);
            }
            else if (store is null)
            {
                if (document.Parse is null) failures.Add((source.Origin, document.Error!)); else added++;
            }
            else
            {
                // The same content twice in one run: the second is already stored once the first is.
                lock (stored) stored.Add(document.Sha256);
                batch.Add(document);
                if (batch.Count >= BatchSize) Flush();
            }
            if (done % 16 == 0) Report();
        }
        Flush();
        Report();
        return new IngestResult(sources.Count, added, known, failures, knownOrigins, clock.Elapsed);
    }
}
