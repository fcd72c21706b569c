using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Ogi.Decode;

/// <summary>
/// A Word (.docx) report → the same text an HTML page gives: paragraphs one a line, each table row one line with
/// every cell closed by " |". A vertically merged cell is written once, in the row where the merge starts (Word
/// repeats it as an empty continuation cell in every later row), as an HTML rowspan is.
/// Reads word/document.xml with a forward-only XmlReader: the Open XML SDK's document model costs about 8 ms a
/// report, this about a tenth of that, and only text, paragraphs, tables and merges matter here.
/// </summary>
public static class DocxTextExtractor
{
    const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /// <summary>Strict Open XML (ISO/IEC 29500 Strict) names the same elements in another namespace.</summary>
    const string WStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string RStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    /// <summary>A report's document.xml is a few megabytes at most; a ZIP bomb is refused, not inflated (as a text file over the size limit is).</summary>
    const long MaxDocumentXml = DocumentDecoder.DefaultMaxBytes;

    /// <summary>The text of a ZIP container that is a Word document; a ZIP archive of anything else is refused.</summary>
    public static string Extract(ReadOnlySpan<byte> bytes)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException) { throw NotWord(); }
        using var _ = zip;
        try
        {
            var entry = zip.GetEntry("word/document.xml") ?? throw NotWord();
            if (entry.Length > MaxDocumentXml) throw new UnreadableDocumentException($"the Word document's text is too large ({entry.Length / (1024 * 1024)} MB unpacked)");
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, Settings);
            var chunks = new List<(int At, string Id)>();
            var text = Read(reader, chunks);
            return chunks.Count == 0 ? text : WithChunks(zip, text, chunks);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new UnreadableDocumentException("a damaged Word document (" + e.Message.Split('\n')[0].TrimEnd('.') + ")");
        }
    }

    static UnreadableDocumentException NotWord() => new("a ZIP archive, not a Word (.docx) report");

    static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true, XmlResolver = null };

    /// <summary>
    /// Word files written by "export to Word" features often hold the whole report as an HTML part imported with
    /// w:altChunk; its text (as an HTML page gives it) stands where the chunk is.
    /// </summary>
    static string WithChunks(ZipArchive zip, string text, List<(int At, string Id)> chunks)
    {
        var targets = new Dictionary<string, string>();
        var rels = zip.GetEntry("word/_rels/document.xml.rels");
        if (rels is not null)
        {
            using var rs = rels.Open();
            using var rr = XmlReader.Create(rs, Settings);
            while (rr.Read())
                if (rr.NodeType == XmlNodeType.Element && rr.LocalName == "Relationship" && rr.GetAttribute("Id") is string id && rr.GetAttribute("Target") is string target)
                    targets[id] = target;
        }
        var sb = new StringBuilder(text.Length);
        int from = 0;
        foreach (var (at, id) in chunks)
        {
            sb.Append(text, from, at - from);
            from = at;
            if (!targets.TryGetValue(id, out var target)) continue;
            var part = zip.GetEntry(target.StartsWith('/') ? target[1..] : "word/" + target);
            if (part is null || part.Length > MaxDocumentXml) continue;
            using var ps = part.Open();
            using var ms = new MemoryStream();
            ps.CopyTo(ms);
            var bytes = ms.ToArray();
            // An HTML or text chunk; a nested Word file is read as one too.
            try { sb.Append(DocumentDecoder.Decode(bytes).Text).Append('\n'); }
            catch (UnreadableDocumentException) { }
        }
        sb.Append(text, from, text.Length - from);
        return sb.ToString();
    }

    static bool IsW(string ns) => ns == W || ns == WStrict;

    static string? WAttribute(XmlReader r, string name) => r.GetAttribute(name, W) ?? r.GetAttribute(name, WStrict);

    static string Read(XmlReader r, List<(int At, string Id)> chunks)
    {
        var sb = new StringBuilder(16 * 1024);
        int tableDepth = 0;          // nesting of w:tbl
        bool cellSkipped = false;    // inside a vMerge continuation cell
        bool cellHasParagraph = false;
        int rowCells = 0;
        bool inText = false;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && IsW(r.NamespaceURI))
            {
                bool empty = r.IsEmptyElement;
                switch (r.LocalName)
                {
                    case "tbl": if (!empty) tableDepth++; break;
                    case "tr": rowCells = 0; break;
                    case "tc": cellSkipped = false; cellHasParagraph = false; break;
                    case "vMerge" or "hMerge":
                        // <w:vMerge/> or w:val="continue" continues the merge from the row above; "restart" starts it.
                        // w:hMerge, Word 97's horizontal merge, continues the cell on its left in the same way.
                        if (tableDepth > 0 && WAttribute(r, "val") is null or "continue") cellSkipped = true;
                        break;
                    case "altChunk":
                        if ((r.GetAttribute("id", R) ?? r.GetAttribute("id", RStrict)) is string chunk) chunks.Add((sb.Length, chunk));
                        break;
                    case "p":
                        if (tableDepth > 0 && cellHasParagraph && !cellSkipped) sb.Append(' ');
                        if (tableDepth > 0) cellHasParagraph = true;
                        break;
                    case "t": if (!empty && !cellSkipped) inText = true; break;
                    // A tab in a run; w:tab with a position is a tab stop of the paragraph's properties.
                    case "tab": if (!cellSkipped && WAttribute(r, "pos") is null) sb.Append('\t'); break;
                    case "br" or "cr": if (!cellSkipped) sb.Append(tableDepth > 0 ? ' ' : '\n'); break;
                }
            }
            else if (inText && r.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                sb.Append(r.Value);
            else if (r.NodeType == XmlNodeType.EndElement && IsW(r.NamespaceURI))
            {
                switch (r.LocalName)
                {
                    case "t": inText = false; break;
                    case "p": if (tableDepth == 0) sb.Append('\n'); break;
                    case "tc": if (!cellSkipped) { sb.Append(" |"); rowCells++; } cellSkipped = false; break;
                    case "tr": if (rowCells > 0) sb.Append('\n'); break;
                    case "tbl": tableDepth--; break;
                }
            }
        }
        return sb.ToString();
    }
}
