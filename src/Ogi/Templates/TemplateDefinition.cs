using System.Text.Json.Serialization;

namespace Ogi.Templates;

/// <summary>
/// One national format, read from Templates/Data/*.json. Parsing, validation and (later) rendering all read this
/// same definition: a new label variant, row or rule is a line of data there, not code.
/// Properties have setters, not <c>init</c>: the source-generated reader (<see cref="TemplateJsonContext"/>) fills an
/// init-only property like a constructor argument, with null when the data leaves it out, losing its default.
/// </summary>
public sealed class TemplateDefinition
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("years")] public int[] Years { get; set; } = [];
    /// <summary>Required sections (S1): the heading's official wording and words any one of which marks it.</summary>
    [JsonPropertyName("sections")] public List<SectionDefinition> Sections { get; set; } = [];
    [JsonPropertyName("tables")] public List<TableDefinition> Tables { get; set; } = [];
    [JsonPropertyName("rules")] public List<RuleDefinition> Rules { get; set; } = [];
    [JsonPropertyName("narrative")] public List<NarrativeCue> Narrative { get; set; } = [];
    /// <summary>The headings a rendered report prints when they are not the required sections (the legacy outline).</summary>
    [JsonPropertyName("outline")] public string[]? Outline { get; set; }

    /// <summary>The section headings in the order a report prints them.</summary>
    public IEnumerable<string> Headings => Outline ?? Sections.Select(s => s.Name);

    public bool CoversYear(int year) => Years.Length == 2 && year >= Years[0] && year <= Years[1];
}

public sealed class SectionDefinition
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("words")] public string[] Words { get; set; } = [];
    /// <summary>What the format's Word file prints in the section until it is written (（文字描述）).</summary>
    [JsonPropertyName("placeholder")] public string Placeholder { get; set; } = "（文字描述）";
}

public sealed class TableDefinition
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    /// <summary>Tables with the same id are alternative layouts (provincial variants) of one table: the best-matching one is used.</summary>
    [JsonPropertyName("variant")] public string? Variant { get; set; }
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("headers")] public string[] Headers { get; set; } = [];
    [JsonPropertyName("markers")] public string[] Markers { get; set; } = [];
    [JsonPropertyName("columns")] public string[] Columns { get; set; } = [];
    [JsonPropertyName("rows")] public List<RowDefinition> Rows { get; set; } = [];
    [JsonPropertyName("rules")] public List<RuleDefinition> Rules { get; set; } = [];
    /// <summary>Rows the template does not know, printed between known rows, are kept as &lt;prefix&gt;&lt;label&gt; (legacy.extra.*).</summary>
    [JsonPropertyName("unknownRowPrefix")] public string? UnknownRowPrefix { get; set; }
    /// <summary>The form was a model whose rows a report prints in part (the 2008 统计表): only a fragment is reported as not read (U1).</summary>
    [JsonPropertyName("rowsOptional")] public bool RowsOptional { get; set; }
    /// <summary>How the official format draws the table: merged header cells, label columns, blocks (rendering and synthesis).</summary>
    [JsonPropertyName("layout")] public TableLayout? Layout { get; set; }

}

