namespace Ogi.Render;

/// <summary>A report laid out as a sequence of blocks, before it is written as HTML, Markdown, text or Word.</summary>
public abstract record ReportBlock;
public sealed record TitleBlock(string Text) : ReportBlock;
public sealed record HeadingBlock(string Text) : ReportBlock;
public sealed record ParagraphBlock(string Text) : ReportBlock;
/// <summary>A line of the page around the report (发布时间, 来源, a signature): written as a paragraph, right-aligned where it signs.</summary>
public sealed record MetaLineBlock(string Text, bool Signature = false) : ReportBlock;
public sealed record TableBlock(GridTable Table) : ReportBlock;

public sealed class RenderedReport
{
    public required ReportContent Content { get; init; }
    public required List<ReportBlock> Blocks { get; init; }
    public string Title => Content.DisplayTitle;
}
