using System.Text.Json.Serialization;

namespace Ogi.Templates;

/// <summary>
/// The drawing of a statistics table in the official format, as data beside its rows: what `render` prints and what
/// `synth` scrambles. Header rows are given cell by cell with their spans, as the format's Word file merges them.
/// </summary>
public sealed class TableLayout
{
    /// <summary>Grid columns of the whole table.</summary>
    [JsonPropertyName("width")] public int Width { get; set; }
    /// <summary>Columns the row labels occupy (table 三: 一、 / （三） / 1. — three, merged where a level is missing).</summary>
    [JsonPropertyName("labelColumns")] public int LabelColumns { get; set; } = 1;
    /// <summary>The legacy table prints each row's unit (条, 件, 万元) in a column of its own.</summary>
    [JsonPropertyName("unitColumn")] public bool UnitColumn { get; set; }
    /// <summary>Table 四 prints its one row of values under the headings with no label of its own.</summary>
    [JsonPropertyName("rowLabels")] public bool RowLabels { get; set; } = true;
    /// <summary>Relative column widths as the format's Word file draws them (table 三's wide label columns); equal when absent.</summary>
    [JsonPropertyName("widths")] public int[]? Widths { get; set; }
    [JsonPropertyName("header")] public List<List<LayoutCell>> Header { get; set; } = [];
    /// <summary>Table 二: one block per article item, each with its heading row and its own column headings.</summary>
    [JsonPropertyName("blocks")] public List<LayoutBlock> Blocks { get; set; } = [];
}

public sealed class LayoutCell
{
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("colspan")] public int ColSpan { get; set; } = 1;
    [JsonPropertyName("rowspan")] public int RowSpan { get; set; } = 1;
}

public sealed class LayoutBlock
{
    [JsonPropertyName("heading")] public string Heading { get; set; } = "";
    [JsonPropertyName("columns")] public string[] Columns { get; set; } = [];
    [JsonPropertyName("rows")] public string[] Rows { get; set; } = [];
}
