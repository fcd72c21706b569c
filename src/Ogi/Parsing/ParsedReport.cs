using Ogi.Cells;
using Ogi.Decode;
using Ogi.Metadata;
using Ogi.Validate;

namespace Ogi.Parsing;

/// <summary>One statistics table as read: its values by field in template order, with provenance.</summary>
public sealed class ParsedTable
{
    public required string Label { get; init; }
    public required List<CellValue> Cells { get; init; }
    /// <summary>The template tables (variants) it was read with, in reading order.</summary>
    public IReadOnlyList<Templates.CompiledTable> Definitions { get; init; } = [];

    public IEnumerable<KeyValuePair<string, decimal?>> Values => Cells.Select(c => new KeyValuePair<string, decimal?>(c.Field, c.Value));

}

/// <summary>The whole result of parsing one report: what OUTPUT.md describes.</summary>
public sealed class ParsedReport
{
    public required string Template { get; init; }
    public required ReportMetadata Metadata { get; init; }
    /// <summary>The report's main statistics table(s) first, then further complete tables in the document.</summary>
    public required List<ParsedTable> Tables { get; init; }
    public required List<Finding> Findings { get; init; }
    public required SourceDocument Source { get; init; }

    public ParsedTable? Main => Tables.Count > 0 ? Tables[0] : null;
    /// <summary>A table of the report, or its values, could not be read (U1, V1): the result is not clean.</summary>
    public bool NotFullyRead => CompletenessCheck.NotFullyRead(Findings);
    public bool BreaksConsistencyRule => Findings.Any(f => f.Severity == Severity.Error && f.Rule.Length == 2 && (f.Rule[0] == 'R' || f.Rule[0] == 'L'));
}
