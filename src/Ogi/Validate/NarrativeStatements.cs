using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Validate;

/// <summary>
/// What legacy reports' prose states about single rows, read only where the sentence speaks of the whole year or body:
/// the counts per channel (本年度共收到申请52件，其中当面申请5件、网络申请8件、信函申请39件) and statements that
/// there were none (本年度未收到因政府信息公开申请提起的行政复议申请 is 0). A cue marked <c>sentence</c> in the
/// template data is read here; its figures join the others of <see cref="NarrativeFigures"/> and are compared with the
/// table (T1).
/// </summary>
public static class NarrativeStatements
{
    /// <summary>How far back a sentence is looked at for words of the whole, and how long a clause of a "none" statement may be.</summary>
    const int SentenceReach = 120, ClauseReach = 40;

    /// <summary>The figures and "none" statements of one cue, at its phrases' occurrences (<see cref="CuePhrases.Find"/>).</summary>
    internal static void Find(string compact, NarrativeCue cue, CuePhrases phrases, int cueIndex, List<int>?[] occurrences,
        IReadOnlyList<(int Start, int End)> tableSpans, Dictionary<string, List<(decimal Value, bool Whole)>> said)
    {
        foreach (int phrase in phrases.Cues[cueIndex])
        {
            if (occurrences[phrase] is not { } found) continue;
            var folded = phrases.Text[phrase];
            foreach (int at in found)
            {
                if (InTable(tableSpans, at)) continue;
                int p = at + folded.Length, d = p;
                while (d < compact.Length && char.IsAsciiDigit(compact[d])) d++;
                if (d == p || d - p > 9) continue;
                if (cue.Unit.Length > 0 && string.CompareOrdinal(compact, d, cue.Unit, 0, cue.Unit.Length) != 0) continue;
                if (!SentenceSpeaksOfWhole(compact, at)) continue;
                Add(said, cue.Field, decimal.Parse(compact.AsSpan(p, d - p), provider: System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        foreach (var (first, second) in phrases.None[cueIndex])
        {
            if (occurrences[first] is not { } found) continue;
            int length = phrases.Text[first].Length;
            foreach (int at in found)
            {
                if (InTable(tableSpans, at)) continue;
                int from = at + length, to = ClauseEnd(compact, from);
                if (compact.IndexOf(second, from, to - from, StringComparison.Ordinal) >= 0) Add(said, cue.Field, 0);
            }
        }
    }

    static void Add(Dictionary<string, List<(decimal Value, bool Whole)>> said, string field, decimal value)
    {
        if (!said.TryGetValue(field, out var list)) said[field] = list = [];
        list.Add((value, true));
    }

    static bool InTable(IReadOnlyList<(int Start, int End)> spans, int at)
    {
        foreach (var s in spans) if (at >= s.Start && at < s.End) return true;
        return false;
    }

    /// <summary>The clause's end: a comma, a full stop or a semicolon, within reach.</summary>
    static int ClauseEnd(string compact, int from)
    {
        int limit = Math.Min(compact.Length, from + ClauseReach);
        int end = compact.AsSpan(from, limit - from).IndexOfAny("，,。；;");
        return end < 0 ? limit : from + end;
    }

    /// <summary>Words of the whole (本年度, 全年, 共, a year) between the sentence's start and the cue.</summary>
    static bool SentenceSpeaksOfWhole(string compact, int at)
    {
        int from = Math.Max(0, at - SentenceReach);
        var before = compact.AsSpan(from, at - from);
        int stop = before.LastIndexOfAny("。；;");
        if (stop >= 0) before = before[(stop + 1)..];
        foreach (var m in NarrativeFigures.WholeMarkers) if (before.Contains(m, StringComparison.Ordinal)) return true;
        for (int i = 4; i < before.Length; i++)
            if (before[i] == '年' && char.IsAsciiDigit(before[i - 1]) && char.IsAsciiDigit(before[i - 4])) return true;
        return false;
    }
}
