using System.Diagnostics;
using System.Runtime.ExceptionServices;
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
            if (!work.Wait(limit)) return (null, TookTooLong(limit));
            return (work.Result, null);
        }
        catch (AggregateException ae) when (ae.InnerException is { } e)
        {
            return (null, Reason(e));
        }
    }

    /// <summary>
    /// Each source parsed in order, within its limit, on one long-lived thread that also hands each outcome to
    /// <paramref name="take"/> (result or reason), in order: a batch on one thread (`parse DIR -j 1`) paid two thread
    /// switches a report for a task of its own. The calling thread only watches the clock. A parse past its limit is
    /// reported and its thread abandoned; a fresh thread goes on with the sources after it. An exception of
    /// <paramref name="take"/> stops the run and is thrown here.
    /// </summary>
    public static void RunInOrder<TSource, T>(IReadOnlyList<TSource> sources, Func<TSource, T> parse, Func<TSource, TimeSpan> limitOf,
        Action<TSource, T?, string?> take) where T : class
    {
        if (sources.Count == 0) return;
        new InOrderRun<TSource, T>(sources, parse, limitOf, take).Run();
    }

    static string TookTooLong(TimeSpan limit) => $"took longer than {limit.TotalSeconds:0} s to parse; skipped";

    static string Reason(Exception e) => e switch
    {
        UnreadableDocumentException u => u.Message,
        OutOfMemoryException => "too large to parse in memory",
        _ => "internal error: " + e.GetType().Name + ": " + e.Message.Split('\n')[0],
    };

    sealed class InOrderRun<TSource, T>(IReadOnlyList<TSource> sources, Func<TSource, T> parse, Func<TSource, TimeSpan> limitOf,
        Action<TSource, T?, string?> take) where T : class
    {
        readonly object _gate = new();
        /// <summary>The thread whose outcomes count; an abandoned one finds it changed and stops.</summary>
        int _generation;
        /// <summary>The source being parsed (-1 while an outcome is handed over) and when its parse began.</summary>
        int _parsing = -1;
        /// <summary>The source parsed next while none is: its limit is the longest the watcher may sleep then.</summary>
        int _upcoming;
        long _started;
        bool _finished;
        ExceptionDispatchInfo? _failure;

        public void Run()
        {
            lock (_gate)
            {
                Start(0, timedOut: false);
                while (!_finished)
                {
                    // No parse in progress, or the watcher woke before the current one's limit: sleep until that limit,
                    // or for the next source's whole limit (it starts no earlier than now), so that no parse overruns
                    // its own limit unseen (the worker never wakes this thread but at the end: the watch costs no
                    // switch a report).
                    var left = limitOf(sources[_parsing >= 0 ? _parsing : Math.Min(_upcoming, sources.Count - 1)]);
                    if (_parsing >= 0)
                    {
                        left -= Stopwatch.GetElapsedTime(_started);
                        if (left <= TimeSpan.Zero) { Start(_parsing, timedOut: true); continue; }
                    }
                    Monitor.Wait(_gate, left);
                }
            }
            _failure?.Throw();
        }

        /// <summary>A thread of its own from <paramref name="first"/> on, reporting it as past its limit first when it timed out.</summary>
        void Start(int first, bool timedOut)
        {
            int generation = ++_generation;
            _parsing = -1;
            _upcoming = timedOut ? first + 1 : first;
            new Thread(() => Work(generation, first, timedOut)) { IsBackground = true, Name = "ogi parse" }.Start();
        }

        void Work(int generation, int first, bool timedOut)
        {
            try
            {
                if (timedOut) { take(sources[first], null, TookTooLong(limitOf(sources[first]))); first++; }
                for (int i = first; i < sources.Count; i++)
                {
                    lock (_gate)
                    {
                        if (generation != _generation) return;
                        _parsing = i;
                        _started = Stopwatch.GetTimestamp();
                    }
                    T? result = null;
                    string? error = null;
                    try { result = parse(sources[i]); }
                    catch (Exception e) { error = Reason(e); }
                    lock (_gate)
                    {
                        if (generation != _generation) return;
                        _parsing = -1;
                        _upcoming = i + 1;
                    }
                    take(sources[i], result, error);
                }
                Finish(generation, null);
            }
            catch (Exception e)
            {
                Finish(generation, ExceptionDispatchInfo.Capture(e));
            }
        }

        void Finish(int generation, ExceptionDispatchInfo? failure)
        {
            lock (_gate)
            {
                if (generation != _generation) return;
                _finished = true;
                _failure = failure;
                Monitor.Pulse(_gate);
            }
        }
    }
}
