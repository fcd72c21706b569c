using System.Text.RegularExpressions;

namespace Ogi.Metadata;

/// <summary>
/// Dates as reports print them, including the damaged forms scraping leaves: 2021-02-18, 2021年1月18日,
/// 2021 1 18 日 (年/月 lost), 20201231日, 二O一九年三月十一日, 二〇一三年一月二十日.
/// </summary>
public static partial class ChineseDate
{
    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})[ \t]{0,3}(?:年|-|/|\.|[ \t])[ \t]{0,3}(?<m>[0-9]{1,2})[ \t]{0,3}(?:月|-|/|\.|[ \t])[ \t]{0,3}(?<d>[0-9]{1,2})(?![0-9])[ \t]{0,3}日?")]
    private static partial Regex Arabic();

    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])日")]
    private static partial Regex Packed();

    [GeneratedRegex(@"(?<y>[二〇○OoО零一三四五六七八九]{4})[ \t]{0,3}年[ \t]{0,3}(?<m>[一二三四五六七八九十]{1,3})[ \t]{0,3}月[ \t]{0,3}(?<d>[一二三四五六七八九十]{1,3})[ \t]{0,3}日")]
    private static partial Regex Chinese();

    public sealed record Found(DateOnly Date, int Start, int End);

    public static IEnumerable<Found> FindAll(string text)
    {
        var list = new List<Found>();
        foreach (var (pattern, chinese) in Patterns)
            for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
                if (Read(m, chinese) is { } d) list.Add(new Found(d, m.Index, m.Index + m.Length));
        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    /// <summary>
    /// The first date of <see cref="FindAll"/>: each pattern's first date, the earliest of them (no two patterns
    /// match at one place: a year is followed by a separator, by the month's digits, or is in Chinese numerals).
    /// </summary>
    public static DateOnly? ParseFirst(string text)
    {
        DateOnly? first = null;
        int firstStart = int.MaxValue;
        foreach (var (pattern, chinese) in Patterns)
            for (var m = pattern.Match(text); m.Success && m.Index < firstStart; m = m.NextMatch())
                if (Read(m, chinese) is { } d) { first = d; firstStart = m.Index; break; }
        return first;
    }

    static readonly (Regex Pattern, bool Chinese)[] Patterns = [(Arabic(), false), (Packed(), false), (Chinese(), true)];

    /// <summary>The date a match spells, or null when there is no such day.</summary>
    static DateOnly? Read(Match m, bool chinese)
    {
        if (!chinese) return Make(ParseInt(m.Groups["y"].Value), ParseInt(m.Groups["m"].Value), ParseInt(m.Groups["d"].Value));
        var y = ChineseYear(m.Groups["y"].Value);
        return y is null ? null : Make(y.Value, ChineseNumber(m.Groups["m"].Value), ChineseNumber(m.Groups["d"].Value));
    }

    static DateOnly? Make(int y, int m, int d)
    {
        if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    /// <summary>二〇二〇 → 2020.</summary>
    public static int? YearOf(string s) => ChineseYear(s) is int y && y >= 1990 && y <= 2100 ? y : null;

    static int? ChineseYear(string s)
    {
        int y = 0;
        foreach (var ch in s)
        {
            int v = Digit(ch);
            if (v < 0) return null;
            y = y * 10 + v;
        }
        return y;
    }

    static int Digit(char ch) => ch switch
    {
        '〇' or '○' or 'O' or 'o' or 'О' or '零' => 0, '一' => 1, '二' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
    };

    static int ChineseNumber(string s)
    {
        if (s == "十") return 10;
        int ten = s.IndexOf('十');
        if (ten < 0) return Digit(s[0]);
        int tens = ten == 0 ? 1 : Digit(s[0]);
        int ones = ten == s.Length - 1 ? 0 : Digit(s[ten + 1]);
        return tens * 10 + ones;
    }

    static int ParseInt(string s) => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
}
