using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>A template row found in the text: where its label stands (compact offsets).</summary>
public sealed record RowMatch(CompiledRow Row, int CompactStart, int CompactEnd)
{
    /// <summary>No label was found: the row stands at its table's title (<see cref="HeadinglessRowReader"/>).</summary>
    public bool ByTitle { get; init; }
}

/// <summary>One printed instance of a template table: its rows in reading order.</summary>
public sealed class TableMatch
{
    public required CompiledTable Table { get; init; }
    public required List<RowMatch> Rows { get; init; }
    public int Score { get; init; }
    public int CompactStart => Rows[0].CompactStart;
    public int CompactEnd => Rows[^1].CompactEnd;
}

/// <summary>
/// Aligns a template table with the text. Every occurrence of every row label is a hit; the table is the chain of
/// hits that follows the template's row order with short gaps and has the most label characters (a dynamic
/// programme, like aligning two sequences). Rows the chain skipped are then looked for, fuzzily, in the gap
/// where they must stand. A second, third… chain is a table printed again (a unit's own table, a repeated page).
/// </summary>
public static class TableAligner
{
    const int MaxInstances = 4;

    /// <summary>Aligns with the label hits of <see cref="LabelScanner.Scan"/> for this table.</summary>
    public static List<TableMatch> Align(LayoutText text, CompiledTable table, IReadOnlyList<LabelHit> labelHits, bool fillGaps)
    {
        var compact = text.Compact;
        var hits = new List<Hit>(labelHits.Count);
        var headingRuns = HeadingRuns(compact, table);
        foreach (var h in labelHits)
        {
            // A label inside a block of column headings (其他, 总计 under 法人或其他组织) is a heading, not the row.
            if (!table.Rows[h.Row].Definition.AfterHeaders && InRun(headingRuns, h.Start, h.End)) continue;
            hits.Add(new Hit(h.Row, h.Start, h.End, h.Weight + HeadingEvidence(compact, table, table.Rows[h.Row], h.End)));
        }
        hits = Deduplicate(hits);
        var result = new List<TableMatch>();
        for (int round = 0; round < MaxInstances && hits.Count > 0; round++)
        {
            var chain = BestChain(hits);
            if (chain.Count == 0) break;
            int weight = chain.Sum(h => h.Weight);
            int rows = chain.Count;
            // A fragment of a table (its first row or two) is the table only under the table's own headings.
            bool fragment = rows < Math.Min(3, table.Rows.Count);
            if (fragment ? result.Count > 0 || weight < 6 || !UnderHeadings(compact, table, chain[0].Start) : weight < 12) break;
            if (result.Count > 0 && weight < result[0].Score / 3) break;
            var matches = fillGaps ? FillGaps(text, table, chain, headingRuns) : chain.Select(h => new RowMatch(table.Rows[h.Row], h.Start, h.End)).ToList();
            result.Add(new TableMatch { Table = table, Rows = matches, Score = weight });
            int lo = chain[0].Start, hi = chain[^1].End;
            hits = hits.Where(h => h.End <= lo || h.Start >= hi).ToList();
        }
        result.Sort((a, b) => a.CompactStart.CompareTo(b.CompactStart));
        return result;
    }

    /// <summary>
    /// The tables of <see cref="Align"/> without <c>fillGaps</c>, completed as <c>fillGaps</c> would have: the rows
    /// their chains skipped are looked for where they must stand. The chains are not aligned again.
    /// </summary>
    public static List<TableMatch> FillGaps(LayoutText text, IReadOnlyList<TableMatch> chains)
    {
        var result = new List<TableMatch>(chains.Count);
        List<(int Start, int End)>? headingRuns = null;
        foreach (var m in chains)
        {
            headingRuns ??= HeadingRuns(text.Compact, m.Table);
            var chain = m.Rows.Select(r => new Hit(r.Row.Index, r.CompactStart, r.CompactEnd, 0)).ToList();
            result.Add(new TableMatch { Table = m.Table, Rows = FillGaps(text, m.Table, chain, headingRuns), Score = m.Score });
        }
        result.Sort((a, b) => a.CompactStart.CompareTo(b.CompactStart));
        return result;
    }

    readonly record struct Hit(int Row, int Start, int End, int Weight);

