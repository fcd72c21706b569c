using Ogi.Templates;

namespace Ogi.Segment;

/// <summary>
/// A tall table of one or two value columns (the 2008 统计表: 统计指标 | 单位 | 统计数) printed as two halves side by
/// side to fit a page: each line holds a row of the left half, then a row of the right half (统计指标 | 单位 | 统计数 |
/// 统计指标 | 单位 | 统计数). Such a table is found by its first heading printed twice on one line; each line of it is
/// split where its right half starts — by the number of cells the heading gives each half when the line has them
/// all, else at its second label (the cells that are not values, units or empty) or, for a lone label, by where it
/// stands against the heading's second half — and the text is put back in reading order: the left halves, then the
/// right halves. A map takes every offset of the new text back to the original, so provenance points where the
/// report prints the value.
/// </summary>
public static class SideBySideHalves
{
    /// <summary>The first heading of every form whose table has one or two value columns beside a unit (data: the legacy forms).</summary>
    static readonly string[] FirstHeadings = TemplateCatalog.All.SelectMany(t => t.Tables)
        .Where(t => t.Definition.Columns.Length is 1 or 2 && t.Definition.Headers.Length > 0)
        .Select(t => LayoutText.FoldLabel(t.Definition.Headers[0])).Where(h => h.Length >= 3).Distinct().ToArray();

    /// <summary>The units those forms print beside a value.</summary>
    static readonly HashSet<string> Units = TemplateCatalog.All.SelectMany(t => t.Tables)
        .Where(t => t.Definition.Columns.Length is 1 or 2)
        .SelectMany(t => t.Definition.Rows).Select(r => r.Unit).OfType<string>().ToHashSet(StringComparer.Ordinal);

    enum Kind { Empty, Value, Unit, Label }

    readonly record struct Cell(int Start, int End, int Border, Kind Kind);

    /// <summary>
    /// The text with the halves in reading order and the map from its offsets to <paramref name="source"/>'s (one more
    /// entry than characters); null when no table is printed so. <paramref name="folded"/> is the folded source.
    /// The cheap test first: a form's first heading twice on one line.
    /// </summary>
    public static string? Unfold(string source, string folded, out int[]? map)
    {
        map = null;
        foreach (var heading in FirstHeadings)
            for (int from = 0, at; from < folded.Length && (at = folded.IndexOf(heading, from, StringComparison.Ordinal)) >= 0;)
            {
                int lineEnd = folded.IndexOf('\n', at);
                if (lineEnd < 0) lineEnd = folded.Length;
                int second = folded.IndexOf(heading, at + heading.Length, lineEnd - at - heading.Length, StringComparison.Ordinal);
                if (second >= 0 && Unfold(source, folded, LineStart(folded, at), second, out map, heading) is { } text) return text;
                // A line holding it once goes on after it; one holding it twice that is no table, from the next line's
                // start (which may open with the table's own heading).
                from = second < 0 ? at + heading.Length : lineEnd + 1;
            }
        return null;
    }

    static int LineStart(string f, int at) => at == 0 ? 0 : f.LastIndexOf('\n', at - 1) + 1;

    static string? Unfold(string source, string f, int headingLine, int secondHeading, out int[]? map, string heading)
    {
        map = null;
        int headingEnd = LineEnd(f, headingLine);
        var headingCells = Cells(f, headingLine, headingEnd);
        int width = headingCells.FindIndex(c => c.Start >= secondHeading);
        bool pipes = f.AsSpan(headingLine, headingEnd - headingLine).Contains('|');
        if (width < 2) return null;
        int rightColumn = Display(f, headingLine, secondHeading);

        // The table's lines: from its heading to the last line that is a row (prose and headings between rows stay).
        var lines = new List<(int Start, int End, int Split)>();
        int lastRow = 0, gap = 0, split = 0;
        for (int s = headingLine; s < f.Length && gap <= 2;)
        {
            int e = LineEnd(f, s);
            var cells = Cells(f, s, e);
            // The headings twice (the table's first line, and again after a page break): the second half starts at the second.
            int again = HeadingTwice(f, s, e, heading);
            bool row = true, two = true;
            int k = again >= 0 ? (pipes ? Math.Max(s, f.LastIndexOf('|', again, again - s + 1) + 1) : again)
                : SplitAt(f, s, cells, width, pipes, rightColumn, out row, out two);
            lines.Add((s, e, k < 0 ? -1 : k));
            if (row) { lastRow = lines.Count; gap = 0; } else gap++;
            if (two) split++;
            s = e + 1;
        }
        if (split < 3) return null;
        lines.RemoveRange(lastRow, lines.Count - lastRow);

        var text = new System.Text.StringBuilder(source.Length + lines.Count);
        var offsets = new List<int>(source.Length + lines.Count + 1);
        void Copy(int from, int to)
        {
            text.Append(source, from, to - from);
            for (int i = from; i < to; i++) offsets.Add(i);
        }
        void Break(int at) { text.Append('\n'); offsets.Add(at); }
        Copy(0, headingLine);
        var rights = new List<(int Start, int End)>();
        foreach (var (s, e, k) in lines)
        {
            int cut = k < 0 ? e : k;
            if (HasContent(f, s, cut)) { Copy(s, TrimEnd(f, s, cut)); Break(cut); }
            if (k >= 0 && HasContent(f, k, e)) rights.Add((k, e));
        }
        foreach (var (s, e) in rights) { Copy(s, e); Break(e); }
        int end = lines[^1].End;
        // The table's last line break is the one just written.
        if (end < f.Length) end++;
        Copy(end, source.Length);
        offsets.Add(source.Length);
        map = offsets.ToArray();
        return text.ToString();
    }

