namespace Ogi.Render;

/// <summary>The numbering styles of the formats: 一、 for parts, （一） for items, 1. or 1、 for sub-items.</summary>
public static class Numbering
{
    static readonly string[] Digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>Chinese numerals as the formats write item numbers (1–99): 十, 十二, 二十三.</summary>
    public static string Chinese(int n) => n switch
    {
        < 10 and >= 0 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n - 10],
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The printed number of a row; empty where the style is unknown or the row has no number.</summary>
    public static string Format(string? style, int? ord, bool halfWidth = false) => (style, ord) switch
    {
        (_, null) or (null, _) => "",
        ("cn", int n) => Chinese(n) + "、",
        ("paren", int n) => halfWidth ? $"({Chinese(n)})" : $"（{Chinese(n)}）",
        ("arabic", int n) => $"{n}.",
        ("arabic-dun", int n) => $"{n}、",
        _ => "",
    };

    /// <summary>The level the style stands for: 1 for 一、, 2 for （一）, 3 for 1. and 1、.</summary>
    public static int Depth(string? style) => style switch { "cn" => 1, "paren" => 2, "arabic" or "arabic-dun" => 3, _ => 3 };
}
