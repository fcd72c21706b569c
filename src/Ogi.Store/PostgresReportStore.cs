using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Ogi.Store;

/// <summary>
/// The corpus in a PostgreSQL database (Npgsql). A batch's documents and parses go in one statement each (arrays
/// unnested, ON CONFLICT DO NOTHING, their ids returned), their bytes, texts, values (one row of arrays per report) and findings by binary COPY; all in the batch's transaction.
/// </summary>
public sealed class PostgresReportStore : SqlReportStore
{
    readonly string _description;

    public PostgresReportStore(string url) : base(Open(url, out var description)) { _description = description; }

    static NpgsqlConnection Open(string url, out string description)
    {
        var builder = ConnectionString(url);
        description = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        var connection = new NpgsqlConnection(builder.ToString());
        try { connection.Open(); }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            connection.Dispose();
            throw new StoreException($"{description}: cannot connect: {e.Message.Split('\n')[0]}");
        }
        return connection;
    }

    /// <summary>postgres://user:password@host:port/database?option=value → Npgsql's connection string.</summary>
    public static NpgsqlConnectionStringBuilder ConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw new StoreException($"{url}: not a postgres:// URL");
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Length > 0 ? uri.Host : "localhost",
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
            CommandTimeout = 300,
            // The statements an ingest repeats (an agency's insert, the cross-year rules' reads, a series' name) are
            // prepared on the server after a few uses instead of parsed and planned each time: measured on 5,000
            // reports, 14% less of the server's CPU time. A URL's own option (?Max Auto Prepare=0) overrides it.
            MaxAutoPrepare = 32,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            b[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b;
    }

    public override string Description => _description;

    public override long SizeInBytes() => Scalar<long>("SELECT pg_database_size(current_database())");
    protected override string Dialect => "postgres";
    NpgsqlConnection Connection => (NpgsqlConnection)Db;

    /// <summary>Dapper hands lists to Npgsql as arrays, not as (@a1, @a2…): a list test is <c>= ANY(@list)</c> here.</summary>
    protected override string Sql(string sql) => InList.Replace(sql, "= ANY(@$1)");
    static readonly System.Text.RegularExpressions.Regex InList = new(@"\bIN @(\w+)", System.Text.RegularExpressions.RegexOptions.Compiled);

    // 40P01 deadlock, 40001 serialization failure: another writer's transaction got in the way.
    protected override bool IsTransient(Exception e) => e is PostgresException { SqlState: "40P01" or "40001" };

    protected override DbTransaction BeginWrite() => Connection.BeginTransaction();

    // Any constant will do, as long as every ogi process uses the same one.
    protected override void LockForMigration() => Execute("SELECT pg_advisory_xact_lock(2019040501)");

    protected override IReadOnlyList<long?> InsertDocuments(IReadOnlyList<IncomingDocument> documents)
    {
        var inserted = Query<(long Id, string Sha256)>("""
            INSERT INTO documents (sha256, file_name, origin, size)
            SELECT * FROM unnest(@shas, @names, @origins, @sizes)
            ON CONFLICT (sha256) DO NOTHING RETURNING id, sha256
            """, new
        {
            shas = documents.Select(d => d.Sha256).ToArray(), names = documents.Select(d => d.FileName).ToArray(),
            origins = documents.Select(d => d.Origin).ToArray(), sizes = documents.Select(d => d.Size).ToArray(),
        }).ToDictionary(r => r.Sha256, r => r.Id);
        // The same content twice in one batch is stored once, for the first.
        var ids = documents.Select(d => inserted.Remove(d.Sha256, out var id) ? id : (long?)null).ToList();
        // The bytes by COPY, row by row, rather than a batch's contents as one array parameter (half a megabyte) that
        // the server holds whole for the statement (its CPU measured the same either way).
        using (var copy = Connection.BeginBinaryImport("COPY document_contents (document_id, content) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < documents.Count; i++)
            {
                if (ids[i] is not long id) continue;
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Bigint);
                copy.Write(documents[i].Content, NpgsqlDbType.Bytea);
            }
            copy.Complete();
        }
        return ids;
    }

    protected override IReadOnlyList<long> InsertParses(IReadOnlyList<ParseRow> parses)
    {
        if (parses.Count == 0) return [];
        var ids = Query<(long Id, long DocumentId)>("""
            INSERT INTO parses (document_id, version, is_current, parser_version, template, title, agency_printed, year, published, agency_id)
            SELECT d, v, TRUE, pv, t, ti, ag, y, pub, a
            FROM unnest(@docs, @versions, @parsers, @templates, @titles, @agencies, @years, @published, @agencyIds)
                 AS x(d, v, pv, t, ti, ag, y, pub, a)
            RETURNING id, document_id
            """, new
        {
            docs = parses.Select(r => r.DocumentId).ToArray(), versions = parses.Select(r => r.Version).ToArray(),
            parsers = parses.Select(r => r.Parse.ParserVersion).ToArray(), templates = parses.Select(r => r.Parse.Template).ToArray(),
            titles = parses.Select(r => r.Parse.Title).ToArray(), agencies = parses.Select(r => r.Parse.AgencyPrinted).ToArray(),
            years = parses.Select(r => r.Parse.Year).ToArray(), published = parses.Select(r => r.Parse.Published).ToArray(),
            agencyIds = parses.Select(r => r.AgencyId).ToArray(),
        }).ToDictionary(r => r.DocumentId, r => r.Id);
        var parseIds = parses.Select(r => ids[r.DocumentId]).ToList();
        using (var copy = Connection.BeginBinaryImport("COPY parse_texts (parse_id, text, document_json) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < parses.Count; i++)
            {
                copy.StartRow();
                copy.Write(parseIds[i], NpgsqlDbType.Bigint);
                copy.Write(parses[i].Parse.Text, NpgsqlDbType.Bytea);
                copy.Write(parses[i].Parse.DocumentJson, NpgsqlDbType.Bytea);
            }
            copy.Complete();
        }
        return parseIds;
    }

    /// <summary>
    /// A report's values as one row of parse_values (migration 0009): arrays subscripted by field number, up to the
    /// report's highest; a confidence is NULL exactly where the report has no such field. The rows come parse by parse.
    /// </summary>
    protected override void InsertValues(IReadOnlyList<ParseRow> parses, IReadOnlyList<long> parseIds, Dictionary<string, int> fieldIds)
    {
        using var copy = Connection.BeginBinaryImport("COPY parse_values (parse_id, field_values, confidences) FROM STDIN (FORMAT BINARY)");
        // Field numbers have gaps (a sequence value is spent by an insert that met a conflict): sized by the highest.
        int highest = fieldIds.Count == 0 ? 0 : fieldIds.Values.Max();
        var numbers = new double?[highest];
        var confidences = new double?[highest];
        for (int p = 0; p < parses.Count; p++)
        {
            var values = parses[p].Parse.Values;
            if (values.Count == 0) continue;
            int last = 0;
            for (int i = 0; i < values.Count; i++)
            {
                int slot = fieldIds[values[i].Field] - 1;
                numbers[slot] = (double?)values[i].Value;
                confidences[slot] = values[i].Confidence;
                last = Math.Max(last, slot + 1);
            }
            copy.StartRow();
            copy.Write(parseIds[p], NpgsqlDbType.Bigint);
            copy.Write(numbers[..last], NpgsqlDbType.Array | NpgsqlDbType.Double);
            copy.Write(confidences[..last], NpgsqlDbType.Array | NpgsqlDbType.Double);
            Array.Clear(numbers, 0, last);
            Array.Clear(confidences, 0, last);
        }
        copy.Complete();
    }

    // Every field of a report: its arrays unnested, the ordinality being the field's number. One field of many
    // reports: a subscript of each report's row.
    protected override string ValueRows(bool everyField, string parses) => everyField
        ? $"""
          SELECT v.parse_id AS ParseId, f.name AS Field, u.value AS Value FROM parse_values v
          CROSS JOIN LATERAL unnest(v.field_values, v.confidences) WITH ORDINALITY AS u(value, confidence, field_id)
          JOIN fields f ON f.id = u.field_id
          WHERE u.confidence IS NOT NULL AND {parses}
          """
        : $"""
          SELECT v.parse_id AS ParseId, f.name AS Field, v.field_values[f.id] AS Value FROM parse_values v CROSS JOIN fields f
          WHERE f.id IN @fieldIds AND v.confidences[f.id] IS NOT NULL AND {parses}
          """;

    protected override string FieldValueRows(string parses) =>
        $"SELECT v.parse_id, f.id, v.field_values[f.id] FROM parse_values v CROSS JOIN fields f WHERE f.id IN @fieldIds AND v.confidences[f.id] IS NOT NULL AND {parses}";

    protected override string FieldComparison(int i, string op) =>
        $"EXISTS (SELECT 1 FROM parse_values v{i} WHERE v{i}.parse_id = p.id AND v{i}.field_values[@field{i}] {op} @value{i})";

    protected override void InsertFindings(IEnumerable<(long ParseId, PreparedFinding Finding)> findings)
    {
        using var copy = Connection.BeginBinaryImport("""
            COPY findings (parse_id, rule, severity, message, message_en, fields, related_document_id, cross_year, evidence)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var (parseId, f) in findings)
        {
            copy.StartRow();
            copy.Write(parseId, NpgsqlDbType.Bigint);
            copy.Write(f.Rule, NpgsqlDbType.Text);
            copy.Write(f.Severity, NpgsqlDbType.Text);
            copy.Write(f.Message, NpgsqlDbType.Text);
            WriteText(copy, f.MessageEn);
            copy.Write(f.Fields, NpgsqlDbType.Text);
            if (f.RelatedDocumentId is long related) copy.Write(related, NpgsqlDbType.Bigint); else copy.WriteNull();
            copy.Write(f.CrossYear, NpgsqlDbType.Boolean);
            copy.Write(f.Evidence, NpgsqlDbType.Text);
        }
        copy.Complete();
    }

    static void WriteText(NpgsqlBinaryImporter copy, string? s)
    {
        if (s is null) copy.WriteNull(); else copy.Write(s, NpgsqlDbType.Text);
    }
}
