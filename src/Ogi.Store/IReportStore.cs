namespace Ogi.Store;

/// <summary>A document read and parsed, ready to be stored: its identity, its compressed bytes, and its parse (or why there is none).</summary>
public sealed record IncomingDocument(string Sha256, string FileName, string Origin, long Size, byte[] Content, PreparedParse? Parse, string? Error);

public enum AddOutcome { Added, AlreadyStored }

/// <summary>A stored document for reparsing: its bytes (compressed) and its current parse, if any.</summary>
public sealed class StoredDocument
{
    public long Id { get; init; }
    public string Sha256 { get; init; } = "";
    public string FileName { get; init; } = "";
    public byte[] Content { get; init; } = [];
    public long? CurrentParseId { get; init; }
    /// <summary>The highest parse version of the document (0 when it has none).</summary>
    public int Version { get; init; }
    public string? ParserVersion { get; init; }
    public byte[]? DocumentJson { get; init; }
}

/// <summary>An agency as listed: its current name and place, how many reports it has, the years they cover.</summary>
public sealed record AgencySummary(long Id, string Name, string? DivisionCode, string? Level, bool IsDepartment, bool Corrected,
    int Reports, int? FirstYear, int? LastYear, IReadOnlyList<string> NamesPrinted, IReadOnlyList<int> MissingYears);

/// <summary>What a user says of an agency: each non-null member replaces the placer's.</summary>
public sealed record AgencyCorrection(string? Name = null, string? DivisionCode = null, string? Level = null, bool? IsDepartment = null);

/// <summary>A review decision and whether the finding it was made on still stands as reviewed.</summary>
public sealed record ReviewRecord
{
    public long Id { get; init; }
    public long DocumentId { get; init; }
    public string FileName { get; init; } = "";
    public string Rule { get; init; } = "";
    public string Fields { get; init; } = "";
    public string Decision { get; init; } = "";
    public string? Note { get; init; }
    /// <summary>The current finding the decision is on; null when the finding no longer stands.</summary>
    public long? FindingId { get; init; }
    public bool Stale { get; init; }
}

/// <summary>What one reparse did to one document: a new parse (and the previous one, when there was one) or no change.</summary>
public sealed record ReparseOutcome(long DocumentId, string FileName, long? PreviousParseId, long? NewParseId, string? Error);

/// <summary>The differences between two parses of one document, for <c>reparse --changes</c>.</summary>
public sealed record ParseChanges(long DocumentId, string FileName, string? TemplateBefore, string? TemplateAfter,
    IReadOnlyList<(string Field, string? Before, string? After)> Values, IReadOnlyList<string> FindingsAdded, IReadOnlyList<string> FindingsRemoved)
{
    public bool Any => TemplateBefore != TemplateAfter || Values.Count > 0 || FindingsAdded.Count > 0 || FindingsRemoved.Count > 0;
}

public sealed record StoreCounts(long Documents, long Parses, long Reports, long Agencies, long Unplaced, long Findings, long Failures);

/// <summary>
/// The corpus database: the read side the answers are built on, and the write side ingest, reparse, agencies and
/// reviews use. One implementation per database (SQLite, PostgreSQL); both give the same answers.
/// </summary>
public interface IReportStore : IReportQueries, IDisposable
{
    /// <summary>sqlite:PATH or postgres://host/db (no password), for messages.</summary>
    string Description { get; }

    /// <summary>Applies the numbered migrations not applied yet, each in a transaction.</summary>
    void Migrate();

    /// <summary>The SHA-256 of every stored document, so that ingest parses only new ones.</summary>
    HashSet<string> StoredDocuments();

    /// <summary>Stored documents no parse could read, by SHA-256, with the reason: ingesting one again is no success.</summary>
    Dictionary<string, string> UnreadableDocuments();

    /// <summary>Stores a batch in one transaction: documents (once per SHA-256, whoever else writes), their parses, values,
    /// findings, agencies, and the series' cross-year findings. Returns the outcome of each, in order.</summary>
    IReadOnlyList<AddOutcome> AddDocuments(IReadOnlyList<IncomingDocument> batch);

    /// <summary>Records a file that could not even be read into a document.</summary>
    void AddFailure(string origin, string reason);

    /// <summary>Stored documents after the given id, in id order, for reparsing.</summary>
    IReadOnlyList<StoredDocument> Documents(long afterId, int count);

    /// <summary>Stores new parse versions (each becomes its document's current parse) and recomputes the series they touch.</summary>
    void AddParses(IReadOnlyList<(StoredDocument Document, PreparedParse Parse)> parses);

    ParseChanges Changes(long documentId, long? beforeParseId, long afterParseId);

    IReadOnlyList<AgencySummary> Agencies(bool unplacedOnly);
    AgencySummary? Agency(long id);
    void CorrectAgency(long id, AgencyCorrection correction);
    /// <summary>The reports of <paramref name="from"/> become <paramref name="into"/>'s (one series), now and after reparse.</summary>
    void MergeAgencies(long from, long into);

    StoredFinding? Finding(long id);
    /// <summary>Records (or replaces) the decision on a current finding.</summary>
    void Review(long findingId, string decision, string? note);
    IReadOnlyList<ReviewRecord> Reviews();

    IReadOnlyList<(string Origin, string Reason)> Failures();
    StoreCounts Counts();
}
