namespace Ogi.Render;

/// <summary>One cell as the official format draws it: merged cells carry their spans, value cells their field.</summary>
public sealed record GridCell(string Text, int ColSpan = 1, int RowSpan = 1, bool Heading = false, string? Field = null);

/// <summary>
/// A statistics table as a grid of merged cells, the way the format's Word file and an HTML page hold it: each row
/// lists only the cells that start in it (a cell merged down from above is not repeated).
/// </summary>
public sealed class GridTable(string id, string title, int width)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public int Width { get; } = width;
    public List<List<GridCell>> Rows { get; } = [];
    /// <summary>Relative widths of the grid columns, or null for equal columns.</summary>
    public int[]? Widths { get; set; }
    /// <summary>Rows at the top that are column headings (repeated after a page break).</summary>
    public int HeaderRows { get; set; }

    /// <summary>
    /// Every grid position: the cell covering it and whether the cell starts there. Word needs this (a merged-down
    /// cell is a continuation cell in each later row), Markdown too (it cannot merge at all).
    /// </summary>
    public (GridCell Cell, bool Origin)[,] Positions()
    {
        var grid = new (GridCell, bool)[Rows.Count, Width];
        var filled = new bool[Rows.Count, Width];
        for (int r = 0; r < Rows.Count; r++)
        {
            int c = 0;
            foreach (var cell in Rows[r])
            {
                while (c < Width && filled[r, c]) c++;
                if (c >= Width) throw new InvalidOperationException($"table {Id}: row {r + 1} has more cells than its {Width} columns");
                for (int dr = 0; dr < cell.RowSpan && r + dr < Rows.Count; dr++)
                    for (int dc = 0; dc < cell.ColSpan && c + dc < Width; dc++)
                    {
                        filled[r + dr, c + dc] = true;
                        grid[r + dr, c + dc] = (cell, dr == 0 && dc == 0);
                    }
                c += cell.ColSpan;
            }
        }
        for (int r = 0; r < Rows.Count; r++)
            for (int c = 0; c < Width; c++)
                if (!filled[r, c]) grid[r, c] = (new GridCell(""), true);
        return grid;
    }

    /// <summary>
    /// A table of headings over one row of values, split by its column groups: the groups are the runs of columns
    /// under the same headings above their own (行政复议 | 行政诉讼·未经复议直接起诉 | 行政诉讼·复议后起诉), all of
    /// one width. Null where the table is not so.
    /// </summary>
    public List<(string Heading, int From, int To)>? ColumnGroups()
    {
        var grid = Positions();
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        if (rows < 2 || Enumerable.Range(0, cols).Any(c => grid[rows - 1, c].Cell.Field is null)) return null;
        string Path(int c)
        {
            var cells = new List<GridCell>();
            for (int r = 0; r < rows - 1; r++)
                if (grid[r, c].Cell.Text.Length > 0 && (cells.Count == 0 || !ReferenceEquals(cells[^1], grid[r, c].Cell))) cells.Add(grid[r, c].Cell);
            if (cells.Count < 2) return "";
            var path = cells.Take(cells.Count - 1).Select(x => x.Text).ToList();
            return path.Count == 1 ? path[0] : path[0] + string.Concat(path.Skip(1).Select(p => "（" + p + "）"));
        }
        var groups = new List<(string, int, int)>();
        for (int c = 0; c < cols;)
        {
            var p = Path(c);
            if (p.Length == 0) return null;
            int e = c + 1;
            while (e < cols && Path(e) == p) e++;
            groups.Add((p, c, e));
            c = e;
        }
        return groups.Count >= 2 && groups.All(g => g.Item3 - g.Item2 == groups[0].Item3 - groups[0].Item2) ? groups : null;
    }

    /// <summary>
    /// The table turned on its side where it is column groups over one row of values (table 四): a heading row of the
    /// groups, then a row per column inside a group (结果维持 … 总计) with each group's value. Null where it is not so.
    /// </summary>
    public GridTable? Transposed()
    {
        if (ColumnGroups() is not { } groups) return null;
        var grid = Positions();
        int rows = grid.GetLength(0), per = groups[0].To - groups[0].From;
        var t = new GridTable(Id, Title, groups.Count + 1) { HeaderRows = 1 };
        t.Rows.Add([new GridCell("", Heading: true), .. groups.Select(g => new GridCell(g.Heading, Heading: true))]);
        for (int k = 0; k < per; k++)
            t.Rows.Add([new GridCell(grid[rows - 2, groups[0].From + k].Cell.Text), .. groups.Select(g => grid[rows - 1, g.From + k].Cell)]);
        return t;
    }
    /// <summary>
    /// A tall table of label, unit and one or two values printed as two halves side by side to fit a page (the 2008
    /// 统计表): the headings twice on one row, then each row of the first half beside a row of the second; the first
    /// half takes the odd row. Null where the table is not so (merged cells, or wide).
    /// </summary>
    public GridTable? SideBySide()
    {
        if (Width > 4 || HeaderRows < 1 || Rows.Count - HeaderRows < 8 || Rows.Any(r => r.Count != Width)) return null;
        var t = new GridTable(Id, Title, Width * 2) { HeaderRows = HeaderRows, Widths = Widths is null ? null : [.. Widths, .. Widths] };
        for (int h = 0; h < HeaderRows; h++) t.Rows.Add([.. Rows[h], .. Rows[h]]);
        int body = Rows.Count - HeaderRows, left = (body + 1) / 2;
        for (int k = 0; k < left; k++)
        {
            var row = new List<GridCell>(Rows[HeaderRows + k]);
            if (HeaderRows + left + k < Rows.Count) row.AddRange(Rows[HeaderRows + left + k]);
            else for (int c = 0; c < Width; c++) row.Add(new GridCell(""));
            t.Rows.Add(row);
        }
        return t;
    }
}

