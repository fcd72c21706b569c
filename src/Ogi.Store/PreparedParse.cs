using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Ogi.Output;
using Ogi.Parsing;
using Ogi.Validate;

namespace Ogi.Store;

/// <summary>One value row of a parse as stored: a cell of the main table. Its provenance is in the parse's document (<see cref="PreparedParse.DocumentJson"/>).</summary>
public readonly record struct PreparedValue(string Field, decimal? Value, double Confidence);

/// <summary>One finding row as stored; <see cref="Evidence"/> is what a review of it depends on.</summary>
public sealed record PreparedFinding(string Rule, string Severity, string Message, string? MessageEn, string Fields,
    long? RelatedDocumentId, bool CrossYear, string Evidence);

/// <summary>
/// A parse made ready for the database, away from it (on the parsing threads): rows of the main table's values and
/// of findings, the compressed text and OUTPUT.md document (every cell of every table, with provenance), and where
/// the agency is placed.
/// </summary>
public sealed class PreparedParse
{
    public required string Template { get; init; }
    public string? Title { get; init; }
    public string? AgencyPrinted { get; init; }
    public int? Year { get; init; }
    public string? Published { get; init; }
    public required string ParserVersion { get; init; }
    public required byte[] Text { get; init; }
    public required byte[] DocumentJson { get; init; }
    public required IReadOnlyList<PreparedValue> Values { get; init; }
    public required IReadOnlyList<PreparedFinding> Findings { get; init; }
    public AgencyPlace? Agency { get; init; }

    /// <summary>The engine's version (with the commit it was built from): a reparse with another version is a new parse.</summary>
    public static string CurrentParserVersion { get; } =
        typeof(ReportParser).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ReportParser).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static PreparedParse From(ParsedReport report)
    {
        var values = new List<PreparedValue>();
        if (report.Main is { } table)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in table.Cells)
                if (seen.Add(c.Field)) values.Add(new PreparedValue(c.Field, c.Value, c.Confidence));
        }
        var main = report.Main is { } m ? m.Cells.GroupBy(c => c.Field).ToDictionary(g => g.Key, g => g.First().Value) : [];
        var findings = report.Findings.Select(f => Finding(f, main, null, false)).ToList();
        var meta = report.Metadata;
        return new PreparedParse
        {
            Template = report.Template,
            Title = meta.Title,
            AgencyPrinted = meta.Agency,
            Year = meta.Year,
            Published = meta.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ParserVersion = CurrentParserVersion,
            Text = Compress(Encoding.UTF8.GetBytes(report.Source.Text)),
            DocumentJson = Compress(Encoding.UTF8.GetBytes(JsonReportWriter.ToJson(report))),
            Values = values,
            Findings = findings,
            // The head of the document (its site's breadcrumb, a 来源 line) tells one 鲤城区 from another.
            Agency = AgencyPlacing.Place(meta.Agency, meta.Title, report.Source.Text[..Math.Min(report.Source.Text.Length, 400)]),
        };
    }

    public static PreparedFinding Finding(Finding f, IReadOnlyDictionary<string, decimal?> values, long? related, bool crossYear) =>
        new(f.Rule, f.Severity, f.Message, f.MessageEn, string.Join(",", f.Fields), related, crossYear, Evidence(f, values));

    /// <summary>
    /// What a finding stands on: the values of its fields in the report, and the figures its explanation states (which
    /// for a cross-year finding include the earlier report's). A review holds while these are the same.
    /// </summary>
    static string Evidence(Finding f, IReadOnlyDictionary<string, decimal?> values)
    {
        var sb = new StringBuilder();
        foreach (var field in f.Fields)
        {
            values.TryGetValue(field, out var v);
            sb.Append(field).Append('=').Append(v?.ToString(CultureInfo.InvariantCulture) ?? "").Append(';');
        }
        sb.Append('|');
        bool inNumber = false;
        foreach (var ch in f.MessageEn)
        {
            bool digit = char.IsAsciiDigit(ch) || (inNumber && ch == '.');
            if (digit) sb.Append(ch);
            else if (inNumber) sb.Append(' ');
            inNumber = digit;
        }
        return sb.ToString().TrimEnd();
    }

    public static byte[] Compress(byte[] data)
    {
        using var ms = new MemoryStream(data.Length / 3 + 64);
        using (var brotli = new BrotliStream(ms, new BrotliCompressionOptions { Quality = 5 }, leaveOpen: true)) brotli.Write(data);
        return ms.ToArray();
    }

    public static byte[] Decompress(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(data.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }

    public static string DecompressText(byte[] data) => Encoding.UTF8.GetString(Decompress(data));
}
