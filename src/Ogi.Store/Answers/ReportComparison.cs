namespace Ogi.Store.Answers;

/// <summary>One field of two reports side by side. A and B are null when the cell is blank or the row unprinted (<see cref="InA"/>/<see cref="InB"/> tell which); Delta = B − A when both have a value.</summary>
public sealed record ComparisonRow(string Field, string Label, decimal? A, decimal? B, bool InA, bool InB)
{
    public decimal? Delta => A is { } a && B is { } b ? Decimals.Plain(b - a) : null;
    /// <summary>The values differ, or one report prints the field and the other does not.</summary>
    public bool Changed => InA != InB || A != B;
}

/// <summary>Two reports side by side: every field either holds, in the forms' order, and the findings of each.</summary>
public sealed record ReportComparison(ReportRecord A, ReportRecord B, IReadOnlyList<ComparisonRow> Rows)
{
    public static ReportComparison Of(ReportRecord a, ReportRecord b)
    {
        var rows = new List<ComparisonRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The forms' order first (a's template, then b's when it differs: gov2019 against gov2021), then rows the templates do not know.
        foreach (var info in FieldCatalog.OfTemplate(a.Template).Concat(FieldCatalog.OfTemplate(b.Template)))
            if (seen.Add(info.Field) && (a.Values.ContainsKey(info.Field) || b.Values.ContainsKey(info.Field)))
                rows.Add(Row(info.Field, info.Label, a, b));
        foreach (var field in a.Values.Keys.Concat(b.Values.Keys).Where(f => !seen.Contains(f)).Distinct().Order(StringComparer.Ordinal))
            rows.Add(Row(field, FieldCatalog.LabelOf(field), a, b));
        return new ReportComparison(a, b, rows);
    }

    static ComparisonRow Row(string field, string label, ReportRecord a, ReportRecord b)
    {
        bool inA = a.Values.TryGetValue(field, out var va), inB = b.Values.TryGetValue(field, out var vb);
        return new ComparisonRow(field, label, va, vb, inA, inB);
    }
}
