using Ogi.Cells;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>
/// A table whose only row stands under its column headings (table 四), printed under headings ogi cannot read:
/// abbreviated or misordered by a converter (<c>| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |</c>), or lost. Its row has
/// no label to find, so the table is found by its title, and its values are the first line after the title that
/// holds exactly as many values as the row has columns and no words. They are placed by the form's column order —
/// the only order the form allows — with lowered confidence and a G1 finding, and the table's arithmetic (R4) checks
/// the placing.
/// </summary>
public static class HeadinglessRowReader
{
    /// <summary>How far after the title the values may stand: the introductory sentence and a block of headings.</summary>
    const int Reach = 1200;

    /// <summary>The table, anchored at its title, when its one row is read after its headings and the title is printed.</summary>
    public static TableMatch? Find(LayoutText text, CompiledTable table)
    {
        if (table.Rows.Count != 1 || !table.Rows[0].Definition.AfterHeaders) return null;
        var title = LayoutText.FoldLabel(table.Definition.Title);
        if (title.Length < 6) return null;
        int at = text.Compact.LastIndexOf(title, StringComparison.Ordinal);
        if (at < 0) return null;
        var match = new TableMatch { Table = table, Rows = [new RowMatch(table.Rows[0], at, at + title.Length) { ByTitle = true }] };
        return Values(text, match.Rows[0]) is null ? null : match;
    }

    /// <summary>The row's values: the first line of only values, as many as its columns, within reach of the title.</summary>
    public static List<CellToken>? Values(LayoutText text, RowMatch row)
    {
        var f = text.Folded;
        int columns = row.Row.Columns.Length;
        int from = text.SourceEnd(row.CompactEnd);
        int to = Math.Min(f.Length, from + Reach);
        for (int s = f.IndexOf('\n', from) + 1; s > 0 && s < to;)
        {
            int e = f.IndexOf('\n', s);
            if (e < 0) e = f.Length;
            var layout = f.AsSpan(s, e - s).Contains('|') ? CellLayout.Pipes : CellLayout.Runs;
            var tokens = RegionReader.ReadCells(text, s, e, layout, stopAtText: false);
            while (tokens.Count > 0 && tokens[^1].Kind == CellKind.Blank && tokens.Count > columns) tokens.RemoveAt(tokens.Count - 1);
            if (tokens.Count == columns && tokens.All(t => t.Kind is CellKind.Number or CellKind.Blank) && tokens.Any(t => t.Kind == CellKind.Number))
                return tokens;
            // The next section's heading (五、存在的主要问题…) ends the search.
            if (e > s && IsSectionHeading(f, s)) return null;
            s = e + 1;
        }
        return null;
    }

    static bool IsSectionHeading(string f, int s)
    {
        while (s < f.Length && f[s] is ' ' or '#' or '|') s++;
        return s + 1 < f.Length && "一二三四五六七八九十".Contains(f[s]) && f[s + 1] is '、' or '．' or '.';
    }
}
