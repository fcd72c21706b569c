namespace Ogi.Recognize;

/// <summary>
/// Finds a folded label in the compact text: exactly, or within a small edit distance for labels long enough
/// that one wrong, missing or extra character (条列 for 条例, a dropped 的) cannot make them another label.
/// </summary>
public static class LabelMatcher
{
    public static int MaxErrors(int labelLength) => labelLength >= 14 ? 2 : labelLength >= 6 ? 1 : 0;

    /// <summary>
    /// Where <paramref name="label"/> occurs next after <paramref name="after"/> (-1 to start), or -1: every exact
    /// occurrence left to right, without an iterator (it runs for every cue of every report).
    /// </summary>
    public static int Next(string text, string label, int after) =>
        after + 1 <= text.Length - label.Length ? text.IndexOf(label, after + 1, StringComparison.Ordinal) : -1;

    /// <summary>
    /// The leftmost best approximate occurrence of <paramref name="label"/> in text[from, to) with at most
    /// <see cref="MaxErrors"/> edits (semi-global alignment, Sellers' algorithm). Returns (start, end) or null.
    /// </summary>
    public static (int Start, int End, int Errors)? FindApproximate(string text, string label, int from, int to)
    {
        int exact = text.IndexOf(label, from, Math.Max(0, Math.Min(to, text.Length) - from), StringComparison.Ordinal);
        if (exact >= 0 && exact + label.Length <= to) return (exact, exact + label.Length, 0);
        int k = MaxErrors(label.Length);
        if (k == 0 || to - from < label.Length - k) return null;
        int m = label.Length;
        // Four rows of the alignment: labels are short, so they live on the stack.
        var rows = m < 256 ? stackalloc int[4 * (m + 1)] : new int[4 * (m + 1)];
        var prev = rows[..(m + 1)];
        var cur = rows.Slice(m + 1, m + 1);
        var startPrev = rows.Slice(2 * (m + 1), m + 1);
        var startCur = rows.Slice(3 * (m + 1), m + 1);
        for (int i = 0; i <= m; i++) { prev[i] = i; startPrev[i] = from; }
        (int, int, int)? best = null;
        for (int j = from; j < to; j++)
        {
            cur[0] = 0; startCur[0] = j + 1;
            char c = text[j];
            for (int i = 1; i <= m; i++)
            {
                int sub = prev[i - 1] + (label[i - 1] == c ? 0 : 1);
                int del = prev[i] + 1;   // extra char in text
                int ins = cur[i - 1] + 1; // char missing in text
                int v = sub; int s = startPrev[i - 1];
                if (del < v) { v = del; s = startPrev[i]; }
                if (ins < v) { v = ins; s = startCur[i - 1]; }
                cur[i] = v; startCur[i] = s;
            }
            if (cur[m] <= k && (best is null || cur[m] < best.Value.Item3))
            {
                best = (startCur[m], j + 1, cur[m]);
                if (cur[m] == 0) break;
            }
            else if (best is not null && j + 1 - best.Value.Item2 > m) break;
            var t = prev; prev = cur; cur = t;
            t = startPrev; startPrev = startCur; startCur = t;
        }
        if (best is null) return null;
        // Require the first and last characters to be in place: an approximate match that frays at its ends eats
        // into the neighbouring cells.
        var (bs, be, be2) = best.Value;
        if (text[bs] != label[0] || text[be - 1] != label[^1]) return null;
        return best;
    }
}
