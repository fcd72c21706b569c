using System.Text.Encodings.Web;
using System.Text.Json;
using Ogi.Output;
using Ogi.Parsing;
using Ogi.Synthesize;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// The JSON of a report is written by two encoders: without indentation the values and cells, nine tenths of it, are
/// made as bytes (CompactCells); indented (--pretty), and for a PDF's cells with their boxes, the writer makes them.
/// Both must give the same document: the indented one, read back and written without indentation, is the compact one
/// byte for byte.
/// </summary>
public class JsonOutputTests
{
    [Fact]
    public void The_compact_cells_are_the_bytes_the_writer_makes()
    {
        int reports = 0, cells = 0;
        foreach (var layout in SynthLayouts.All)
            for (int i = 0; i < 12; i++)
            {
                var synthetic = ReportSynthesizer.Generate(2026, i, layout);
                if (synthetic.FileName.EndsWith(".pdf", StringComparison.Ordinal)) continue;
                var report = ReportParser.Parse(synthetic.Bytes);
                string compact = JsonReportWriter.ToJson(report);
                string rewritten = WithoutIndentation(JsonReportWriter.ToJson(report, indented: true));
                Assert.True(compact == rewritten, $"{synthetic.FileName}: the compact JSON differs from the writer's");
                reports++;
                cells += report.Tables.Sum(t => t.Cells.Count);
            }
        Assert.True(reports > 150 && cells > 10_000, $"{reports} reports, {cells} cells");
    }

    /// <summary>The document written again, without indentation, with the encoder the report writer uses.</summary>
    static string WithoutIndentation(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            document.RootElement.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
