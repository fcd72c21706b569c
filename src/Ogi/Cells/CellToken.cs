namespace Ogi.Cells;

public enum CellKind { Number, Blank, Unit, Text }

/// <summary>
/// One piece of a value region, read by the cell grammar. A Number whose digits may hold several cells run
/// together (no separator inside, more than one digit) is <see cref="MaybeGlued"/>: only the table's arithmetic can
/// say how many values it holds.
/// </summary>
public sealed record CellToken(CellKind Kind, string Raw, int Start, int End)
{
    string? _raw = Raw;

    /// <summary>The piece as printed (the source from <see cref="Start"/> to <see cref="End"/>).</summary>
    /// <remarks>Words are made with the source only, their text cut out when first asked for: most end a region unread.</remarks>
    public string Raw { get => _raw ??= RawSource![Start..End]; init => _raw = value; }

    /// <summary>The source a token made by <see cref="Words"/> cuts its text from.</summary>
    internal string? RawSource { get; init; }

    /// <summary>Words (not a value) from <paramref name="start"/> to <paramref name="end"/> of the source.</summary>
    internal static CellToken Words(string source, int start, int end) => new(CellKind.Text, null!, start, end) { RawSource = source };

    public decimal? Value { get; init; }
    string? _digits;

    /// <summary>The digits as printed, sign and decimal part included ("-18538", "9116.36"), for splitting.</summary>
    /// <remarks>Made on first use from <see cref="DigitsText"/>: most numbers are never split, and a report reads hundreds.</remarks>
    public string Digits { get => _digits ??= DigitsOf(); init => _digits = value; }

    /// <summary>The text the digits stand in (from <see cref="DigitsStart"/> to <see cref="DigitsEnd"/>), when <see cref="Digits"/> is made on demand.</summary>
    internal string? DigitsText { get; init; }
    internal int DigitsEnd { get; init; }
    /// <summary>A minus sign (or 减) before the digits.</summary>
    internal bool Negative { get; init; }

    /// <summary>How many digits the whole part has (before a decimal point), counted without making <see cref="Digits"/>.</summary>
    internal int IntegerDigitCount()
    {
        var d = _digits is not null || DigitsText is null ? (_digits ?? "").AsSpan() : DigitsText.AsSpan(DigitsStart, DigitsEnd - DigitsStart);
        int n = 0;
        foreach (var ch in d) { if (ch == '.') break; if (char.IsAsciiDigit(ch)) n++; }
        return n;
    }

    string DigitsOf()
    {
        if (DigitsText is null) return "";
        var d = DigitsText[DigitsStart..DigitsEnd];
        if (d.Contains(',')) d = d.Replace(",", "");
        return Negative ? "-" + d : d;
    }
    public string? Unit { get; init; }
    public string? Note { get; init; }
    public bool Approximate { get; init; }
    public bool MaybeGlued { get; init; }
    /// <summary>Where the digits begin in the source (after a sign such as 减 or -).</summary>
    public int DigitsStart { get; init; }
}
