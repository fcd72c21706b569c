using System.Runtime.CompilerServices;
using Ogi.Cells;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>How the cells of a table are separated in the text.</summary>
public enum CellLayout
{
    /// <summary>Cells closed by " |" (scraped tables, rendered HTML).</summary>
    Pipes,
    /// <summary>One cell a line; an empty line is an empty cell.</summary>
    Lines,
    /// <summary>One cell a line with blank lines between cells; empty lines separate, they are not cells.</summary>
    BlankLines,
    /// <summary>Cells on one line, separated by spaces or by nothing at all.</summary>
    Runs,
}

/// <summary>
/// Reads the value region of a matched row: the text between its label and the next row's label. It drops the
/// rest of the label's own cell, the next row's numbering when it is glued to the digits ("…40000042.其他"),
/// and reads the cells with the cell grammar until the first piece of text that is not a value.
/// </summary>
public static class RegionReader
{
    public static CellLayout DetectLayout(LayoutText text, int sourceStart, int sourceEnd)
    {
        var s = text.Folded.AsSpan(sourceStart, Math.Max(0, sourceEnd - sourceStart));
        int pipes = s.Count('|');
        // Lines ended by a line break; how many of them are empty (only white space) is looked at only for one cell a line.
        int lines = s.Count('\n');
        if (pipes >= 6 && pipes * 8 >= lines) return CellLayout.Pipes;
        if (lines < 6) return CellLayout.Runs;
        // One pass over the characters: such a table has hundreds of short lines.
        int empty = 0;
        bool blank = true;
        foreach (var ch in s)
        {
            if (ch == '\n') { if (blank) empty++; blank = true; }
            else if (blank && !char.IsWhiteSpace(ch)) blank = false;
        }
        return empty * 3 >= lines ? CellLayout.BlankLines : CellLayout.Lines;
    }

    /// <summary>The source offset after the label and a parenthesised note right after it.</summary>
    public static int AfterLabel(LayoutText text, int compactEnd)
    {
        int p = text.SourceEnd(compactEnd);
        var f = text.Folded;
        // Closing quotes and brackets of the label (危及“三安全一稳定”) are dropped from the compact text, not from the source.
        while (p < f.Length && f[p] is '"' or '”' or '’' or '\'' or '》' or '」' or '〉' or '>') p++;
        int q = p;
        while (q < f.Length && f[q] == ' ') q++;
        if (q < f.Length && f[q] == '(')
        {
            int depth = 0;
            for (int k = q; k < f.Length && k < q + 120; k++)
            {
                if (f[k] == '(') depth++;
                else if (f[k] == ')' && --depth == 0) return k + 1;
                else if (f[k] == '|' ) break;
                // A label wrapped onto the next line (space-aligned text): its values stand after the words of the first.
                else if (f[k] == '\n') return WordsEnd(f, q, k);
            }
        }
        return p;
    }

    /// <summary>Where the words of a line end: at the gap before its first value (a digit, a sign or a blank mark).</summary>
    static int WordsEnd(string f, int from, int lineEnd)
    {
        for (int k = from; k < lineEnd; k++)
        {
            if (f[k] != ' ') continue;
            int v = k;
            while (v < lineEnd && f[v] == ' ') v++;
            if (v < lineEnd && (char.IsAsciiDigit(f[v]) || f[v] is '-' or '—' or '/' or '减' or '增' or '+')) return k;
        }
        return lineEnd;
    }

