namespace Ogi.Cells;

public enum CellKind { Number, Blank, Unit, Text }

/// <summary>
/// One piece of a value region, read by the cell grammar. A Number whose digits may hold several cells run
/// together (no separator inside, more than one digit) is <see cref="MaybeGlued"/>: only the table's arithmetic can
/// say how many values it holds.
/// </summary>
public sealed record CellToken(CellKind Kind, string Raw, int Start, int End)
{
    public decimal? Value { get; init; }
    /// <summary>The digits as printed, sign and decimal part included ("-18538", "9116.36"), for splitting.</summary>
    public string Digits { get; init; } = "";
    public string? Unit { get; init; }
    public string? Note { get; init; }
    public bool Approximate { get; init; }
    public bool MaybeGlued { get; init; }
    /// <summary>Where the digits begin in the source (after a sign such as 减 or -).</summary>
    public int DigitsStart { get; init; }
}
