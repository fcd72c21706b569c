using System.Runtime.InteropServices;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>A place where a row label of a template table stands in the compact text.</summary>
public readonly record struct LabelHit(int Row, int Start, int End, int Weight);

/// <summary>
/// Finds, in one pass over the compact text, every occurrence of every word the recognizer searches for: the row
/// labels, column headings and markers of every template table. The words are indexed by their first two
/// characters, so each position of the text costs a table look-up instead of one scan of the text per word; the
/// aligner then asks this index where a heading stands instead of searching the text again for every variant.
/// </summary>
public static class LabelScanner
{
    /// <summary>The words of one template table, as ids into the vocabulary (-1: shorter than two characters, not indexed).</summary>
    internal sealed class TableWords
    {
        public required int Index { get; init; }
        public required int[] Headers { get; init; }
        public required int[] Markers { get; init; }
        /// <summary>Per row, its folded labels' ids (longest first, as <see cref="CompiledRow.FoldedLabels"/>).</summary>
        public required int[][] RowLabels { get; init; }
    }

    /// <summary>One row label of one table under a bigram: the hit it gives where its word stands.</summary>
    readonly record struct Entry(int Table, int Row, int Word, int Length);

    static readonly string[] Words;
    static readonly Dictionary<CompiledTable, TableWords> ByTable = new(ReferenceEqualityComparer.Instance);
    static readonly int TableCount;

    // Open addressing on the bigram: SlotKey holds (first << 16 | second) + 1 (0 = empty); per slot, the distinct
    // words that start with it (SlotWords[SlotWordStart[s]..SlotWordStart[s + 1]]) and the label entries in the order
    // the templates list them (SlotEntries[SlotEntryStart[s]..SlotEntryStart[s + 1]]), so that hits come out in the
    // same order as a search label by label would give them.
    static readonly uint[] SlotKey;
    static readonly int[] SlotWordStart, SlotEntryStart;
    static readonly SlotWord[] SlotWords;
    static readonly Entry[] SlotEntries;

    /// <summary>
    /// A word under its bigram: its first four characters (fewer for a shorter word) as one number and the mask of the
    /// characters it has, so that the words under a bigram are told apart by one comparison each, and the next four
    /// the same way (many words share their first four: 政府信息公开…); its length and id beside them, so that one
    /// test reads one place.
    /// </summary>
    readonly record struct SlotWord(ulong Head, ulong HeadMask, ulong Next, ulong NextMask, int Length, int Word);

    static SlotWord SlotWordOf(int w)
    {
        var word = Words[w];
        var next = word.Length > 4 ? word.AsSpan(4) : [];
        return new SlotWord(Head(word), HeadMask(word.Length), Head(next), HeadMask(next.Length), word.Length, w);
    }
    /// <summary>
    /// Per word, the indexes into <see cref="SlotEntries"/> of its own entries, in their order there
    /// (WordEntries[WordEntryStart[w]..WordEntryStart[w + 1]]): where one word alone stands at a place, its hits are
    /// these, without testing every entry under the bigram (行政, 申请 begin labels of every table of every template).
    /// </summary>
    static readonly int[] WordEntryStart, WordEntries;
    static readonly int SlotMask;
    /// <summary>
    /// A bit per value of a 16-bit hash of the first two characters that some word has: most positions of a text are
    /// passed over on this test alone (the table is small enough to stay in the first-level cache).
    /// </summary>
    static readonly ulong[] BigramBits = new ulong[65536 / 64];

