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
        var folded = Folded = TextNormalizer.Fold(source);
        // One pass writes every kept character and its offset (the write is unconditional, the count advances only
        // for kept ones); the results are then copied out at their length.
        var scratch = t_scratch ??= new Scratch();
        var chars = scratch.Chars(folded.Length);
        var offsets = scratch.Offsets(folded.Length + 1);
        var dropped = Dropped;
        int n = 0;
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            chars[n] = c;
            offsets[n] = i;
            // A table look-up, not comparisons: ASCII and Han alternate too often for branches to be predicted.
            n += dropped[c] ? 0 : 1;
        }
        offsets[n] = folded.Length;
        Compact = new string(chars, 0, n);
        CompactToSource = offsets.AsSpan(0, n + 1).ToArray();
    }

    /// <summary>The buffers of one thread's last text, reused by its next.</summary>
    sealed class Scratch
    {
        char[] _chars = new char[4096];
        int[] _offsets = new int[4096];

        public char[] Chars(int n) => _chars.Length >= n ? _chars : _chars = new char[Math.Max(n, _chars.Length * 2)];

        public int[] Offsets(int n) => _offsets.Length >= n ? _offsets : _offsets = new int[Math.Max(n, _offsets.Length * 2)];
    }

    [ThreadStatic] static Scratch? t_scratch;

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
