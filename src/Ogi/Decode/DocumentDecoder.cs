using System.Text;
using Ogi.Decode.Pdf;

namespace Ogi.Decode;

/// <summary>Bytes → <see cref="SourceDocument"/>: refuses what is not a text, HTML, Word or PDF report, detects the encoding, removes markup.</summary>
public static class DocumentDecoder
{
    /// <summary>Reports are tens of kilobytes; MS-Word HTML pages reach a few megabytes. Anything far larger is not one report.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    public static SourceDocument Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw new UnreadableDocumentException("the file is empty");
        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            var docx = DocxTextExtractor.Extract(bytes);
            if (string.IsNullOrWhiteSpace(docx)) throw new UnreadableDocumentException("the Word document holds no text");
            return new SourceDocument(docx, SourceFormat.Docx, "docx");
        }
        if (IsPdf(bytes)) return PdfDecoder.Decode(bytes.ToArray());
        if (IsOleCompound(bytes)) return Decode(LegacyWordConverter.ToDocx(bytes));
        RejectBinary(bytes);
        bool html = LooksLikeHtml(bytes);
        var (text, encoding) = EncodingDetector.DetectAndDecode(bytes, html);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        int bad = text.AsSpan().Count('\uFFFD');
        if (bad > 16 && bad > text.Length / 50)
            throw new UnreadableDocumentException($"the text cannot be decoded ({encoding.WebName} gives {bad} undecodable characters)");
        if (string.IsNullOrWhiteSpace(text)) throw new UnreadableDocumentException("the file holds no text");
        // Almost every text has no control character and no carriage return at all: one vectorized search says so, and
        // each is looked for only when it finds one.
        bool unusual = HasControls(text, orReturn: true);
        int controls = 0;
        if (unusual && HasControls(text, orReturn: false))
            foreach (var ch in text) if (ch < ' ' && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f') controls++;
        if (controls > 8 && controls > text.Length / 50) throw new UnreadableDocumentException("binary data, not a text or HTML report");
        // UTF-16 pages (Word's "save as Unicode web page") show their markup only once decoded.
        if (!html && encoding is UnicodeEncoding) html = LooksLikeHtml(text);
        if (html)
        {
            // HTML parsers slow down badly on pathological nesting; no report nests a thousand elements deep.
            int depth = HtmlTextRenderer.MaxNesting(text);
            if (depth > 1000) throw new UnreadableDocumentException($"the page nests its elements {depth} levels deep; not a report page");
            text = HtmlTextRenderer.Render(text);
        }
        else
        {
            if (unusual && text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
            text = CsvRows.ToPipeRows(text);
        }
        if (string.IsNullOrWhiteSpace(text)) throw new UnreadableDocumentException("the page holds no text");
        return new SourceDocument(text, html ? SourceFormat.Html : SourceFormat.Text, encoding.WebName);
    }

    public static SourceDocument DecodeFile(string path, long maxBytes = DefaultMaxBytes)
    {
        // The usual case in one open and one read (a batch reads thousands of files); the checks below say why when it fails.
        return TryDecodeFile(path, maxBytes) ?? DecodeFileChecked(path, maxBytes);
    }

    /// <summary>
    /// The file decoded, or null when it cannot simply be read whole (missing, a folder, empty, too large, changing):
    /// <see cref="DecodeFile"/> then says why. The bytes are read into a buffer the thread keeps (decoding keeps no
    /// reference to them), not into a new array a file.
    /// </summary>
    public static SourceDocument? TryDecodeFile(string path, long maxBytes = DefaultMaxBytes)
    {
        int length;
        var buffer = _fileBuffer ?? [];
        try
        {
            using var handle = File.OpenHandle(path);
            long size = RandomAccess.GetLength(handle);
            if (size <= 0 || size > maxBytes || size > Array.MaxLength) return null;
            length = (int)size;
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, 64 * 1024)];
                if (buffer.Length <= 1 << 20) _fileBuffer = buffer; // a rare large file's buffer is not kept
            }
            int read = 0;
            while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read) is var n and > 0) read += n;
            if (read != length) return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
        return Decode(buffer.AsSpan(0, length));
    }

    [ThreadStatic] static byte[]? _fileBuffer;

    static SourceDocument DecodeFileChecked(string path, long maxBytes)
    {
        FileInfo info;
        try { info = new FileInfo(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        { throw new UnreadableDocumentException("not a valid file name"); }
        if (Directory.Exists(path)) throw new UnreadableDocumentException("is a folder");
        if (!info.Exists) throw new UnreadableDocumentException("no such file");
        if (info.Length > maxBytes)
            throw new UnreadableDocumentException($"the file is too large ({info.Length / (1024 * 1024)} MB; the limit is {maxBytes / (1024 * 1024)} MB)");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new UnreadableDocumentException("cannot be read: " + e.Message.Split('\n')[0]); }
        return Decode(bytes);
    }

    /// <summary>A PDF starts with %PDF-; some producers put a few bytes of junk before it, which readers allow.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) is >= 0 and <= 64 and var at && (at == 0 || bytes[..at].IndexOf((byte)'<') < 0);

    /// <summary>An OLE compound file: old Word (.doc), WPS (.wps) — and Excel or PowerPoint, which LibreOffice refuses to make a Word file of.</summary>
    static bool IsOleCompound(ReadOnlySpan<byte> bytes) => bytes.Length >= 8 && bytes.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });

    // The control characters are searched as ranges, not as SearchValues sets: making the sets (LINQ, then the sets'
    // own analysis) cost a cold process some milliseconds before its first report; a few range scans cost nothing.

    /// <summary>Whether <paramref name="text"/> holds a control character a text report does not hold: below a space but
    /// \n, \t, \f — and \r, unless <paramref name="orReturn"/> (what <see cref="Decode"/> looks for first).</summary>
    static bool HasControls(ReadOnlySpan<char> text, bool orReturn) =>
        text.IndexOfAnyInRange('\0', '\b') >= 0 || text.IndexOf('\v') >= 0
        || (orReturn ? text.IndexOfAnyInRange('\r', '\x1F') : text.IndexOfAnyInRange('\x0E', '\x1F')) >= 0;

    /// <summary>Whether <paramref name="head"/> holds a byte <see cref="RejectBinary"/> counts: zero and the control bytes a
    /// text has no use for (not \t, \n, \f, \r, nor ESC, which starts ISO-2022 sequences).</summary>
    static bool HasBinaryBytes(ReadOnlySpan<byte> head) =>
        head.IndexOfAnyInRange((byte)0, (byte)8) >= 0 || head.IndexOf((byte)0x0B) >= 0
        || head.IndexOfAnyInRange((byte)0x0E, (byte)0x1A) >= 0 || head.IndexOfAnyInRange((byte)0x1C, (byte)0x1F) >= 0;

    static void RejectBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)) return; // UTF-16
        if (EncodingDetector.LooksLikeUtf16(bytes, out _)) return;
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (!HasBinaryBytes(head)) return; // the usual case, found in a few vectorized searches
        int control = 0, zeros = 0;
        foreach (var b in head)
        {
            if (b == 0) zeros++;
            else if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) control++;
        }
        if (zeros > 0 || control > head.Length / 100 + 2)
            throw new UnreadableDocumentException("binary data, not a text or HTML report");
    }

    static readonly string[] HtmlMarkers = ["<html", "<!doctype html", "<body", "<table", "<meta", "<div", "<p>", "<p ", "<td", "<span"];

    static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        int lt = head.IndexOf((byte)'<');
        while (lt >= 0)
        {
            var rest = head[lt..];
            foreach (var m in HtmlMarkers)
                if (rest.Length >= m.Length && StartsWithIgnoreCase(rest, m)) return true;
            int next = rest[1..].IndexOf((byte)'<');
            lt = next < 0 ? -1 : lt + 1 + next;
        }
        return false;
    }

    static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        foreach (var m in HtmlMarkers)
            if (head.Contains(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    static bool StartsWithIgnoreCase(ReadOnlySpan<byte> s, string ascii)
    {
        for (int i = 0; i < ascii.Length; i++)
        {
            int b = s[i];
            if (b >= 'A' && b <= 'Z') b += 32;
            if (b != ascii[i]) return false;
        }
        return true;
    }
}
