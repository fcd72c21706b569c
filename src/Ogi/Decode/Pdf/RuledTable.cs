namespace Ogi.Decode.Pdf;

/// <summary>One cell of a ruled table: the grid rows and columns it spans (merged cells span several) and its box.</summary>
public sealed class RuledCell(int row, int col, int lastRow, int lastCol, PdfBox box)
{
    public int Row { get; } = row;
    public int Col { get; } = col;
    public int LastRow { get; } = lastRow;
    public int LastCol { get; } = lastCol;
    public PdfBox Box { get; } = box;
    public List<PageGlyph> Glyphs { get; } = [];
    /// <summary>The rest of this cell on the next page (a merged label broken by the page: `（四）无` / `法提供`).</summary>
    public RuledCell? Continuation { get; set; }
    /// <summary>This cell is the rest of one on the previous page and is written there.</summary>
    public bool ContinuesAbove { get; set; }
    public int RowSpan => LastRow - Row + 1;
}

/// <summary>
/// A table rebuilt from the page's ruling lines: the grid of every horizontal rule's y and every vertical rule's x,
/// its fine cells merged wherever no rule separates them (a merged or vertical header, a label over two rows).
/// </summary>
public sealed class RuledTable
{
    /// <summary>Rules closer than this (PDF units) are one line: double borders, a border drawn by each of two cells.</summary>
    const double Tolerance = 2.0;

    public PdfBox Box { get; }
    public List<RuledCell> Cells { get; }
    public int Rows { get; }
    readonly double[] ys, xs;   // ys top to bottom, xs left to right
    /// <summary>The grid's lines: y of each horizontal one top to bottom, x of each vertical one left to right.</summary>
    public IReadOnlyList<double> RowLines => ys;
    public IReadOnlyList<double> ColumnLines => xs;

    RuledTable(PdfBox box, double[] ys, double[] xs, List<RuledCell> cells)
    {
        Box = box; this.ys = ys; this.xs = xs; Cells = cells; Rows = ys.Length - 1;
    }

    /// <summary>The cell a point falls in, or null outside the grid.</summary>
    public RuledCell? CellAt(double x, double y, RuledCell?[,] map)
    {
        int r = -1, c = -1;
        for (int i = 0; i + 1 < ys.Length; i++) if (y <= ys[i] && y > ys[i + 1]) { r = i; break; }
        for (int j = 0; j + 1 < xs.Length; j++) if (x >= xs[j] && x < xs[j + 1]) { c = j; break; }
        return r < 0 || c < 0 ? null : map[r, c];
    }

