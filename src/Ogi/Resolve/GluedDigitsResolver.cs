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

    public static void Resolve(IReadOnlyList<RowChoice> rows, CompiledTable table, IReadOnlyDictionary<string, decimal> narrative)
    {
        bool anyAmbiguous = false;
        for (int k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            r.Chosen = r.Readings.Count > 0 ? r.Readings[0] : null;
            anyAmbiguous |= r.Readings.Count > 1;
        }
        if (!anyAmbiguous) return;
        ResolveAmbiguous(rows, table, narrative);
    }

    /// <summary>One side of an equation: its fields, and the row (index in the table, −1 for none) and column of each.</summary>
    sealed record Side(string[] Fields, int[] Rows, int[] Columns)
    {
        /// <summary>The fields a printed row holds, in order; the same side when all are held.</summary>
        public Side Owned(RowChoice?[] choiceOf)
        {
            if (AllOwned(choiceOf)) return this;
            var fields = new List<string>(Fields.Length);
            var rows = new List<int>(Fields.Length);
            var columns = new List<int>(Fields.Length);
            for (int i = 0; i < Fields.Length; i++)
                if (Rows[i] >= 0 && choiceOf[Rows[i]] is not null) { fields.Add(Fields[i]); rows.Add(Rows[i]); columns.Add(Columns[i]); }
            return new Side([.. fields], [.. rows], [.. columns]);
        }

        public bool AllOwned(RowChoice?[] choiceOf)
        {
            foreach (var r in Rows) if (r < 0 || choiceOf[r] is null) return false;
            return true;
        }
    }

    /// <summary>A cross-row equation with each field's place in the table.</summary>
    sealed record PlacedEquation(Equation Equation, Side Lhs, Side Rhs);

    /// <summary>Each table's cross-row equations placed once (the template's data, looked up by field name a single time).</summary>
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompiledTable, PlacedEquation[]> Placed = new();

    static PlacedEquation[] Place(CompiledTable table)
    {
        var at = new Dictionary<string, (int Row, int Column)>();
        foreach (var row in table.Rows)
            for (int c = 0; c < row.Columns.Length; c++) at[row.Columns[c].Field] = (row.Index, c);
        Side SideOf(string[] fields)
        {
            var rows = new int[fields.Length];
            var columns = new int[fields.Length];
            for (int i = 0; i < fields.Length; i++)
                (rows[i], columns[i]) = at.TryGetValue(fields[i], out var place) ? place : (-1, -1);
            return new Side(fields, rows, columns);
        }
        var placed = new PlacedEquation[table.CrossRowEquations.Count];
        for (int k = 0; k < placed.Length; k++)
        {
            var e = table.CrossRowEquations[k];
            placed[k] = new PlacedEquation(e, SideOf(e.Lhs), SideOf(e.Rhs));
        }
        return placed;
    }

    /// <summary>The search, for tables with rows of several readings (kept apart: most tables have none, and allocate nothing here).</summary>
    static void ResolveAmbiguous(IReadOnlyList<RowChoice> rows, CompiledTable table, IReadOnlyDictionary<string, decimal> narrative)
    {
        // The row read for each row of the table (a table's fields are its rows' own: one row holds each).
        var choiceOf = new RowChoice?[table.Rows.Count];
        foreach (var r in rows) choiceOf[r.Row.Index] = r;
        // The equations over rows the table printed; a legacy total's optional parts not printed are left out.
        var equations = Placed.GetValue(table, Place);
        var relevant = new List<PlacedEquation>(equations.Length);
        foreach (var eq in equations)
        {
            var e = eq;
            if (e.Equation.PartsOptional)
            {
                var lhs = e.Equation.Relation == Relation.AtMost ? e.Lhs.Owned(choiceOf) : e.Lhs;
                var rhs = e.Equation.Relation == Relation.Equal ? e.Rhs.Owned(choiceOf) : e.Rhs;
                if (!ReferenceEquals(lhs, e.Lhs) || !ReferenceEquals(rhs, e.Rhs)) e = e with { Lhs = lhs, Rhs = rhs };
            }
            if (e.Lhs.Fields.Length > 0 && e.Rhs.Fields.Length > 0 && e.Lhs.AllOwned(choiceOf) && e.Rhs.AllOwned(choiceOf)) relevant.Add(e);
        }
        var ambiguous = new List<RowChoice>();
        foreach (var r in rows) if (r.Readings.Count > 1) ambiguous.Add(r);
        // Rows tied together by equations are decided together; a row no equation reaches is decided alone.
        foreach (var component in Components(ambiguous, relevant, choiceOf))
            ResolveComponent(component.Rows, component.Equations, choiceOf, narrative);
    }

    static List<(List<RowChoice> Rows, List<PlacedEquation> Equations)> Components(List<RowChoice> ambiguous, List<PlacedEquation> equations, RowChoice?[] choiceOf)
    {
        var parent = ambiguous.ToDictionary(r => r, r => r);
        RowChoice Find(RowChoice r) { while (parent[r] != r) r = parent[r] = parent[parent[r]]; return r; }
        foreach (var e in equations)
        {
            RowChoice? first = null;
            Join(e.Lhs);
            Join(e.Rhs);

            void Join(Side side)
            {
                foreach (var at in side.Rows)
                {
                    var row = choiceOf[at]!;
                    if (!parent.ContainsKey(row)) continue;
                    if (first is null) first = row; else parent[Find(row)] = Find(first);
                }
            }
        }
        // The components in the order their first rows come, and each equation in the one its rows were joined into
        // (all the ambiguous rows an equation reads are in one component), in the equations' order.
        var groups = new List<(List<RowChoice> Rows, List<PlacedEquation> Equations)>();
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

        int GroupOf(Side side)
        {
            foreach (var at in side.Rows) if (groupOf.TryGetValue(choiceOf[at]!, out int g)) return g;
            return -1;
        }
    }

    static void ResolveComponent(List<RowChoice> rows, List<PlacedEquation> equations, RowChoice?[] choiceOf, IReadOnlyDictionary<string, decimal> narrative)
    {
        var order = ByReadings(rows);
        var position = new Dictionary<RowChoice, int>();
        for (int i = 0; i < order.Count; i++) position[order[i]] = i;
        // An equation is checked as soon as the last ambiguous row it reads is assigned. Its fields' rows are looked
        // up once here, not at each of the search's (up to 200,000) nodes.
        var checkAt = new List<BoundEquation>[order.Count + 1];
        for (int i = 0; i <= order.Count; i++) checkAt[i] = [];
        foreach (var e in equations)
        {
            int last = -1;
            foreach (var at in e.Lhs.Rows) if (position.TryGetValue(choiceOf[at]!, out var p)) last = Math.Max(last, p);
            foreach (var at in e.Rhs.Rows) if (position.TryGetValue(choiceOf[at]!, out var p)) last = Math.Max(last, p);
            if (last >= 0) checkAt[last].Add(new BoundEquation(e.Equation.Relation, ColumnFields(e.Lhs, choiceOf), ColumnFields(e.Rhs, choiceOf),
                Array.ConvertAll(e.Lhs.Rows, at => choiceOf[at]!), Array.ConvertAll(e.Rhs.Rows, at => choiceOf[at]!), e.Lhs.Columns, e.Rhs.Columns));
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

    /// <summary>The rows, fewest readings first, rows of as many in their order.</summary>
    static List<RowChoice> ByReadings(List<RowChoice> rows)
    {
        var order = new List<RowChoice>(rows);
        Parsing.NumberSort.StableSortBy(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(order), r => r.Readings.Count);
        return order;
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
    sealed record BoundEquation(Relation Relation, string[] Lhs, string[] Rhs, RowChoice[] LhsRows, RowChoice[] RhsRows, int[] LhsColumns, int[] RhsColumns);

    static bool Holds(BoundEquation b)
    {
        // Whole numbers (counts, nearly always) are added as such; a decimal anywhere, and the equation is added in decimals.
        if (WholeSum(b.LhsRows, b.LhsColumns, b.Lhs, out long wl) && WholeSum(b.RhsRows, b.RhsColumns, b.Rhs, out long wr))
            return b.Relation == Relation.Equal ? wl == wr : wl <= wr;
        decimal l = 0, r = 0;
        for (int i = 0; i < b.Lhs.Length; i++) l += Value(b.LhsRows[i], b.LhsColumns[i], b.Lhs[i]);
        for (int i = 0; i < b.Rhs.Length; i++) r += Value(b.RhsRows[i], b.RhsColumns[i], b.Rhs[i]);
        return b.Relation == Relation.Equal ? l == r : l <= r;
    }

    /// <summary>
    /// The side's fields as the strings their rows' columns hold (the same text): a reading's cell is then known to
    /// be the field's by reference, not compared character by character at each node of the search.
    /// </summary>
    static string[] ColumnFields(Side side, RowChoice?[] choiceOf)
    {
        var fields = (string[])side.Fields.Clone();
        for (int i = 0; i < fields.Length; i++)
        {
            var columns = choiceOf[side.Rows[i]]!.Row.Columns;
            int c = side.Columns[i];
            if (c >= 0 && c < columns.Length && columns[c].Field == fields[i]) fields[i] = columns[c].Field;
        }
        return fields;
    }

    /// <summary>One side's sum in whole numbers, when each of its fields is in its column of a reading of whole values.</summary>
    static bool WholeSum(RowChoice[] rows, int[] columns, string[] fields, out long sum)
    {
        sum = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            var reading = rows[i].Chosen!;
            int column = columns[i];
            if (column < 0 || column >= reading.Cells.Length || reading.Cells[column].Field != fields[i] || reading.Wholes is not { } wholes) return false;
            sum += wholes[column];
        }
        return true;
    }

    static decimal Value(RowChoice row, int column, string field)
    {
        var cells = row.Chosen!.Cells;
        // The reading's cell in that column; a reading of another shape is searched by field, as it always was.
        if (column >= 0 && column < cells.Length && cells[column].Field == field) return cells[column].Value ?? 0;
        foreach (var c in cells) if (c.Field == field) return c.Value ?? 0;
        return 0;
    }
}
