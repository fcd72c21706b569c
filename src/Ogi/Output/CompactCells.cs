using System.Text.Encodings.Web;
using System.Text.Json;
using Ogi.Cells;
using Ogi.Parsing;

namespace Ogi.Output;

/// <summary>
/// A table's "values" object and "cells" array, nine tenths of a report's JSON, as the bytes the writer would make of
/// them without indentation: each field's name is escaped once into the bytes that come before its value and its cell,
/// numbers are formatted straight into the buffer, strings that need no escaping copied as they are. What is rare (a
/// number with a fraction, a string to escape) is made by a <see cref="Utf8JsonWriter"/> once and its bytes kept, so
/// the output is the writer's, byte for byte.
/// </summary>
static class CompactCells
{
    /// <summary>The bytes before a field's value in "values" (<c>"name":</c>) and its cell's raw text (<c>{"field":"name","raw":"</c>).</summary>
    sealed class FieldBytes(byte[] valueKey, byte[] cellStart)
    {
        public byte[] ValueKey { get; } = valueKey;
        public byte[] CellStart { get; } = cellStart;
    }

    /// <summary>Growable bytes, kept from report to report (not zeroed, unlike the writer's own buffer).</summary>
    sealed class Bytes
    {
        byte[] _data = new byte[64 * 1024];
        public int Length;
        public ReadOnlySpan<byte> Written => _data.AsSpan(0, Length);
        public bool Oversized => _data.Length > 1 << 20;

        public Span<byte> Free(int atLeast)
        {
            if (_data.Length - Length < atLeast) Grow(atLeast);
            return _data.AsSpan(Length);
        }

