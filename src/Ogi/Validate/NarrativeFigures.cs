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

    /// <summary>The templates' cue phrases folded once, not in every report.</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FoldedCues = new(StringComparer.Ordinal);

    public static Dictionary<string, decimal> Find(LayoutText text, CompiledTemplate template, IReadOnlyList<(int Start, int End)> tableSpans)
    {
        var compact = text.Compact;
        var said = new Dictionary<string, List<(decimal Value, bool Whole)>>();
        foreach (var cue in template.Definition.Narrative)
        {
            if (cue.Sentence) { NarrativeStatements.Find(compact, cue, tableSpans, said); continue; }
            foreach (var phrase in cue.Cues)
            {
                var folded = FoldedCues.GetOrAdd(phrase, LayoutText.FoldLabel);
                for (int at = LabelMatcher.Next(compact, folded, -1); at >= 0; at = LabelMatcher.Next(compact, folded, at))
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