    /// <summary>Where the heading stands a second time on the line, or -1.</summary>
    static int HeadingTwice(string f, int s, int e, string heading)
    {
        int first = f.IndexOf(heading, s, e - s, StringComparison.Ordinal);
        if (first < 0) return -1;
        int from = first + heading.Length;
        return f.IndexOf(heading, from, e - from, StringComparison.Ordinal);
    }

    /// <summary>
    /// Where the line's right half starts (a source offset), or -1 when it holds the left half only; whether the
    /// line is a row of the table, and whether it holds two rows side by side.
    /// </summary>
    static int SplitAt(string f, int lineStart, List<Cell> cells, int width, bool pipes, int rightColumn, out bool row, out bool two)
    {
        two = false;
        int labels = 0, values = 0, firstLabel = -1, secondLabel = -1;
        for (int c = 0; c < cells.Count; c++)
        {
            var kind = cells[c].Kind;
            if (kind == Kind.Label) { if (labels++ == 0) firstLabel = c; else if (secondLabel < 0) secondLabel = c; }
            else if (kind != Kind.Empty || pipes) values++;
        }
        // A row has values, units or (in a grid with borders) empty cells beside its label; two headings of the
        // form's groups side by side (三、依申请公开情况 | 八、机构建设和保障经费情况) are rows too, other words are not.
        row = labels > 0 && values > 0 || labels == 2 && Numbered(f, cells[firstLabel].Start) && Numbered(f, cells[secondLabel].Start);
        if (labels == 0) return -1;
        int k;
        // Every cell printed, empty ones too (a grid flattened with its borders): the heading's count splits it.
        int printed = cells.Count;
        if (pipes && printed == 2 * width && cells[width].Kind is Kind.Label or Kind.Empty) k = width;
        else if (secondLabel > 0) k = secondLabel;
        else if (pipes ? firstLabel >= width : Display(f, lineStart, cells[firstLabel].Start) >= rightColumn - 2) k = firstLabel;
        else return -1;
        two = k > 0 && cells.Take(k).Any(c => c.Kind == Kind.Label) && cells.Skip(k).Any(c => c.Kind == Kind.Label);
        // In a grid with borders the right half starts after the border that closes the left half's last cell.
        if (k == 0) return lineStart;
        return pipes ? cells[k - 1].Border + 1 : cells[k].Start;
    }

    /// <summary>Whether a label starts with a numbering (一、 （二） 3、) as the form's rows and groups do.</summary>
    static bool Numbered(string f, int at) => at < f.Length && (f[at] is '(' or '（' || char.IsAsciiDigit(f[at]) || "一二三四五六七八九十".Contains(f[at]));

    /// <summary>The cells of a line: apart by cell borders when it has any, else by spaces.</summary>
    static List<Cell> Cells(string f, int start, int end)
    {
        var cells = new List<Cell>();
        bool pipes = f.AsSpan(start, end - start).Contains('|');
        int i = start;
        while (i < end)
        {
            if (pipes)
            {
                int bar = f.IndexOf('|', i, end - i);
                int cellEnd = bar < 0 ? end : bar;
                int a = i, b = cellEnd;
                while (a < b && f[a] == ' ') a++;
                while (b > a && f[b - 1] == ' ') b--;
                if (bar >= 0 || a < b) cells.Add(new Cell(a, b, bar < 0 ? end : bar, KindOf(f, a, b)));
                if (bar < 0) break;
                i = bar + 1;
            }
            else
            {
                while (i < end && f[i] == ' ') i++;
                if (i >= end) break;
                int a = i;
                while (i < end && f[i] != ' ') i++;
                cells.Add(new Cell(a, i, i, KindOf(f, a, i)));
            }
        }
        return cells;
    }

    static Kind KindOf(string f, int a, int b)
    {
        if (a == b) return Kind.Empty;
        var s = f.AsSpan(a, b - a);
        if (s is "—" or "/" or "-" or "－" or "——") return Kind.Value;
        // A number (增5, -3, 1,234.5, 700余), never a label's numbering (4、不同意公开答复数).
        int d = s[0] is '+' or '-' or '增' or '减' ? 1 : 0, e = s.Length;
        if (e > d + 1 && s[e - 1] == '余') e--;
        bool number = d < e && char.IsAsciiDigit(s[d]);
        for (int i = d; i < e && number; i++) number = char.IsAsciiDigit(s[i]) || s[i] is '.' or ',';
        if (number) return Kind.Value;
        return Units.Contains(s.ToString()) ? Kind.Unit : Kind.Label;
    }

    static int LineEnd(string f, int s)
    {
        int e = f.IndexOf('\n', s);
        return e < 0 ? f.Length : e;
    }

    /// <summary>Display columns from the line's start (a CJK character takes two).</summary>
    static int Display(string f, int lineStart, int at)
    {
        int w = 0;
        for (int i = lineStart; i < at; i++) w += f[i] >= 0x1100 ? 2 : 1;
        return w;
    }

    static bool HasContent(string f, int from, int to)
    {
        for (int i = from; i < to; i++) if (f[i] is not (' ' or '|' or '\n')) return true;
        return false;
    }

    static int TrimEnd(string f, int from, int to)
    {
        while (to > from && f[to - 1] == ' ') to--;
        return to;
    }
}
