namespace Ogi.Cells;

/// <summary>A value read for one field, with where it came from (source offsets) and how sure the reading is.</summary>
public sealed record CellValue
{
    public required string Field { get; init; }
    public decimal? Value { get; init; }
    public required string Raw { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public double Confidence { get; init; } = 1.0;
    public string? Unit { get; init; }
    public string? Note { get; init; }
    public bool Approximate { get; init; }
    /// <summary>The value came out of digits run together with their neighbours' (713000074).</summary>
    public bool FromGluedDigits { get; init; }
    /// <summary>Other values this cell could have had, when the arithmetic left several readings.</summary>
    public IReadOnlyList<decimal?>? Alternatives { get; init; }
}
