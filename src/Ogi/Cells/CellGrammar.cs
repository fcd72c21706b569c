using System.Runtime.CompilerServices;

namespace Ogi.Cells;

/// <summary>
/// The number grammar of a statistics cell. Blank markers (empty, —, /, 无) read as no value; a number may carry a
/// sign (减89, 增5, -15), thousands separators (10,690), a decimal part, 余/多 (700余), a unit (万元, 元, 件…) and a
/// note (13准予撤诉, 2（含撤诉1件）). Digits with a sign inside (2648-18538) are two numbers.
/// </summary>
public static class CellGrammar
{
    /// <summary>No statistic of a report has more digits than this: a longer run is cells glued together.</summary>
    internal const int MaxSingleValueDigits = 15;

    internal static readonly string[] Units = ["万元", "亿元", "人次", "元", "件", "条", "个", "人", "次", "篇", "项", "家", "起", "期", "份"];
    static readonly string[] BlankMarkers = ["-", "—", "——", "–", "―", "/", "无", "－", "…", "空", "\\", "─", "--", "---"];

    /// <summary>The characters a unit or a blank marker starts with: a word that starts otherwise is tried against none of them.</summary>
    static readonly System.Buffers.SearchValues<char> UnitStarts = System.Buffers.SearchValues.Create(string.Concat(Units.Select(u => u[0])));
    static readonly System.Buffers.SearchValues<char> BlankStarts = System.Buffers.SearchValues.Create(string.Concat(BlankMarkers.Select(b => b[0])));

    /// <summary>Reads one delimited piece of text (a cell, a line, or a whole glued region) into tokens.</summary>
    /// <param name="delimited">The piece was cut out by real separators, so short text after a number is that cell's note.</param>
    public static void Read(string folded, int start, int end, bool delimited, List<CellToken> into)
    {
        int i = start;
        while (i < end)
        {
            while (i < end && IsSpace(folded[i])) i++;
            if (i >= end) break;
            int j = i;
            while (j < end && !IsSpace(folded[j])) j++;
            ReadWord(folded, i, j, delimited, into);
            i = j;
        }
    }

    // Inlined: the precompiled build called it out of line (through a stub) for every character read.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] static bool IsSpace(char c) => c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';

    static void ReadWord(string f, int start, int end, bool delimited, List<CellToken> into)
    {
        var word = f.AsSpan(start, end - start);
        int i = start;
        bool digitFirst = char.IsAsciiDigit(f[start]);
        if (!digitFirst && word.Length <= 3 && BlankStarts.Contains(f[start]))
            foreach (var b in BlankMarkers)
                if (word.SequenceEqual(b)) { into.Add(CellToken.Piece(CellKind.Blank, start, end)); return; }
        // A unit written before the number (the legacy 单位 column glued to its value: 条4251516).
        if (!digitFirst && UnitStarts.Contains(f[i]))
        for (int u = 0; u < Units.Length; u++)
        {
            if (f.AsSpan(i, end - i).StartsWith(Units[u]))
            {
                int k = i + Units[u].Length;
                if (k == end) { into.Add(CellToken.Piece(CellKind.Unit, i, end) with { UnitCode = (byte)(u + 1) }); return; }
                if (char.IsAsciiDigit(f[k]))
                {
                    into.Add(CellToken.Piece(CellKind.Unit, i, k) with { UnitCode = (byte)(u + 1) });
                    ReadWord(f, k, end, delimited, into);
                    return;
                }
            }
        }
        int p = i;
        int sign = 0;
        if (p < end && (f[p] == '-' || f[p] == '+')) { sign = f[p] == '-' ? -1 : 1; p++; }
        else if (p < end && (f[p] == '减' || f[p] == '增'))
        {
            sign = f[p] == '减' ? -1 : 1; p++;
            if (p < end && (f[p] == '少' || f[p] == '加')) p++;
        }
        if (p >= end || !char.IsAsciiDigit(f[p]))
        {
            into.Add(CellToken.Words(start, end));
            return;
        }
        int digitsStart = p, separators = 0;
        for (; p < end; p++)
        {
            if (f[p] == ',' && IsThousandsGroup(f, p, end)) separators++;
            else if (!char.IsAsciiDigit(f[p])) break;
        }
        // "3.补正后申请内容仍不明确", "1、属于国家秘密": a label's own numbering, never a value.
        if (sign == 0 && (delimited ? p - digitsStart <= 2 : p - digitsStart == 1) && IsNumberingMark(f, p, end))
        {
            into.Add(CellToken.Words(start, end));
            return;
        }
        // "…00000003.要求提供…": a digit, a dot or 、 and then words is the numbering of the next label, not a value's digit.
        bool numberingFollows = !delimited && p - digitsStart > 1 && p + 1 < end && (f[p] == '.' || f[p] == '、') && f[p + 1] >= 0x4E00 && f[p + 1] <= 0x9FFF;
        // (The digit given back is never a separator: one is always followed by three digits.)
        if (numberingFollows) p--;
        // The whole part's digits, separators not counted.
        int integerDigits = p - digitsStart - separators;
        bool hasFraction = false;
        if (p + 1 < end && f[p] == '.' && char.IsAsciiDigit(f[p + 1]))
        {
            hasFraction = true;
            p++;
            while (p < end && char.IsAsciiDigit(f[p])) p++;
        }
        int p0 = p;
        var printed = f.AsSpan(digitsStart, p - digitsStart);
        bool thousands = separators > 0;
        bool approx = false;
        if (p < end && (f[p] == '余' || f[p] == '多')) { approx = true; p++; }
        // The unit as its code: one more than its index (0: none).
        byte unit = 0;
        if (p < end && UnitStarts.Contains(f[p]))
            for (int u = 0; u < Units.Length; u++)
                if (f.AsSpan(p, end - p).StartsWith(Units[u])) { unit = (byte)(u + 1); p += Units[u].Length; break; }
        // A run of more digits than any one value has (cells glued together) may not fit a decimal: it is only split.
        // (The token's value is read from its digits when asked for; a whole number always reads.)
        bool hasValue = integerDigits <= MaxSingleValueDigits && (!hasFraction || Parse(printed) is not null);
        // The note, as a range of the source (start 0: none).
        int noteStart = 0, noteEnd = 0;
        int numberEnd = p;
        bool restIsNumber = !numberingFollows && p < end && (char.IsAsciiDigit(f[p]) || (f[p] is '-' or '+' or '减' or '增') && p + 1 < end && char.IsAsciiDigit(f[p + 1]));
        bool restIsSeparator = p < end && (f[p] == ',' || f[p] == '，' || f[p] == ';' || f[p] == '；' || f[p] == '、');
        if (numberingFollows) { }
        else if (p < end && !restIsNumber && !restIsSeparator)
        {
            int restLen = end - p;
            if (f[p] == '(' && ClosingParen(f, p, end) is int close)
            {
                noteStart = p; noteEnd = numberEnd = close + 1;
            }
            else if (ShortNoteBeforeDigits(f, p, end) is int shortEnd)
            {
                // Inside digits run together, a few words followed by more digits are this cell's note (13准予撤诉115…).
                noteStart = p; noteEnd = numberEnd = shortEnd;
            }
            else if (delimited && (restLen <= 10 || f[p] == '(')) { noteStart = p; noteEnd = numberEnd = end; }
        }
        into.Add(CellToken.Number(start, numberEnd) with
        {
            DigitsStart = digitsStart,
            DigitsEnd = p0,
            Negative = sign < 0,
            UnitCode = unit,
            NoteStart = noteStart,
            NoteEnd = noteEnd,
            Approximate = approx,
            MaybeGlued = !hasValue || !thousands && !approx && integerDigits > 1,
        });
        if (numberingFollows)
        {
            into.Add(CellToken.Words(numberEnd, end));
            return;
        }
        if (numberEnd < end)
        {
            int next = restIsSeparator ? numberEnd + 1 : numberEnd;
            if (next < end) ReadWord(f, next, end, delimited, into);
        }
    }

