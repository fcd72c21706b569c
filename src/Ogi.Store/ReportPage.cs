namespace Ogi.Store;

/// <summary>What a list of reports can be sorted by. Every order ends with the store's own (place, agency, year, id), so a page is the same each time it is asked.</summary>
public enum ReportSort { Place, Agency, Year, Template, Published, Findings, Id }

/// <summary>One page of the reports a filter takes, and how many it takes in all.</summary>
/// <param name="Offset">How many reports come before this page in the order asked.</param>
public sealed record ReportPage(long Total, int Offset, IReadOnlyList<ReportRecord> Reports);
