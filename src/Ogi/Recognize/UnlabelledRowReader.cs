using Ogi.Cells;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>
/// Rows whose labels a converter cut short or dropped (| 行政机关不再处理其政府信息公 | 40 |, a row of values with no
/// label): where the template has rows between two rows found and the text between them holds exactly as many
/// lines of that many values, each line is the next of those rows, in the template's order. Only for rows one a
/// line (pipes); the cells are flagged by the caller.
/// </summary>
public static class UnlabelledRowReader
{
    /// <summary>The template rows skipped after row i, each with its line's values; and where row i's own values end.</summary>
    public static List<(CompiledRow Row, List<CellToken> Tokens)>? Read(LayoutText text, TableMatch match, int i, int start, int end,
        out int ownEnd)
    {
        ownEnd = end;
        var rows = match.Rows;
        if (i + 1 >= rows.Count || rows[i + 1].Row.Index <= rows[i].Row.Index + 1) return null;
        var skipped = RowsBetween(match.Table, rows[i].Row.Index, rows[i + 1].Row.Index);
        if (skipped.Count == 0) return null;
        var f = text.Folded;
        var lines = new List<(int S, int E)>();
        for (int s = start; s < end;)
        {
            int nl = f.IndexOf('\n', s, end - s);
            int e = nl < 0 ? end : nl;
            lines.Add((s, e));
            s = e + 1;
        }
        // A row of values owns its first line; a heading row (（六）其他处理) has none, and the skipped row may share its line.
        int first = rows[i].Row.Group ? 0 : 1;
        // Rows one a line: the row's own line holds a cell for each of its columns (not a cell a line: 件 |\n0 |).
        if (first == 1 && (lines.Count == 0 || f.AsSpan(lines[0].S, lines[0].E - lines[0].S).Count('|') - 1 < rows[i].Row.Columns.Length)) return null;
        var found = new List<(int Start, List<CellToken> Tokens)>();
        for (int k = first; k < lines.Count; k++)
        {
            var (s, e) = lines[k];
            bool complete = e < end;
            int columns = skipped[Math.Min(found.Count, skipped.Count - 1)].Columns.Length;
            var values = LineValues(text, match.Table, s, e, columns, out bool heading, out bool anyNumber);
            // The next row's label cells before its label, a line of headings: no row.
            if (heading || !complete && !anyNumber) continue;
            // Words without a digit are headings the template does not list (采购总金额（单位：万元）).
            if (values is null && f.AsSpan(s, e - s).IndexOfAnyInRange('0', '9') < 0) continue;
            if (values is null) return null;
            found.Add((s, values));
        }
        if (found.Count != skipped.Count) return null;
        for (int k = 0; k < skipped.Count; k++) if (found[k].Tokens.Count != skipped[k].Columns.Length) return null;
        if (first == 1) ownEnd = found[0].Start;
        return skipped.Select((r, k) => (r, found[k].Tokens)).ToList();
    }

    /// <summary>The template's rows with values strictly between two row indexes, in order.</summary>
    static List<CompiledRow> RowsBetween(CompiledTable table, int after, int before)
    {
        var list = new List<CompiledRow>();
        foreach (var r in table.Rows) if (r.Index > after && r.Index < before && !r.Group) list.Add(r);
        return list;
    }

    /// <summary>
    /// A pipe line's last cells as values when they are exactly the row's, with label cells (words or empty) before
    /// them; null if not. A line of the table's headings (第二十条第（五）项 | | |), or of pipes only and fewer cells
    /// than the row has, is a heading.
    /// </summary>
    static List<CellToken>? LineValues(LayoutText text, CompiledTable table, int s, int e, int columns, out bool heading, out bool anyNumber)
    {
        heading = false; anyNumber = false;
        var f = text.Folded;
        var cells = new List<(int S, int E)>();
        int c = s;
        for (int p = s; p <= e; p++)
            if (p == e || f[p] == '|') { cells.Add((c, p)); c = p + 1; }
        bool Empty((int S, int E) x) => f.AsSpan(x.S, x.E - x.S).Trim().Length == 0;
        // The borders before the first pipe and after the last.
        if (cells.Count > 0 && Empty(cells[^1])) cells.RemoveAt(cells.Count - 1);
        if (cells.Count > 0 && Empty(cells[0]) && f.AsSpan(s, cells[0].E - s).Trim().Length == 0 && cells[0].E < e) cells.RemoveAt(0);
        var words = cells.Where(x => !Empty(x)).Select(x => LayoutText.FoldLabel(f[x.S..x.E])).ToList();
        if (words.Count == 0 && cells.Count < columns || words.Count > 0 && words.All(w => table.FoldedHeaders.Contains(w) || w.Contains("第二十条", StringComparison.Ordinal)))
        {
            heading = true;
            return null;
        }
        // Values follow a label's words; where the grid is wider than the row, its unused cells trail them.
        bool Words((int S, int E) x)
        {
            var piece = new List<CellToken>();
            CellGrammar.Read(f, x.S, x.E, delimited: true, piece);
            return piece.Any(t => t.Kind == CellKind.Text);
        }
        int lastWords = cells.FindLastIndex(x => !Empty(x) && Words(x));
        if (lastWords >= 0)
            while (cells.Count > lastWords + 1 + columns && Empty(cells[^1])) cells.RemoveAt(cells.Count - 1);
        // No words at all (the label dropped): the first, empty cell is the label's and the values follow it, the
        // grid's unused cells after them (| | 0 | 0 | | under 上一年项目数量 | 本年增/减).
        else if (cells.Count > 0 && Empty(cells[0]))
            while (cells.Count > 1 + columns && Empty(cells[^1])) cells.RemoveAt(cells.Count - 1);
        if (cells.Count < columns) return null;
        var tokens = new List<CellToken>(columns);
        foreach (var (cs, ce) in cells.Skip(cells.Count - columns))
        {
            var piece = new List<CellToken>();
            CellGrammar.Read(f, cs, ce, delimited: true, piece);
            if (piece.Count == 0) { tokens.Add(CellToken.Empty(cs)); continue; }
            if (piece.Count != 1 || piece[0].Kind is not (CellKind.Number or CellKind.Blank)) return null;
            anyNumber |= piece[0].Kind == CellKind.Number;
            tokens.Add(piece[0]);
        }
        // Every cell before the values is a label's: words, or empty.
        foreach (var (cs, ce) in cells.Take(cells.Count - columns))
        {
            var piece = new List<CellToken>();
            CellGrammar.Read(f, cs, ce, delimited: true, piece);
            if (piece.Any(t => t.Kind == CellKind.Number)) return null;
        }
        return tokens;
    }
}
