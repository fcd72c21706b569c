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
    public static Dictionary<string, decimal> Find(LayoutText text, CompiledTemplate template, IReadOnlyList<(int Start, int End)> tableSpans)
    {
        var compact = text.Compact;
        var found = new Dictionary<string, decimal>();
        var conflicting = new HashSet<string>();
        foreach (var cue in template.Definition.Narrative)
        {
            foreach (var phrase in cue.Cues)
            {
                var folded = LayoutText.FoldLabel(phrase);
                foreach (var at in Recognize.LabelMatcher.FindAll(compact, folded))
                {
                    if (tableSpans.Any(s => at >= s.Start && at < s.End)) continue;
                    int p = at + folded.Length;
                    int skip = 0;
                    while (p < compact.Length && skip < 2 && "共计为达有:".Contains(compact[p])) { p++; skip++; }
                    int d = p;
                    while (d < compact.Length && char.IsAsciiDigit(compact[d])) d++;
                    if (d == p || d - p > 9) continue;
                    if (cue.Unit.Length > 0 && string.CompareOrdinal(compact, d, cue.Unit, 0, cue.Unit.Length) != 0) continue;
                    var value = decimal.Parse(compact.AsSpan(p, d - p), provider: System.Globalization.CultureInfo.InvariantCulture);
                    if (found.TryGetValue(cue.Field, out var prior) && prior != value) conflicting.Add(cue.Field);
                    found[cue.Field] = value;
                }
            }
        }
        foreach (var f in conflicting) found.Remove(f);
        return found;
    }
}
