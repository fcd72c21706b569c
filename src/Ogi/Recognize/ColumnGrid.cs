using Ogi.Cells;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>
/// Places the values of short rows in a table laid out with spaces (text from a PDF, a fixed-width export): an empty
/// cell there is only a wider gap, so "821   35            2   1   859" under seven columns has lost two cells the
/// text cannot name. Where the table's values stand in columns — every value of the rows with as many columns lies in
/// one of exactly that many narrow bands, in order — the band a value lies in is its column, and the bands no value
/// of a row lies in are its empty cells. Positions are measured both in characters and in display width (a Chinese
/// character is two columns wide), at the values' starts and at their ends (left- and right-aligned columns); the
/// measure that gives the tightest bands is the table's. Without such bands nothing is placed.
/// </summary>
public static class ColumnGrid
{
    /// <summary>Values of one column may stand this far apart (pdftotext rounds positions).</summary>
    const int Jitter = 2;

    /// <summary>A row of the table with its value tokens (a value kept in the table's list of rows, not an object a row).</summary>
    public struct Row
    {
        public required CompiledRow Template { get; init; }
        public required List<CellToken> Tokens { get; set; }
        /// <summary>Set when the row's values were placed in columns by their positions.</summary>
        public bool Placed { get; set; }
        public readonly int Columns => Template.Columns.Length;
    }

    public static void PlaceShortRows(LayoutText text, Span<Row> rows)
    {
        // Most tables have no short row: nothing to place, and no grouping to do.
        bool anyShort = false;
        for (int r = 0; r < rows.Length && !anyShort; r++) anyShort = IsShort(rows[r]);
        if (!anyShort) return;
        // The rows of each width (number of columns), widths in the order first met, rows in their order.
        var widths = new List<int>();
        for (int r = 0; r < rows.Length; r++) if (!widths.Contains(rows[r].Columns)) widths.Add(rows[r].Columns);
        var members = new List<Row>(rows.Length);
        var indexes = new List<int>(rows.Length);
        foreach (var width in widths)
        {
            members.Clear();
            indexes.Clear();
            for (int r = 0; r < rows.Length; r++) if (rows[r].Columns == width) { members.Add(rows[r]); indexes.Add(r); }
            // Columns need several rows, each on lines of its own: rows run together on one line are no grid. An
            // empty cell the text shows only as an empty line has no place to measure.
            if (!Measurable(members)) continue;
            var lineStarts = new List<int[]>(members.Count);
            foreach (var r in members)
            {
                var starts = new int[r.Tokens.Count];
                for (int k = 0; k < starts.Length; k++) starts[k] = LineStart(text.Source, r.Tokens[k].Start);
                lineStarts.Add(starts);
            }
            if (!OwnLines(lineStarts)) continue;
            var best = BestBands(text.Source, members, lineStarts, width);
            if (best is not { } b) continue;
            for (int r = 0; r < members.Count; r++)
                if (IsShort(members[r])) Place(ref rows[indexes[r]], b.Positions[r], b.Bands);
        }
    }

    /// <summary>A short row among them, at least three rows with values, and no value without a width (an empty line).</summary>
    static bool Measurable(List<Row> members)
    {
        bool anyShort = false;
        int withValues = 0;
        foreach (var r in members)
        {
            anyShort |= IsShort(r);
            if (r.Tokens.Count > 0) withValues++;
            foreach (var t in r.Tokens) if (t.Length == 0) return false;
        }
        return anyShort && withValues >= 3;
    }

    static int LineStart(string s, int at) => at == 0 ? 0 : s.LastIndexOf('\n', at - 1) + 1;

    /// <summary>No line holds values of two rows.</summary>
    static bool OwnLines(List<int[]> lineStarts)
    {
        var seen = new HashSet<int>();
        foreach (var starts in lineStarts)
            for (int k = 0; k < starts.Length; k++)
                if (Array.IndexOf(starts, starts[k], 0, k) < 0 && !seen.Add(starts[k])) return false;
        return true;
    }

    static bool IsShort(Row r)
    {
        if (r.Tokens.Count == 0 || r.Tokens.Count >= r.Columns) return false;
        foreach (var t in r.Tokens)
            if (!(t.Kind == CellKind.Number || t.Kind == CellKind.Blank && t.Length > 0)) return false;
        return true;
    }

