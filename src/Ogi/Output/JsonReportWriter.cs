using System.Text.Encodings.Web;
using System.Text.Json;
using Ogi.Cells;
using Ogi.Parsing;

namespace Ogi.Output;

/// <summary>Writes a parsed report as the JSON document of OUTPUT.md.</summary>
public static class JsonReportWriter
{
    // The calls below always make a valid document: the writer need not check each one (the output is the same).
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false, SkipValidation = true };

    /// <summary>One writer a thread, and its buffer, kept from report to report (a document is tens of kilobytes).</summary>
    [ThreadStatic] static Utf8JsonWriter? _compact, _indented;
    [ThreadStatic] static System.Buffers.ArrayBufferWriter<byte>? _buffer;

    public static void Write(Stream stream, ParsedReport report, string? file = null, bool indented = false)
    {
        var buffer = _buffer ?? new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        var w = (indented ? _indented : _compact) ?? new Utf8JsonWriter(buffer, Options with { Indented = indented });
        // Taken while in use: a write that fails half-way leaves no writer in a half state for the next report.
        _buffer = null;
        if (indented) _indented = null; else _compact = null;
        buffer.ResetWrittenCount(); // not Clear(): zeroing what will be written over costs a tenth of the writing
        w.Reset(buffer);
        // The values and cells as bytes (CompactCells) where they are written without indentation and without PDF boxes.
        Write(w, report, file, compact: !indented && report.Source.Boxes is not { Count: > 0 } ? buffer : null);
        stream.Write(buffer.WrittenSpan);
        if (buffer.Capacity <= 1 << 20) _buffer = buffer;
        if (indented) _indented = w; else _compact = w;
    }

    public static string ToJson(ParsedReport report, bool indented = false)
    {
        using var ms = new MemoryStream();
        Write(ms, report, null, indented);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <param name="compact">The writer's output, when the values and cells are written as bytes into it (<see cref="CompactCells"/>).</param>
    static void Write(Utf8JsonWriter w, ParsedReport r, string? file, System.Buffers.IBufferWriter<byte>? compact)
    {
        w.WriteStartObject();
        if (file is not null) w.WriteString(N.File, file);
        w.WriteString(N.Template, r.Template);
        w.WriteStartObject(N.Metadata);
        var m = r.Metadata;
        w.WriteString(N.Title, m.Title);
        w.WriteString(N.Agency, m.Agency);
        if (m.Year is int y) w.WriteNumber(N.Year, y); else w.WriteNull(N.Year);
        if (m.Published is DateOnly d) w.WriteString(N.Published, IsoDate(d, stackalloc byte[10])); else w.WriteNull(N.Published);
        if (m.Contact is { } c)
        {
            w.WriteStartObject(N.Contact);
            if (c.Phone is not null) w.WriteString(N.Phone, c.Phone);
            if (c.Fax is not null) w.WriteString(N.Fax, c.Fax);
            if (c.Address is not null) w.WriteString(N.Address, c.Address);
            if (c.Postcode is not null) w.WriteString(N.Postcode, c.Postcode);
            if (c.Email is not null) w.WriteString(N.Email, c.Email);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        WriteTable(w, r.Main?.Cells ?? [], r.Source, compact);
        w.WriteStartArray(N.Tables);
        for (int k = 1; k < r.Tables.Count; k++)
        {
            var t = r.Tables[k];
            w.WriteStartObject();
            w.WriteString(N.Label, t.Label);
            WriteTable(w, t.Cells, r.Source, compact);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray(N.Findings);
        foreach (var f in r.Findings)
        {
            w.WriteStartObject();
            w.WriteString(N.Rule, f.Rule);
            w.WriteString(N.Severity, f.Severity);
            w.WriteString(N.Message, f.Message);
            w.WriteString(N.MessageEn, f.MessageEn);
            w.WriteStartArray(N.Fields);
            // By index: a foreach over the interface allocated an enumerator a finding.
            var fields = f.Fields;
            for (int i = 0; i < fields.Count; i++) w.WriteStringValue(fields[i]);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject(N.Source);
        w.WriteString(N.Format, FormatName(r.Source.Format));
        w.WriteString(N.Encoding, r.Source.EncodingName);
        w.WriteNumber(N.Chars, r.Source.Text.Length);
        if (r.Source.Pages > 0) w.WriteNumber(N.Pages, r.Source.Pages);
        if (r.Source.Ocr) w.WriteBoolean(N.Ocr, true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>
    /// The property names of the document's head and tail, escaped and converted to UTF-8 once instead of in every
    /// report (the writer transcodes a string name at each call).
    /// </summary>
    static class N
    {
        public static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        public static readonly JsonEncodedText Template = JsonEncodedText.Encode("template");
        public static readonly JsonEncodedText Metadata = JsonEncodedText.Encode("metadata");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Agency = JsonEncodedText.Encode("agency");
        public static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
        public static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
        public static readonly JsonEncodedText Contact = JsonEncodedText.Encode("contact");
        public static readonly JsonEncodedText Phone = JsonEncodedText.Encode("phone");
        public static readonly JsonEncodedText Fax = JsonEncodedText.Encode("fax");
        public static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");
        public static readonly JsonEncodedText Postcode = JsonEncodedText.Encode("postcode");
        public static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
        public static readonly JsonEncodedText Tables = JsonEncodedText.Encode("tables");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText MessageEn = JsonEncodedText.Encode("message_en");
        public static readonly JsonEncodedText Fields = JsonEncodedText.Encode("fields");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
        public static readonly JsonEncodedText Encoding = JsonEncodedText.Encode("encoding");
        public static readonly JsonEncodedText Chars = JsonEncodedText.Encode("chars");
        public static readonly JsonEncodedText Pages = JsonEncodedText.Encode("pages");
        public static readonly JsonEncodedText Ocr = JsonEncodedText.Encode("ocr");
    }

    /// <summary>A format's name as written: its enum name in lower case (a switch, not the enum's reflection at start-up).</summary>
    static string FormatName(Decode.SourceFormat format) => format switch
    {
        Decode.SourceFormat.Text => "text",
        Decode.SourceFormat.Html => "html",
        Decode.SourceFormat.Docx => "docx",
        Decode.SourceFormat.Pdf => "pdf",
        _ => format.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The date as yyyy-MM-dd (the invariant culture's digits), written by hand: the culture's date formatting cost the
    /// first report its set-up and every report a pass through the format string.
    /// </summary>
    static ReadOnlySpan<byte> IsoDate(DateOnly d, Span<byte> into)
    {
        int year = d.Year, month = d.Month, day = d.Day;
        into[0] = (byte)('0' + year / 1000);
        into[1] = (byte)('0' + year / 100 % 10);
        into[2] = (byte)('0' + year / 10 % 10);
        into[3] = (byte)('0' + year % 10);
        into[4] = (byte)'-';
        into[5] = (byte)('0' + month / 10);
        into[6] = (byte)('0' + month % 10);
        into[7] = (byte)'-';
        into[8] = (byte)('0' + day / 10);
        into[9] = (byte)('0' + day % 10);
        return into;
    }

    static readonly JsonEncodedText ValuesName = JsonEncodedText.Encode("values"), CellsName = JsonEncodedText.Encode("cells");

    static void WriteTable(Utf8JsonWriter w, List<CellValue> cells, Decode.SourceDocument source, System.Buffers.IBufferWriter<byte>? compact)
    {
        if (compact is not null)
        {
            CompactCells.WriteTable(w, ValuesName, CellsName, cells, compact);
            return;
        }
        WriteValues(w, "values", cells);
        WriteCells(w, cells, source);
    }

    /// <summary>A PDF cell's page (from 1) and box in PDF units, [left, bottom, right, top] from the page's bottom-left corner.</summary>
    static void WritePageBox(Utf8JsonWriter w, Decode.Pdf.TextBox at)
    {
        w.WriteNumber("page", at.Page);
        w.WriteStartArray("box");
        foreach (var v in (double[])[at.Box.Left, at.Box.Bottom, at.Box.Right, at.Box.Top]) w.WriteNumberValue(Math.Round(v, 2));
        w.WriteEndArray();
    }

    static void WriteValues(Utf8JsonWriter w, string name, List<CellValue> cells)
    {
        w.WriteStartObject(name);
        foreach (var c in cells)
        {
            var field = Encoded(c.Field);
            if (c.Value is decimal v) WriteNumber(w, field, v);
            else w.WriteNull(field);
        }
        w.WriteEndObject();
    }

    /// <summary>A field's name escaped and converted to UTF-8 once, not in every report twice.</summary>
    static JsonEncodedText Encoded(string field) => FieldNames.Get(field);

    static readonly EncodedNames<JsonEncodedText> FieldNames = new(field => JsonEncodedText.Encode(field, Options.Encoder));

    static readonly JsonEncodedText FieldName = JsonEncodedText.Encode("field"), RawName = JsonEncodedText.Encode("raw"),
        StartName = JsonEncodedText.Encode("start"), EndName = JsonEncodedText.Encode("end"), ConfidenceName = JsonEncodedText.Encode("confidence"),
        UnitName = JsonEncodedText.Encode("unit"), NoteName = JsonEncodedText.Encode("note"), ApproximateName = JsonEncodedText.Encode("approximate"),
        GluedName = JsonEncodedText.Encode("glued"), AlternativesName = JsonEncodedText.Encode("alternatives");

    static void WriteCells(Utf8JsonWriter w, List<CellValue> cells, Decode.SourceDocument source)
    {
        w.WriteStartArray("cells");
        foreach (var c in cells)
        {
            w.WriteStartObject();
            w.WriteString(FieldName, Encoded(c.Field));
            w.WriteString(RawName, c.Raw);
            w.WriteNumber(StartName, c.Start);
            w.WriteNumber(EndName, c.End);
            if (c.Confidence == 1.0) w.WriteNumber(ConfidenceName, 1); else w.WriteNumber(ConfidenceName, c.Confidence);
            if (source.BoxAt(c.Start) is { } at) WritePageBox(w, at);
            if (c.Unit is not null) w.WriteString(UnitName, c.Unit);
            if (c.Note is not null) w.WriteString(NoteName, c.Note);
            if (c.Approximate) w.WriteBoolean(ApproximateName, true);
            if (c.FromGluedDigits) w.WriteBoolean(GluedName, true);
            if (c.Alternatives is { Count: > 0 } alts)
            {
                w.WriteStartArray(AlternativesName);
                foreach (var a in alts) { if (a is decimal av) w.WriteNumberValue(Trim(av)); else w.WriteNullValue(); }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    static void WriteNumber(Utf8JsonWriter w, JsonEncodedText name, decimal v)
    {
        // Counts are whole numbers: written as integers, without decimal arithmetic.
        if (v.Scale == 0 && v >= long.MinValue && v <= long.MaxValue) w.WriteNumber(name, (long)v);
        else w.WriteNumber(name, Trim(v));
    }

    /// <summary>25.1000 → 25.1: the scale a division leaves is not information.</summary>
    public static decimal Trim(decimal v) => v / 1.000000000000000000000000000000000m;
}
