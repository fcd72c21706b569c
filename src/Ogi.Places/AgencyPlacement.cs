namespace Ogi.Places;

/// <summary>Where an agency stands in the administrative tree, and the series its reports belong to.</summary>
/// <param name="Name">the normalized agency name (<see cref="AgencyName.Normalize"/>)</param>
/// <param name="DivisionCode">the division it belongs to (an abolished one when the name is old: 密云县), or null when unplaced</param>
/// <param name="Level">of <paramref name="DivisionCode"/></param>
/// <param name="IsDepartment">a department, office or bureau of that division rather than its government</param>
/// <param name="Department">the department's own name (卫生健康局, 人民政府办公室) when <paramref name="IsDepartment"/></param>
/// <param name="SeriesKey">the agency across years and renamings: the successor division's code, then <c>/</c> and
/// the department; the normalized name when unplaced</param>
/// <param name="Evidence">one line: which names and context decided it, or why it stayed unplaced</param>
public sealed record AgencyPlacement(
    string Name,
    string? DivisionCode,
    DivisionLevel? Level,
    bool IsDepartment,
    string? Department,
    string SeriesKey,
    string Evidence)
{
    /// <summary>A body of the central government (国务院办公厅, 水利部): above the tree, so no division code.</summary>
    public bool IsNational { get; init; }

    /// <summary>The other divisions the name could be when it stayed unplaced for ambiguity (codes).</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    public bool IsPlaced => DivisionCode is not null;
}
