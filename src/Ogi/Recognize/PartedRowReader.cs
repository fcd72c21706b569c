using Ogi.Cells;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>
/// A row whose column groups are printed as tables of their own, each under its heading: table 四 as
/// "### 行政复议", "### 行政诉讼（未经复议直接起诉）", "### 行政诉讼（复议后起诉）", five columns each. The row's label is
/// the last group's heading; the others are found before it in order, and each group's values follow its own
/// headings. Read only when every group gives exactly its columns.
/// </summary>
public static class PartedRowReader
{
    /// <summary>How far before the last group's heading the first one may stand (compact characters).</summary>
    const int Reach = 1500;

    public static List<CellToken>? Read(LayoutText text, CompiledTable table, RowMatch row, int regionEnd, CellLayout layout,
        Func<List<CellToken>, int, List<CellToken>> valueTokens)
    {
        var parts = row.Row.Definition.Parts;
        int columns = row.Row.Columns.Length;
        if (parts is null || parts.Length < 2 || columns % parts.Length != 0) return null;
        // The row's label may be the prose's (…0件（复议后起诉）。具体情况如下：) right before the tables: the last
        // group's heading is then a later occurrence of its words.
        var c = text.Compact;
        var last = parts[^1].Select(LayoutText.FoldLabel).ToArray();
        for (int anchor = row.CompactStart, end = row.CompactEnd; anchor >= 0 && anchor < row.CompactStart + Reach;)
        {
            var tokens = ReadAt(text, table, parts, columns / parts.Length, anchor, end,
                anchor == row.CompactStart ? regionEnd : int.MaxValue, layout, valueTokens);
            if (tokens is not null) return tokens;
            int next = -1, nextEnd = -1;
            foreach (var w in last)
            {
                int at = c.IndexOf(w, end, Math.Min(c.Length, row.CompactStart + Reach) - end, StringComparison.Ordinal);
                if (at >= 0 && (next < 0 || at < next)) { next = at; nextEnd = at + w.Length; }
            }
            anchor = next; end = nextEnd;
        }
        return null;
    }

    static List<CellToken>? ReadAt(LayoutText text, CompiledTable table, string[][] parts, int per, int lastStart, int lastEnd, int regionEnd,
        CellLayout layout, Func<List<CellToken>, int, List<CellToken>> valueTokens)
    {
        var c = text.Compact;
        // Where each group's heading stands, found backwards from the last group's.
        var ends = new int[parts.Length];
        var starts = new int[parts.Length];
        starts[^1] = lastStart; ends[^1] = lastEnd;
        for (int k = parts.Length - 2; k >= 0; k--)
        {
            int before = starts[k + 1], best = -1, bestEnd = -1;
            foreach (var word in parts[k])
            {
                var w = LayoutText.FoldLabel(word);
                int from = Math.Max(0, before - Reach);
                if (before == 0) continue;
                int at = c.LastIndexOf(w, before - 1, before - from, StringComparison.Ordinal);
                if (at > best) { best = at; bestEnd = at + w.Length; }
            }
            if (best < 0) return null;
            starts[k] = best; ends[k] = bestEnd;
        }
        var tokens = new List<CellToken>(per * parts.Length);
        for (int k = 0; k < parts.Length; k++)
        {
            int start = RegionReader.AfterHeaders(text, ends[k], table.FoldedHeaders, layout);
            int end = k + 1 < parts.Length ? text.SourceStart(starts[k + 1]) : Math.Min(regionEnd, Math.Min(text.Source.Length, start + 600));
            if (end <= start) return null;
            var part = valueTokens(RegionReader.ReadCells(text, start, end, layout), per);
            if (part.Count != per) return null;
            tokens.AddRange(part);
        }
        return tokens;
    }
}
