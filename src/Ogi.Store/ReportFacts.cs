namespace Ogi.Store;

/// <summary>
/// What statistics over many reports need of each one, and no more: how it is grouped (year, place, level, template),
/// the values of the fields asked, and which of the rules asked its findings break. Stats over 100,000 reports read
/// this rather than a <see cref="ReportRecord"/> each, with every finding's message.
/// </summary>
public sealed record ReportFacts
{
    public required long Id { get; init; }
    public int? Year { get; init; }
    /// <summary>legacy | gov2019 | gov2021 | unknown.</summary>
    public required string Template { get; init; }
    /// <summary>As <see cref="ReportRecord.PlaceCode"/>.</summary>
    public string? PlaceCode { get; init; }
    /// <summary>As <see cref="ReportRecord.PlaceLevel"/>: null when unplaced.</summary>
    public string? PlaceLevel { get; init; }
    public bool IsDepartment { get; init; }
    /// <summary>The main table's values of the fields asked (a blank cell is null, an unprinted row has no key).</summary>
    public required IReadOnlyDictionary<string, decimal?> Values { get; init; }
    /// <summary>The rules asked of which the report has at least one finding.</summary>
    public required IReadOnlySet<string> Rules { get; init; }

    /// <summary>A full record's facts, for the fields and rules asked.</summary>
    public static ReportFacts Of(ReportRecord r, IReadOnlyCollection<string> fields, IReadOnlyCollection<string> rules) => new()
    {
        Id = r.Id, Year = r.Year, Template = r.Template, PlaceCode = r.PlaceCode, PlaceLevel = r.PlaceLevel, IsDepartment = r.IsDepartment,
        Values = r.Values.Where(kv => fields.Contains(kv.Key)).ToDictionary(StringComparer.Ordinal),
        Rules = r.Findings.Select(f => f.Rule).Where(rules.Contains).ToHashSet(StringComparer.Ordinal),
    };
}
