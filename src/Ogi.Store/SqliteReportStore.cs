using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ogi.Store;

/// <summary>
/// The corpus in one SQLite file. WAL mode and a busy timeout let two ingests write to one file: each batch takes the
/// write lock at its start (BEGIN IMMEDIATE) and the other waits; values and findings go in multi-row INSERTs (SqliteRowWriter).
/// </summary>
public sealed class SqliteReportStore : SqlReportStore
{
    readonly string _path;

    /// <param name="pooled">Keep the connection (and its page cache) for the next store opened on this file: the web
    /// application opens a store per request, and a fresh connection starts with an empty cache. The command line does
    /// not pool: a closed store leaves no handle on the file (a test deletes it; a killed ingest leaves nothing open).</param>
    public SqliteReportStore(string path, bool pooled = false) : base(Open(path, pooled)) { _path = path; }

    static SqliteConnection Open(string path, bool pooled)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = pooled, DefaultTimeout = 120,
        }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL with synchronous=NORMAL: a committed batch survives a killed process (only a power cut may lose the last
        // ones). A 256 MiB page cache (an upper bound, taken only as pages are used) holds the value rows (one tree
        // clustered by field, migration 0008), whose inserts land at every field's end of a tree that outgrows SQLite's
        // default 2 MB cache from some 10,000 reports on. The
        // write-ahead log is copied into the file every 16,384 pages (64 MB) rather than SQLite's 1,000: an ingest's
        // batch dirties more than 1,000 pages, so the default checkpointed (and synced) at every commit, writing the
        // pages every batch touches again (each field's end of the value index, the trees' upper levels) each time.
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 120000; PRAGMA foreign_keys = ON; "
            + "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 16384;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public override string Description => "sqlite:" + _path;

    public override long SizeInBytes() =>
        new[] { _path, _path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    protected override string Dialect => "sqlite";
    SqliteConnection Connection => (SqliteConnection)Db;

    // SQLITE_BUSY after the busy timeout: another writer held the file all that time.
    protected override bool IsTransient(Exception e) => e is SqliteException { SqliteErrorCode: 5 };

    protected override DbTransaction BeginWrite() => Connection.BeginTransaction(deferred: false);

    SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction?)Tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter(p, null));
        cmd.Prepare();
        return cmd;
    }

    static void Set(SqliteCommand cmd, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    protected override IReadOnlyList<long?> InsertDocuments(IReadOnlyList<IncomingDocument> documents)
    {
        using var cmd = Prepare("""
            INSERT INTO documents (sha256, file_name, origin, size) VALUES (@sha, @name, @origin, @size)
            ON CONFLICT (sha256) DO NOTHING RETURNING id
            """, "@sha", "@name", "@origin", "@size");
        using var content = Prepare("INSERT INTO document_contents (document_id, content) VALUES (@id, @content)", "@id", "@content");
        var ids = new List<long?>(documents.Count);
        foreach (var d in documents)
        {
            Set(cmd, d.Sha256, d.FileName, d.Origin, d.Size);
            long? id = cmd.ExecuteScalar() is long x ? x : null;
            ids.Add(id);
            if (id is null) continue;
            Set(content, id, d.Content);
            content.ExecuteNonQuery();
        }
        return ids;
    }

    protected override IReadOnlyList<long> InsertParses(IReadOnlyList<ParseRow> parses)
    {
        using var cmd = Prepare("""
            INSERT INTO parses (document_id, version, is_current, parser_version, template, title, agency_printed, year, published, agency_id)
            VALUES (@doc, @version, 1, @parser, @template, @title, @agency, @year, @published, @agencyId) RETURNING id
            """, "@doc", "@version", "@parser", "@template", "@title", "@agency", "@year", "@published", "@agencyId");
        using var texts = Prepare("INSERT INTO parse_texts (parse_id, text, document_json) VALUES (@id, @text, @json)", "@id", "@text", "@json");
        var ids = new List<long>(parses.Count);
        foreach (var r in parses)
        {
            var p = r.Parse;
            Set(cmd, r.DocumentId, r.Version, p.ParserVersion, p.Template, p.Title, p.AgencyPrinted, p.Year, p.Published, r.AgencyId);
            long id = (long)cmd.ExecuteScalar()!;
            ids.Add(id);
            Set(texts, id, p.Text, p.DocumentJson);
            texts.ExecuteNonQuery();
        }
        return ids;
    }

    protected override void InsertValues(IReadOnlyList<ParseRow> parses, IReadOnlyList<long> parseIds, Dictionary<string, int> fieldIds)
    {
        // In the table's order, (field, parse) (migration 0008): each field's new rows one after another at the end
        // of its range. The batch's values are taken in its order (parses by id; each field number looked up once) and
        // put in order of field by a counting sort, which keeps them by parse within a field.
        int count = 0;
        foreach (var r in parses) count += r.Parse.Values.Count;
        var idOf = new int[count];
        var parseOf = new int[count];
        var indexOf = new int[count];
        var perField = new int[(fieldIds.Count == 0 ? 0 : fieldIds.Values.Max()) + 2];
        int n = 0;
        for (int p = 0; p < parses.Count; p++)
            for (int i = 0; i < parses[p].Parse.Values.Count; i++, n++)
            {
                (idOf[n], parseOf[n], indexOf[n]) = (fieldIds[parses[p].Parse.Values[i].Field], p, i);
                perField[idOf[n] + 1]++;
            }
        for (int f = 1; f < perField.Length; f++) perField[f] += perField[f - 1];
        var byField = new int[count];
        for (n = 0; n < count; n++) byField[perField[idOf[n]]++] = n;
        using var rows = new SqliteRowWriter(Connection, "INSERT INTO cell_values (field_id, parse_id, value, confidence)", 4);
        foreach (int k in byField)
        {
            var v = parses[parseOf[k]].Parse.Values[indexOf[k]];
            rows.Integer(idOf[k]);
            rows.Integer(parseIds[parseOf[k]]);
            rows.Number(v.Value);
            rows.Real(v.Confidence);
            rows.EndRow();
        }
        rows.Complete();
    }

    protected override void InsertFindings(IEnumerable<(long ParseId, PreparedFinding Finding)> findings)
    {
        using var rows = new SqliteRowWriter(Connection,
            "INSERT INTO findings (parse_id, rule, severity, message, message_en, fields, related_document_id, cross_year, evidence)", 9);
        foreach (var (parseId, f) in findings)
        {
            rows.Integer(parseId);
            rows.Text(f.Rule);
            rows.Text(f.Severity);
            rows.Text(f.Message);
            rows.Text(f.MessageEn);
            rows.Text(f.Fields);
            rows.Integer(f.RelatedDocumentId);
            rows.Boolean(f.CrossYear);
            rows.Text(f.Evidence);
            rows.EndRow();
        }
        rows.Complete();
    }
}
