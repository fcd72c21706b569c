namespace Ogi.Cells;

public enum CellKind : byte { Number, Blank, Unit, Text }

/// <summary>
/// One piece of a value region, read by the cell grammar: a span of the text (<see cref="Start"/> to
/// <see cref="End"/>) and what the grammar saw in it. A Number whose digits may hold several cells run together (no
/// separator inside, more than one digit) is <see cref="MaybeGlued"/>: only the table's arithmetic can say how many
/// values it holds.
/// </summary>
/// <remarks>
/// A value of 32 bytes without references: a report reads a few hundred tokens and keeps none, and lists of them are
/// copied without the collector's write barriers. What most tokens never need — their text, their note, their digits
/// as a string, their value — is made when asked for from the text they were read from (the source for what is
/// printed, the folded text for digits), which the caller passes.
/// </remarks>
public readonly record struct CellToken
{
    public CellKind Kind { get; init; }
    readonly byte _flags;
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>Where the digits begin in the source (after a sign such as 减 or -).</summary>
    public int DigitsStart { get; init; }
    /// <summary>Where the digits end (after a decimal part; before 余, a unit or a note).</summary>
    internal int DigitsEnd { get; init; }
    /// <summary>The cell's own note in the source (NoteStart 0: none; a note follows its number, never starts a text).</summary>
    internal int NoteStart { get; init; }
    internal int NoteEnd { get; init; }
    /// <summary>Where the words joined to the note begin (0: none); they end at <see cref="End"/>.</summary>
    internal int JoinedStart { get; init; }

    const byte NegativeFlag = 1, ApproximateFlag = 2, MaybeGluedFlag = 4;

    /// <summary>A minus sign (or 减) before the digits.</summary>
    internal bool Negative { get => Has(NegativeFlag); init => _flags = Set(NegativeFlag, value); }
    public bool Approximate { get => Has(ApproximateFlag); init => _flags = Set(ApproximateFlag, value); }
    public bool MaybeGlued { get => Has(MaybeGluedFlag); init => _flags = Set(MaybeGluedFlag, value); }

    bool Has(byte flag) => (_flags & flag) != 0;
    byte Set(byte flag, bool on) => on ? (byte)(_flags | flag) : (byte)(_flags & ~flag);

    /// <summary>The unit: 0 for none, else one more than its index in <see cref="CellGrammar.Units"/>.</summary>
    internal byte UnitCode { get; init; }

    /// <summary>The unit printed with the value (one of the grammar's units), or null.</summary>
    public string? Unit => UnitCode == 0 ? null : CellGrammar.Units[UnitCode - 1];

    CellToken(CellKind kind, int start, int end)
    {
        Kind = kind; Start = start; End = end;
    }

    /// <summary>A piece of the source that is no value: words, a blank marker, a unit.</summary>
    internal static CellToken Piece(CellKind kind, int start, int end) => new(kind, start, end);

    /// <summary>Words (not a value) from <paramref name="start"/> to <paramref name="end"/> of the source.</summary>
    internal static CellToken Words(int start, int end) => new(CellKind.Text, start, end);

    /// <summary>An empty cell at <paramref name="at"/>: nothing printed.</summary>
    public static CellToken Empty(int at) => new(CellKind.Blank, at, at);

    /// <summary>A number printed from <paramref name="start"/> to <paramref name="end"/> of the source.</summary>
    internal static CellToken Number(int start, int end) => new(CellKind.Number, start, end);

    /// <summary>How many characters the piece has as printed.</summary>
    public int Length => End - Start;

    /// <summary>How many digits the whole part has (before a decimal point), separators not counted.</summary>
    public int IntegerDigits(string folded)
    {
        int n = 0;
        for (int k = DigitsStart; k < DigitsEnd && folded[k] != '.'; k++) if (folded[k] != ',') n++;
        return n;
    }

    /// <summary>The piece as printed (the source from <see cref="Start"/> to <see cref="End"/>).</summary>
    /// <remarks>Cut when asked for: most pieces are never printed. One or two ASCII digits are shared strings.</remarks>
    public string RawIn(string source) => End == Start ? "" : Printed(source, Start, End);

    /// <summary>
    /// The cell's note: its own (13准予撤诉, 2（含撤诉1件）), then a space and the short words after it in the cell
    /// when there are any (13 准予撤诉).
    /// </summary>
    public string? NoteIn(string source)
    {
        if (JoinedStart == 0) return NoteStart == 0 ? null : source[NoteStart..NoteEnd];
        var joined = source.AsSpan(JoinedStart, End - JoinedStart);
        return NoteStart == 0 ? joined.ToString() : string.Concat(source.AsSpan(NoteStart, NoteEnd - NoteStart), " ", joined);
    }

    /// <summary>The value of a number: its digits (a decimal part and thousands separators allowed) with their sign.</summary>
    /// <remarks>Null for a run of more digits than any one value has (cells glued together: it is only split).</remarks>
    public decimal? ValueIn(string folded)
    {
        if (Kind != CellKind.Number) return null;
        // A whole number is added up digit by digit while its digits are counted (one scan, the common case); one
        // with a decimal part is parsed.
        long whole = 0;
        int digits = 0;
        for (int k = DigitsStart; k < DigitsEnd; k++)
        {
            char ch = folded[k];
            if (ch == '.')
            {
                if (IntegerDigits(folded) > CellGrammar.MaxSingleValueDigits) return null;
                return CellGrammar.Parse(folded.AsSpan(DigitsStart, DigitsEnd - DigitsStart)) is decimal v ? (Negative ? v * -1 : v) : null;
            }
            if (ch != ',') { whole = whole * 10 + (ch - '0'); digits++; }
        }
        if (digits > CellGrammar.MaxSingleValueDigits) return null;
        decimal value = whole;
        return Negative ? value * -1 : value;
    }

    /// <summary>The digits as printed, sign and decimal part included ("-18538", "9116.36"), for splitting.</summary>
    public string DigitsIn(string folded)
    {
        if (Kind != CellKind.Number) return "";
        var d = folded[DigitsStart..DigitsEnd];
        if (d.Contains(',')) d = d.Replace(",", "");
        return Negative ? "-" + d : d;
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
