using System.Globalization;

namespace Ogi.Store.Answers;

/// <summary>Values as the report states them, whatever scale the database stored them with (71.000000 → 71, 9116.360 → 9116.36).</summary>
public static class Decimals
{
    /// <summary>The same value without trailing zeros of its scale, so that JSON prints it as a person would.</summary>
    public static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? Plain(decimal? value) => value is { } v ? Plain(v) : null;

    /// <summary>Invariant text, no exponent, no trailing zeros; empty for null.</summary>
    public static string Text(decimal? value) => value is { } v ? Plain(v).ToString(CultureInfo.InvariantCulture) : "";
}
