using Ogi.Cells;
using Ogi.Templates;

namespace Ogi.Resolve;

/// <summary>The readings of one row, and the one chosen.</summary>
public sealed class RowChoice
{
    public required CompiledRow Row { get; init; }
    public required List<RowReading> Readings { get; init; }
    public RowReading? Chosen { get; set; }
    /// <summary>Readings that remained as consistent as the chosen one: when more than one, the choice was a judgement.</summary>
    /// <remarks>None (shared, not a list a row) until the search sets them: most rows have one reading and no search.</remarks>
    public IReadOnlyList<RowReading> Tied { get; set; } = [];
}

/// <summary>
/// Chooses one reading per row for a whole table so that the table's equations (R1, R2, L1–L6 …) hold: a
/// branch-and-bound search over the rows that have several readings, minimising the number of broken equations.
/// A single best reading is taken as it is. Where several remain equally good, the narrative's figures and then
/// the plausibility prior decide, the choice is reported (G1) and the cells' confidence is lowered. Stated values
/// are never changed: a report whose own numbers break a rule keeps them.
/// </summary>
public static class GluedDigitsResolver
{
    const int MaxNodes = 200_000;
    const int MaxSolutions = 64;

    public static void Resolve(IReadOnlyList<RowChoice> rows, IReadOnlyList<Equation> equations, IReadOnlyDictionary<string, decimal> narrative)
    {
        bool anyAmbiguous = false;
        for (int k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            r.Chosen = r.Readings.Count > 0 ? r.Readings[0] : null;
            anyAmbiguous |= r.Readings.Count > 1;
        }
        if (!anyAmbiguous) return;
        ResolveAmbiguous(rows, equations, narrative);
    }

    /// <summary>The search, for tables with rows of several readings (kept apart: most tables have none, and allocate nothing here).</summary>
    static void ResolveAmbiguous(IReadOnlyList<RowChoice> rows, IReadOnlyList<Equation> equations, IReadOnlyDictionary<string, decimal> narrative)
    {
        var owner = new Dictionary<string, RowChoice>();
        foreach (var r in rows)
            foreach (var c in r.Row.Columns) owner[c.Field] = r;
        // The equations over rows the table printed; a legacy total's optional parts not printed are left out.
        var relevant = new List<Equation>(equations.Count);
        foreach (var eq in equations)
        {
            var e = eq;
            if (e.PartsOptional)
            {
                var lhs = e.Relation == Relation.AtMost ? Owned(e.Lhs, owner) : e.Lhs;
                var rhs = e.Relation == Relation.Equal ? Owned(e.Rhs, owner) : e.Rhs;
                if (!ReferenceEquals(lhs, e.Lhs) || !ReferenceEquals(rhs, e.Rhs)) e = e with { Lhs = lhs, Rhs = rhs };
            }
            if (e.Lhs.Length > 0 && e.Rhs.Length > 0 && AllOwned(e.Lhs, owner) && AllOwned(e.Rhs, owner)) relevant.Add(e);
        }
        var ambiguous = new List<RowChoice>();
        foreach (var r in rows) if (r.Readings.Count > 1) ambiguous.Add(r);
        // Rows tied together by equations are decided together; a row no equation reaches is decided alone.
        foreach (var component in Components(ambiguous, relevant, owner))
            ResolveComponent(component.Rows, component.Equations, owner, narrative);
    }

    /// <summary>The fields some row holds, in order; the same array when all are held.</summary>
    static string[] Owned(string[] fields, Dictionary<string, RowChoice> owner)
    {
        if (AllOwned(fields, owner)) return fields;
        var held = new List<string>(fields.Length);
        foreach (var f in fields) if (owner.ContainsKey(f)) held.Add(f);
        return [.. held];
    }

    static bool AllOwned(string[] fields, Dictionary<string, RowChoice> owner)
    {
        foreach (var f in fields) if (!owner.ContainsKey(f)) return false;
        return true;
    }

    static List<(List<RowChoice> Rows, List<Equation> Equations)> Components(List<RowChoice> ambiguous, List<Equation> equations, Dictionary<string, RowChoice> owner)
    {
        var parent = ambiguous.ToDictionary(r => r, r => r);
        RowChoice Find(RowChoice r) { while (parent[r] != r) r = parent[r] = parent[parent[r]]; return r; }
        foreach (var e in equations)
        {
            RowChoice? first = null;
            Join(e.Lhs);
            Join(e.Rhs);

            void Join(string[] fields)
            {
                foreach (var f in fields)
                {
                    var row = owner[f];
                    if (!parent.ContainsKey(row)) continue;
                    if (first is null) first = row; else parent[Find(row)] = Find(first);
                }
            }
        }
        // The components in the order their first rows come, and each equation in the one its rows were joined into
        // (all the ambiguous rows an equation reads are in one component), in the equations' order.
        var groups = new List<(List<RowChoice> Rows, List<Equation> Equations)>();
        var indexOfRoot = new Dictionary<RowChoice, int>();
        var groupOf = new Dictionary<RowChoice, int>();
        foreach (var r in ambiguous)
        {
            var root = Find(r);
            if (!indexOfRoot.TryGetValue(root, out int g)) { indexOfRoot[root] = g = groups.Count; groups.Add(([], [])); }
            groups[g].Rows.Add(r);
            groupOf[r] = g;
        }
        foreach (var e in equations)
        {
            int g = GroupOf(e.Lhs);
            if (g < 0) g = GroupOf(e.Rhs);
            if (g >= 0) groups[g].Equations.Add(e);
        }
        return groups;

        int GroupOf(string[] fields)
        {
            foreach (var f in fields) if (groupOf.TryGetValue(owner[f], out int g)) return g;
            return -1;
        }
    }

