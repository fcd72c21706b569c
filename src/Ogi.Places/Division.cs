namespace Ogi.Places;

/// <summary>The four levels of China's administrative tree that publish disclosure reports.</summary>
public enum DivisionLevel { Province, City, County, Township }

/// <summary>
/// One administrative division: GB/T 2260 code (six digits, <c>350502</c>) or, for a township, the statistics
/// bureau's nine-digit code whose first six are its county. <see cref="ParentCode"/> skips the data's placeholders
/// (市辖区, 省直辖县级行政区划), so 海淀区's parent is 北京市 and 仙桃市's is 湖北省.
/// </summary>
public sealed record Division(string Code, string Name, DivisionLevel Level, string? ParentCode)
{
    /// <summary>The year the division was abolished or renamed (see renames.tsv); null for a current division.</summary>
    public int? AbolishedIn { get; init; }

    public bool IsCurrent => AbolishedIn is null;
}

/// <summary>A change of code and name: the old division's reports continue under the new one.</summary>
public sealed record Renaming(string OldCode, string OldName, string NewCode, string NewName, int Year, string Source);
