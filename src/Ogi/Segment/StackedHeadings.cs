using Ogi.Templates;

namespace Ogi.Segment;

/// <summary>
/// Column headings printed one character per line across the columns, as a narrow table column prints them in a PDF's
/// or a flipbook's text: <c>结 结 其 尚</c> / <c>果 果 他 未</c> / <c>维 纠 结 审</c> / <c>持 正 果 结</c>, each column's
/// heading read top to bottom. The lines are a grid of single characters; each column takes, on a run of consecutive
/// lines, the first character those lines have left, and must spell a heading of the forms (the templates' headers,
/// so the words are data). A heading shorter than the others stands on some of the lines only (总计 centred in
/// the middle two), which the search allows. Only when every character is so read is the block rewritten, in place
/// and at the same length, as the headings in a row: what a report prints when its columns are wide enough.
/// Words of more than one character on those lines (法人或其他组织, the label column's heading) stay, before the headings.
/// </summary>
public static class StackedHeadings
{
    /// <summary>Every form's column headings of two to eight characters, by first character, longest first.</summary>
    static readonly Dictionary<char, string[]> Headings = BuildHeadings();

    /// <summary>
    /// Loops, not LINQ's GroupBy and OrderByDescending: their code over char keys is not precompiled, so every process
    /// would JIT-compile it. Headings of one length keep the forms' order.
    /// </summary>
    static Dictionary<char, string[]> BuildHeadings()
    {
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in TemplateCatalog.All)
            foreach (var table in template.Tables)
                foreach (var h in table.FoldedHeaders)
                    if (h.Length is >= 2 and <= 8 && AllHan(h) && seen.Add(h)) distinct.Add(h);
        Parsing.NumberSort.StableSortBy(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(distinct), h => -h.Length);
        var headings = new Dictionary<char, string[]>();
        foreach (var h in distinct)
        {
            if (headings.ContainsKey(h[0])) continue;
            var group = new List<string>();
            foreach (var other in distinct) if (other[0] == h[0]) group.Add(other);
            headings[h[0]] = [.. group];
        }
        return headings;
    }

    static bool AllHan(string s)
    {
        foreach (char c in s) if (!IsHan(c)) return false;
        return true;
    }

    /// <summary>A search this long means the block is no grid of headings.</summary>
    const int MaxSteps = 20000;

    static bool IsHan(char c) => c >= 0x4E00 && c <= 0x9FFF;

    /// <summary>
    /// The folded text's stacked heading blocks rewritten as rows of headings, into a copy of <paramref name="source"/>
    /// (same length, so every offset stays); null when the text holds none. The cheap test comes first: three single
    /// characters in a row, apart by spaces, which running text and labels never are (a few µs a report, in
    /// proportion to the runs of spaces).
    /// </summary>
    public static string? Unstack(string source, string folded)
    {
        if (!HasSpacedCharacters(folded)) return null;
        char[]? rewritten = null;
        int lineStart = 0;
        var block = new List<(int Start, int End)>();
        while (lineStart <= folded.Length)
        {
            int nl = folded.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? folded.Length : nl;
            if (IsStackLine(folded, lineStart, lineEnd)) block.Add((lineStart, lineEnd));
            else
            {
                if (block.Count >= 2) Rewrite(folded, block, ref rewritten, source);
                block.Clear();
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }
        if (block.Count >= 2) Rewrite(folded, block, ref rewritten, source);
        return rewritten is null ? null : new string(rewritten);
    }

    /// <summary>
    /// Three characters standing alone in a row, apart by spaces or borders. The text is looked at many characters at
    /// a time for a character between two separators (rare outside such blocks: a unit cell 件), and only there closer.
    /// </summary>
    static bool HasSpacedCharacters(string f)
    {
        var s = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(f.AsSpan());
        int w = System.Numerics.Vector<ushort>.Count, j = 0;
        var space = new System.Numerics.Vector<ushort>(' ');
        var bar = new System.Numerics.Vector<ushort>('|');
        var newline = new System.Numerics.Vector<ushort>('\n');
        var first = new System.Numerics.Vector<ushort>(0x4E00);
        var last = new System.Numerics.Vector<ushort>(0x9FFF);
        for (; j + w + 2 <= s.Length; j += w)
        {
            var before = new System.Numerics.Vector<ushort>(s.Slice(j, w));
            var at = new System.Numerics.Vector<ushort>(s.Slice(j + 1, w));
            var after = new System.Numerics.Vector<ushort>(s.Slice(j + 2, w));
            var alone = (System.Numerics.Vector.Equals(before, space) | System.Numerics.Vector.Equals(before, bar) | System.Numerics.Vector.Equals(before, newline))
                & (System.Numerics.Vector.Equals(after, space) | System.Numerics.Vector.Equals(after, bar) | System.Numerics.Vector.Equals(after, newline))
                & System.Numerics.Vector.GreaterThanOrEqual(at, first) & System.Numerics.Vector.LessThanOrEqual(at, last);
            if (alone == System.Numerics.Vector<ushort>.Zero) continue;
            if (w == System.Runtime.Intrinsics.Vector256<ushort>.Count)
            {
                // The lanes that are set, as bits (one or two in a vector: a unit cell 件), not every lane read out.
                for (uint set = System.Runtime.Intrinsics.Vector256.ExtractMostSignificantBits(System.Runtime.Intrinsics.Vector256.AsVector256(alone)); set != 0; set &= set - 1)
                    if (ThreeInARow(f, j + System.Numerics.BitOperations.TrailingZeroCount(set) + 1)) return true;
                continue;
            }
            for (int k = 0; k < w; k++)
                if (alone[k] != 0 && ThreeInARow(f, j + k + 1)) return true;
        }
        for (int i = Math.Max(0, j); i < f.Length; i++)
            if (IsSingle(f, i) && ThreeInARow(f, i)) return true;
        return false;
    }

    /// <summary>The character standing alone at i, and the next two words on its line, are single characters.</summary>
    static bool ThreeInARow(string f, int i)
    {
        int k = SkipSeparators(f, i + 1);
        if (k == i + 1 || k >= f.Length || !IsSingle(f, k)) return false;
        int m = SkipSeparators(f, k + 1);
        return m > k + 1 && m < f.Length && IsSingle(f, m);
    }

    /// <summary>A character standing alone: no other character of a word either side of it.</summary>
    static bool IsSingle(string f, int i) => IsHan(f[i]) && (i == 0 || f[i - 1] is ' ' or '|' or '\n') && (i + 1 == f.Length || f[i + 1] is ' ' or '|' or '\n');

    static int SkipSeparators(string f, int i)
    {
        while (i < f.Length && f[i] is ' ' or '|') i++;
        return i;
    }

    /// <summary>A line of words apart by spaces or cell borders, two or more of them single characters, no digits.</summary>
    static bool IsStackLine(string f, int start, int end)
    {
        int singles = 0;
        for (int i = start; i < end;)
        {
            while (i < end && f[i] is ' ' or '|') i++;
            if (i >= end) break;
            int t = i;
            while (i < end && f[i] is not (' ' or '|'))
            {
                if (char.IsAsciiDigit(f[i])) return false;
                i++;
            }
            if (i - t == 1 && IsHan(f[t])) singles++;
        }
        return singles >= 2;
    }

    static void Rewrite(string f, List<(int Start, int End)> lines, ref char[]? rewritten, string source)
    {
        // A spaced-out line above the grid (行 政 复 议) is no part of it: the grid may start one or two lines lower.
        for (int skip = 0; skip <= 2 && lines.Count - skip >= 2; skip++)
            if (Read(f, lines.GetRange(skip, lines.Count - skip)) is { } headings)
            {
                rewritten ??= source.ToCharArray();
                Write(rewritten, f, lines.GetRange(skip, lines.Count - skip), headings);
                return;
            }
    }

    /// <summary>The block's words of several characters (kept) and its columns' headings, or null when some character fits no heading.</summary>
    static List<string>? Read(string f, List<(int Start, int End)> lines)
    {
        var chars = new List<char>[lines.Count];
        var kept = new List<string>();
        for (int l = 0; l < lines.Count; l++)
        {
            chars[l] = [];
            var (start, end) = lines[l];
            for (int i = start; i < end;)
            {
                while (i < end && f[i] is ' ' or '|') i++;
                if (i >= end) break;
                int t = i;
                while (i < end && f[i] is not (' ' or '|')) i++;
                if (i - t == 1 && IsHan(f[t])) chars[l].Add(f[t]);
                else kept.Add(f[t..i]);
            }
        }
        var next = new int[lines.Count];
        var columns = new List<string>();
        int steps = 0;
        if (!Solve(chars, next, columns, ref steps) || columns.Count < 2) return null;
        kept.AddRange(columns);
        return kept;
    }

    /// <summary>Depth first: the next column is a heading spelt by the first characters left on a run of lines.</summary>
    static bool Solve(List<char>[] chars, int[] next, List<string> columns, ref int steps)
    {
        if (++steps > MaxSteps) return false;
        bool done = true;
        for (int l = 0; l < chars.Length && done; l++) done = next[l] == chars[l].Count;
        if (done) return true;
        for (int s = 0; s < chars.Length; s++)
        {
            if (next[s] == chars[s].Count || !Headings.TryGetValue(chars[s][next[s]], out var candidates)) continue;
            foreach (var h in candidates)
            {
                if (s + h.Length > chars.Length) continue;
                bool fits = true;
                for (int k = 1; k < h.Length && fits; k++) fits = next[s + k] < chars[s + k].Count && chars[s + k][next[s + k]] == h[k];
                if (!fits) continue;
                for (int k = 0; k < h.Length; k++) next[s + k]++;
                columns.Add(h);
                if (Solve(chars, next, columns, ref steps)) return true;
                columns.RemoveAt(columns.Count - 1);
                for (int k = 0; k < h.Length; k++) next[s + k]--;
            }
        }
        return false;
    }

    /// <summary>The words in a row from the block's first character, then spaces to its end.</summary>
    static void Write(char[] target, string f, List<(int Start, int End)> lines, List<string> words)
    {
        int from = lines[0].Start, to = lines[^1].End;
        while (from < to && f[from] is ' ' or '|') from++;
        int p = from;
        // The words and one space between each are never more characters than the block's own tokens and separators.
        if (words.Sum(w => w.Length) + words.Count - 1 > to - from) return;
        foreach (var w in words)
        {
            if (p > from) target[p++] = ' ';
            w.CopyTo(0, target, p, w.Length);
            p += w.Length;
        }
        // One line of headings: the rest of the block is spaces (no empty lines, which one-cell-a-line text reads as cells).
        for (; p < to; p++) target[p] = ' ';
    }
}
