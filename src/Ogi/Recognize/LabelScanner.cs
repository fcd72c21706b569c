using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>A place where a row label of a template table stands in the compact text.</summary>
public readonly record struct LabelHit(int Row, int Start, int End, int Weight);

/// <summary>
/// Finds every row label of every template in one pass over the compact text: labels are indexed by their first
/// two characters, so each position costs a table look-up instead of one scan of the text per label.
/// </summary>
public static class LabelScanner
{
    sealed record Entry(CompiledTable Table, int Row, string Label);

    static readonly Dictionary<uint, List<Entry>> ByBigram = Build(out FirstChars);
    static readonly bool[] FirstChars;

    static Dictionary<uint, List<Entry>> Build(out bool[] first)
    {
        first = new bool[65536];
        var map = new Dictionary<uint, List<Entry>>();
        foreach (var template in TemplateCatalog.All)
            foreach (var table in template.Tables)
                foreach (var row in table.Rows)
                {
                    if (row.Definition.Short) continue;
                    foreach (var label in row.FoldedLabels)
                    {
                        if (label.Length < 2) continue;
                        uint key = (uint)label[0] << 16 | label[1];
                        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
                        list.Add(new Entry(table, row.Index, label));
                        first[label[0]] = true;
                    }
                }
        return map;
    }

    public static Dictionary<CompiledTable, List<LabelHit>> Scan(LayoutText text)
    {
        var c = text.Compact;
        var result = new Dictionary<CompiledTable, List<LabelHit>>();
        var first = FirstChars;
        for (int i = 0; i + 1 < c.Length; i++)
        {
            if (!first[c[i]]) continue;
            if (!ByBigram.TryGetValue((uint)c[i] << 16 | c[i + 1], out var entries)) continue;
            foreach (var e in entries)
            {
                if (i + e.Label.Length > c.Length || !c.AsSpan(i, e.Label.Length).SequenceEqual(e.Label)) continue;
                if (!result.TryGetValue(e.Table, out var hits)) result[e.Table] = hits = [];
                hits.Add(new LabelHit(e.Row, i, i + e.Label.Length, e.Label.Length));
            }
        }
        return result;
    }
}
