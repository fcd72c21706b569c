namespace Ogi.Cells;

public enum CellKind : byte { Number, Blank, Unit, Text }

/// <summary>
/// One piece of a value region, read by the cell grammar: a span of the text (<see cref="Start"/> to
/// <see cref="End"/>) and what the grammar saw in it. A Number whose digits may hold several cells run together (no
/// separator inside, more than one digit) is <see cref="MaybeGlued"/>: only the table's arithmetic can say how many
/// values it holds.
/// </summary>
/// <remarks>
/// A value, not an object: a report reads a few hundred tokens and keeps none, so they live in the lists that hold
/// them. What most tokens never need — their text, their digits as a string, their value — is made from the
/// source and folded text when asked for.
/// </remarks>
public readonly record struct CellToken
{
    /// <summary>The source the token's text is cut from (null for an empty cell made where no text stands).</summary>
    readonly string? _source;
    /// <summary>The folded text the digits are read from (numbers only).</summary>
    readonly string? _folded;

    public CellKind Kind { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>Where the digits begin in the source (after a sign such as 减 or -).</summary>
    public int DigitsStart { get; init; }
    /// <summary>Where the digits end (after a decimal part; before 余, a unit or a note).</summary>
    internal int DigitsEnd { get; init; }
    /// <summary>How many digits the whole part has (before a decimal point), separators not counted.</summary>
    internal int IntegerDigits { get; init; }
    /// <summary>A minus sign (or 减) before the digits.</summary>
    internal bool Negative { get; init; }
    public bool Approximate { get; init; }
    public bool MaybeGlued { get; init; }
    public string? Unit { get; init; }
    public string? Note { get; init; }

    CellToken(CellKind kind, string? source, string? folded, int start, int end)
    {
        Kind = kind; _source = source; _folded = folded; Start = start; End = end;
    }

    /// <summary>A piece of the source that is no value: words, a blank marker, a unit.</summary>
    internal static CellToken Piece(CellKind kind, string source, int start, int end) => new(kind, source, null, start, end);

    /// <summary>Words (not a value) from <paramref name="start"/> to <paramref name="end"/> of the source.</summary>
    internal static CellToken Words(string source, int start, int end) => new(CellKind.Text, source, null, start, end);

    /// <summary>An empty cell at <paramref name="at"/>: nothing printed.</summary>
    public static CellToken Empty(int at) => new(CellKind.Blank, null, null, at, at);

    /// <summary>A number printed from <paramref name="start"/> to <paramref name="end"/> of the source, its digits read from the folded text.</summary>
    internal static CellToken Number(string source, string folded, int start, int end) => new(CellKind.Number, source, folded, start, end);

    /// <summary>How many characters the piece has as printed.</summary>
    public int Length => End - Start;

    /// <summary>The piece as printed (the source from <see cref="Start"/> to <see cref="End"/>).</summary>
    /// <remarks>Cut when asked for: most pieces are never printed. One or two ASCII digits are shared strings.</remarks>
    public string Raw => _source is null || End == Start ? "" : Printed(_source, Start, End);

    /// <summary>The value of a number: its digits (a decimal part and thousands separators allowed) with their sign.</summary>
    /// <remarks>Null for a run of more digits than any one value has (cells glued together: it is only split).</remarks>
    public decimal? Value
    {
        get
        {
            if (Kind != CellKind.Number || IntegerDigits > CellGrammar.MaxSingleValueDigits) return null;
            var printed = _folded.AsSpan(DigitsStart, DigitsEnd - DigitsStart);
            return CellGrammar.Parse(printed) is decimal v ? (Negative ? v * -1 : v) : null;
        }
    }

    /// <summary>The digits as printed, sign and decimal part included ("-18538", "9116.36"), for splitting.</summary>
    public string Digits
    {
        get
        {
            if (_folded is null) return "";
            var d = _folded[DigitsStart..DigitsEnd];
            if (d.Contains(',')) d = d.Replace(",", "");
            return Negative ? "-" + d : d;
        }
    }

    /// <summary>The numbers 0–9 and 00–99 as printed: most cells are one of them, and a report reads hundreds.</summary>
    static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. Enumerable.Range(0, 100).Select(d => d.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The source's text from start to end, shared when it is one or two ASCII digits.</summary>
    static string Printed(string src, int start, int end)
    {
        if (end - start == 1 && char.IsAsciiDigit(src[start])) return SmallNumbers[src[start] - '0'];
        if (end - start == 2 && char.IsAsciiDigit(src[start]) && char.IsAsciiDigit(src[start + 1]))
            return SmallNumbers[10 + (src[start] - '0') * 10 + (src[start + 1] - '0')];
        return src[start..end];
    }
}
