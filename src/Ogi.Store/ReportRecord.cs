namespace Ogi.Store;

/// <summary>
/// One stored report as the query side sees it: the current parse of one document, with the agency it was placed
/// under. This is the contract between the database (which fills it, from SQLite or PostgreSQL alike) and the answers
/// built on it (query, stats, compare, export).
/// </summary>
public sealed record ReportRecord
{
    public required long Id { get; init; }
    /// <summary>SHA-256 of the document's bytes, lower-case hex: the document's identity.</summary>
    public required string Sha256 { get; init; }
    public required string FileName { get; init; }
    /// <summary>legacy | gov2019 | gov2021 | unknown.</summary>
    public required string Template { get; init; }
    public string? Title { get; init; }
    /// <summary>The agency as the report names it (metadata.agency).</summary>
    public string? AgencyAsPrinted { get; init; }
    public int? Year { get; init; }
    public DateOnly? Published { get; init; }
    /// <summary>The agency the report was placed under (after user corrections and merges), or null when none.</summary>
    public long? AgencyId { get; init; }
    public string? AgencyName { get; init; }
    /// <summary>GB/T 2260 code of the administrative division (the agency's own, or the one a department belongs to).</summary>
    public string? PlaceCode { get; init; }
    /// <summary>province | city | county | township, of <see cref="PlaceCode"/>; null when unplaced.</summary>
    public string? PlaceLevel { get; init; }
    /// <summary>A department of the division (卫生健康局) rather than the division's government itself.</summary>
    public bool IsDepartment { get; init; }
    /// <summary>The main table's values by canonical field (FIELDS.md); a blank cell is null, an unprinted row has no key.
    /// When the caller asked for some fields only, only those.</summary>
    public required IReadOnlyDictionary<string, decimal?> Values { get; init; }
    public required IReadOnlyList<StoredFinding> Findings { get; init; }
    /// <summary>Version of the parser that produced this parse.</summary>
    public string? ParserVersion { get; init; }
}

/// <summary>A finding of a stored report, with the review decision on it (confirmed, dismissed, or none).</summary>
public sealed record StoredFinding
{
    public required long Id { get; init; }
    public required long ReportId { get; init; }
    /// <summary>Rule id of FIELDS.md (R1, T1, X1 …).</summary>
    public required string Rule { get; init; }
    public required string Severity { get; init; }
    public required string Message { get; init; }
    public string? MessageEn { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    /// <summary>For cross-year findings (X1–X3): the other report of the series.</summary>
    public long? RelatedReportId { get; init; }
    /// <summary>confirmed | dismissed | null.</summary>
    public string? Review { get; init; }
    public string? ReviewNote { get; init; }
    /// <summary>A review whose finding no longer stands as it was reviewed (different values or fields).</summary>
    public bool ReviewStale { get; init; }
}
