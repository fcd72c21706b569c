namespace Ogi.Store.Answers;

/// <summary>
/// GB/T 2260 division codes: two digits of province, two of city, two of county (a township's 9 or 12 digits start
/// with its county's six). The province of 350502 is 350000, its city 350500, its county 350502.
/// </summary>
public static class DivisionCode
{
    public static bool IsCode(string text) => text.Length is >= 2 and <= 12 && !text.AsSpan().ContainsAnyExceptInRange('0', '9');

    public static string? Province(string? code) => code is { Length: >= 2 } && IsCode(code) ? code[..2] + "0000" : null;

    /// <summary>Null for a province's own code (350000): no city lies above it.</summary>
    public static string? City(string? code) => code is { Length: >= 6 } && IsCode(code) && code[2..4] != "00" ? code[..4] + "00" : null;

    /// <summary>Null for a province's or city's own code.</summary>
    public static string? County(string? code) => code is { Length: >= 6 } && IsCode(code) && code[4..6] != "00" ? code[..6] : null;

    /// <summary>
    /// The prefix every code at or below a division starts with: 350000 → 35, 350500 → 3505, 350502 → 350502,
    /// 350502001000 → 350502001. A code filter takes that division and everything below it.
    /// </summary>
    public static string Prefix(string code)
    {
        var c = code;
        while (c.Length > 6 && c.EndsWith("000", StringComparison.Ordinal)) c = c[..^3];
        if (c.Length == 6)
        {
            if (c.EndsWith("0000", StringComparison.Ordinal)) c = c[..2];
            else if (c.EndsWith("00", StringComparison.Ordinal)) c = c[..4];
        }
        return c;
    }

    /// <summary>Whether <paramref name="placeCode"/> is the division <paramref name="code"/> or lies below it.</summary>
    /// <summary>The first string of digits after every code with this prefix ("35" → "36", "3509" → "3510"); null for nines.</summary>
    public static string? NextPrefix(string prefix)
    {
        var digits = prefix.ToCharArray();
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(digits[i])) return null;
            if (digits[i] < '9') { digits[i]++; return new string(digits); }
            digits[i] = '0';
        }
        return null;
    }

    public static bool IsWithin(string? placeCode, string code) =>
        placeCode is not null && placeCode.StartsWith(Prefix(code), StringComparison.Ordinal);
}
