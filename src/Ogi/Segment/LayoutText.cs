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

    /// <summary>Whether folding blanked a pinyin gloss (拖市镇(zhèn)): metadata then reads the text without them.</summary>
    public bool HasGlosses { get; }

    public LayoutText(string source)
    {
        Source = source;
        // One pass folds each character and writes it with its offset as a compact character (the write is
        // unconditional, the count advances only for kept ones); the results are then copied out at their length.
        var scratch = t_scratch ??= new Scratch();
        scratch.Chars(source.Length);
        scratch.Offsets(source.Length + 1);
        Folded = string.Create(source.Length, (source, scratch), static (span, state) =>
        {
            var (src, scratch) = state;
            var map = TextNormalizer.FoldMap;
            var chars = scratch.CharBuffer;
            var offsets = scratch.OffsetBuffer;
            var dropped = Dropped;
            int n = 0;
            for (int i = 0; i < src.Length; i++)
            {
                char c = map[src[i]];
                span[i] = c;
                chars[n] = c;
                offsets[n] = i;
                // A table look-up, not comparisons: ASCII and Han alternate too often for branches to be predicted.
                n += dropped[c] ? 0 : 1;
            }
            // The folds that look at neighbours (答覆, pinyin glosses) are rare: where one changed the text, its compact
            // form is written again.
            if (TextNormalizer.FoldInContext(span, out scratch.Glosses))
            {
                n = 0;
                for (int i = 0; i < span.Length; i++)
                {
                    char c = span[i];
                    chars[n] = c;
                    offsets[n] = i;
                    n += dropped[c] ? 0 : 1;
                }
            }
            offsets[n] = src.Length;
            scratch.Count = n;
        });
        HasGlosses = scratch.Glosses;
        int n = scratch.Count;
        Compact = new string(scratch.CharBuffer, 0, n);
        CompactToSource = scratch.OffsetBuffer.AsSpan(0, n + 1).ToArray();
    }

    /// <summary>The buffers of one thread's last text, reused by its next.</summary>
    sealed class Scratch
    {
        public char[] CharBuffer = new char[4096];
        public int[] OffsetBuffer = new int[4096];
        /// <summary>The last text's compact length, and whether folding blanked a gloss in it.</summary>
        public int Count;
        public bool Glosses;

        public void Chars(int n) { if (CharBuffer.Length < n) CharBuffer = new char[Math.Max(n, CharBuffer.Length * 2)]; }

        public void Offsets(int n) { if (OffsetBuffer.Length < n) OffsetBuffer = new int[Math.Max(n, OffsetBuffer.Length * 2)]; }
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