    static LabelScanner()
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        int Id(string w)
        {
            if (w.Length < 2) return -1;
            if (!ids.TryGetValue(w, out int id)) { ids[w] = id = words.Count; words.Add(w); }
            return id;
        }
        // (Loops, not LINQ's Select: its code over int results is not precompiled, and every process would JIT-compile it.)
        int[] Ids(string[] ws)
        {
            var result = new int[ws.Length];
            for (int k = 0; k < ws.Length; k++) result[k] = Id(ws[k]);
            return result;
        }
        var entries = new List<Entry>();
        int tableIndex = 0;
        foreach (var template in TemplateCatalog.All)
            foreach (var table in template.Tables)
            {
                int t = tableIndex++;
                var rowLabels = new int[table.Rows.Count][];
                foreach (var row in table.Rows)
                {
                    rowLabels[row.Index] = Ids(row.FoldedLabels);
                    // Short labels (其他, 总计) are looked for only next to the previous row, never across the text.
                    if (row.Definition.Short) continue;
                    foreach (var label in row.FoldedLabels)
                        if (label.Length >= 2) entries.Add(new Entry(t, row.Index, Id(label), label.Length));
                }
                ByTable[table] = new TableWords
                {
                    Index = t,
                    Headers = Ids(table.FoldedHeaders),
                    Markers = Ids(table.FoldedMarkers),
                    RowLabels = rowLabels,
                };
            }
        TableCount = tableIndex;
        Words = [.. words];