    /// <summary>
    /// The value of the printed digits (thousands separators and a decimal part allowed): a whole number is added up
    /// digit by digit (as exact as parsing it, and without making a string); a decimal part is parsed.
    /// </summary>
    internal static decimal? Parse(ReadOnlySpan<char> printed)
    {
        long v = 0;
        foreach (var ch in printed)
        {
            if (ch == '.') return ParseDecimal(printed);
            if (ch != ',') v = v * 10 + (ch - '0');
        }
        return v;
    }

    static decimal? ParseDecimal(ReadOnlySpan<char> printed)
    {
        var digits = printed.Contains(',') ? printed.ToString().Replace(",", "") : printed;
        return decimal.TryParse(digits, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed : null;
    }

    /// <summary>A dot or 、 right after the digits and then a Chinese character: the digits number a label.</summary>
    static bool IsNumberingMark(string f, int p, int end) =>
        p + 1 < end && f[p] is '.' or '、' && f[p + 1] >= 0x4E00 && f[p + 1] <= 0x9FFF;

    static int? ClosingParen(string f, int p, int end)
    {
        int depth = 0;
        for (int k = p; k < end && k < p + 40; k++)
        {
            if (f[k] == '(') depth++;
            else if (f[k] == ')' && --depth == 0) return k;
        }
        return null;
    }

    static int? ShortNoteBeforeDigits(string f, int p, int end)
    {
        int k = p;
        while (k < end && k - p <= 8 && f[k] >= 0x4E00 && f[k] <= 0x9FFF) k++;
        return k < end && k - p is > 0 and <= 8 && char.IsAsciiDigit(f[k]) ? k : null;
    }

    /// <summary>",ddd" followed by a non-digit: a thousands separator, not two cells.</summary>
    static bool IsThousandsGroup(string f, int comma, int end)
    {
        if (comma + 4 > end) return false;
        for (int k = 1; k <= 3; k++) if (!char.IsAsciiDigit(f[comma + k])) return false;
        return comma + 4 == end || !char.IsAsciiDigit(f[comma + 4]);
    }

    /// <summary>Converts a money value to 万元 by the unit it was printed with.</summary>
    public static decimal ToWanYuan(decimal value, string? unit) => unit switch
    {
        "元" => value / 10000m,
        "亿元" => value * 10000m,
        _ => value,
    };
}
