using Ogi.Decode;

namespace Ogi.Parsing;

/// <summary>
/// One report parsed on a task of its own within a time limit, its failure a one-line reason, never an exception:
/// a batch (parse DIR, ingest) goes on past a bad or a slow file. Its thread cannot be stopped, only abandoned.
/// </summary>
public static class BoundedParse
{
    /// <summary>No report takes anywhere near this long; a file that does must not hold up the files after it.</summary>
    public static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(60);
    /// <summary>A scanned PDF is read by OCR, seconds a page (each program run has its own timeout).</summary>
    public static readonly TimeSpan PdfLimit = TimeSpan.FromMinutes(10);

    public static TimeSpan LimitFor(bool pdf) => pdf ? PdfLimit : PerFileLimit;

    public static (T? Result, string? Error) Run<T>(Func<T> parse, TimeSpan limit) where T : class
    {
        var work = Task.Run(parse);
        try
        {
            if (!work.Wait(limit)) return (null, $"took longer than {limit.TotalSeconds:0} s to parse; skipped");
            return (work.Result, null);
        }
        catch (AggregateException ae) when (ae.InnerException is { } e)
        {
            return (null, e switch
            {
                UnreadableDocumentException u => u.Message,
                OutOfMemoryException => "too large to parse in memory",
                _ => "internal error: " + e.GetType().Name + ": " + e.Message.Split('\n')[0],
            });
        }
    }
}
