using System.Runtime.CompilerServices;
using Ogi.Cells;
using Ogi.Parsing;
using Ogi.Templates;

namespace Ogi.Validate;

/// <summary>
/// A template's checks compiled once into positions: every field the template's tables, equations and narrative cues
/// name has a slot, every equation the slots of its two sides, every table the slots of its fields and rows. It is
/// built from the template's definition on first use and kept with the template (the templates stay data); a
/// report's cells are then placed by slot once (<see cref="FieldValues"/>) and the checks read slots, not names.
/// </summary>
sealed class RulePlan
{
    static readonly ConditionalWeakTable<CompiledTemplate, RulePlan> Plans = new();

    public static RulePlan For(CompiledTemplate template) => Plans.GetValue(template, t => new RulePlan(t.Tables, t.Definition.Narrative));

    /// <summary>The plan for these tables: the template's own, or (tables from elsewhere) one made for them alone.</summary>
    public static RulePlan For(CompiledTemplate template, IReadOnlyList<TableMatchInfo> tables)
    {
        var plan = For(template);
        foreach (var t in tables) if (!plan._tables.ContainsKey(t.Table)) return new RulePlan(tables.Select(x => x.Table).ToList(), template.Definition.Narrative);
        return plan;
    }

    readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    /// <summary>
    /// The slots of the template's own field strings, by reference: a cell's field is the very string of its column, so
    /// placing a report's cells mostly needs no hashing of text. Any other string is looked up by its characters.
    /// </summary>
    readonly ByIdentity<int> _slotOfInstance = new(256);
    readonly Dictionary<CompiledTable, TablePlan> _tables = new(ReferenceEqualityComparer.Instance);

    RulePlan(IReadOnlyList<CompiledTable> tables, List<NarrativeCue> narrative)
    {
        foreach (var t in tables)
        {
            if (_tables.ContainsKey(t)) continue;
            var fields = Array.ConvertAll(t.Fields, Slot);
            for (int k = 0; k < fields.Length; k++) _slotOfInstance.Add(t.Fields[k], fields[k]);
            // (Loops into arrays, not LINQ: its code over these tuples is not precompiled, and every process would
            // JIT-compile it for the plan it builds once.)
            int rowCount = 0;
            foreach (var r in t.Rows) if (!r.Group) rowCount++;
            var rows = new (CompiledRow Row, int[] Columns)[rowCount];
            int next = 0;
            foreach (var r in t.Rows)
            {
                if (r.Group) continue;
                var columns = new int[r.Columns.Length];
                for (int k = 0; k < columns.Length; k++) columns[k] = Slot(r.Columns[k].Field);
                rows[next++] = (r, columns);
            }
            var equations = new List<EquationPlan>(t.Equations.Count);
            foreach (var e in t.Equations)
                if (e.RuleId.Length > 0) equations.Add(new EquationPlan(e, Array.ConvertAll(e.Lhs, Slot), Array.ConvertAll(e.Rhs, Slot)));
            _tables[t] = new TablePlan(fields, rows, [.. equations]);
        }
        foreach (var cue in narrative)
        {
            Slot(cue.Field);
            foreach (var other in cue.MayInclude) Slot(other);
        }
    }

    int Slot(string field)
    {
        if (!_slots.TryGetValue(field, out int s)) _slots[field] = s = _slots.Count;
        return s;
    }

    public TablePlan Of(CompiledTable table) => _tables[table];

    public bool Has(CompiledTable table) => _tables.ContainsKey(table);

    /// <summary>The cells of a table by slot: the first cell of each field, as a lookup by name would find it.</summary>
    public FieldValues Place(ParsedTable table)
    {
        var bySlot = new CellValue?[_slots.Count];
        foreach (var c in table.Cells)
            if (_slotOfInstance.TryGetValue(c.Field, out int s) || _slots.TryGetValue(c.Field, out s)) bySlot[s] ??= c;
        return new FieldValues(this, table, bySlot);
    }

    public bool TryGetSlot(string field, out int slot) => _slots.TryGetValue(field, out slot);
}

/// <summary>One table's slots: its fields in template order, its rows with values, its checks.</summary>
sealed record TablePlan(int[] Fields, (CompiledRow Row, int[] Columns)[] Rows, EquationPlan[] Equations);

/// <summary>An equation of FIELDS.md with the slots of its fields (Lhs[i] in LhsSlots[i]).</summary>
sealed record EquationPlan(Equation Equation, int[] LhsSlots, int[] RhsSlots);

/// <summary>A parsed table's cells placed by the plan's slots.</summary>
sealed class FieldValues
{
    readonly CellValue?[] _bySlot;

    public FieldValues(RulePlan plan, ParsedTable table, CellValue?[] bySlot)
    {
        Plan = plan;
        Table = table;
        _bySlot = bySlot;
        // The equations add these up many times: the amounts are taken out of the cells once, as whole numbers when
        // every one is a count (almost every report), so that the sums need no decimal arithmetic; as decimals only
        // when one is not.
        HasValue = new bool[bySlot.Length];
        var counts = new long[bySlot.Length];
        bool whole = true;
        for (int s = 0; s < bySlot.Length; s++)
            if (bySlot[s]?.Value is decimal v)
            {
                HasValue[s] = true;
                if (whole && WholeNumber.TryGet(v, out long count) && Math.Abs(count) <= MaxCount) counts[s] = count;
                else whole = false;
            }
        Counts = whole ? counts : null;
    }

    decimal[]? _amounts;

    decimal[] TakeAmounts()
    {
        var amounts = new decimal[_bySlot.Length];
        for (int s = 0; s < _bySlot.Length; s++) if (_bySlot[s]?.Value is decimal v) amounts[s] = v;
        return amounts;
    }

    /// <summary>Counts this large could not add up past a long's range however many an equation sums.</summary>
    const long MaxCount = 1L << 52;

    public RulePlan Plan { get; }
    public ParsedTable Table { get; }

    public CellValue? this[int slot] => _bySlot[slot];

    /// <summary>Per slot, the cell's value, 0 for a blank or missing cell (as the checks count them); taken when first asked for.</summary>
    public decimal[] Amounts => _amounts ??= TakeAmounts();
    /// <summary>Per slot, whether the cell holds a value.</summary>
    public bool[] HasValue { get; }
    /// <summary><see cref="Amounts"/> as whole numbers, when every value is one; else null.</summary>
    public long[]? Counts { get; }

    public bool Printed(int slot) => _bySlot[slot] is not null;

    /// <summary>The first cell of a field; a field the plan has no slot for is looked for among the cells.</summary>
    public CellValue? Get(string field)
    {
        if (Plan.TryGetSlot(field, out int s)) return _bySlot[s];
        foreach (var c in Table.Cells) if (c.Field == field) return c;
        return null;
    }
}