    /// <summary>The page's tables: rules that cross or touch one another, with at least two of each direction.</summary>
    public static List<RuledTable> Find(List<Rule> rules, List<PageGlyph> glyphs)
    {
        var merged = Merge(rules.Where(r => r.Horizontal), true).Concat(Merge(rules.Where(r => !r.Horizontal), false)).ToList();
        int n = merged.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (merged[i].Horizontal != merged[j].Horizontal && Touch(merged[i], merged[j])) parent[Root(i)] = Root(j);
        var tables = new List<RuledTable>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(Root))
        {
            var rs = group.Select(i => merged[i]).ToList();
            var h = rs.Where(r => r.Horizontal).ToList();
            var v = rs.Where(r => !r.Horizontal).ToList();
            if (h.Count < 2 || v.Count < 2) continue;
            var t = Build(h, v);
            if (t is not null && t.Cells.Count >= 2) tables.Add(t);   // one box round everything is a frame, not a table
        }
        foreach (var t in tables) t.Assign(glyphs);
        return tables;
    }

    static bool Touch(Rule h, Rule v) =>
        v.At >= h.From - Tolerance && v.At <= h.To + Tolerance && h.At >= v.From - Tolerance && h.At <= v.To + Tolerance;

    /// <summary>Collinear pieces of one line (a border drawn cell by cell) become one rule.</summary>
    static List<Rule> Merge(IEnumerable<Rule> rules, bool horizontal)
    {
        var result = new List<Rule>();
        foreach (var line in Cluster(rules.Select(r => r.At)))
        {
            var pieces = rules.Where(r => Math.Abs(r.At - line) <= Tolerance).OrderBy(r => r.From).ToList();
            double from = pieces[0].From, to = pieces[0].To;
            foreach (var p in pieces.Skip(1))
            {
                if (p.From <= to + Tolerance) to = Math.Max(to, p.To);
                else { result.Add(new Rule(horizontal, line, from, to)); from = p.From; to = p.To; }
            }
            result.Add(new Rule(horizontal, line, from, to));
        }
        return result;
    }

    /// <summary>Positions within the tolerance of each other, as one position each (their mean).</summary>
    static List<double> Cluster(IEnumerable<double> values, bool chain = false)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var result = new List<double>();
        int start = 0;
        for (int i = 1; i <= sorted.Count; i++)
        {
            // Measured from the group's first value, not the previous one: strokes of characters in a scan, at every x,
            // must not chain into one line across the page.
            if (i < sorted.Count && (chain ? sorted[i] - sorted[i - 1] <= 2 * Tolerance : sorted[i] - sorted[start] <= Tolerance)) continue;
            result.Add(sorted.Skip(start).Take(i - start).Average());
            start = i;
        }
        return result;
    }

    static RuledTable? Build(List<Rule> h, List<Rule> v)
    {
        // A table's own lines (noise is not connected to them) a little apart are one line: a thick or blurred border.
        var xs = Cluster(v.Select(r => r.At), chain: true).ToArray();
        if (xs.Length < 2) return null;
        // A table broken by a page often loses the border on the break (the previous row drew it): the vertical
        // rules still run to where it was.
        double top = v.Max(r => r.To), bottom = v.Min(r => r.From), highest = h.Max(r => r.At), lowest = h.Min(r => r.At);
        h = [.. h];
        if (top > highest + 3 * Tolerance) h.Add(new Rule(true, top, xs[0], xs[^1]));
        if (bottom < lowest - 3 * Tolerance) h.Add(new Rule(true, bottom, xs[0], xs[^1]));
        var ys = Cluster(h.Select(r => r.At), chain: true).OrderByDescending(y => y).ToArray();
        if (ys.Length < 2) return null;
        // A column rule runs from one row rule to the next at least; shorter strokes that touch a rule are parts
        // of characters (in a scan), not borders.
        bool SpansARow(Rule r)
        {
            for (int i = 0; i + 1 < ys.Length; i++)
                if (r.To >= ys[i] - Tolerance && r.From <= ys[i + 1] + Tolerance) return true;
            return false;
        }
        v = v.Where(SpansARow).ToList();
        if (v.Count < 2) return null;
        xs = Cluster(v.Select(r => r.At), chain: true).ToArray();
        if (xs.Length < 2) return null;
        int rows = ys.Length - 1, cols = xs.Length - 1;
        bool Covered(List<Rule> lines, double at, double mid) =>
            lines.Any(r => Math.Abs(r.At - at) <= 2 * Tolerance && mid >= r.From - Tolerance && mid <= r.To + Tolerance);
        // Fine cells are joined where no rule separates them.
        var parent = Enumerable.Range(0, rows * cols).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                double midY = (ys[r] + ys[r + 1]) / 2, midX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !Covered(v, xs[c + 1], midY)) parent[Root(r * cols + c)] = Root(r * cols + c + 1);
                if (r + 1 < rows && !Covered(h, ys[r + 1], midX)) parent[Root(r * cols + c)] = Root((r + 1) * cols + c);
            }
        var cells = new List<RuledCell>();
        foreach (var g in Enumerable.Range(0, rows * cols).GroupBy(Root))
        {
            int r0 = g.Min(i => i / cols), r1 = g.Max(i => i / cols), c0 = g.Min(i => i % cols), c1 = g.Max(i => i % cols);
            cells.Add(new RuledCell(r0, c0, r1, c1, new PdfBox(xs[c0], ys[r1 + 1], xs[c1 + 1], ys[r0])));
        }
        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Col.CompareTo(b.Col));
        return new RuledTable(new PdfBox(xs[0], ys[^1], xs[^1], ys[0]), ys, xs, cells);
    }

    /// <summary>Each glyph goes to the cell its centre is in; the table keeps the glyphs it took.</summary>
    void Assign(List<PageGlyph> glyphs)
    {
        var map = new RuledCell?[ys.Length - 1, xs.Length - 1];
        foreach (var c in Cells)
            for (int r = c.Row; r <= c.LastRow; r++)
                for (int k = c.Col; k <= c.LastCol; k++) map[r, k] = c;
        foreach (var g in glyphs)
        {
            if (g.Box.CenterX < Box.Left || g.Box.CenterX > Box.Right || g.Box.CenterY < Box.Bottom || g.Box.CenterY > Box.Top) continue;
            var cell = CellAt(g.Box.CenterX, g.Box.CenterY, map);
            if (cell is null || IsBorderTrace(g, cell)) continue;
            cell.Glyphs.Add(g);
        }
    }

    /// <summary>
    /// What OCR makes of what is left of a border in a scan (`|`, `!`, `l`, `[`) standing against the cell's edge;
    /// and `|` anywhere in a cell, which would read as the layout text's own cell separator.
    /// </summary>
    static bool IsBorderTrace(PageGlyph g, RuledCell cell)
    {
        if (g.Text is "|" or "｜") return true;
        if (g.Text.Length != 1 || "!lI[]{}/\\".IndexOf(g.Text[0]) < 0 || g.Confidence >= 1) return false;
        const double near = 3.5;
        return g.Box.Left - cell.Box.Left < near || cell.Box.Right - g.Box.Right < near;
    }

    public bool Contains(PageGlyph g) =>
        g.Box.CenterX >= Box.Left && g.Box.CenterX <= Box.Right && g.Box.CenterY >= Box.Bottom && g.Box.CenterY <= Box.Top;
}
