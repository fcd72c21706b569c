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
    long _last;

    public void Start() => _last = Stopwatch.GetTimestamp();

    public void Lap(Stage stage)
    {
        long now = Stopwatch.GetTimestamp();
        _ticks[(int)stage] += now - _last;
        _last = now;
    }

    public TimeSpan this[Stage stage] => Stopwatch.GetElapsedTime(0, _ticks[(int)stage]);

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, _ticks.Sum());
}
