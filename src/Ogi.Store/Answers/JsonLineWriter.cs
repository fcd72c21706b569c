using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ogi.Store.Answers;

/// <summary>JSON Lines onto a text writer: each object written into one reused buffer, then as one line (Chinese unescaped).</summary>
public sealed class JsonLineWriter(TextWriter output) : IDisposable
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly ArrayBufferWriter<byte> buffer = new();
    Utf8JsonWriter? json;

    public void WriteLine(Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        if (json is null) json = new Utf8JsonWriter(buffer, Options); else json.Reset(buffer);
        write(json);
        json.Flush();
        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public void Dispose()
    {
        json?.Dispose();
        output.Flush();
    }
}