        var bigrams = new List<uint>();
        var seenBigrams = new HashSet<uint>();
        foreach (var w in Words) if (seenBigrams.Add(Bigram(w))) bigrams.Add(Bigram(w));
        int size = 64;
        while (size < bigrams.Count * 4) size *= 2;
        SlotMask = size - 1;
        SlotKey = new uint[size];
        var slotOf = new Dictionary<uint, int>();
        foreach (var b in bigrams)
        {
            int s = (int)(Hash(b) & (uint)SlotMask);
            while (SlotKey[s] != 0) s = (s + 1) & SlotMask;
            SlotKey[s] = b + 1;
            slotOf[b] = s;
        }
        SlotWordStart = new int[size + 1];
        SlotEntryStart = new int[size + 1];
        var wordsBySlot = new List<int>[size];
        var entriesBySlot = new List<Entry>[size];
        for (int s = 0; s < size; s++) { wordsBySlot[s] = []; entriesBySlot[s] = []; }
        for (int w = 0; w < Words.Length; w++) wordsBySlot[slotOf[Bigram(Words[w])]].Add(w);
        foreach (var e in entries) entriesBySlot[slotOf[Bigram(Words[e.Word])]].Add(e);
        var slotWords = new List<int>();
        var slotEntries = new List<Entry>();
        for (int s = 0; s < size; s++)
        {
            SlotWordStart[s] = slotWords.Count;
            slotWords.AddRange(wordsBySlot[s]);
            SlotEntryStart[s] = slotEntries.Count;
            slotEntries.AddRange(entriesBySlot[s]);
        }
        SlotWordStart[size] = slotWords.Count;
        SlotEntryStart[size] = slotEntries.Count;
        SlotWords = [.. slotWords.Select(SlotWordOf)];
        SlotEntries = [.. slotEntries];
        WordEntryStart = new int[Words.Length + 1];
        foreach (var e in SlotEntries) WordEntryStart[e.Word + 1]++;
        for (int w = 0; w < Words.Length; w++) WordEntryStart[w + 1] += WordEntryStart[w];
        WordEntries = new int[SlotEntries.Length];
        var filled = new int[Words.Length];
        for (int k = 0; k < SlotEntries.Length; k++) { int w = SlotEntries[k].Word; WordEntries[WordEntryStart[w] + filled[w]++] = k; }
        foreach (var b in bigrams) { uint h = Hash(b) >> 4; BigramBits[(h & 0xFFFF) >> 6] |= 1UL << (int)(h & 63); }
    }

    static uint Bigram(string w) => (uint)w[0] << 16 | w[1];

    /// <summary>Up to four characters from the start of s as one number, the first in the low bits (as they lie in memory).</summary>
    static ulong Head(ReadOnlySpan<char> s)
    {
        if (s.Length >= 4) return MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(s[..4]));
        ulong head = 0;
        for (int k = 0; k < s.Length; k++) head |= (ulong)s[k] << (16 * k);
        return head;
    }

    static ulong HeadMask(int length) => length >= 4 ? ulong.MaxValue : (1UL << (16 * length)) - 1;

    /// <summary>20 bits of the bigram, mixed: the low ones pick a slot, the higher 16 a bit of <see cref="BigramBits"/>.</summary>
    static uint Hash(uint bigram) => (bigram * 0x9E3779B1u) >> 12;

    internal static TableWords? WordsOf(CompiledTable table) => ByTable.GetValueOrDefault(table);

    [ThreadStatic] static LabelIndex? t_index;

    /// <summary>
    /// Every occurrence of every word in the compact text. The index is the calling thread's, reused by its next
    /// scan: nothing that outlives the recognition may keep it.
    /// </summary>
    internal static LabelIndex Scan(LayoutText text)
    {
        var index = t_index ??= new LabelIndex(Words.Length, TableCount);
        index.Reset(text);
        var c = text.Compact.AsSpan();
        var bits = BigramBits;
        // The bigram at i is (c[i], c[i + 1]): each character is read once, as the second of one and the first of the
        // next. This loop, run for every character of every report, only passes over the places no word starts at
        // (most of them); the words are looked for in a method of its own, so that the loop keeps its few variables
        // in registers.
        uint first = c.Length > 0 ? c[0] : 0u;
        for (int second = 1; second < c.Length; second++)
        {
            uint ch = c[second];
            uint bigram = first << 16 | ch;
            first = ch;
            uint h = Hash(bigram);
            uint b = (h >> 4) & 0xFFFF;
            if ((bits[b >> 6] & 1UL << (int)(b & 63)) == 0) continue;
            WordsAt(index, c, second - 1, bigram, h);
        }
        return index;
    }

    /// <summary>The words that stand at i (whose bigram passed the filter), added to the index with their label hits.</summary>
    static void WordsAt(LabelIndex index, ReadOnlySpan<char> c, int i, uint bigram, uint h)
    {
        var keys = SlotKey;
        int mask = SlotMask;
        int s = (int)(h & (uint)mask);
        while (keys[s] != bigram + 1 && keys[s] != 0) s = (s + 1) & mask;
        if (keys[s] == 0) return;
        var slotWords = SlotWords;
        var words = Words;
        int found = 0, only = -1;
        ulong head = i + 4 <= c.Length ? MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(c.Slice(i, 4))) : Head(c[i..]);
        for (int k = SlotWordStart[s]; k < SlotWordStart[s + 1]; k++)
        {
            ref readonly var word = ref slotWords[k];
            if ((head & word.HeadMask) != word.Head) continue;
            int length = word.Length;
            if (i + length > c.Length) continue;
            int w = word.Word;
            if (length > 4)
            {
                // The text has the word's length from i: at least its next characters.
                ulong next = i + 8 <= c.Length ? MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(c.Slice(i + 4, 4))) : Head(c[(i + 4)..]);
                if ((next & word.NextMask) != word.Next) continue;
                if (length > 8 && !c.Slice(i + 8, length - 8).SequenceEqual(words[w].AsSpan(8))) continue;
            }
            index.AddOccurrence(w, i);
            found++;
            only = w;
        }
        if (found == 0) return;
        if (found == 1)
        {
            // One word here: its own entries, in the same order as the test of every entry below would give them.
            for (int k = WordEntryStart[only]; k < WordEntryStart[only + 1]; k++)
            {
                var e = SlotEntries[WordEntries[k]];
                index.AddHit(e.Table, new LabelHit(e.Row, i, i + e.Length, e.Length));
            }
            return;
        }
        // Several words found here: each has this place as its last start.
        for (int k = SlotEntryStart[s]; k < SlotEntryStart[s + 1]; k++)
        {
            var e = SlotEntries[k];
            if (index.LastOccurrence(e.Word) == i) index.AddHit(e.Table, new LabelHit(e.Row, i, i + e.Length, e.Length));
        }
    }
}

