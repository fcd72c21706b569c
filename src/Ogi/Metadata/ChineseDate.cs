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
        foreach (Match m in Arabic().Matches(text))
            if (Make(ParseInt(m.Groups["y"].Value), ParseInt(m.Groups["m"].Value), ParseInt(m.Groups["d"].Value)) is { } d)
                list.Add(new Found(d, m.Index, m.Index + m.Length));
        foreach (Match m in Packed().Matches(text))
            if (Make(ParseInt(m.Groups["y"].Value), ParseInt(m.Groups["m"].Value), ParseInt(m.Groups["d"].Value)) is { } d)
                list.Add(new Found(d, m.Index, m.Index + m.Length));
        foreach (Match m in Chinese().Matches(text))
        {
            var y = ChineseYear(m.Groups["y"].Value);
            var mo = ChineseNumber(m.Groups["m"].Value);
            var da = ChineseNumber(m.Groups["d"].Value);
            if (y is not null && Make(y.Value, mo, da) is { } d) list.Add(new Found(d, m.Index, m.Index + m.Length));
        }
        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }

    public static DateOnly? ParseFirst(string text) => FindAll(text).Select(f => (DateOnly?)f.Date).FirstOrDefault();

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
