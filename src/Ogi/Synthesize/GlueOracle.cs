using System.Globalization;
using Ogi.Render;
using Ogi.Templates;

namespace Ogi.Synthesize;

/// <summary>
/// Which rows of a glued table a reader could not split: the rows' cells run together admit other readings that
/// keep every rule the true values keep — one row alone, or several rows together. No parser can recover such rows,
/// so synth prints them with spaces, as a page does when only some of its cell borders are lost; every other row
/// stays glued. The search is the writer's own, independent of the parser's resolver: every split of each row's
/// characters into its cells that keeps the row's own rules, then combinations of rows against the rules between them.
/// </summary>
public static class GlueOracle
{
    const int Budget = 200_000;
    /// <summary>A row with more readings than this that keep its own rules is printed spaced without further search.</summary>
    const int MaxAlternatives = 40;

    public static HashSet<(string Table, int Row)> AmbiguousRows(IReadOnlyList<GridTable> tables, CompiledTemplate template, IReadOnlyDictionary<string, decimal?> truth)
    {
        var index = new Dictionary<string, int>();
        var values = new decimal?[truth.Count];
        foreach (var (f, v) in truth) { values[index.Count] = v; index[f] = index.Count; }
        var rules = template.TablesFor(truth).SelectMany(t => t.Equations).Select(e => Rule.Compile(e, index)).OfType<Rule>().ToList();
        var ambiguous = new HashSet<(string, int)>();
        var candidates = new List<Candidate>();
        foreach (var table in tables)
            for (int r = 0; r < table.Rows.Count; r++)
            {
                var cells = table.Rows[r].Where(c => c.Field is not null && index.ContainsKey(c.Field)).ToList();
                if (cells.Count < 2) continue;
                // Blank marks run together are no longer countable ("——" is one mark or two; 1/16 reads as a fraction).
                if (cells.Any(c => truth[c.Field!] is null)) { ambiguous.Add((table.Id, r)); continue; }
                var fields = cells.Select(c => index[c.Field!]).ToArray();
                var own = rules.Where(e => e.Fields.All(fields.Contains)).ToList();
                // Another reading may break more of the row's own rules than the true one only by as many as it could
                // mend among the rules to other rows that the true values break.
                int allowance = own.Count(e => !e.Holds(values)) + rules.Count(e => !own.Contains(e) && e.Fields.Any(fields.Contains) && !e.Holds(values));
                var alternatives = OtherReadings(cells, fields, own, values, allowance, MaxAlternatives + 1);
                if (alternatives.Count == 0) continue;
                if (alternatives.Count > MaxAlternatives) { ambiguous.Add((table.Id, r)); continue; }
                candidates.Add(new Candidate((table.Id, r), fields, alternatives));
            }
        // Rows whose other readings break no more rules than the true ones, alone or together with other rows' other
        // readings (a column's digits moved consistently through new, granted and total keep R1–R3): a reader that
        // goes by the rules — ogi or a person — cannot prefer the truth.
        while (candidates.Count > 0)
        {
            var touching = rules.Where(e => candidates.Any(c => e.Fields.Any(c.Fields.Contains))).ToList();
            var confusable = FindConfusion(candidates, touching, values);
            if (confusable.Count == 0) break;
            foreach (var c in confusable) ambiguous.Add(c.Row);
            candidates.RemoveAll(confusable.Contains);
        }
        return ambiguous;
    }

    sealed record Candidate((string Table, int Row) Row, int[] Fields, List<decimal?[]> Alternatives);

    /// <summary>An equation over field positions, checked as the validator checks it (blanks count 0; all blank holds).</summary>
    sealed class Rule(int[] lhs, int[] rhs, Relation relation)
    {
        public readonly int[] Fields = [.. lhs, .. rhs];

        public static Rule? Compile(Equation e, Dictionary<string, int> index)
        {
            var lhs = e.PartsOptional && e.Relation == Relation.AtMost ? e.Lhs.Where(index.ContainsKey).ToArray() : e.Lhs;
            var rhs = e.PartsOptional && e.Relation == Relation.Equal ? e.Rhs.Where(index.ContainsKey).ToArray() : e.Rhs;
            if (lhs.Length == 0 || rhs.Length == 0 || lhs.Concat(rhs).Any(f => !index.ContainsKey(f))) return null;
            return new Rule(lhs.Select(f => index[f]).ToArray(), rhs.Select(f => index[f]).ToArray(), e.Relation);
        }