/// <summary>
/// Where the template words stand in one text (<see cref="LabelScanner.Scan"/>): per word its starts in order, per
/// table its label hits, and what the aligner derives from them once per table (the heading runs).
/// </summary>
internal sealed class LabelIndex
{
    readonly int[][] _occurrences;
    readonly int[] _occurrenceCount;
    readonly LabelHit[][] _hits;
    readonly int[] _hitCount;
    readonly bool[] _runsKnown;
    readonly List<(int Start, int End)>[] _runBuffers;

    public string Compact { get; private set; } = "";

    public LabelIndex(int words, int tables)
    {
        _occurrences = new int[words][];
        _occurrenceCount = new int[words];
        for (int w = 0; w < words; w++) _occurrences[w] = new int[4];
        _hits = new LabelHit[tables][];
        _hitCount = new int[tables];
        for (int t = 0; t < tables; t++) _hits[t] = new LabelHit[16];
        _runsKnown = new bool[tables];
        _runBuffers = new List<(int, int)>[tables];
        for (int t = 0; t < tables; t++) _runBuffers[t] = [];
    }

    public void Reset(LayoutText text)
    {
        Compact = text.Compact;
        Array.Clear(_occurrenceCount);
        Array.Clear(_hitCount);
        Array.Clear(_runsKnown);
    }

    public void AddOccurrence(int word, int start) => Append(_occurrences, _occurrenceCount, word, start);

    public void AddHit(int table, LabelHit hit) => Append(_hits, _hitCount, table, hit);

    /// <summary>
    /// Appends to lists[at]. The list is read and written back by value: a <c>ref lists[at]</c> into an array of
    /// arrays costs a type check on every call (arrays are covariant).
    /// </summary>
    static void Append<T>(T[][] lists, int[] counts, int at, T item)
    {
        var list = lists[at];
        int count = counts[at];
        if (count == list.Length) lists[at] = list = Grow(list);
        list[count] = item;
        counts[at] = count + 1;
    }

    static T[] Grow<T>(T[] list)
    {
        var grown = new T[list.Length * 2];
        list.CopyTo(grown, 0);
        return grown;
    }

    public int LastOccurrence(int word) => _occurrenceCount[word] is int n and > 0 ? _occurrences[word][n - 1] : -1;

    /// <summary>The starts of the word in the compact text, in order (overlapping ones included).</summary>
    public ReadOnlySpan<int> Occurrences(int word) => _occurrences[word].AsSpan(0, _occurrenceCount[word]);

    public ReadOnlySpan<LabelHit> Hits(int table) => _hits[table].AsSpan(0, _hitCount[table]);

    public int HitCount(int table) => _hitCount[table];

    /// <summary>Whether the word stands anywhere in the text (<paramref name="text"/> is the word, for those not indexed).</summary>
    public bool Contains(int word, string text) => word >= 0 ? _occurrenceCount[word] > 0 : Compact.Contains(text, StringComparison.Ordinal);

    /// <summary>Whether the word stands wholly inside compact[from, to): <c>compact.IndexOf(text, from, to - from) &gt;= 0</c>.</summary>
    public bool Within(int word, string text, int from, int to)
    {
        if (to - from < text.Length) return false;
        if (word < 0) return Compact.AsSpan(from, to - from).IndexOf(text, StringComparison.Ordinal) >= 0;
        var starts = Occurrences(word);
        int lo = 0, hi = starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < from) lo = mid + 1; else hi = mid;
        }
        return lo < starts.Length && starts[lo] + text.Length <= to;
    }

    /// <summary>
    /// The list that holds the table's heading runs (<see cref="TableAligner"/>) for this text; <paramref name="known"/>
    /// says whether they were already found, else the caller fills the empty list.
    /// </summary>
    public List<(int Start, int End)> HeadingRuns(int table, out bool known)
    {
        known = _runsKnown[table];
        var runs = _runBuffers[table];
        if (!known) { runs.Clear(); _runsKnown[table] = true; }
        return runs;
    }
}
