using Ogi.Segment;

namespace Ogi.Parsing;

/// <summary>
/// Constructs of printed tables that the readers do not read as printed, put into the shape they read before
/// recognition: headings printed one character per line across the columns (<see cref="StackedHeadings"/>), a tall
/// table printed as two halves side by side (<see cref="SideBySideHalves"/>). Each starts with a cheap test, so a
/// text without the construct costs one scan. The cells read from the new text are mapped back to the offsets of
/// the decoded text (<see cref="MapBack"/>).
/// </summary>
public sealed class TextPrepass
{
    public LayoutText Text { get; }
    /// <summary>New offset → offset in the decoded text, where the text was reordered; null where only rewritten in place.</summary>
    readonly int[]? map;

    TextPrepass(LayoutText text, int[]? map) { Text = text; this.map = map; }

    /// <summary>The text in the shape the readers read, or null when it holds none of the constructs.</summary>
    public static TextPrepass? Prepare(LayoutText text)
    {
        var source = StackedHeadings.Unstack(text.Source, text.Folded);
        var folded = source is null ? text.Folded : Normalize.TextNormalizer.Fold(source);
        if (SideBySideHalves.Unfold(source ?? text.Source, folded, out var map) is { } unfolded) source = unfolded;
        return source is null ? null : new TextPrepass(new LayoutText(source), map);
    }

    /// <summary>Every cell's offsets back into the decoded text.</summary>
    public void MapBack(List<ParsedTable> tables)
    {
        if (map is null) return;
        foreach (var table in tables)
            for (int k = 0; k < table.Cells.Count; k++)
            {
                var c = table.Cells[k];
                if (c.Start < 0 || c.Start >= map.Length) continue;
                int start = map[c.Start];
                int end = c.End > c.Start && c.End - 1 < map.Length ? map[c.End - 1] + 1 : start;
                table.Cells[k] = c with { Start = start, End = end };
            }
    }
}
