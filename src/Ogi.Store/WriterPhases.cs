using System.Runtime.InteropServices;

namespace Ogi.Store;

/// <summary>
/// Where the writing thread's CPU time goes, by phase of a batch (documents, parses, values, findings, series, commit),
/// and how many rows the cross-year rules touched: printed to stderr when the store is closed, with
/// <c>OGI_STORE_PHASES=1</c>. Thread CPU time, not wall time: on shared cores, and with the parsing thread on the same
/// core, a phase's wall time measures the others' work.
/// </summary>
sealed class WriterPhases
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("OGI_STORE_PHASES") == "1";

    readonly Dictionary<string, TimeSpan> _time = new(StringComparer.Ordinal);
    readonly Dictionary<string, long> _count = new(StringComparer.Ordinal);

    public T Time<T>(string phase, Func<T> work)
    {
        if (!Enabled) return work();
        var start = ThreadCpu();
        try { return work(); }
        finally { _time[phase] = _time.GetValueOrDefault(phase) + (ThreadCpu() - start); }
    }

    public void Time(string phase, Action work) => Time(phase, () => { work(); return 0; });

    public void Count(string what, long n)
    {
        if (Enabled) _count[what] = _count.GetValueOrDefault(what) + n;
    }

    public void Print()
    {
        if (!Enabled || _time.Count == 0) return;
        Console.Error.WriteLine("ogi store, writer CPU: " + string.Join(" ", _time.Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:F1} s"))
            + "; rows: " + string.Join(" ", _count.Select(kv => $"{kv.Key} {kv.Value:N0}")));
    }

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out TimeSpec time);

    const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    static TimeSpan ThreadCpu() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var t) == 0
            ? TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100)
            : TimeSpan.Zero;
}
