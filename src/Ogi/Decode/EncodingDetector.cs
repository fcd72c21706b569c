using System.Text;
using System.Text.RegularExpressions;

namespace Ogi.Decode;

/// <summary>
/// Chooses the text encoding of a report's bytes: a byte-order mark first, then strict UTF-8 (GBK or Big5 text is
/// almost never valid UTF-8), then an HTML meta charset, then statistical detection (UTF.Unknown) between the
/// Chinese legacy encodings. GB2312 and GBK are read as GB18030, their superset.
/// </summary>
public static partial class EncodingDetector
{
    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030, the superset of GB2312 and GBK (the code-pages provider registered).</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static (Encoding Encoding, int Preamble) Detect(ReadOnlySpan<byte> bytes, bool looksLikeHtml)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return (new UTF8Encoding(false), 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return (Encoding.Unicode, 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return (Encoding.BigEndianUnicode, 2);
        if (LooksLikeUtf16(bytes, out var utf16)) return (utf16!, 0);
        if (IsValidUtf8(bytes)) return (new UTF8Encoding(false), 0);
        // A page's declaration is trusted only where it names a Chinese multibyte encoding: sites copy templates
        // that declare iso-8859-1 or utf-16 over bytes that are GBK.
        if (looksLikeHtml && MetaCharset(bytes) is { } declared && IsChineseMultibyte(declared)) return (declared, 0);
        return (DetectLegacy(bytes), 0);
    }

    /// <summary>
    /// <see cref="Detect"/> and the decoded text, the same as <c>encoding.GetString(bytes[preamble..])</c>. Most
    /// reports are valid UTF-8: for them validating and decoding is one pass of the transcoder into a reused buffer,
    /// instead of a validation pass, a counting pass and a decoding pass.
    /// </summary>
    public static (string Text, Encoding Encoding) DetectAndDecode(ReadOnlySpan<byte> bytes, bool looksLikeHtml)
    {
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if ((bom || !StartsWithUtf16Mark(bytes) && !LooksLikeUtf16(bytes, out _)) && TryDecodeUtf8(bom ? bytes[3..] : bytes) is { } utf8)
            return (utf8, new UTF8Encoding(false));
        var (encoding, preamble) = Detect(bytes, looksLikeHtml);
        return (encoding.GetString(bytes[preamble..]), encoding);
    }

    static bool StartsWithUtf16Mark(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF);

    [ThreadStatic] static char[]? _utf16Buffer;

    /// <summary>The text of strictly valid UTF-8 bytes, or null (invalid anywhere, or cut inside a character: <see cref="Detect"/> decides those).</summary>
    static string? TryDecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        // UTF-8 never takes fewer bytes than UTF-16 units: a buffer as long as the bytes always holds the text.
        var buffer = _utf16Buffer;
        if (buffer is null || buffer.Length < bytes.Length)
        {
            buffer = new char[Math.Max(bytes.Length, 64 * 1024)];
            // A few megabytes of an MS-Word page are not worth keeping for the reports after it.
            if (buffer.Length <= 1 << 20) _utf16Buffer = buffer;
        }
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, buffer, out int read, out int written, replaceInvalidSequences: false, isFinalBlock: true);
        return status == System.Buffers.OperationStatus.Done && read == bytes.Length ? new string(buffer, 0, written) : null;
    }

    static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        // A file cut in the middle of a character is still UTF-8: ignore up to 3 trailing bytes of a broken sequence.
        var span = bytes;
        for (int trim = 0; trim <= 3 && span.Length > 0; trim++)
        {
            if (System.Text.Unicode.Utf8.IsValid(span)) return true;
            span = span[..^1];
        }
        return false;
    }

    static bool IsChineseMultibyte(Encoding e) => e.CodePage is 54936 or 936 or 950 or 20936 or 51936 or 52936;

    /// <summary>UTF-16 without a byte-order mark: the zero high bytes of ASCII stand on one parity.</summary>
    public static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out Encoding? encoding)
    {
        encoding = null;
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 16) return false;
        // Both tests below need zero bytes; UTF-8 and GB text have none, which one vectorized search finds.
        if (bytes[..n].IndexOf((byte)0) < 0) return false;
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i < n; i += 2) { if (bytes[i] == 0) zeroEven++; if (bytes[i + 1] == 0) zeroOdd++; }
        int pairs = n / 2;
        // Chinese UTF-16 has few zero bytes (only its ASCII: digits, newlines), but they all stand on one parity, and
        // the text it decodes to is printable (a CJK character such as 一, U+4E00, has a zero low byte too). UTF-8 and GB text have no zero bytes at all.
        if (zeroOdd > pairs / 100 && zeroEven * 4 <= zeroOdd && Printable(bytes[..n], littleEndian: true)) { encoding = Encoding.Unicode; return true; }
        if (zeroEven > pairs / 100 && zeroOdd * 4 <= zeroEven && Printable(bytes[..n], littleEndian: false)) { encoding = Encoding.BigEndianUnicode; return true; }
        return false;
    }

    static bool Printable(ReadOnlySpan<byte> bytes, bool littleEndian)
    {
        int good = 0, total = 0;
        for (int i = 0; i + 1 < bytes.Length; i += 2)
        {
            int c = littleEndian ? bytes[i] | bytes[i + 1] << 8 : bytes[i] << 8 | bytes[i + 1];
            total++;
            if (c is >= 0x20 and < 0x7F or '\n' or '\r' or '\t' || c is >= 0x3000 and <= 0x9FFF || c is >= 0xFF00 and <= 0xFFEF || c is >= 0x2000 and <= 0x206F) good++;
        }
        return good * 10 >= total * 9;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    static Encoding? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 8192)]);
        var m = CharsetPattern().Match(head);
        return m.Success ? ByName(m.Groups[1].Value) : null;
    }

    public static Encoding? ByName(string name)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "gb2312": case "gbk": case "gb18030": case "x-gbk": case "cp936": case "euc-cn": case "hz-gb-2312":
                return Encoding.GetEncoding("GB18030");
            case "big5": case "big5-hkscs": case "cp950": case "x-big5":
                return Encoding.GetEncoding("big5");
            case "utf8": case "utf-8": return new UTF8Encoding(false);
        }
        try { return Encoding.GetEncoding(name); } catch (ArgumentException) { return null; }
    }

    static Encoding DetectLegacy(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 65536 ? bytes[..65536].ToArray() : bytes.ToArray();
        var result = UtfUnknown.CharsetDetector.DetectFromBytes(sample);
        var name = result.Detected?.EncodingName;
        var enc = name is null ? null : ByName(name);
        // The detector sometimes names a single-byte code page for short Chinese text; Chinese reports are GB or Big5.
        if (enc is null || enc.IsSingleByte) enc = Encoding.GetEncoding("GB18030");
        return enc;
    }
}
