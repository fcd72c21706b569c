namespace Ogi.Store;

public sealed record ReparseResult(int Documents, int Changed, int Unchanged, IReadOnlyList<ReparseOutcome> NewParses, IReadOnlyList<(string FileName, string Reason)> Failures);

/// <summary>
/// Reparse: every stored document read again by the current parser. A document whose parse comes out different, or
/// comes from another parser version, gets a new parse version (the newest is current; the older ones are kept).
/// </summary>
public sealed class Reparser
{
    public int Threads { get; init; } = Environment.ProcessorCount;
    public int BatchSize { get; init; } = 256;
    public Action<int, int>? Progress { get; init; }

    public ReparseResult Run(SqlReportStore store)
    {
        int total = (int)store.Counts().Documents, done = 0, unchanged = 0;
        var outcomes = new List<ReparseOutcome>();
        var failures = new List<(string, string)>();
        long after = 0;
        while (true)
        {
            var documents = store.Documents(after, BatchSize);
            if (documents.Count == 0) break;
            after = documents[^1].Id;
            var parsed = documents.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, Threads))
                .Select(d => (Document: d, Result: Ingester.Parse(PreparedParse.Decompress(d.Content)))).ToList();
            var fresh = new List<(StoredDocument, PreparedParse)>();
            foreach (var (d, (parse, error)) in parsed)
            {
                done++;
                if (parse is null) { failures.Add((d.FileName, error!)); continue; }
                bool same = d.DocumentJson is { } old && d.ParserVersion == parse.ParserVersion
                            && PreparedParse.Decompress(old).AsSpan().SequenceEqual(PreparedParse.Decompress(parse.DocumentJson));
                if (same) { unchanged++; continue; }
                fresh.Add((d, parse));
            }
            store.AddParses(fresh);
            foreach (var (d, _) in fresh) outcomes.Add(new ReparseOutcome(d.Id, d.FileName, d.CurrentParseId, store.CurrentParse(d.Id), null));
            Progress?.Invoke(done, failures.Count);
        }
        return new ReparseResult(total, outcomes.Count, unchanged, outcomes, failures);
    }
}
