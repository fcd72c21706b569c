namespace Ogi.Store;

/// <summary>
/// Which reports a query, stats, export or listing takes. Every criterion is optional; all given must hold.
/// The database applies them (SQL), the same on SQLite and PostgreSQL.
/// </summary>
public sealed record ReportFilter
{
    /// <summary>Substring of the agency's name (as placed, or as printed when unplaced).</summary>
    public string? Agency { get; init; }
    /// <summary>A division code (350502, 350500, 35) or name (鲤城区, 泉州市): that place and everything below it.</summary>
    public string? Place { get; init; }
    /// <summary>province | city | county | township | department.</summary>
    public string? Level { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public string? Template { get; init; }
    /// <summary>Reports with at least one finding of this rule id (R1, P1, X1 …).</summary>
    public string? Rule { get; init; }
    /// <summary>true: every finding of the report reviewed; false: at least one finding not reviewed.</summary>
    public bool? Reviewed { get; init; }
    /// <summary>Published after the statutory deadline (a P1 finding).</summary>
    public bool? Late { get; init; }
    public IReadOnlyList<FieldComparison> Comparisons { get; init; } = [];

    public static ReportFilter All { get; } = new();
}

/// <summary>A condition on one canonical field, such as <c>applications.new.total&gt;100</c>; a blank or unprinted field never satisfies it.</summary>
public sealed record FieldComparison(string Field, ComparisonOperator Operator, decimal Value);

public enum ComparisonOperator { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }
