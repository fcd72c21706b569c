using Microsoft.Extensions.Caching.Memory;
using Ogi.Decode;
using Ogi.Output;
using Ogi.Parsing;

namespace Ogi.Web.Services;

/// <summary>A report uploaded or pasted to be read, not (yet) stored: its bytes (to save it) and the engine's output.</summary>
public sealed record Upload(string Sha256, string FileName, byte[] Bytes, string Text, string DocumentJson);

/// <summary>A report read for a page or the API, nothing stored: its decoded text and its OUTPUT.md document.</summary>
public sealed record ReadReport(string Text, string DocumentJson)
{
    /// <summary>The parse the ingest makes (bounded in time as <see cref="Ogi.Store.Ingester.Parse"/> bounds it, its failure a
    /// one-line reason, never an exception), without the ingest's compressed copies and value rows, which a page would
    /// only unpack again.</summary>
    public static (ReadReport? Report, string? Error) From(byte[] bytes) =>
        BoundedParse.Run(() => Of(ReportParser.Parse(bytes)), BoundedParse.LimitFor(DocumentDecoder.IsPdf(bytes)));

    static ReadReport Of(ParsedReport report) => new(report.Source.Text, JsonReportWriter.ToJson(report));
}

/// <summary>
/// Uploads kept between the request that sends a file and the pages that show it (its cells clicked, its page images,
/// "save to corpus"), by SHA-256: in memory, bounded in bytes, each kept for an hour after its last use. An upload
/// is not a write to the database; saving it is, and needs an account.
/// </summary>
public sealed class Uploads : IDisposable
{
    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });

    public void Add(Upload upload) => _cache.Set(upload.Sha256, upload, new MemoryCacheEntryOptions
    {
        Size = upload.Bytes.LongLength + 2L * (upload.Text.Length + upload.DocumentJson.Length),
        SlidingExpiration = TimeSpan.FromHours(1),
    });

    public Upload? Get(string? sha256) => sha256 is { Length: 64 } && _cache.TryGetValue(sha256.ToLowerInvariant(), out Upload? u) ? u : null;

    public void Dispose() => _cache.Dispose();
}
