using Ogi.Cells;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>
/// Table 四 printed transposed: its parts (行政复议, 行政诉讼（未经复议直接起诉）, …) as columns and the columns inside
/// each part (结果维持 … 总计) as rows, one line each with a value per part. The lines after the headings are read by
/// their heading; the values go back to the row's order (part by part). Read only when every line is found with
/// exactly one value per part.
/// </summary>
public static class TransposedRowReader
{
    public static List<CellToken>? Read(LayoutText text, RowMatch row, int start, int end, CellLayout layout)
    {
        var def = row.Row.Definition;
        if (def.Parts is not { Length: >= 2 } parts || def.PartColumns is not { Length: >= 2 } inner || row.Row.Columns.Length != parts.Length * inner.Length) return null;
        var headings = inner.Select(LayoutText.FoldLabel).ToArray();
        var f = text.Folded;
        var tokens = new CellToken[row.Row.Columns.Length];
        var seen = new bool[inner.Length];
        for (int s = start; s < end;)
        {
            int nl = f.IndexOf('\n', s, end - s);
            int e = nl < 0 ? end : nl;
            var cells = RegionReader.ReadCells(text, s, e, layout == CellLayout.Pipes ? CellLayout.Pipes : CellLayout.Runs, stopAtText: false);
            s = e + 1;
            if (cells.Count == 0) continue;
            var first = cells.FindIndex(t => t.Kind != CellKind.Blank);
            if (first < 0 || cells[first].Kind != CellKind.Text) continue;
            int k = Array.IndexOf(headings, LayoutText.FoldLabel(cells[first].RawIn(text.Source)));
            if (k < 0) { if (seen.Any(x => x)) break; continue; }
            var values = cells.Skip(first + 1).Where(t => t.Kind is CellKind.Number or CellKind.Blank).ToList();
            if (seen[k] || values.Count != parts.Length || cells.Skip(first + 1).Any(t => t.Kind == CellKind.Text)) return null;
            seen[k] = true;
            for (int g = 0; g < parts.Length; g++) tokens[g * inner.Length + k] = values[g];
        }
        return seen.All(x => x) ? tokens.ToList() : null;
    }
}