    enum Measure { CharStart, CharEnd, WidthStart, WidthEnd }

    static readonly Measure[] Measures = Enum.GetValues<Measure>();

    /// <summary>The measure whose positions fall into exactly <paramref name="columns"/> tight bands, the tightest; with each row's positions in it.</summary>
    static (List<int[]> Positions, (int Low, int High)[] Bands)? BestBands(string source, List<Row> rows, List<int[]> lineStarts, int columns)
    {
        (List<int[]>, (int, int)[])? best = null;
        int bestSpread = int.MaxValue;
        int count = 0;
        foreach (var row in rows) count += row.Tokens.Count;
        var sorted = new int[count];
        var bands = new List<(int Low, int High, int Members)>(columns + 1);
        foreach (var measure in Measures)
        {
            var positions = new List<int[]>(rows.Count);
            int n = 0;
            for (int r = 0; r < rows.Count; r++)
            {
                var tokens = rows[r].Tokens;
                var at = new int[tokens.Count];
                for (int k = 0; k < at.Length; k++) sorted[n++] = at[k] = Position(source, tokens[k], lineStarts[r][k], measure);
                positions.Add(at);
            }
            // By hand (Parsing/NumberSort): Array.Sort's helper for ints is made by reflection, never precompiled.
            Parsing.NumberSort.Sort(sorted.AsSpan());
            // Positions apart by no more than the jitter make one band; more bands than columns, or a band wider
            // than the jitter, and these are no columns.
            bands.Clear();
            bool fits = true;
            foreach (var pos in sorted)
            {
                if (bands.Count > 0 && pos - bands[^1].High <= Jitter) bands[^1] = (bands[^1].Low, pos, bands[^1].Members + 1);
                else bands.Add((pos, pos, 1));
                if (bands.Count > columns || bands[^1].High - bands[^1].Low > Jitter) { fits = false; break; }
            }
            if (!fits || bands.Count != columns) continue;
            int spread = 0;
            // A band is a column when two rows agree on it, not one value's place.
            bool anchored = true;
            var arr = new (int Low, int High)[columns];
            for (int b = 0; b < columns; b++)
            {
                spread += bands[b].High - bands[b].Low;
                anchored &= bands[b].Members >= 2;
                arr[b] = (bands[b].Low, bands[b].High);
            }
            if (!anchored) continue;
            // Every row's values in distinct bands, left to right: otherwise these are no columns.
            bool ordered = true;
            foreach (var row in positions)
            {
                int last = -1;
                foreach (var pos in row)
                {
                    int b = BandOf(arr, pos);
                    if (b <= last) { ordered = false; break; }
                    last = b;
                }
                if (!ordered) break;
            }
            if (!ordered) continue;
            if (spread < bestSpread) { bestSpread = spread; best = (positions, arr); }
        }
        return best;
    }

    static int BandOf((int Low, int High)[] bands, int pos)
    {
        for (int b = 0; b < bands.Length; b++)
            if (pos >= bands[b].Low - Jitter && pos <= bands[b].High + Jitter) return b;
        return -1;
    }

    static void Place(ref Row row, int[] positions, (int Low, int High)[] bands)
    {
        var placed = new CellToken?[row.Columns];
        for (int k = 0; k < row.Tokens.Count; k++)
        {
            int b = BandOf(bands, positions[k]);
            if (b < 0 || placed[b] is not null) return;
            placed[b] = row.Tokens[k];
        }
        var list = new List<CellToken>(row.Columns);
        int at = row.Tokens[0].Start;
        for (int c = 0; c < placed.Length; c++)
        {
            if (placed[c] is CellToken t) { list.Add(t); at = t.End; }
            else list.Add(CellToken.Empty(at));
        }
        row.Tokens = list;
        row.Placed = true;
    }

    static int Position(string s, CellToken t, int lineStart, Measure measure) => measure switch
    {
        Measure.CharStart => t.Start - lineStart,
        Measure.CharEnd => t.End - lineStart,
        Measure.WidthStart => Width(s, lineStart, t.Start),
        _ => Width(s, lineStart, t.End),
    };

    static int Width(string s, int from, int to)
    {
        int w = 0;
        for (int i = from; i < to; i++) w += s[i] >= 0x2E80 && !(s[i] >= 0xFF61 && s[i] <= 0xFFDC) ? 2 : 1;
        return w;
    }
}
