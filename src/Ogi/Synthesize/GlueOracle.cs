using System.Globalization;
using Ogi.Render;
using Ogi.Templates;

namespace Ogi.Synthesize;

/// <summary>
/// Which rows of a glued table a reader could not split: the row's cells run together admit another reading that
/// keeps every rule the true values keep. No parser can recover such a row, so synth prints it with spaces, as a
/// page does when only some of its cell borders are lost; every other row stays glued. The search is the writer's
/// own, independent of the parser's resolver: every split of the row's characters into its cells, checked against the
/// template's equations with the other rows at their true values.
/// </summary>
public static class GlueOracle
{
    const int Budget = 200_000;

    public static HashSet<(string Table, int Row)> AmbiguousRows(IReadOnlyList<GridTable> tables, CompiledTemplate template, IReadOnlyDictionary<string, decimal?> truth)
    {
        var equations = template.TablesFor(truth).SelectMany(t => t.Equations).ToList();
        var kept = equations.Where(e => Holds(e, truth)).ToList();
        var ambiguous = new HashSet<(string, int)>();
        foreach (var table in tables)
            for (int r = 0; r < table.Rows.Count; r++)
            {
                var cells = table.Rows[r].Where(c => c.Field is not null).ToList();
                if (cells.Count < 2) continue;
                // Blank marks run together are no longer countable ("——" is one mark or two; 1/16 reads as a fraction).
                if (cells.Any(c => truth.GetValueOrDefault(c.Field!) is null)) { ambiguous.Add((table.Id, r)); continue; }
                var fields = cells.Select(c => c.Field!).ToArray();
                var relevant = kept.Where(e => e.Fields.Any(fields.Contains)).ToList();
                if (HasOtherReading(cells, fields, relevant, truth)) ambiguous.Add((table.Id, r));
            }
        return ambiguous;
    }

    static bool HasOtherReading(List<GridCell> cells, string[] fields, List<Equation> equations, IReadOnlyDictionary<string, decimal?> truth)
    {
        string text = string.Concat(cells.Select(c => c.Text));
        var trueCuts = new int[cells.Count];
        for (int i = 0, at = 0; i < cells.Count; i++) { at += cells[i].Text.Length; trueCuts[i] = at; }
        var values = new Dictionary<string, decimal?>(truth);
        var cuts = new int[cells.Count];
        int visited = 0;
        bool found = false;

        void Search(int part, int from)
        {
            if (found) return;
            if (++visited > Budget) { found = true; return; } // too many readings to rule out: treat as ambiguous
            if (part == cells.Count - 1)
            {
                if (!TryRead(text.AsSpan(from), out var last)) return;
                values[fields[part]] = last;
                cuts[part] = text.Length;
                if (cuts.AsSpan().SequenceEqual(trueCuts)) return;
                if (equations.All(e => Holds(e, values))) found = true;
                return;
            }
            for (int end = from + 1; end <= text.Length - (cells.Count - 1 - part); end++)
            {
                if (!TryRead(text.AsSpan(from, end - from), out var v)) continue;
                values[fields[part]] = v;
                cuts[part] = end;
                Search(part + 1, end);
                if (found) return;
            }
        }

        Search(0, 0);
        return found;
    }

    /// <summary>What a glued cell's characters can be: a blank mark, or a number without leading zeros, signed or 增/减, with decimals.</summary>
    static bool TryRead(ReadOnlySpan<char> s, out decimal? value)
    {
        value = null;
        if (s is "—" or "/" or "-" or "－") return true;
        bool negative = false;
        if (s.Length > 0 && (s[0] == '减' || s[0] == '-')) { negative = true; s = s[1..]; }
        else if (s.Length > 0 && (s[0] == '增' || s[0] == '+')) s = s[1..];
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        int dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        if (whole.Length > 1 && whole[0] == '0') return false;
        foreach (var ch in whole) if (!char.IsAsciiDigit(ch)) return false;
        if (dot >= 0) foreach (var ch in s[(dot + 1)..]) if (!char.IsAsciiDigit(ch)) return false;
        if (s.Length > 12) return false;
        var v = decimal.Parse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        value = negative ? -v : v;
        return true;
    }

    /// <summary>Whether an equation holds, blanks counted as 0 as the validator counts them; one whose fields are all missing holds.</summary>
    public static bool Holds(Equation e, IReadOnlyDictionary<string, decimal?> values)
    {
        if (!e.Fields.Any(values.ContainsKey)) return true;
        var lhs = e.PartsOptional && e.Relation == Relation.AtMost ? e.Lhs.Where(values.ContainsKey) : e.Lhs;
        var rhs = e.PartsOptional && e.Relation == Relation.Equal ? e.Rhs.Where(values.ContainsKey) : e.Rhs;
        if (!lhs.Any() || !rhs.Any()) return true;
        if (lhs.Concat(rhs).Any(f => !values.ContainsKey(f))) return true;
        if (lhs.Concat(rhs).All(f => values[f] is null)) return true;
        decimal l = lhs.Sum(f => values[f] ?? 0), r = rhs.Sum(f => values[f] ?? 0);
        return e.Relation == Relation.Equal ? l == r : l <= r;
    }
}
