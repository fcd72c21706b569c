using System.Diagnostics;

namespace Ogi.Parsing;

/// <summary>The pipeline's stages as `ogi bench` times them (README "Speed and memory").</summary>
public enum Stage { Decode, Segment, Metadata, Recognize, ReadCells, Validate, Output }

/// <summary>
/// Time spent per stage over many parses: each <see cref="Lap"/> gives the time since the previous lap to a stage.
/// Only `ogi bench` passes one; a parse without it does no timing at all.
/// </summary>
public sealed class StageClock
{
    readonly long[] _ticks = new long[Enum.GetValues<Stage>().Length];
    readonly long[] _bytes = new long[Enum.GetValues<Stage>().Length];
    long _last, _lastBytes;

    public void Start()
    {
        _last = Stopwatch.GetTimestamp();
        _lastBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    public void Lap(Stage stage)
    {
        long now = Stopwatch.GetTimestamp();
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        _ticks[(int)stage] += now - _last;
        _bytes[(int)stage] += bytes - _lastBytes;
        _last = now;
        _lastBytes = bytes;
    }

    /// <summary>Bytes allocated in a stage (on the parsing thread), for finding where a report's garbage comes from.</summary>
    public long Allocated(Stage stage) => _bytes[(int)stage];

    public TimeSpan this[Stage stage] => Stopwatch.GetElapsedTime(0, _ticks[(int)stage]);

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, _ticks.Sum());
}
