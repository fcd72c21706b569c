using Ogi.Cells;
using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Resolve;

/// <summary>One way to read a row: a value (or none) for each of its columns.</summary>
public sealed class RowReading
{
    public required CellValue[] Cells { get; init; }
    /// <summary>Lower is more plausible; only compared between readings of the same digits.</summary>
    public double Implausibility { get; init; }
    /// <summary>A split of run-together digits that breaks the row's own rules (kept when no split keeps them).</summary>
    public bool BreaksRowRules { get; init; }

    /// <summary>
    /// The cells' values as whole numbers (an empty cell as 0), or null when one is not whole or not below 10^15 (no
    /// sum of them can overflow): the resolver's equations add these, as exact as decimals and much cheaper, at each
    /// of up to 200,000 nodes of its search.
    /// </summary>
    internal long[]? Wholes
    {
        get
        {
            if (_wholesKnown) return _wholes;
            var wholes = new long[Cells.Length];
            for (int c = 0; c < Cells.Length && wholes is not null; c++)
            {
                if (Cells[c].Value is not decimal v) continue;
                if (v != decimal.Truncate(v) || Math.Abs(v) >= 1e15m) wholes = null;
                else wholes[c] = (long)v;
            }
            (_wholes, _wholesKnown) = (wholes, true);
            return wholes;
        }
    }

    long[]? _wholes;
    bool _wholesKnown;
}

/// <summary>
/// Turns a row's tokens into its possible readings. Where the row has fewer tokens than columns, some tokens are
/// digits of several cells run together: every way to cut them (no number may start with 0 unless it is 0) is a
/// reading, kept only if it satisfies the equations that lie inside the row (R3, R4, a cumulative column that is
/// not smaller than the year's). A row that satisfies none keeps all its readings: the report may be wrong.
/// </summary>
public static class RowSplitter
{
    const int MaxReadings = 4000;
    const int MaxNodes = 200_000;
    const int MaxDigitsPerValue = 12;

    sealed record Item(CellToken Token, bool Glued, string Sign, string Digits, string Fraction, int DigitsOffset);

