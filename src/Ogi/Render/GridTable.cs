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
}