    static void ResolveComponent(List<RowChoice> rows, List<Equation> equations, Dictionary<string, RowChoice> owner, IReadOnlyDictionary<string, decimal> narrative)
    {
        var order = rows.OrderBy(r => r.Readings.Count).ToList();
        var position = new Dictionary<RowChoice, int>();
        for (int i = 0; i < order.Count; i++) position[order[i]] = i;
        // An equation is checked as soon as the last ambiguous row it reads is assigned. Its fields' rows are looked
        // up once here, not at each of the search's (up to 200,000) nodes.
        var checkAt = new List<BoundEquation>[order.Count + 1];
        for (int i = 0; i <= order.Count; i++) checkAt[i] = [];
        foreach (var e in equations)
        {
            int last = -1;
            foreach (var f in e.Lhs) if (position.TryGetValue(owner[f], out var p)) last = Math.Max(last, p);
            foreach (var f in e.Rhs) if (position.TryGetValue(owner[f], out var p)) last = Math.Max(last, p);
            if (last >= 0) checkAt[last].Add(new BoundEquation(e, Array.ConvertAll(e.Lhs, f => owner[f]), Array.ConvertAll(e.Rhs, f => owner[f]),
                Array.ConvertAll(e.Lhs, f => ColumnOf(owner[f], f)), Array.ConvertAll(e.Rhs, f => ColumnOf(owner[f], f))));
        }
        var assignment = new RowReading[order.Count];
        int best = int.MaxValue, nodes = 0;
        var solutions = new List<RowReading[]>();
        bool truncated = false;
        Search(0, 0);
        if (solutions.Count == 0 || nodes > MaxNodes || truncated)
        {
            // Too many readings to enumerate: every row keeps its own best, and all of them stay in doubt.
            foreach (var r in order) { r.Chosen = solutions.Count > 0 ? solutions[0][position[r]] : r.Readings[0]; r.Tied = r.Readings; }
            if (solutions.Count == 0) return;
        }
        // The solution the narrative agrees with most, then the most plausible; the first of equals (as a stable sort's first).
        var bestSolution = solutions[0];
        int bestAgreement = NarrativeAgreement(bestSolution, narrative);
        double bestImplausibility = Implausibility(bestSolution);
        for (int k = 1; k < solutions.Count; k++)
        {
            int agreement = NarrativeAgreement(solutions[k], narrative);
            if (agreement < bestAgreement) continue;
            double implausibility = Implausibility(solutions[k]);
            if (agreement > bestAgreement || implausibility < bestImplausibility)
            { bestSolution = solutions[k]; bestAgreement = agreement; bestImplausibility = implausibility; }
        }
        for (int i = 0; i < order.Count; i++)
        {
            order[i].Chosen = bestSolution[i];
            if (!truncated && nodes <= MaxNodes) order[i].Tied = solutions.Select(s => s[i]).Distinct().ToList();
        }

        void Search(int i, int broken)
        {
            if (++nodes > MaxNodes || broken > best) return;
            if (i == order.Count)
            {
                if (broken < best) { best = broken; solutions.Clear(); truncated = false; }
                if (solutions.Count < MaxSolutions) solutions.Add((RowReading[])assignment.Clone());
                else truncated = true;
                return;
            }
            foreach (var reading in order[i].Readings)
            {
                assignment[i] = reading;
                order[i].Chosen = reading;
                int b = broken;
                foreach (var e in checkAt[i]) if (!Holds(e)) b++;
                Search(i + 1, b);
            }
        }
    }

    /// <summary>The solution's readings' implausibility, added up in order.</summary>
    static double Implausibility(RowReading[] solution)
    {
        double sum = 0;
        foreach (var r in solution) sum += r.Implausibility;
        return sum;
    }

    static int NarrativeAgreement(RowReading[] solution, IReadOnlyDictionary<string, decimal> narrative)
    {
        int n = 0;
        foreach (var reading in solution)
            foreach (var c in reading.Cells)
                if (c.Value is decimal v && narrative.TryGetValue(c.Field, out var said) && said == v) n++;
        return n;
    }

    /// <summary>An equation with the row that holds each of its fields (Lhs[i] in LhsRows[i], in its column LhsColumns[i]).</summary>
    sealed record BoundEquation(Equation Equation, RowChoice[] LhsRows, RowChoice[] RhsRows, int[] LhsColumns, int[] RhsColumns);

    static bool Holds(BoundEquation b)
    {
        var e = b.Equation;
        decimal l = 0, r = 0;
        for (int i = 0; i < e.Lhs.Length; i++) l += Value(b.LhsRows[i], b.LhsColumns[i], e.Lhs[i]);
        for (int i = 0; i < e.Rhs.Length; i++) r += Value(b.RhsRows[i], b.RhsColumns[i], e.Rhs[i]);
        return e.Relation == Relation.Equal ? l == r : l <= r;
    }

    /// <summary>The column of the row that holds the field: every reading of a row has a cell per column, in order.</summary>
    static int ColumnOf(RowChoice row, string field) => Array.FindIndex(row.Row.Columns, c => c.Field == field);

    static decimal Value(RowChoice row, int column, string field)
    {
        var cells = row.Chosen!.Cells;
        // The reading's cell in that column; a reading of another shape is searched by field, as it always was.
        if (column >= 0 && column < cells.Length && cells[column].Field == field) return cells[column].Value ?? 0;
        foreach (var c in cells) if (c.Field == field) return c.Value ?? 0;
        return 0;
    }
}
