namespace Ogi.Parsing;

/// <summary>A report's values are counts almost always: whole numbers, worked with as longs, not by decimal arithmetic.</summary>
static class WholeNumber
{
    /// <summary>
    /// The value as a long when it is a whole number written without a fraction (scale 0) within a long's range, read
    /// from the decimal's parts (no decimal comparisons); false otherwise (25.5, 3.0, or larger).
    /// </summary>
    public static bool TryGet(decimal value, out long whole)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        // parts: low, middle and high 32 bits of the 96-bit magnitude; then the scale (bits 16-23) and the sign (bit 31).
        if (parts[2] != 0 || parts[1] < 0 || (parts[3] & 0x00FF0000) != 0) { whole = 0; return false; }
        long magnitude = (long)parts[1] << 32 | (uint)parts[0];
        whole = parts[3] < 0 ? -magnitude : magnitude;
        return true;
    }
}