    /// <summary>Skips column headings that stand between a heading-block label and its values (table 四).</summary>
    public static int AfterHeaders(LayoutText text, int compactEnd, string[] headers, CellLayout layout)
    {
        var c = text.Compact;
        int p = compactEnd, afterHeading = compactEnd;
        bool progressed = true;
        // The bracket closing a heading that holds the label (### 行政诉讼（复议后起诉）).
        if (p < c.Length && c[p] == ')') afterHeading = ++p;
        while (progressed && p < c.Length)
        {
            progressed = false;
            while (p < c.Length && c[p] == '|') { p++; progressed = true; }
            // A Markdown table's rule line under its headings (|---|:---:|).
            if (p < c.Length && c[p] is '-' or ':' && p > 0 && c[p - 1] == '|')
            {
                // The rule's own line only: an empty row of values under it is pipes too.
                int ruleEnd = text.Folded.IndexOf('\n', text.SourceStart(p));
                int q = p;
                while (q < c.Length && c[q] is '-' or ':' or '|' && (ruleEnd < 0 || text.SourceStart(q) < ruleEnd)) q++;
                if (c.AsSpan(p, q - p).Contains("---", StringComparison.Ordinal)) { p = q; afterHeading = p; progressed = true; continue; }
            }
            foreach (var h in headers)
                if (string.CompareOrdinal(c, p, h, 0, h.Length) == 0) { p += h.Length; afterHeading = p; progressed = true; break; }
        }
        // Only the pipes closing the last heading's row belong to the headings: the values' row may start with empty cells.
        int src = afterHeading >= c.Length ? text.Source.Length : text.SourceEnd(afterHeading);
        var f = text.Folded;
        if (layout != CellLayout.Pipes) return src;
        int lineEnd = f.IndexOf('\n', src);
        if (lineEnd >= 0 && IsOnlyPipes(f, src, lineEnd)) src = lineEnd + 1;
        else while (src < f.Length && f[src] is '|' or ' ') src++;
        return src;
    }

    static bool IsOnlyPipes(string s, int from, int to)
    {
        for (int i = from; i < to; i++) if (s[i] != '|' && !char.IsWhiteSpace(s[i])) return false;
        return true;
    }

    /// <summary>Removes the numbering of the next label (2. / 2、/ （二）/ 二、/ 其中：) from the end of a region.</summary>
    public static int TrimNextNumbering(LayoutText text, int start, int end, CompiledRow? next, CellLayout layout = CellLayout.Pipes)
    {
        int e = TrimNumbering(text, start, end, next);
        // One cell a line: the line breaks before the next label are the region's last, empty cells.
        if (layout is CellLayout.Lines or CellLayout.BlankLines)
            while (e < end && IsGap(text.Folded[e])) e++;
        return e;
    }

    static int TrimNumbering(LayoutText text, int start, int end, CompiledRow? next)
    {
        var f = text.Folded;
        int e = end;
        // Pipes stay: "| 1 | |" ends with an empty cell.
        while (e > start && IsGap(f[e - 1])) e--;
        if (next?.Definition.Ord is int ord)
        {
            int stripped = StripOrdinal(f, start, e, ord);
            if (stripped < e) { e = stripped; while (e > start && IsGap(f[e - 1])) e--; }
        }
        if (e - start >= 3 && f[e - 1] == ':' && f[e - 2] == '中' && f[e - 3] == '其') e -= 3;
        else if (e - start >= 2 && f[e - 1] == '中' && f[e - 2] == '其') e -= 2;
        while (e > start && IsGap(f[e - 1])) e--;
        return e;
    }