        // Inlined, so that the copy of a literal has its length known and is unrolled.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(ReadOnlySpan<byte> bytes)
        {
            if (_data.Length - Length < bytes.Length) Grow(bytes.Length);
            bytes.CopyTo(_data.AsSpan(Length));
            Length += bytes.Length;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(byte b)
        {
            if (Length == _data.Length) Grow(1);
            _data[Length++] = b;
        }

        // Inlined (two a cell): most numbers of a report are one digit (counts of 0), written without a call.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(long v)
        {
            if ((ulong)v < 10 && Length < _data.Length) { _data[Length++] = (byte)('0' + v); return; }
            AddFormatted(v);
        }

        void AddFormatted(long v)
        {
            System.Buffers.Text.Utf8Formatter.TryFormat(v, Free(20), out int n);
            Length += n;
        }

        void Grow(int atLeast) => Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + atLeast));
    }

    static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The ASCII characters the encoder writes as they are, asked of the encoder itself.</summary>
    static readonly bool[] PlainAscii = BuildPlainAscii();

    static bool[] BuildPlainAscii()
    {
        var plain = new bool[128];
        for (int c = 0; c < 128; c++)
        {
            var one = ((char)c).ToString();
            plain[c] = JsonEncodedText.Encode(one, Encoder).Value == one;
        }
        return plain;
    }

    [ThreadStatic] static Bytes? _bytes;
    [ThreadStatic] static ByIdentity<FieldBytes>? _fields;
    [ThreadStatic] static Dictionary<string, byte[]>? _escaped;
    [ThreadStatic] static string? _lastEscapedSource;
    [ThreadStatic] static byte[]? _lastEscaped;
    [ThreadStatic] static Dictionary<double, byte[]>? _doubles;
    [ThreadStatic] static Utf8JsonWriter? _scratchWriter;
    [ThreadStatic] static System.Buffers.ArrayBufferWriter<byte>? _scratch;

    /// <summary>
    /// A field's bytes by reference: the templates' names are the same string objects report after report, so a probe
    /// by the object's identity finds them without hashing their characters. Names made afresh for each report
    /// (legacy.extra.*) are few; past a bound they are looked up by value.
    /// </summary>
    static FieldBytes FieldOf(string field)
    {
        var table = _fields ??= new ByIdentity<FieldBytes>(256);
        if (table.TryGetValue(field, out var f)) return f;
        f = FieldsByValue.Get(field);
        if (table.Count < MaxFieldsByIdentity) table.Add(field, f);
        return f;
    }

    const int MaxFieldsByIdentity = 4096;

    static readonly EncodedNames<FieldBytes> FieldsByValue = new(field =>
    {
        var name = JsonEncodedText.Encode(field, Encoder).EncodedUtf8Bytes;
        return new FieldBytes([(byte)'"', .. name, .. "\":"u8], [.. "{\"field\":\""u8, .. name, .. "\",\"raw\":\""u8]);
    });

    /// <summary>The "values" object and "cells" array of one table, each cell's field looked up once for both.</summary>
    public static void WriteTable(Utf8JsonWriter w, JsonEncodedText valuesName, JsonEncodedText cellsName, List<CellValue> cells, System.Buffers.IBufferWriter<byte> output)
    {
        var fields = FieldsOf(cells);
        var b = _bytes ??= new Bytes();
        WriteValues(b, cells, fields);
        Flush(w, valuesName, b, output);
        WriteCells(b, cells, fields);
        Flush(w, cellsName, b, output);
    }

    /// <summary>
    /// A table's fields in the cells' order, as they were for a table of the same fields before: a table of a template
    /// has the same field-name objects in the same order report after report, so comparing references finds its
    /// bytes without a look-up a cell. A table of other fields takes the place of the one used longest ago.
    /// </summary>
    static FieldBytes[] FieldsOf(List<CellValue> cells)
    {
        var shapes = _shapes ??= new TableShape[8];
        int n = cells.Count;
        foreach (var shape in shapes)
            if (shape is not null && shape.Count == n && shape.Matches(cells)) return shape.Fields;
        var reused = shapes[_nextShape] ??= new TableShape();
        _nextShape = (_nextShape + 1) % shapes.Length;
        reused.Fill(cells);
        return reused.Fields;
    }

    /// <summary>The field names of one table's cells (the template's string objects) and their bytes; arrays kept for the next table of other fields.</summary>
    sealed class TableShape
    {
        string[] _names = [];
        public FieldBytes[] Fields { get; private set; } = [];
        public int Count { get; private set; }

        public bool Matches(List<CellValue> cells)
        {
            var names = _names;
            for (int i = 0; i < cells.Count; i++)
                if (!ReferenceEquals(names[i], cells[i].Field)) return false;
            return true;
        }

        public void Fill(List<CellValue> cells)
        {
            int n = cells.Count;
            if (_names.Length < n) { _names = new string[Math.Max(n, 256)]; Fields = new FieldBytes[_names.Length]; }
            for (int i = 0; i < n; i++) { _names[i] = cells[i].Field; Fields[i] = FieldOf(cells[i].Field); }
            Count = n;
        }
    }

    [ThreadStatic] static TableShape?[]? _shapes;
    [ThreadStatic] static int _nextShape;

    static void WriteValues(Bytes b, List<CellValue> cells, FieldBytes[] fields)
    {
        b.Length = 0;
        b.Add((byte)'{');
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (i > 0) b.Add((byte)',');
            b.Add(fields[i].ValueKey);
            if (c.Value is decimal v) Number(b, v);
            else b.Add("null"u8);
        }
        b.Add((byte)'}');
    }

    static void WriteCells(Bytes b, List<CellValue> cells, FieldBytes[] fields)
    {
        b.Length = 0;
        b.Add((byte)'[');
        for (int i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (i > 0) b.Add((byte)',');
            b.Add(fields[i].CellStart);
            StringContent(b, c.Raw);
            b.Add("\",\"start\":"u8);
            b.Add(c.Start);
            b.Add(",\"end\":"u8);
            b.Add(c.End);
            if (c.Confidence == 1.0) b.Add(",\"confidence\":1"u8);
            else { b.Add(",\"confidence\":"u8); b.Add(Formatted(c.Confidence)); }
            if (c.Unit is not null) { b.Add(",\"unit\":\""u8); StringContent(b, c.Unit); b.Add((byte)'"'); }
            if (c.Note is not null) { b.Add(",\"note\":\""u8); StringContent(b, c.Note); b.Add((byte)'"'); }
            if (c.Approximate) b.Add(",\"approximate\":true"u8);
            if (c.FromGluedDigits) b.Add(",\"glued\":true"u8);
            if (c.Alternatives is { Count: > 0 } alts)
            {
                b.Add(",\"alternatives\":["u8);
                for (int k = 0; k < alts.Count; k++)
                {
                    if (k > 0) b.Add((byte)',');
                    if (alts[k] is decimal av) b.Add(Formatted(JsonReportWriter.Trim(av))); else b.Add("null"u8);
                }
                b.Add((byte)']');
            }
            b.Add((byte)'}');
        }
        b.Add((byte)']');
    }

    /// <summary>
    /// The bytes written straight into the writer's output, not copied through the writer (a fifth of the
    /// writing): the writer is flushed after the name, all but the last byte go to the output, and the last byte as a
    /// raw value, so the writer goes on as after any value.
    /// </summary>
    static void Flush(Utf8JsonWriter w, JsonEncodedText name, Bytes b, System.Buffers.IBufferWriter<byte> output)
    {
        w.WritePropertyName(name);
        w.Flush();
        var body = b.Written[..^1];
        body.CopyTo(output.GetSpan(body.Length));
        output.Advance(body.Length);
        w.WriteRawValue(b.Written[^1..], skipInputValidation: true);
        if (b.Oversized) _bytes = null;
    }

    static void Number(Bytes b, decimal v)
    {
        // Counts are whole numbers: written as integers, without decimal arithmetic.
        if (Parsing.WholeNumber.TryGet(v, out long whole)) b.Add(whole);
        else b.Add(Formatted(JsonReportWriter.Trim(v)));
    }

    /// <summary>A string's escaped UTF-8 without its quotes: copied when it is plain ASCII, else escaped by the encoder once.</summary>
    static void StringContent(Bytes b, string s)
    {
        bool plain = true;
        foreach (var ch in s) if (ch >= 128 || !PlainAscii[ch]) { plain = false; break; }
        if (plain)
        {
            var free = b.Free(s.Length);
            for (int i = 0; i < s.Length; i++) free[i] = (byte)s[i];
            b.Length += s.Length;
            return;
        }
        // Units and notes come from the templates and repeat from cell to cell: the last one is kept by reference.
        if (!ReferenceEquals(s, _lastEscapedSource))
        {
            var escaped = _escaped ??= new Dictionary<string, byte[]>(StringComparer.Ordinal);
            if (!escaped.TryGetValue(s, out var bytes))
            {
                bytes = JsonEncodedText.Encode(s, Encoder).EncodedUtf8Bytes.ToArray();
                if (escaped.Count < 4_096) escaped[s] = bytes;
            }
            _lastEscapedSource = s;
            _lastEscaped = bytes;
        }
        b.Add(_lastEscaped!);
    }

    /// <summary>A number as the writer formats it (the few confidences there are, kept).</summary>
    static byte[] Formatted(double v)
    {
        var doubles = _doubles ??= [];
        if (doubles.TryGetValue(v, out var bytes)) return bytes;
        bytes = Scratch(w => w.WriteNumberValue(v));
        if (doubles.Count < 1_024) doubles[v] = bytes;
        return bytes;
    }

    static byte[] Formatted(decimal v) => Scratch(w => w.WriteNumberValue(v));

    static byte[] Scratch(Action<Utf8JsonWriter> write)
    {
        var buffer = _scratch ??= new System.Buffers.ArrayBufferWriter<byte>(64);
        buffer.ResetWrittenCount();
        var w = _scratchWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder });
        w.Reset(buffer);
        write(w);
        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
