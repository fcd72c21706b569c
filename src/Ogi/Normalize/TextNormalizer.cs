namespace Ogi.Normalize;

/// <summary>
/// Folds a decoded text into the form labels and numbers are matched in: full-width ASCII to ASCII, the
/// ideographic and no-break spaces to a space, traditional characters to simplified. Every mapping is one
/// UTF-16 unit to one unit, so an offset into the folded text is the same offset into the source text:
/// provenance never needs a second index.
/// </summary>
public static class TextNormalizer
{
    static readonly char[] Map = BuildMap();

    static char[] BuildMap()
    {
        var map = new char[65536];
        for (int c = 0; c < map.Length; c++) map[c] = (char)c;
        for (int c = 0xFF01; c <= 0xFF5E; c++) map[c] = (char)(c - 0xFEE0);
        map[0x3000] = ' '; map[0x00A0] = ' '; map[0x2002] = ' '; map[0x2003] = ' '; map[0x2009] = ' '; map[0x200B] = ' ';
        map[0xFEFF] = ' '; map['\t'] = ' '; map['\r'] = ' ';
        map[0x3002] = '。'; map[0xFF61] = '。';
        map[0x2212] = '-'; map[0x2010] = '-'; map[0x2011] = '-';
        map[0x2027] = '.'; map[0x00B7] = '·';
        map[0x3007] = '〇'; // kept: 〇 is a digit only inside Chinese dates
        foreach (var (from, to) in ChineseConverter.CharacterPairs) if (map[to] == to) map[from] = to;
        return map;
    }

    public static char Fold(char c) => Map[c];

    /// <summary>The one-unit mapping of <see cref="Fold(char)"/> as a table (for loops that fold as they copy).</summary>
    internal static char[] FoldMap => Map;

    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (span, src) =>
        {
            var map = Map;
            for (int i = 0; i < src.Length; i++) span[i] = map[src[i]];
            FoldInContext(span, out _);
        });
    }

    /// <summary>
    /// The folds that look at a character's neighbours, over a text already folded character by character; whether
    /// any character changed, and whether a pinyin gloss was blanked.
    /// </summary>
    internal static bool FoldInContext(Span<char> span, out bool glosses)
    {
        bool changed = false;
        // Traditional phrases whose simplified character is itself a character of its own (答覆 → 答复: 覆 stays 覆
        // in 覆盖): folded in context, still one unit for one.
        // (Both found by vectorized searches: most texts have neither.)
        for (int i = span.IndexOf('覆'); i >= 0; i = Next(span, i, '覆'))
            if (i > 0 && span[i - 1] is '答' or '回' or '批' or '反') { span[i] = '复'; changed = true; }
        glosses = BlankPinyinGlosses(span);
        return changed || glosses;
    }

    /// <summary>
    /// Ruby or pinyin after a character (拖市镇(zhèn), 信息內(nèi)容) is a reading aid, no part of a name or label: the
    /// gloss and its brackets become spaces, which label matching already ignores.
    /// </summary>
    static bool BlankPinyinGlosses(Span<char> span)
    {
        bool any = false;
        for (int i = span.IndexOf('('); i >= 0; i = Next(span, i, '('))
        {
            if (i == 0 || !IsHan(span[i - 1])) continue;
            int k = i + 1;
            bool tone = false;
            while (k < span.Length && k - i <= 24 && (span[k] is >= 'a' and <= 'z' or ' ' || IsToneVowel(span[k]))) { tone |= IsToneVowel(span[k]); k++; }
            if (!tone || k >= span.Length || span[k] != ')') continue;
            span[i..(k + 1)].Fill(' ');
            any = true;
            i = k;
        }
        return any;
    }

    /// <summary>
    /// The folded text without the glosses <see cref="Fold"/> blanked (metadata reads names, not offsets: 拖市镇 must
    /// stay one word). The same string when there were none.
    /// </summary>
    public static string WithoutGlosses(string source, string folded)
    {
        // A blanked gloss starts at a bracket of the source: found by a vectorized search (most texts have no gloss).
        int first = -1;
        for (int i = source.AsSpan().IndexOfAny('(', '（'); i >= 0 && i < folded.Length; )
        {
            if (folded[i] == ' ') { first = i; break; }
            int k = source.AsSpan(i + 1).IndexOfAny('(', '（');
            i = k < 0 ? -1 : i + 1 + k;
        }
        if (first < 0) return folded;
        var sb = new System.Text.StringBuilder(folded.Length);
        sb.Append(folded, 0, first);
        for (int i = first; i < folded.Length; i++)
        {
            // A blanked gloss: its brackets, letters and the spaces between them.
            if (folded[i] == ' ' && source[i] is '(' or '（')
            {
                int k = i + 1;
                while (k < folded.Length && folded[k] == ' ' && source[k] is not (')' or '）')) k++;
                if (k < folded.Length && folded[k] == ' ') { i = k; continue; }
            }
            sb.Append(folded[i]);
        }
        return sb.ToString();
    }

    /// <summary>The next index of c after i, or -1.</summary>
    static int Next(Span<char> span, int i, char c)
    {
        int k = span[(i + 1)..].IndexOf(c);
        return k < 0 ? -1 : i + 1 + k;
    }

    static bool IsHan(char c) => c >= 0x4E00 && c <= 0x9FFF;

    static bool IsToneVowel(char c) => "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ".Contains(c);

}
