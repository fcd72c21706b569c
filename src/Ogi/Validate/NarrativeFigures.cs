using Ogi.Recognize;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Validate;

/// <summary>
/// Figures the report's prose states for a table field ("全区收到政府信息公开申请75件"), found by the template's
/// cue phrases outside the tables. They choose between readings of glued digits and are compared with the table (T1).
/// A cue stated twice with different numbers gives nothing.
/// </summary>
public static class NarrativeFigures
{
    internal static readonly string[] WholeMarkers = ["全年", "全区", "全市", "全县", "全镇", "全省", "本年度", "本年", "年度", "共", "累计", "总计"];

    static bool SpeaksOfWhole(string compact, int cueStart)
    {
        int from = Math.Max(0, cueStart - 8);
        var before = compact.AsSpan(from, cueStart - from);
        if (before.Length >= 5 && before[^1] == '年' && char.IsAsciiDigit(before[^2])) return true;
        foreach (var m in WholeMarkers) if (before.EndsWith(m) || before[Math.Max(0, before.Length - 4)..].Contains(m, StringComparison.Ordinal)) return true;
        return false;
    }

    static bool InTable(IReadOnlyList<(int Start, int End)> tableSpans, int at)
    {
        for (int k = 0; k < tableSpans.Count; k++) if (at >= tableSpans[k].Start && at < tableSpans[k].End) return true;
        return false;
    }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompiledTemplate, CuePhrases> PhrasesOf = new();

    public static Dictionary<string, decimal> Find(LayoutText text, CompiledTemplate template, IReadOnlyList<(int Start, int End)> tableSpans)
    {
        var compact = text.Compact;
        var narrative = template.Definition.Narrative;
        var phrases = PhrasesOf.GetValue(template, t => new CuePhrases(t.Definition.Narrative));
        var occurrences = phrases.Find(compact, tableSpans);
        var said = new Dictionary<string, List<(decimal Value, bool Whole)>>();
        for (int k = 0; k < narrative.Count; k++)
        {
            var cue = narrative[k];
            if (cue.Sentence) { NarrativeStatements.Find(compact, cue, phrases, k, occurrences, tableSpans, said); continue; }
            foreach (int phrase in phrases.Cues[k])
            {
                if (occurrences[phrase] is not { } places) continue;
                var folded = phrases.Text[phrase];
                foreach (int at in places)
                {
                    if (InTable(tableSpans, at)) continue;
                    int p = at + folded.Length;
                    int skip = 0;
                    while (p < compact.Length && skip < 2 && "共计为达有:".Contains(compact[p])) { p++; skip++; }
                    int d = p;
                    while (d < compact.Length && char.IsAsciiDigit(compact[d])) d++;
                    if (d == p || d - p > 9) continue;
                    if (cue.Unit.Length > 0 && string.CompareOrdinal(compact, d, cue.Unit, 0, cue.Unit.Length) != 0) continue;
                    var value = decimal.Parse(compact.AsSpan(p, d - p), provider: System.Globalization.CultureInfo.InvariantCulture);
                    if (!said.TryGetValue(cue.Field, out var list)) said[cue.Field] = list = [];
                    list.Add((value, SpeaksOfWhole(compact, at)));
                }
            }
        }
        // "2012年主动公开政府信息1913条。其中，区直各单位主动公开政府信息1397条…": the figure for the whole
        // (after a year, 全年, 全区, 共…) is the table's; figures for parts are not. Disagreement leaves the field out.
        var found = new Dictionary<string, decimal>();
        foreach (var (field, list) in said)
        {
            if (OnlyValue(list, wholeOnly: true, out var whole, out bool anyWhole)) found[field] = whole;
            else if (!anyWhole && OnlyValue(list, wholeOnly: false, out var one, out _)) found[field] = one;
        }
        return found;
    }

    /// <summary>Whether the figures (those for the whole, or all) state one value only; <paramref name="any"/> whether there were any.</summary>
    static bool OnlyValue(List<(decimal Value, bool Whole)> list, bool wholeOnly, out decimal value, out bool any)
    {
        value = 0; any = false;
        foreach (var (v, w) in list)
        {
            if (wholeOnly && !w) continue;
            if (!any) { value = v; any = true; }
            else if (v != value) return false;
        }
        return any;
    }
}