    public static List<RowReading> Readings(LayoutText text, CompiledRow row, List<CellToken> tokens, ColumnCheck[] checks)
    {
        var cols = row.Columns;
        int n = cols.Length;
        // As many tokens as columns (the common case): one cell each, nothing to split.
        if (tokens.Count >= n) return [OneCellPerToken(text, cols, tokens)];
        int glued = 0, totalDigits = 0;
        for (int k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Kind == CellKind.Number && t.MaybeGlued) { glued++; totalDigits += t.IntegerDigits(text.Folded); }
            else totalDigits++;
        }
        // Too few digits for the columns, or more than any split could use: there is nothing to split.
        if (glued == 0 || totalDigits < n || totalDigits > n * MaxDigitsPerValue)
        {
            return [OneCellPerToken(text, cols, tokens)];
        }
        return Splits(text, row, tokens, checks);
    }

    /// <summary>The readings of a row with digits to split: the search (kept apart so that the common case allocates none of its state).</summary>
    static List<RowReading> Splits(LayoutText text, CompiledRow row, List<CellToken> tokens, ColumnCheck[] checks)
    {
        var cols = row.Columns;
        int n = cols.Length;
        var items = new Item[tokens.Count];
        for (int k = 0; k < items.Length; k++) items[k] = ToItem(text, tokens[k]);
        // The search works on plain numbers; cell records are made only for the readings kept.
        // Whole numbers are enough for the checks (money, the only decimals, takes part in no equation).
        var values = new long?[n];
        var spans = new (int Item, int Pos, int Len)[n];
        var consistent = new List<(int Item, int Pos, int Len)[]>();
        int nodes = 0;
        // Digits still to place after each item, to stop a branch that can no longer fill (or empty into) the columns left.
        var digitsAfter = new int[items.Length + 1];
        for (int k = items.Length - 1; k >= 0; k--) digitsAfter[k] = digitsAfter[k + 1] + (items[k].Glued ? items[k].Digits.Length : 1);
        var all = new List<(int Item, int Pos, int Len)[]>();
        Dfs(0, 0, 0, true, keepInconsistent: false);
        if (consistent.Count == 0) Dfs(0, 0, 0, true, keepInconsistent: true);
        var chosen = consistent.Count > 0 ? consistent : all;
        if (chosen.Count == 0) return [OneCellPerToken(text, cols, tokens)];
        // A whole token (a lone 0, a blank) stands in the same column in many readings: its cell is made once there.
        // Cells are immutable records, so readings may share one.
        var wholes = chosen.Count > 1 ? new CellValue?[items.Length * n] : null;
        var readings = new List<RowReading>(chosen.Count);
        foreach (var layout in chosen) readings.Add(Build(layout, chosen.Count > 1, consistent.Count == 0));
        // No reading keeps all the row's rules (the report breaks one): the readings that break fewest are the row's,
        // as the resolver chooses between rows — a stated error is not multiplied by a worse split.
        if (consistent.Count == 0 && readings.Count > 1)
        {
            var broken = readings.Select(r => BrokenChecks(r.Cells, checks)).ToList();
            int least = broken.Min();
            readings = readings.Where((_, i) => broken[i] == least).ToList();
        }
        if (readings.Count > 1) readings.Sort((a, b) => a.Implausibility.CompareTo(b.Implausibility));
        return readings;

        RowReading Build((int Item, int Pos, int Len)[] layout, bool rank, bool breaks)
        {
            var cells = new CellValue[n];
            for (int c = 0; c < n; c++)
            {
                var (item, pos, len) = layout[c];
                var it = items[item];
                cells[c] = it.Glued ? Part(text.Source, cols[c], it, pos, len, pos + len == it.Digits.Length)
                    : wholes is null ? Whole(text, cols[c], it.Token) : wholes[item * n + c] ??= Whole(text, cols[c], it.Token);
            }
            return new RowReading { Cells = cells, Implausibility = rank ? Implausibility(row, cells) : 0, BreaksRowRules = breaks };
        }

        void Dfs(int item, int pos, int col, bool ok, bool keepInconsistent)
        {
            if (++nodes > MaxNodes) return;
            if (consistent.Count + all.Count >= MaxReadings) return;
            if (!ok && !keepInconsistent) return;
            if (item == items.Length)
            {
                if (col != n) return;
                (ok ? consistent : all).Add(((int, int, int)[])spans.Clone());
                return;
            }
            if (col >= n) return;
            var it = items[item];
            int digitsLeft = digitsAfter[item] - pos, columnsLeft = n - col;
            if (digitsLeft < columnsLeft || digitsLeft > columnsLeft * MaxDigitsPerValue) return;
            if (!it.Glued)
            {
                values[col] = it.Token.ValueIn(text.Folded) is decimal whole && Math.Abs(whole) < long.MaxValue ? (long)decimal.Truncate(whole) : null;
                spans[col] = (item, 0, 0);
                Dfs(item + 1, 0, col + 1, ok && Check(col), keepInconsistent);
                return;
            }
            int remainingItems = items.Length - item - 1;
            int remainingDigits = it.Digits.Length - pos;
            long v = 0;
            for (int len = 1; len <= Math.Min(remainingDigits, MaxDigitsPerValue); len++)
            {
                v = v * 10 + (it.Digits[pos + len - 1] - '0');
                if (len > 1 && it.Digits[pos] == '0') break;
                bool last = pos + len == it.Digits.Length;
                int colsAfter = n - col - 1;
                if (last && colsAfter < remainingItems) continue;
                if (!last && colsAfter < remainingItems + 1) continue;
                values[col] = pos == 0 && it.Sign.Length > 0 ? -v : v;
                spans[col] = (item, pos, len);
                bool okHere = ok && Check(col);
                if (last) Dfs(item + 1, 0, col + 1, okHere, keepInconsistent);
                else Dfs(item, pos + len, col + 1, okHere, keepInconsistent);
            }
        }

        bool Check(int col)
        {
            foreach (var check in checks)
            {
                if (check.Last != col) continue;
                long l = 0, r = 0;
                foreach (var i in check.Lhs) l += values[i] ?? 0;
                foreach (var i in check.Rhs) r += values[i] ?? 0;
                if (check.Relation == Relation.Equal ? l != r : l > r) return false;
            }
            return true;
        }
    }

    static int BrokenChecks(CellValue[] cells, ColumnCheck[] checks)
    {
        int broken = 0;
        foreach (var check in checks)
        {
            decimal l = 0, r = 0;
            foreach (var i in check.Lhs) l += cells[i].Value ?? 0;
            foreach (var i in check.Rhs) r += cells[i].Value ?? 0;
            if (check.Relation == Relation.Equal ? l != r : l > r) broken++;
        }
        return broken;
    }

    /// <summary>
    /// A prior for readings the arithmetic cannot separate. Small numbers are likelier than large ones (a cell's
    /// cost grows with its digits, as in Benford's and Zipf's laws: 0 is the commonest entry of these tables), the
    /// cells of one row tend to be of like size, and the row's plausibility relations of the template should hold.
    /// </summary>
    static double Implausibility(CompiledRow row, CellValue[] cells)
    {
        // Runs for each of up to 4,000 readings of a row: the cells' lengths are kept on the stack, not in a list.
        Span<int> lengths = cells.Length <= 64 ? stackalloc int[cells.Length] : new int[cells.Length];
        int count = 0;
        long total = 0;
        double score = 0;
        foreach (var c in cells)
        {
            if (!c.FromGluedDigits || c.Value is not decimal v) continue;
            double whole = Math.Abs((double)decimal.Truncate(v));
            score += Math.Log10(whole + 1);
            int length = whole < 10 ? 1 : (int)Math.Floor(Math.Log10(whole)) + 1;
            lengths[count++] = length;
            total += length;
        }
        if (count > 1)
        {
            // As Enumerable.Average and Sum compute them (a whole sum divided once, then the squares in order), so rankings do not move.
            double mean = (double)total / count;
            double spread = 0;
            for (int k = 0; k < count; k++) spread += (lengths[k] - mean) * (lengths[k] - mean);
            score += 0.15 * spread;
        }
        foreach (var rule in row.Definition.Plausible)
            if (!PlausibleHolds(rule, row.Columns, cells)) score += 1.5;
        return score;
    }

    /// <summary>A plausibility rule of the template ("a >= |b|") taken apart: one column id and absolute flag a side.</summary>
    sealed record PlausibleRule(bool AtLeast, string LeftId, bool LeftAbs, string RightId, bool RightAbs);

    /// <summary>The template's few rule strings, taken apart once: Implausibility runs for each of up to 4,000 readings a row.</summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PlausibleRule> ParsedRules = new();

    static PlausibleRule Parse(string rule)
    {
        string op = rule.Contains(">=") ? ">=" : "<=";
        var parts = rule.Split(op);
        var left = parts[0].Trim();
        var right = parts[1].Trim();
        static bool Abs(string name) => name.StartsWith('|') && name.EndsWith('|');
        return new PlausibleRule(op == ">=", left.Trim('|'), Abs(left), right.Trim('|'), Abs(right));
    }

    static bool PlausibleHolds(string rule, CompiledColumn[] cols, CellValue[] cells)
    {
        var r = ParsedRules.GetOrAdd(rule, Parse);
        decimal? Get(string id, bool abs)
        {
            for (int i = 0; i < cols.Length; i++)
                if (cols[i].Id == id) return cells[i].Value is decimal v ? (abs ? Math.Abs(v) : v) : null;
            return null;
        }
        var a = Get(r.LeftId, r.LeftAbs);
        var b = Get(r.RightId, r.RightAbs);
        if (a is null || b is null) return true;
        return r.AtLeast ? a >= b : a <= b;
    }

    /// <summary>One cell per token: the common case, and the reading of last resort (cells beyond the tokens are missing).</summary>
    public static RowReading OneCellPerToken(LayoutText text, CompiledColumn[] cols, List<CellToken> tokens)
    {
        var cells = new CellValue[cols.Length];
        OneCellPerToken(text, cols, tokens, cells);
        return new RowReading { Cells = cells };
    }

    /// <summary>The cells of <see cref="OneCellPerToken(LayoutText, CompiledColumn[], List{CellToken})"/> written into a row's place, no reading made.</summary>
    public static void OneCellPerToken(LayoutText text, CompiledColumn[] cols, List<CellToken> tokens, Span<CellValue> into)
    {
        for (int c = 0; c < cols.Length; c++)
            into[c] = c < tokens.Count ? Whole(text, cols[c], tokens[c]) : Missing(cols[c]);
    }

    static Item ToItem(LayoutText text, CellToken t)
    {
        if (t.Kind != CellKind.Number || !t.MaybeGlued) return new Item(t, false, "", "", "", 0);
        string d = t.DigitsIn(text.Folded);
        string sign = d.StartsWith('-') ? "-" : "";
        if (sign.Length > 0) d = d[1..];
        string frac = "";
        int dot = d.IndexOf('.');
        if (dot >= 0) { frac = d[dot..]; d = d[..dot]; }
        return new Item(t, true, sign, d, frac, t.DigitsStart - t.Start);
    }

    static CellValue Whole(LayoutText text, CompiledColumn col, CellToken t)
    {
        var raw = t.RawIn(text.Source);
        if (t.Kind == CellKind.Blank)
            return new CellValue { Field = col.Field, Value = null, Raw = raw, Start = t.Start, End = t.End };
        if (t.ValueIn(text.Folded) is not decimal v)
            return new CellValue { Field = col.Field, Value = null, Raw = raw, Start = t.Start, End = t.End, Confidence = 0 };
        if (col.Money) v = CellGrammar.ToWanYuan(v, t.Unit);
        return new CellValue
        {
            Field = col.Field, Value = v, Raw = raw, Start = t.Start, End = t.End, Unit = t.Unit, Note = t.NoteIn(text.Source), Approximate = t.Approximate,
        };
    }

    static CellValue Part(string source, CompiledColumn col, Item it, int pos, int len, bool last)
    {
        string text = (pos == 0 ? it.Sign : "") + it.Digits.Substring(pos, len) + (last ? it.Fraction : "");
        decimal v = 0;
        for (int k = pos; k < pos + len; k++) v = v * 10 + (it.Digits[k] - '0');
        if (last && it.Fraction.Length > 1)
        {
            decimal scale = 1;
            for (int k = 1; k < it.Fraction.Length; k++) { scale /= 10; v += (it.Fraction[k] - '0') * scale; }
        }
        if (pos == 0 && it.Sign.Length > 0) v = -v;
        if (col.Money) v = CellGrammar.ToWanYuan(v, last ? it.Token.Unit : null);
        int start = it.Token.Start + (pos == 0 ? 0 : it.DigitsOffset + pos);
        int end = it.Token.Start + it.DigitsOffset + pos + len + (last ? it.Fraction.Length : 0);
        return new CellValue
        {
            Field = col.Field, Value = v, Raw = text, Start = start, End = end, Unit = last ? it.Token.Unit : null,
            Note = last ? it.Token.NoteIn(source) : null, FromGluedDigits = true,
        };
    }

    static CellValue Missing(CompiledColumn col) => new() { Field = col.Field, Value = null, Raw = "", Start = -1, End = -1, Confidence = 0.5 };
}
