namespace Ogi.Store;

/// <summary>
/// The read side of the store that the answers (query, stats, compare, export) are built on. Implemented by the
/// SQLite and the PostgreSQL store alike, which must give the same answers.
/// </summary>
public interface IReportQueries
{
    /// <summary>The current parse of every report the filter takes, ordered by place code, agency, year, id.
    /// <paramref name="fields"/>: only these values are loaded (null: all of them) — stats over 100,000 reports load two fields, not two hundred.</summary>
    IEnumerable<ReportRecord> Reports(ReportFilter filter, IReadOnlyCollection<string>? fields = null);

    /// <summary>One page of the reports the filter takes, sorted, with how many it takes in all: the database filters,
    /// sorts, counts and pages (COUNT, LIMIT/OFFSET), so a page of 50 reads 50 reports whatever the corpus holds.
    /// <paramref name="fields"/> as for <see cref="Reports"/>; each report's findings are always loaded.</summary>
    ReportPage Page(ReportFilter filter, ReportSort sort, bool descending, int offset, int limit, IReadOnlyCollection<string>? fields = null);

    /// <summary>What stats need of every report the filter takes (<see cref="ReportFacts"/>: its groups, these fields'
    /// values, which of these rules it breaks), in no particular order — not its findings' messages nor its names.</summary>
    IEnumerable<ReportFacts> Facts(ReportFilter filter, IReadOnlyCollection<string> fields, IReadOnlyCollection<string> rules);

    /// <summary>One report by id, or by a prefix of its SHA-256 (at least 8 hex digits); null when none.</summary>
    ReportRecord? Report(string idOrSha);

    /// <summary>One agency's reports, oldest year first (its series, across renamings).</summary>
    IReadOnlyList<ReportRecord> Series(long agencyId);

    /// <summary>The agency whose report of that year exists, by id or name (exact, then unique substring).</summary>
    long? FindAgency(string idOrName);
}