/// <summary>
/// A template's cue phrases, and the first parts of its "none" statements (未收到…), folded once, each distinct phrase
/// searched for once however many cues share it; a phrase that extends another (收到政府信息公开申请共) is looked for only
/// where that one occurs.
/// </summary>
sealed class CuePhrases
{
    /// <summary>The distinct folded phrases.</summary>
    public readonly string[] Text;
    /// <summary>Per cue of the template, its phrases' indexes in <see cref="Text"/>.</summary>
    public readonly int[][] Cues;
    /// <summary>Per cue, its "none" statements: the index of the first part in <see cref="Text"/>, and the second part.</summary>
    public readonly (int First, string Second)[][] None;
    /// <summary>The phrases, shortest first; per phrase the longest other phrase it starts with, or -1.</summary>
    readonly int[] _shortestFirst, _prefix;

    public CuePhrases(List<NarrativeCue> narrative)
    {
        var text = new List<string>();
        int Index(string folded)
        {
            int i = text.IndexOf(folded);
            if (i < 0) { i = text.Count; text.Add(folded); }
            return i;
        }
        Cues = new int[narrative.Count][];
        None = new (int, string)[narrative.Count][];
        for (int k = 0; k < narrative.Count; k++)
        {
            var cue = narrative[k];
            // An empty phrase names nothing to look for. (Loops, not LINQ: its code over int and tuple results is not
            // precompiled, and every process would JIT-compile it.)
            var cues = new List<int>();
            foreach (var c in cue.Cues)
                if (LayoutText.FoldLabel(c) is { Length: > 0 } f) cues.Add(Index(f));
            Cues[k] = [.. cues];
            var none = new List<string[]>();
            foreach (var n in cue.None)
                if (LayoutText.FoldLabel(n).Split('…', 2) is [{ Length: > 0 }, { Length: > 0 }] parts) none.Add(parts);
            None[k] = new (int, string)[none.Count];
            for (int j = 0; j < none.Count; j++) None[k][j] = (Index(none[j][0]), none[j][1]);
        }
        Text = [.. text];
        // By NumberSort, not LINQ's OrderBy: its sorter over int keys is not precompiled, and every process that reads a
        // report would JIT-compile it for these few phrases. (Both orders keep phrases of one length in their order.)
        _shortestFirst = new int[Text.Length];
        for (int p = 0; p < Text.Length; p++) _shortestFirst[p] = p;
        var phrases = Text;
        Parsing.NumberSort.StableSortBy(_shortestFirst.AsSpan(), p => phrases[p].Length);
        _prefix = new int[Text.Length];
        for (int p = 0; p < Text.Length; p++)
        {
            int longest = -1;
            for (int q = 0; q < Text.Length; q++)
                if (Text[q].Length < Text[p].Length && Text[p].StartsWith(Text[q], StringComparison.Ordinal) && (longest < 0 || Text[q].Length > Text[longest].Length)) longest = q;
            _prefix[p] = longest;
        }
    }

    /// <summary>
    /// Per phrase, where it occurs in the text outside the tables, in order (overlapping occurrences too); null where
    /// it does not. Every reader of the occurrences skips those that start inside a table, so the tables (most of a
    /// report's text) are not searched: only the stretches between them, for occurrences that start there.
    /// </summary>
    public List<int>?[] Find(string compact, IReadOnlyList<(int Start, int End)> tableSpans)
    {
        var found = new List<int>?[Text.Length];
        var gaps = Gaps(compact.Length, tableSpans);
        foreach (int p in _shortestFirst)
        {
            var phrase = Text[p];
            if (_prefix[p] >= 0)
            {
                if (found[_prefix[p]] is { } places)
                    foreach (int at in places)
                        if (compact.AsSpan(at).StartsWith(phrase, StringComparison.Ordinal)) (found[p] ??= []).Add(at);
            }
            else
                foreach (var (from, to) in gaps)
                {
                    // An occurrence that starts in the gap may end inside the table after it.
                    int end = Math.Min(compact.Length, to + phrase.Length - 1);
                    for (int at = compact.IndexOf(phrase, from, end - from, StringComparison.Ordinal); at >= 0;
                         at = at + 1 < end ? compact.IndexOf(phrase, at + 1, end - at - 1, StringComparison.Ordinal) : -1)
                        (found[p] ??= []).Add(at);
                }
        }
        return found;
    }

    /// <summary>The stretches [from, to) of the text that no table span covers, in order.</summary>
    static List<(int From, int To)> Gaps(int length, IReadOnlyList<(int Start, int End)> tableSpans)
    {
        var spans = new List<(int Start, int End)>(tableSpans.Count);
        foreach (var s in tableSpans) if (s.End > s.Start) spans.Add(s);
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var gaps = new List<(int, int)>(spans.Count + 1);
        int from = 0;
        foreach (var (start, end) in spans)
        {
            if (Math.Min(start, length) > from) gaps.Add((from, Math.Min(start, length)));
            from = Math.Max(from, end);
        }
        if (from < length) gaps.Add((from, length));
        return gaps;
    }
}