        public bool Holds(decimal?[] v)
        {
            decimal l = 0, r = 0;
            bool any = false;
            foreach (var i in lhs) { l += v[i] ?? 0; any |= v[i] is not null; }
            foreach (var i in rhs) { r += v[i] ?? 0; any |= v[i] is not null; }
            return !any || (relation == Relation.Equal ? l == r : l <= r);
        }
    }

    /// <summary>
    /// A set of rows that can take other readings at once breaking no more of the rules than the true values do
    /// (depth-first over the rows, each at its true reading or one of its others; a rule is checked as soon as its last
    /// row is chosen, a branch dropped once it breaks more). Past the budget every candidate counts as confusable: the
    /// writer errs toward spaces.
    /// </summary>
    static List<Candidate> FindConfusion(List<Candidate> candidates, List<Rule> rules, decimal?[] truth)
    {
        var rowOf = new Dictionary<int, int>();
        for (int i = 0; i < candidates.Count; i++) foreach (var f in candidates[i].Fields) rowOf[f] = i;
        var checkAt = Enumerable.Range(0, candidates.Count).Select(_ => new List<Rule>()).ToArray();
        foreach (var e in rules)
        {
            int last = e.Fields.Select(f => rowOf.GetValueOrDefault(f, -1)).Max();
            if (last >= 0) checkAt[last].Add(e);
        }
        var values = (decimal?[])truth.Clone();
        int baseline = rules.Count(e => !e.Holds(truth));
        var choice = new int[candidates.Count]; // 0 = the true reading, k = alternative k − 1
        int nodes = 0;
        bool exhausted = false;

        bool Search(int i, bool anyOther, int broken)
        {
            if (++nodes > Budget) { exhausted = true; return false; }
            if (i == candidates.Count) return anyOther;
            var c = candidates[i];
            for (int k = 0; k <= c.Alternatives.Count; k++)
            {
                for (int f = 0; f < c.Fields.Length; f++) values[c.Fields[f]] = k == 0 ? truth[c.Fields[f]] : c.Alternatives[k - 1][f];
                choice[i] = k;
                int now = broken;
                foreach (var e in checkAt[i]) if (!e.Holds(values)) now++;
                if (now <= baseline && Search(i + 1, anyOther || k > 0, now)) return true;
                if (exhausted) return false;
            }
            for (int f = 0; f < c.Fields.Length; f++) values[c.Fields[f]] = truth[c.Fields[f]];
            return false;
        }

        if (Search(0, false, 0)) return candidates.Where((_, i) => choice[i] > 0).ToList();
        return exhausted ? [.. candidates] : [];
    }

    /// <summary>Every other way to cut the row's characters into its cells that breaks at most allowance of the row's own rules, up to limit.</summary>
    static List<decimal?[]> OtherReadings(List<GridCell> cells, int[] fields, List<Rule> rules, decimal?[] truth, int allowance, int limit)
    {
        string text = string.Concat(cells.Select(c => c.Text));
        var trueCuts = new int[cells.Count];
        for (int i = 0, at = 0; i < cells.Count; i++) { at += cells[i].Text.Length; trueCuts[i] = at; }
        var values = (decimal?[])truth.Clone();
        var current = new decimal?[cells.Count];
        var cuts = new int[cells.Count];
        var found = new List<decimal?[]>();
        int visited = 0;

        void Search(int part, int from)
        {
            if (found.Count >= limit) return;
            if (++visited > Budget) { while (found.Count < limit) found.Add(current.ToArray()); return; } // too many to rule out
            if (part == cells.Count - 1)
            {
                if (!TryRead(text.AsSpan(from), out var last)) return;
                current[part] = last;
                cuts[part] = text.Length;
                if (cuts.AsSpan().SequenceEqual(trueCuts)) return;
                for (int f = 0; f < fields.Length; f++) values[fields[f]] = current[f];
                int broken = 0;
                foreach (var e in rules) if (!e.Holds(values)) broken++;
                if (broken <= allowance) found.Add(current.ToArray());
                return;
            }
            for (int end = from + 1; end <= text.Length - (cells.Count - 1 - part); end++)
            {
                if (!TryRead(text.AsSpan(from, end - from), out var v)) continue;
                current[part] = v;
                cuts[part] = end;
                Search(part + 1, end);
                if (found.Count >= limit) return;
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
