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

    /// <summary>A table's chain before its skipped rows are looked for: what the recognizer scores variants by.</summary>
    internal sealed record Chain(CompiledTable Table, Hit[] Hits, int Score)
    {
        public int CompactStart => Hits[0].Start;
    }

    /// <summary>
    /// The printed instances of the table, as chains of the label hits <see cref="LabelScanner.Scan"/> found (the
    /// index is the caller's thread's: the chains are copied out of it), in reading order.
    /// </summary>
    internal static List<Chain> Align(LabelIndex index, CompiledTable table, LabelScanner.TableWords words)
    {
        var compact = index.Compact;
        var labelHits = index.Hits(words.Index);
        var scratch = t_scratch ??= new Scratch();
        var hits = scratch.Hits(labelHits.Length);
        int n = 0;
        var headingRuns = HeadingRuns(index, table, words);
        foreach (var h in labelHits)
        {
            // A label inside a block of column headings (其他, 总计 under 法人或其他组织) is a heading, not the row.
            var row = table.Rows[h.Row];
            if (!row.Definition.AfterHeaders && InRun(headingRuns, h.Start, h.End)) continue;
            hits[n++] = new Hit(h.Row, h.Start, h.End, h.Weight + HeadingEvidence(index, table, words, row, h.End));
        }
        n = Deduplicate(hits.AsSpan(0, n));
        var result = new List<Chain>();
        for (int round = 0; round < MaxInstances && n > 0; round++)
        {
            var chain = BestChain(hits.AsSpan(0, n), scratch);
            if (chain.Length == 0) break;
            int weight = 0;
            foreach (var h in chain) weight += h.Weight;
            int rows = chain.Length;
            // A fragment of a table (its first row or two) is the table only under the table's own headings.
            bool fragment = rows < Math.Min(3, table.Rows.Count);
            if (fragment ? result.Count > 0 || weight < 6 || !UnderHeadings(index, table, words, chain[0].Start) : weight < 12) break;
            if (result.Count > 0 && weight < result[0].Score / 3) break;
            result.Add(new Chain(table, chain.ToArray(), weight));
            int lo = chain[0].Start, hi = chain[^1].End;
            int kept = 0;
            for (int k = 0; k < n; k++)
                if (hits[k].End <= lo || hits[k].Start >= hi) hits[kept++] = hits[k];
            n = kept;
        }
        if (result.Count > 1) result.Sort(static (a, b) => a.CompactStart.CompareTo(b.CompactStart));
        return result;
    }

    /// <summary>
    /// The tables of <see cref="Align"/> completed: the rows their chains skipped are looked for where they must
    /// stand. The chains are not aligned again.
    /// </summary>
    internal static List<TableMatch> FillGaps(LabelIndex index, IReadOnlyList<Chain> chains)
    {
        var result = new List<TableMatch>(chains.Count);
        List<(int Start, int End)>? headingRuns = null;
        foreach (var m in chains)
        {
            var words = LabelScanner.WordsOf(m.Table)!;
            headingRuns ??= HeadingRuns(index, m.Table, words);
            result.Add(new TableMatch { Table = m.Table, Rows = FillGaps(index, m.Table, words, m.Hits, headingRuns), Score = m.Score });
        }
        result.Sort((a, b) => a.CompactStart.CompareTo(b.CompactStart));
        return result;
    }

    internal readonly record struct Hit(int Row, int Start, int End, int Weight);

    /// <summary>The aligner's working arrays, one set per thread, grown as texts need.</summary>
    sealed class Scratch
    {
        Hit[] _hits = new Hit[64], _chain = new Hit[64];
        int[] _score = new int[64], _back = new int[64], _bound = new int[64];

        public Hit[] Hits(int n) => _hits.Length >= n ? _hits : _hits = new Hit[Math.Max(n, _hits.Length * 2)];

        public (int[] Score, int[] Back, int[] Bound, Hit[] Chain) ForChain(int n)
        {
            if (_score.Length < n)
            {
                int size = Math.Max(n, _score.Length * 2);
                _score = new int[size]; _back = new int[size]; _bound = new int[size]; _chain = new Hit[size];
            }
            return (_score, _back, _bound, _chain);
        }
    }

    [ThreadStatic] static Scratch? t_scratch;

    /// <summary>Whether two of the table's column headings or a marker stand just before this place.</summary>
    static bool UnderHeadings(LabelIndex index, CompiledTable table, LabelScanner.TableWords words, int start)
    {
        int from = Math.Max(0, start - 240);
        int found = 0;
        var markers = table.FoldedMarkers;
        for (int k = 0; k < markers.Length; k++)
            if (markers[k].Length >= 4 && index.Within(words.Markers[k], markers[k], from, start)) return true;
        var headers = table.FoldedHeaders;
        for (int k = 0; k < headers.Length; k++)
            if (headers[k].Length >= 2 && index.Within(words.Headers[k], headers[k], from, start)) found++;
        return found >= 2;
    }

    static readonly Comparison<Hit> ByStartThenWeight = static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Weight.CompareTo(a.Weight);
    static readonly Comparison<Hit> ByStart = static (a, b) => a.Start.CompareTo(b.Start);

    /// <summary>Deduplicates in place; returns how many hits are kept.</summary>
    static int Deduplicate(Span<Hit> hits)
    {
        // Keep, for one row, the longest label variant at a place (规范性文件 inside 行政规范性文件).
        SortByStartThenWeight(hits);
        int kept = 0;
        foreach (var h in hits)
        {
            bool covered = false;
            for (int k = kept - 1; k >= 0 && hits[k].End > h.Start - 40; k--)
                if (hits[k].Row == h.Row && hits[k].Start <= h.Start && hits[k].End >= h.End) { covered = true; break; }
            if (!covered) hits[kept++] = h;
        }
        // Sorted by start already; hits that share a start are left to the library's sort (it is not stable).
        if (SharesStart(hits[..kept])) hits[..kept].Sort(ByStart);
        return kept;
    }

    /// <summary>
    /// Sorts hits by start, the heavier first at one start. They come in the scan's order, by start, so most need no
    /// more than the few that share a start put in order of weight. Two of the same start and weight have no
    /// order the comparison defines, so there the library's sort (not stable) decides, as it always has.
    /// </summary>
    static void SortByStartThenWeight(Span<Hit> hits)
    {
        bool grouped = false;
        for (int i = 1; i < hits.Length; i++)
        {
            if (hits[i].Start < hits[i - 1].Start) { hits.Sort(ByStartThenWeight); return; }
            if (hits[i].Start != hits[i - 1].Start) continue;
            grouped = true;
            for (int j = i - 1; j >= 0 && hits[j].Start == hits[i].Start; j--)
                if (hits[j].Weight == hits[i].Weight) { hits.Sort(ByStartThenWeight); return; }
        }
        if (!grouped) return;
        // Every key distinct: the sorted order is the one any sort gives. Insertion within each start's group.
        for (int i = 1; i < hits.Length; i++)
        {
            var h = hits[i];
            int j = i - 1;
            while (j >= 0 && hits[j].Start == h.Start && hits[j].Weight < h.Weight) { hits[j + 1] = hits[j]; j--; }
            hits[j + 1] = h;
        }
    }

    static bool SharesStart(ReadOnlySpan<Hit> hits)
    {
        for (int i = 1; i < hits.Length; i++) if (hits[i].Start == hits[i - 1].Start) return true;
        return false;
    }

    /// <summary>
    /// A label whose values follow a block of column headings (table 四's 复议后起诉) is only the table when those
    /// headings follow it: their characters count as evidence.
    /// </summary>
    static int HeadingEvidence(LabelIndex index, CompiledTable table, LabelScanner.TableWords words, CompiledRow row, int end)
    {
        if (!row.Definition.AfterHeaders) return 0;
        int limit = Math.Min(index.Compact.Length, end + 160);
        // The same label again before the values (prose "…、0件（复议后起诉）" just before the table): the later one is the table's.
        var labels = row.FoldedLabels;
        var labelWords = words.RowLabels[row.Index];
        for (int k = 0; k < labels.Length; k++)
            if (index.Within(labelWords[k], labels[k], end, limit)) return 0;
        int evidence = 0;
        var headers = table.FoldedHeaders;
        for (int k = 0; k < headers.Length; k++)
            if (index.Within(words.Headers[k], headers[k], end, limit)) evidence += headers[k].Length;
        return evidence;
    }

    static readonly Comparison<(int Start, int End)> RunOrder = static (a, b) => a.Start.CompareTo(b.Start);

    /// <summary>
    /// Where three or more of the table's column headings stand next to each other (only cell borders between): the
    /// heading rows, at the top and again after each page break. Two are not enough: an unnumbered 其他 row with
    /// blank cells and the 总计 row under it read the same. Found once per text and table.
    /// </summary>
    static List<(int Start, int End)> HeadingRuns(LabelIndex index, CompiledTable table, LabelScanner.TableWords words)
    {
        var runs = index.HeadingRuns(words.Index, out bool known);
        if (known) return runs;
        var compact = index.Compact;
        var foundRuns = t_found ??= [];
        foundRuns.Clear();
        var headers = table.FoldedHeaders;
        for (int k = 0; k < headers.Length; k++)
        {
            var h = headers[k];
            if (h.Length < 2) continue;
            // The places a search from left to right finds: each after the end of the one before.
            int next = 0;
            foreach (int at in index.Occurrences(words.Headers[k]))
            {
                if (at < next) continue;
                next = at + h.Length;
                // Words followed straight by numbers are a row's label (其他 1 1 0 … under the headings' 其他), not a heading.
                if (ValuesFollow(compact, next)) continue;
                foundRuns.Add((at, next));
            }
        }
        SortByStart(foundRuns);
        int i = 0;
        while (i < foundRuns.Count)
        {
            int start = foundRuns[i].Start, end = foundRuns[i].End, count = 1;
            int j = i + 1;
            for (; j < foundRuns.Count; j++)
            {
                int gap = foundRuns[j].Start - end;
                if (gap > 0 && compact.AsSpan(end, gap).Trim('|').Length > 0) break;
                if (foundRuns[j].End > end) { end = foundRuns[j].End; count++; }
            }
            if (count >= 3) runs.Add((start, end));
            i = j;
        }
        return runs;
    }

    [ThreadStatic] static List<(int Start, int End)>? t_found;
    [ThreadStatic] static long[]? t_runKeys;

    /// <summary>
    /// Sorts the runs by start: as numbers (start, then end, in one long) when no two share a start, since then there
    /// is only one order; where two do the comparison gives them none, and the library's sort (not stable) decides,
    /// as it always has.
    /// </summary>
    static void SortByStart(List<(int Start, int End)> runs)
    {
        int n = runs.Count;
        var keys = t_runKeys is { } k && k.Length >= n ? k : t_runKeys = new long[Math.Max(n, 64)];
        for (int i = 0; i < n; i++) keys[i] = (long)runs[i].Start << 32 | (uint)runs[i].End;
        var sorted = keys.AsSpan(0, n);
        Parsing.NumberSort.Sort(sorted);
        for (int i = 1; i < n; i++)
            if (sorted[i] >> 32 == sorted[i - 1] >> 32) { runs.Sort(RunOrder); return; }
        for (int i = 0; i < n; i++) runs[i] = ((int)(sorted[i] >> 32), (int)sorted[i]);
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
    static int RepeatedHeadings(LabelIndex index, CompiledTable table, LabelScanner.TableWords words, int from, int to)
    {
        int chars = 0;
        var headers = table.FoldedHeaders;
        for (int k = 0; k < headers.Length; k++)
            if (headers[k].Length >= 4 && to > from && index.Within(words.Headers[k], headers[k], from, to)) chars += headers[k].Length;
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
            int k = LabelMatcher.MaxErrors(label.Length), to = Math.Min(compact.Length, start + label.Length + k);
            if (!MayStandAt(compact, label, k, start, to)) continue;
            var f = LabelMatcher.FindApproximate(compact, label, start, to);
            if (f is { } hit && hit.Start == start && hit.End > end) return new RowMatch(row, start, hit.End);
        }
        return new RowMatch(row, start, end);
    }

    /// <summary>
    /// What a match of <paramref name="label"/> starting at <paramref name="start"/> with at most k edits needs (the
    /// search keeps only matches whose first and last characters are in place): its first character there, its last
    /// where a text k characters shorter or longer ends. Most long variants fail this at once, without the alignment.
    /// </summary>
    static bool MayStandAt(string compact, string label, int k, int start, int to)
    {
        if (compact[start] != label[0]) return false;
        int last = Math.Min(to, start + label.Length + k) - 1;
        for (int p = Math.Max(start, start + label.Length - k - 1); p <= last; p++)
            if (compact[p] == label[^1]) return true;
        return false;
    }

    static int MaxGap(int skippedRows) => 260 + 160 * skippedRows;

    /// <summary>The chain of hits in row order with the most label characters (a span of the thread's scratch).</summary>
    static ReadOnlySpan<Hit> BestChain(ReadOnlySpan<Hit> hits, Scratch scratch)
    {
        int n = hits.Length;
        int maxRow = -1, maxLength = 0;
        foreach (var h in hits) { maxRow = Math.Max(maxRow, h.Row); maxLength = Math.Max(maxLength, h.End - h.Start); }
        int reach = MaxGap(maxRow + 1) + 200;
        var (score, back, bound, chain) = scratch.ForChain(n);
        int best = -1;
        for (int i = 0; i < n; i++)
        {
            var h = hits[i];
            int si = h.Weight, bi = -1;
            // No row before this one can leave a longer gap than all the rows before it skipped (hits come by start).
            int lookBack = Math.Min(reach, MaxGap(h.Row - 1) + maxLength);
            // A predecessor p gives score[p] + p.Row + (h.Weight - h.Row + 1); bound[j] is the most score + Row of the
            // hits up to j: once that cannot beat the best found (ties keep the nearer one), no earlier hit can either.
            int gain = h.Weight - h.Row + 1;
            for (int j = i - 1; j >= 0; j--)
            {
                if (bound[j] + gain <= si) break;
                ref readonly var p = ref hits[j];
                // Look back no further than the longest gap any row could leave, and over at most 400 hits (a text that
                // repeats one label thousands of times must not make this quadratic).
                if (h.Start - p.Start > lookBack || i - j > 400) break;
                int gap = h.Start - p.End;
                if (gap < 0 || p.Row >= h.Row) continue;
                int skipped = h.Row - p.Row - 1;
                if (gap > MaxGap(skipped)) continue;
                int s = score[j] + h.Weight - skipped;
                if (s > si) { si = s; bi = j; }
            }
            score[i] = si;
            back[i] = bi;
            bound[i] = i == 0 ? si + h.Row : Math.Max(bound[i - 1], si + h.Row);
            if (best < 0 || si > score[best]) best = i;
        }
        int length = 0;
        for (int k = best; k >= 0; k = back[k]) length++;
        int at = length;
        for (int k = best; k >= 0; k = back[k]) chain[--at] = hits[k];
        return chain.AsSpan(0, length);
    }

    /// <summary>Looks for the rows the chain skipped where they must be: between their neighbours, in order.</summary>
    static List<RowMatch> FillGaps(LabelIndex index, CompiledTable table, LabelScanner.TableWords words, Hit[] chain, List<(int Start, int End)> headingRuns)
    {
        var compact = index.Compact;
        var rows = table.Rows;
        var result = new List<RowMatch>(rows.Count);
        int prevRow = -1, prevEnd = Math.Max(0, chain[0].Start - 150);
        for (int c = 0; c <= chain.Length; c++)
        {
            int nextRow = c < chain.Length ? chain[c].Row : rows.Count;
            int limit = c < chain.Length ? chain[c].Start : Math.Min(compact.Length, prevEnd + 400);
            int cursor = prevEnd;
            for (int r = prevRow + 1; r < nextRow; r++)
            {
                var row = rows[r];
                // A short label is looked for just after the previous row, past the table's headings if a page break repeats them there.
                int window = row.Definition.Short ? Math.Min(limit, cursor + 60 + RepeatedHeadings(index, table, words, cursor, Math.Min(limit, cursor + 400))) : limit;
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
            if (c < chain.Length)
            {
                result.Add(Extend(compact, rows[chain[c].Row], chain[c].Start, chain[c].End));
                prevRow = chain[c].Row;
                prevEnd = chain[c].End;
            }
        }
        return result;
    }
}