    /// <summary>Whether two of the table's column headings or a marker stand just before this place.</summary>
    static bool UnderHeadings(string compact, CompiledTable table, int start)
    {
        int from = Math.Max(0, start - 240);
        var before = compact.AsSpan(from, start - from);
        int found = 0;
        foreach (var m in table.FoldedMarkers) if (m.Length >= 4 && before.Contains(m, StringComparison.Ordinal)) return true;
        foreach (var h in table.FoldedHeaders) if (h.Length >= 2 && before.Contains(h, StringComparison.Ordinal)) found++;
        return found >= 2;
    }

    static List<Hit> Deduplicate(List<Hit> hits)
    {
        // Keep, for one row, the longest label variant at a place (规范性文件 inside 行政规范性文件).
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Weight.CompareTo(a.Weight));
        var kept = new List<Hit>(hits.Count);
        foreach (var h in hits)
        {
            bool covered = false;
            for (int k = kept.Count - 1; k >= 0 && kept[k].End > h.Start - 40; k--)
                if (kept[k].Row == h.Row && kept[k].Start <= h.Start && kept[k].End >= h.End) { covered = true; break; }
            if (!covered) kept.Add(h);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    /// <summary>
    /// A label whose values follow a block of column headings (table 四's 复议后起诉) is only the table when those
    /// headings follow it: their characters count as evidence.
    /// </summary>
    static int HeadingEvidence(string compact, CompiledTable table, CompiledRow row, int end)
    {
        if (!row.Definition.AfterHeaders) return 0;
        int limit = Math.Min(compact.Length, end + 160);
        // The same label again before the values (prose "…、0件（复议后起诉）" just before the table): the later one is the table's.
        foreach (var label in row.FoldedLabels)
            if (compact.IndexOf(label, end, limit - end, StringComparison.Ordinal) >= 0) return 0;
        int evidence = 0;
        foreach (var h in table.FoldedHeaders)
        {
            int at = compact.IndexOf(h, end, limit - end, StringComparison.Ordinal);
            if (at >= 0) evidence += h.Length;
        }
        return evidence;
    }

    /// <summary>
    /// Where three or more of the table's column headings stand next to each other (only cell borders between): the
    /// heading rows, at the top and again after each page break. Two are not enough: an unnumbered 其他 row with
    /// blank cells and the 总计 row under it read the same.
    /// </summary>
    static List<(int Start, int End)> HeadingRuns(string compact, CompiledTable table)
    {
        var found = new List<(int Start, int End)>();
        foreach (var h in table.FoldedHeaders)
        {
            if (h.Length < 2) continue;
            for (int at = compact.IndexOf(h, StringComparison.Ordinal); at >= 0; at = compact.IndexOf(h, at + h.Length, StringComparison.Ordinal))
            {
                // Words followed straight by numbers are a row's label (其他 1 1 0 … under the headings' 其他), not a heading.
                int next = at + h.Length;
                if (ValuesFollow(compact, next)) continue;
                found.Add((at, next));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var runs = new List<(int Start, int End)>();
        int i = 0;
        while (i < found.Count)
        {
            int start = found[i].Start, end = found[i].End, count = 1;
            int j = i + 1;
            for (; j < found.Count; j++)
            {
                int gap = found[j].Start - end;
                if (gap > 0 && compact.AsSpan(end, gap).Trim('|').Length > 0) break;
                if (found[j].End > end) { end = found[j].End; count++; }
            }
            if (count >= 3) runs.Add((start, end));
            i = j;
        }
        return runs;
    }

    /// <summary>Numbers (or blank marks) next, not the numbering of a label (3、其他, 2.重复申请).</summary>
    internal static bool ValuesFollow(string compact, int at)
    {
        while (at < compact.Length && compact[at] == '|') at++; // cell borders between a label and its values
        if (at >= compact.Length) return false;
        if (compact[at] is '—' or '/') return true;
        if (!char.IsAsciiDigit(compact[at])) return false;
        int d = at;
        while (d < compact.Length && char.IsAsciiDigit(compact[d])) d++;
        return !(d - at <= 2 && d < compact.Length && compact[d] is '、' or '.' or ',' or ')');
    }

    static bool InRun(List<(int Start, int End)> runs, int start, int end)
    {
        foreach (var r in runs)
        {
            if (r.Start > start) break;
            if (end <= r.End) return true;
        }
        return false;
    }

    /// <summary>The characters of the table's column headings printed between from and to (a page break repeats them).</summary>
    static int RepeatedHeadings(string compact, CompiledTable table, int from, int to)
    {
        int chars = 0;
        foreach (var h in table.FoldedHeaders)
            if (h.Length >= 4 && to > from && compact.IndexOf(h, from, to - from, StringComparison.Ordinal) >= 0) chars += h.Length;
        return chars;
    }

    /// <summary>
    /// A short variant found exactly (申请人无正当理由逾期不补正) may be the start of a long one printed with a typo:
    /// the match then takes the whole long label, so that its rest is not read as the row's values.
    /// </summary>
    static RowMatch Extend(string compact, CompiledRow row, int start, int end)
    {
        foreach (var label in row.FoldedLabels)
        {
            if (label.Length <= end - start) break;
            var f = LabelMatcher.FindApproximate(compact, label, start, Math.Min(compact.Length, start + label.Length + LabelMatcher.MaxErrors(label.Length)));
            if (f is { } hit && hit.Start == start && hit.End > end) return new RowMatch(row, start, hit.End);
        }
        return new RowMatch(row, start, end);
    }

    static int MaxGap(int skippedRows) => 260 + 160 * skippedRows;

    static List<Hit> BestChain(List<Hit> hits)
    {
        int n = hits.Count;
        int maxSkipped = hits.Count == 0 ? 0 : hits.Max(h => h.Row) + 1;
        var score = new int[n];
        var back = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++)
        {
            var h = hits[i];
            score[i] = h.Weight;
            back[i] = -1;
            for (int j = i - 1; j >= 0; j--)
            {
                var p = hits[j];
                int gap = h.Start - p.End;
                // Look back no further than the longest gap any row could leave, and over at most 400 hits (a text that
                // repeats one label thousands of times must not make this quadratic).
                if (h.Start - p.Start > MaxGap(maxSkipped) + 200 || i - j > 400) break;
                if (gap < 0 || p.Row >= h.Row) continue;
                int skipped = h.Row - p.Row - 1;
                if (gap > MaxGap(skipped)) continue;
                int s = score[j] + h.Weight - skipped;
                if (s > score[i]) { score[i] = s; back[i] = j; }
            }
            if (best < 0 || score[i] > score[best]) best = i;
        }
        var chain = new List<Hit>();
        for (int k = best; k >= 0; k = back[k]) chain.Add(hits[k]);
        chain.Reverse();
        return chain;
    }

    /// <summary>Looks for the rows the chain skipped where they must be: between their neighbours, in order.</summary>
    static List<RowMatch> FillGaps(LayoutText text, CompiledTable table, List<Hit> chain, List<(int Start, int End)> headingRuns)
    {
        var compact = text.Compact;
        var result = new List<RowMatch>();
        var rows = table.Rows;
        int prevRow = -1, prevEnd = Math.Max(0, chain[0].Start - 150);
        for (int c = 0; c <= chain.Count; c++)
        {
            int nextRow = c < chain.Count ? chain[c].Row : rows.Count;
            int limit = c < chain.Count ? chain[c].Start : Math.Min(compact.Length, prevEnd + 400);
            int cursor = prevEnd;
            for (int r = prevRow + 1; r < nextRow; r++)
            {
                var row = rows[r];
                // A short label is looked for just after the previous row, past the table's headings if a page break repeats them there.
                int window = row.Definition.Short ? Math.Min(limit, cursor + 60 + RepeatedHeadings(compact, table, cursor, Math.Min(limit, cursor + 400))) : limit;
                (int Start, int End, int Errors)? found = null;
                foreach (var label in row.FoldedLabels)
                {
                    var f = LabelMatcher.FindApproximate(compact, label, cursor, window);
                    while (f is { } inRun && !row.Definition.AfterHeaders && InRun(headingRuns, inRun.Start, inRun.End))
                        f = LabelMatcher.FindApproximate(compact, label, inRun.End, window);
                    // The earliest place; at the same place the longer variant, so that no rest of the label is left behind.
                    if (f is not null && (found is null || f.Value.Start < found.Value.Start || f.Value.Start == found.Value.Start && f.Value.End > found.Value.End)) found = f;
                }
                if (found is null) continue;
                result.Add(new RowMatch(row, found.Value.Start, found.Value.End));
                cursor = found.Value.End;
            }
            if (c < chain.Count)
            {
                result.Add(Extend(compact, rows[chain[c].Row], chain[c].Start, chain[c].End));
                prevRow = chain[c].Row;
                prevEnd = chain[c].End;
            }
        }
        return result;
    }
}