    static readonly string[] ChineseNumerals = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    /// <summary>Arabic numerals of the ordinals rows have, made once.</summary>
    static readonly string[] ArabicNumerals = [.. Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    static int StripOrdinal(string f, int start, int e, int ord)
    {
        string arabic = ord >= 0 && ord < ArabicNumerals.Length ? ArabicNumerals[ord] : ord.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string chinese = ord < ChineseNumerals.Length ? ChineseNumerals[ord] : "";
        int p = e;
        // (二) / (2)
        if (p > start && f[p - 1] == ')')
        {
            int q = p - 1;
            for (int n = 0; n < 2; n++)
            {
                var numeral = n == 0 ? chinese : arabic;
                if (numeral.Length == 0) continue;
                int s = q - numeral.Length;
                if (s - 1 >= start && string.CompareOrdinal(f, s, numeral, 0, numeral.Length) == 0 && f[s - 1] == '(') return s - 1;
            }
        }
        // 二、 / 2. / 2、 / 2．
        if (p > start && (f[p - 1] == '、' || f[p - 1] == '.' || f[p - 1] == ',' || f[p - 1] == '，' || f[p - 1] == ':'))
        {
            int q = p - 1;
            for (int n = 0; n < 2; n++)
            {
                var numeral = n == 0 ? chinese : arabic;
                if (numeral.Length == 0) continue;
                int s = q - numeral.Length;
                if (s >= start && string.CompareOrdinal(f, s, numeral, 0, numeral.Length) == 0)
                {
                    // "12." must not lose its "2." to ordinal 2 unless the digit before is a cell's own: the
                    // region's digits are resolved by arithmetic, so only the numbering itself is removed.
                    return s;
                }
            }
        }
        return e;
    }

    /// <summary>Reads the cells of one region into tokens.</summary>
    public static List<CellToken> ReadCells(LayoutText text, int start, int end, CellLayout layout, bool stopAtText = true)
    {
        if (end <= start) return [];
        var f = text.Folded;
        // The pieces and each piece's tokens are scratch, reused by the thread's next region (a report reads hundreds).
        var pieces = ScratchPieces ??= new List<(int S, int E)>(64);
        pieces.Clear();
        if (layout == CellLayout.Pipes)
        {
            for (int s = start; ; )
            {
                int i = NextOrEnd(f, s, end, '|');
                SplitLines(f, s, i, pieces, keepEmpty: i < end);
                if (i == end) break;
                s = i + 1;
            }
        }
        else if (layout == CellLayout.BlankLines)
        {
            // A blank line follows every cell; an empty cell is one more empty line and its own blank line after it:
            // a run of k empty lines holds (k − 1) / 2 empty cells.
            int s = start, run = 0;
            for (int i = start; i <= end; i++)
            {
                i = LineEnd(f, i, end, out bool empty);
                if (s == start) pieces.Add((s, i));
                else if (empty && i < end) run++;
                else if (!empty)
                {
                    for (int b = 0; b < (run - 1) / 2; b++) pieces.Add((s, s));
                    pieces.Add((s, i));
                    run = 0;
                }
                s = i + 1;
            }
            for (int b = 0; b < (run - 1) / 2; b++) pieces.Add((end, end));
        }
        else
        {
            int s = start;
            for (int i = start; i <= end; i++)
            {
                // One cell a line: an empty line inside the region is an empty cell.
                i = LineEnd(f, i, end, out bool empty);
                if (!empty || s == start || layout == CellLayout.Lines && i < end) pieces.Add((s, i));
                s = i + 1;
            }
        }
        // The first piece is the rest of the label's own cell unless it holds digits (a glued run, "条 739 4359").
        // A page number between two pages of the table ("— 5 —", "-5-", "第5页") is no cell.
        // A form feed's own line is the page break itself, no empty cell.
        int kept = 0;
        for (int k = 0; k < pieces.Count; k++)
            if (!IsPageNumber(f, pieces[k].S, pieces[k].E) && !IsFormFeedLine(f, pieces[k].S, pieces[k].E)) pieces[kept++] = pieces[k];
        pieces.RemoveRange(kept, pieces.Count - kept);
        // Values that start a line of their own (table 四's row under its headings) have no label cell before them.
        bool startsLine = start > 0 && f[start - 1] == '\n' && layout == CellLayout.Pipes;
        // Space-aligned text: the rest of a label wrapped onto the next line leaves words before the values (、行政机关    1    0 …).
        if (layout is CellLayout.Runs or CellLayout.Lines && pieces.Count > 0 && StartsWithWords(f, pieces[0].S, pieces[0].E) && HasDigit(f, pieces[0].S, pieces[0].E))
        {
            int words = WordsEnd(f, pieces[0].S, pieces[0].E);
            // A unit before the values (元 1863) is the row's own, not words of its label.
            if (words < pieces[0].E && !HasDigit(f, pieces[0].S, words) && f.AsSpan(pieces[0].S, words - pieces[0].S).Trim().Length >= 3) pieces[0] = (words, pieces[0].E);
        }
        if (pieces.Count > 0 && !startsLine && !HasDigit(f, pieces[0].S, pieces[0].E)) pieces.RemoveAt(0);
        // A Markdown row opens with a border: "| 6 | 6 |" holds no empty cell before its first pipe.
        else if (startsLine && pieces.Count > 0 && IsBlank(f, pieces[0].S, pieces[0].E) && MarkdownTable(f, start)) pieces.RemoveAt(0);
        bool delimited = layout != CellLayout.Runs || pieces.Count > 1;
        // The tokens are gathered in scratch and kept in a list of their own size (a region has many more pieces
        // than values when prose follows them).
        var tokens = ScratchTokens ??= new List<CellToken>(64);
        tokens.Clear();
        foreach (var (s, e) in pieces)
        {
            // Values end at the first words that are not a value: what follows is not read.
            if (stopAtText && tokens.Count > 0 && tokens[^1].Kind == CellKind.Text) break;
            if (IsBlank(f, s, e)) { tokens.Add(CellToken.Empty(s)); continue; }
            int first = tokens.Count;
            CellGrammar.Read(f, s, e, delimited, tokens);
            if (!delimited) continue;
            // A delimited cell that holds a number and then words: the words are the cell's note ("13 准予撤诉").
            // The piece's tokens are joined so in place, each written at or before where it was read.
            int joined = first + 1;
            for (int k = first + 1; k < tokens.Count; k++)
            {
                var t = tokens[k];
                if (t.Kind == CellKind.Text && tokens[k - 1].Kind == CellKind.Number && t.Length <= 12)
                {
                    tokens[joined - 1] = tokens[joined - 1] with { JoinedStart = t.Start, End = t.End };
                    continue;
                }
                tokens[joined++] = t;
            }
            if (first < tokens.Count) tokens.RemoveRange(joined, tokens.Count - joined);
        }
        return new List<CellToken>(tokens);
    }

    /// <summary>
    /// Whether <see cref="ReadCells"/> reads the region alike one cell a line with and without blank lines between
    /// cells: the two differ only in the empty lines inside the region (cells or separators) and in the words of a
    /// wrapped label before the values (looked for one cell a line only: words, then a gap before a value). Without
    /// either, the cells are the same.
    /// </summary>
    public static bool SameInLineLayouts(LayoutText text, int start, int end)
    {
        var f = text.Folded;
        for (int s = start, i; s <= end; s = i + 1)
        {
            i = LineEnd(f, s, end, out bool empty);
            if (empty ? s != start && i < end : StartsWithWords(f, s, i) && HasDigit(f, s, i) && WordsEnd(f, s, i) < i) return false;
        }
        return true;
    }

    [ThreadStatic] static List<(int S, int E)>? ScratchPieces;
    [ThreadStatic] static List<CellToken>? ScratchTokens;

    /// <summary>Where the next <paramref name="c"/> stands at or after <paramref name="from"/>, or <paramref name="end"/> if none stands before it.</summary>
    static int NextOrEnd(string f, int from, int end, char c)
    {
        int at = f.AsSpan(from, end - from).IndexOf(c);
        return at < 0 ? end : from + at;
    }

    /// <summary>
    /// Where the line from <paramref name="from"/> ends (its line break, or <paramref name="end"/>), and whether it is
    /// blank: one scan, since a table of one cell a line has hundreds of lines of a few characters each.
    /// </summary>
    static int LineEnd(string f, int from, int end, out bool blank)
    {
        blank = true;
        int i = from;
        for (; i < end; i++)
        {
            char c = f[i];
            if (c == '\n') break;
            if (blank && !IsGap(c)) blank = false;
        }
        return i;
    }

    /// <summary>A pipe cell spanning a line break holds one cell, unless it has content on several lines.</summary>
    static void SplitLines(string f, int s, int e, List<(int, int)> pieces, bool keepEmpty)
    {
        int first = -1, firstEnd = -1, contentLines = 0, ls = s;
        for (int i = s; i <= e; i++)
        {
            i = LineEnd(f, i, e, out bool blank);
            if (!blank)
            {
                if (contentLines++ == 0) { first = ls; firstEnd = i; }
                else
                {
                    if (contentLines == 2) pieces.Add((first, firstEnd));
                    pieces.Add((ls, i));
                }
            }
            ls = i + 1;
        }
        if (contentLines == 1) pieces.Add((first, firstEnd));
        else if (contentLines == 0 && keepEmpty) pieces.Add((s, s));
    }

    /// <summary>
    /// "— 5 —", "-5-", "第5页": one or two dashes, the number, one or two dashes (or 第…页), nothing else, on a line of
    /// its own set apart by an empty line, as a page's foot is. "行政强制 — 14 —" on one line, or under its label with
    /// no empty line, is a blank, 14 and a blank.
    /// </summary>
    static bool IsPageNumber(string f, int s, int e)
    {
        // Only a piece that opens with a dash or 第 can be a page number: the rest is looked at only then.
        int first = s;
        while (first < e && f[first] is ' ' or '\f') first++;
        if (first == e || !(Dash(f[first]) || f[first] == '第')) return false;
        var t = f.AsSpan(first, e - first).TrimEnd(" \f");
        if (t.Length < 3) return false;
        int ls = s, le = e;
        while (ls > 0 && f[ls - 1] is ' ' or '\f') ls--;
        while (le < f.Length && f[le] is ' ' or '\f') le++;
        if (ls > 0 && f[ls - 1] != '\n' || le < f.Length && f[le] != '\n') return false;
        bool emptyBefore = ls >= 2 && IsBlank(f, f.LastIndexOf('\n', ls - 2) + 1, ls - 1);
        bool emptyAfter = le + 1 < f.Length && IsBlank(f, le + 1, NextLineEnd(f, le + 1));
        if (!emptyBefore && !emptyAfter) return false;
        if (t[0] == '第' && t[^1] == '页') return IsPageOfPages(t);
        int a = 0, b = t.Length;
        while (a < 2 && a < b && Dash(t[a])) a++;
        while (b > a && t.Length - b < 2 && Dash(t[b - 1])) b--;
        // Dashes on both sides: a lone number is a value, a number framed by dashes is a page.
        return a > 0 && b < t.Length && IsShortNumber(t[a..b].Trim(' '));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] static bool Dash(char c) => c is '—' or '-' or '–' or '－' or '―';

    static bool IsFormFeedLine(string f, int s, int e) => IsBlank(f, s, e) && f.AsSpan(s, e - s).Contains('\f');

    static int NextLineEnd(string f, int from)
    {
        int nl = f.IndexOf('\n', from);
        return nl < 0 ? f.Length : nl;
    }

    /// <summary>Whether the table around here is a Markdown (GFM) table: a delimiter row "| --- | --- |" above.</summary>
    static bool MarkdownTable(string f, int at)
    {
        int from = Math.Max(0, at - 6000);
        int d = f.LastIndexOf("| --- |", at, at - from, StringComparison.Ordinal);
        if (d < 0) d = f.LastIndexOf("|---|", at, at - from, StringComparison.Ordinal);
        return d >= 0;
    }

    /// <summary>第3页, 第 3 页 共 8 页, 第3页/共8页, 第3页，共8页.</summary>
    static bool IsPageOfPages(ReadOnlySpan<char> t)
    {
        int of = t.IndexOf('共');
        var page = (of < 0 ? t : t[..of]).TrimEnd(" /,，、");
        if (page.Length < 3 || page[0] != '第' || page[^1] != '页' || !IsShortNumber(page[1..^1].Trim(' '))) return false;
        if (of < 0) return true;
        var pages = t[of..];
        return pages.Length >= 3 && pages[^1] == '页' && IsShortNumber(pages[1..^1].Trim(' '));
    }

    static bool IsShortNumber(ReadOnlySpan<char> t)
    {
        if (t.Length == 0 || t.Length > 4) return false;
        foreach (var ch in t) if (!char.IsAsciiDigit(ch)) return false;
        return true;
    }

    // IsGap and Dash are inlined by request: the precompiled (ReadyToRun) build called these one-line tests out of
    // line, through a stub, from every loop over a region's characters (1% of `parse DIR` between them).
    /// <summary>Space, line break or form feed: layout between cells, never a cell's content.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] static bool IsGap(char c) => c is ' ' or '\n' or '\f';

    static bool IsBlank(string f, int s, int e)
    {
        for (int i = s; i < e; i++) if (!IsGap(f[i])) return false;
        return true;
    }

    /// <summary>Whether the piece opens with a label's words (a Chinese character or its punctuation), not a value or a sign.</summary>
    static bool StartsWithWords(string f, int s, int e)
    {
        while (s < e && f[s] == ' ') s++;
        return s < e && (f[s] >= 0x4E00 && f[s] <= 0x9FFF && f[s] is not ('减' or '增' or '无') || f[s] is '、' or '，' or ',');
    }

    static bool HasDigit(string f, int s, int e)
    {
        for (int i = s; i < e; i++) if (char.IsAsciiDigit(f[i])) return true;
        return false;
    }
}