public sealed class RowDefinition
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>A heading row such as （三）不予公开: it anchors the layout and carries no values.</summary>
    [JsonPropertyName("group")] public bool Group { get; set; }
    /// <summary>The label's words without its numbering; the first is the official wording.</summary>
    [JsonPropertyName("labels")] public string[] Labels { get; set; } = [];
    /// <summary>The row's number in its group (2 for “2.重复申请”, 3 for “（三）不予公开”), so that numbering glued to the previous row's digits can be told apart from them.</summary>
    [JsonPropertyName("ord")] public int? Ord { get; set; }
    [JsonPropertyName("columns")] public string[]? Columns { get; set; }
    [JsonPropertyName("parent")] public string? Parent { get; set; }
    [JsonPropertyName("money")] public bool Money { get; set; }
    /// <summary>A label too short to search for far from the previous row (其他, 总计).</summary>
    [JsonPropertyName("short")] public bool Short { get; set; }
    /// <summary>The values come after a block of column headings (table 四).</summary>
    [JsonPropertyName("afterHeaders")] public bool AfterHeaders { get; set; }
    /// <summary>
    /// The row's columns in equal groups that a report may print as tables of their own, each under its heading
    /// (table 四 as ### 行政复议, ### 行政诉讼（未经复议直接起诉）…): per group, the words of its heading.
    /// </summary>
    [JsonPropertyName("parts")] public string[][]? Parts { get; set; }
    /// <summary>The headings of the columns inside each part, in order (结果维持 … 总计): a table printed transposed has them as its rows.</summary>
    [JsonPropertyName("partColumns")] public string[]? PartColumns { get; set; }
    /// <summary>
    /// What real rows almost always satisfy though no rule requires it ("in_force>=issued", "|change|<=prior_items"):
    /// it only ranks readings of glued digits that the arithmetic cannot separate.
    /// </summary>
    [JsonPropertyName("plausible")] public string[] Plausible { get; set; } = [];
    /// <summary>How the format numbers the row: "cn" 一、, "paren" （一）, "arabic" 1., "arabic-dun" 1、 (with <see cref="Ord"/>).</summary>
    [JsonPropertyName("numbering")] public string? Numbering { get; set; }
    /// <summary>Words printed before the label instead of a number (其中：).</summary>
    [JsonPropertyName("prefix")] public string? Prefix { get; set; }
    /// <summary>The official wording where it is longer than the first label (部分公开（区分处理的，…）).</summary>
    [JsonPropertyName("official")] public string? Official { get; set; }
    /// <summary>The unit the legacy table prints beside the value (条, 件, 万元).</summary>
    [JsonPropertyName("unit")] public string? Unit { get; set; }
}

public sealed class RuleDefinition
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("severity")] public string Severity { get; set; } = "error";
    [JsonPropertyName("table")] public string? Table { get; set; }
    [JsonPropertyName("each")] public string? Each { get; set; }
    [JsonPropertyName("groups")] public string[]? Groups { get; set; }
    [JsonPropertyName("lhs")] public string[]? Lhs { get; set; }
    [JsonPropertyName("rhs")] public string[]? Rhs { get; set; }
    /// <summary>Legacy: this total equals the sum of every printed row whose parent it is.</summary>
    [JsonPropertyName("sum")] public string? Sum { get; set; }
    /// <summary>Legacy: the printed rows whose parent this is add up to no more than it.</summary>
    [JsonPropertyName("parts")] public string? Parts { get; set; }
    /// <summary>[a, b]: a ≤ b.</summary>
    [JsonPropertyName("le")] public string[]? Le { get; set; }
    [JsonPropertyName("zh")] public string Zh { get; set; } = "";
    [JsonPropertyName("en")] public string En { get; set; } = "";
}

public sealed class NarrativeCue
{
    [JsonPropertyName("field")] public string Field { get; set; } = "";
    [JsonPropertyName("unit")] public string Unit { get; set; } = "";
    [JsonPropertyName("cues")] public string[] Cues { get; set; } = [];
    /// <summary>Fields a prose total may count in besides the field itself: "收到申请75件" for 74 new and 1 carried over
    /// agrees with the table (T1 is no contradiction there).</summary>
    [JsonPropertyName("mayInclude")] public string[] MayInclude { get; set; } = [];
    /// <summary>
    /// The figure counts only where its sentence speaks of the whole year or body (本年度, 全年, 共, 2015年 before it):
    /// a part the prose names in passing (通过网络申请3件) is no statement about a row (<see cref="Validate.NarrativeStatements"/>).
    /// </summary>
    [JsonPropertyName("sentence")] public bool Sentence { get; set; }
    /// <summary>Words that state the field is 0, "negation…object" within one clause (未收到…行政复议).</summary>
    [JsonPropertyName("none")] public string[] None { get; set; } = [];
}
