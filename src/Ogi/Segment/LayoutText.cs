using Ogi.Normalize;

namespace Ogi.Segment;

/// <summary>
/// The decoded text in the three forms the later stages read: <see cref="Source"/> (offsets of the output point
/// here), <see cref="Folded"/> (same length: full-width, traditional and space variants folded) and
/// <see cref="Compact"/> (folded, with whitespace and quotation marks removed) where labels are searched, so that a
/// label broken over lines or spaced out (统 计 指 标) is still one string. <see cref="CompactToSource"/> maps back.
/// </summary>
public sealed class LayoutText
{
    public string Source { get; }
    public string Folded { get; }
    public string Compact { get; }
    public int[] CompactToSource { get; }

    public LayoutText(string source)
    {
        Source = source;
        Folded = TextNormalizer.Fold(source);
        var folded = Folded;
        int n = 0;
        foreach (var c in folded) if (!IsDropped(c)) n++;
        var map = new int[n + 1];
        Compact = string.Create(n, (folded, map), static (span, state) =>
        {
            var (f, m) = state;
            int k = 0;
            for (int i = 0; i < f.Length; i++)
            {
                char c = f[i];
                if (IsDropped(c)) continue;
                span[k] = c;
                m[k] = i;
                k++;
            }
            m[k] = f.Length;
        });
        CompactToSource = map;
    }

    static readonly bool[] Dropped = BuildDropped();

    static bool[] BuildDropped()
    {
        var t = new bool[65536];
        foreach (var c in " \n\r\t\f\v\"“”‘’'《》「」〈〉<>") t[c] = true;
        return t;
    }

    /// <summary>Whitespace and marks that real reports add, drop or vary inside labels.</summary>
    public static bool IsDropped(char c) => Dropped[c];

    public static string FoldLabel(string label)
    {
        var folded = TextNormalizer.Fold(label);
        var sb = new System.Text.StringBuilder(folded.Length);
        foreach (var c in folded) if (!IsDropped(c)) sb.Append(c);
        return sb.ToString();
    }

    public int SourceStart(int compactIndex) => CompactToSource[compactIndex];

    /// <summary>The source offset just after the compact character before <paramref name="compactEnd"/>.</summary>
    public int SourceEnd(int compactEnd) => compactEnd == 0 ? 0 : CompactToSource[compactEnd - 1] + 1;
}
