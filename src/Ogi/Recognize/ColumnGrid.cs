using Ogi.Cells;
using Ogi.Segment;

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

    public sealed class Row
    {
        public required int Columns { get; init; }
        public required List<CellToken> Tokens { get; set; }
        /// <summary>Set when the row's values were placed in columns by their positions.</summary>
        public bool Placed { get; set; }
    }

    public static void PlaceShortRows(LayoutText text, IReadOnlyList<Row> rows)
    {
        foreach (var group in rows.GroupBy(r => r.Columns))
        {
            var members = group.ToList();
            // Columns need several rows, each on lines of its own: rows run together on one line are no grid.
            if (!members.Any(r => IsShort(r)) || members.Count(r => r.Tokens.Count > 0) < 3 || !OwnLines(text, members)) continue;
            var bands = BestBands(text, members, group.Key);
            if (bands is null) continue;
            foreach (var row in members)
                if (IsShort(row)) Place(text, row, bands.Value.Measure, bands.Value.Bands);
        }
    }

    static bool OwnLines(LayoutText text, List<Row> rows)
    {
        var seen = new HashSet<int>();
        foreach (var r in rows)
        {
            var lines = new HashSet<int>();
            foreach (var t in r.Tokens) lines.Add(t.Start == 0 ? 0 : text.Source.LastIndexOf('\n', t.Start - 1) + 1);
            foreach (var l in lines) if (!seen.Add(l)) return false;
        }
        return true;
    }

    static bool IsShort(Row r) => r.Tokens.Count > 0 && r.Tokens.Count < r.Columns && r.Tokens.All(t => t.Kind == CellKind.Number || t.Kind == CellKind.Blank && t.Raw.Length > 0);

    enum Measure { CharStart, CharEnd, WidthStart, WidthEnd }

    static (Measure Measure, (int Low, int High)[] Bands)? BestBands(LayoutText text, List<Row> rows, int columns)
    {
        (Measure, (int, int)[])? best = null;
        int bestSpread = int.MaxValue;
        foreach (var measure in Enum.GetValues<Measure>())
        {
            var positions = new List<(int Pos, int Row)>();
            for (int r = 0; r < rows.Count; r++)
                foreach (var t in rows[r].Tokens)
                {
                    if (t.Raw.Length == 0) return null;
                    positions.Add((Position(text, t, measure), r));
                }
            positions.Sort((a, b) => a.Pos.CompareTo(b.Pos));
            var bands = new List<(int Low, int High)>();
            foreach (var (pos, _) in positions)
            {
                if (bands.Count > 0 && pos - bands[^1].High <= Jitter) bands[^1] = (bands[^1].Low, pos);
                else bands.Add((pos, pos));
            }
            if (bands.Count != columns) continue;
            int spread = bands.Sum(b => b.High - b.Low);
            if (bands.Any(b => b.High - b.Low > Jitter)) continue;
            // Every row's values in distinct bands, left to right: otherwise these are no columns.
            bool ordered = true;
            var arr = bands.ToArray();
            for (int r = 0; r < rows.Count && ordered; r++)
            {
                int last = -1;
                foreach (var t in rows[r].Tokens)
                {
                    int b = BandOf(arr, Position(text, t, measure));
                    if (b <= last) { ordered = false; break; }
                    last = b;
                }
            }
            // A band is a column when two rows agree on it, not one value's place.
            bool anchored = arr.All(b => positions.Count(p => p.Pos >= b.Low && p.Pos <= b.High) >= 2);
            if (!ordered || !anchored) continue;
            if (spread < bestSpread) { bestSpread = spread; best = (measure, arr); }
        }
        return best;
    }

    static int BandOf((int Low, int High)[] bands, int pos)
    {
        for (int b = 0; b < bands.Length; b++)
            if (pos >= bands[b].Low - Jitter && pos <= bands[b].High + Jitter) return b;
        return -1;
    }

    static void Place(LayoutText text, Row row, Measure measure, (int Low, int High)[] bands)
    {
        var placed = new CellToken?[row.Columns];
        foreach (var t in row.Tokens)
        {
            int b = BandOf(bands, Position(text, t, measure));
            if (b < 0 || placed[b] is not null) return;
            placed[b] = t;
        }
        var list = new List<CellToken>(row.Columns);
        int at = row.Tokens[0].Start;
        for (int c = 0; c < placed.Length; c++)
        {
            if (placed[c] is CellToken t) { list.Add(t); at = t.End; }
            else list.Add(new CellToken(CellKind.Blank, "", at, at));
        }
        row.Tokens = list;
        row.Placed = true;
    }

    static int Position(LayoutText text, CellToken t, Measure measure)
    {
        var s = text.Source;
        int lineStart = t.Start == 0 ? 0 : s.LastIndexOf('\n', t.Start - 1) + 1;
        return measure switch
        {
            Measure.CharStart => t.Start - lineStart,
            Measure.CharEnd => t.End - lineStart,
            Measure.WidthStart => Width(s, lineStart, t.Start),
            _ => Width(s, lineStart, t.End),
        };
    }

    static int Width(string s, int from, int to)
    {
        int w = 0;
        for (int i = from; i < to; i++) w += s[i] >= 0x2E80 && !(s[i] >= 0xFF61 && s[i] <= 0xFFDC) ? 2 : 1;
        return w;
    }
}
