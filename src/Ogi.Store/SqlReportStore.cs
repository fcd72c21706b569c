using System.Data.Common;
using System.Globalization;
using Dapper;
using Ogi.Validate;

namespace Ogi.Store;

/// <summary>
/// What SQLite and PostgreSQL share: the SQL of every query (the same text for both), migrations, agencies, reviews
/// and the cross-year rules. A dialect supplies its connection, how a write transaction starts and how a batch's
/// rows are written fast (multi-row INSERTs bound by position in SQLite, binary COPY in PostgreSQL).
/// </summary>
public abstract class SqlReportStore : IReportStore, ISqlSession
{
    protected readonly DbConnection Db;
    protected DbTransaction? Tx;
    readonly Dictionary<string, int> _fieldIds = new(StringComparer.Ordinal);
    readonly Dictionary<string, long> _agencyIds = new(StringComparer.Ordinal);
    // Lists of ids go into a statement this many at a time. Microsoft.Data.Sqlite binds each parameter by name, a
    // search through the statement's names (sqlite3_bind_parameter_index): a list of n costs n²/2 comparisons, which
    // at 1,000 was some 3% of an ingest's CPU; at 256 it is a sixteenth of that a value, and PostgreSQL (one array
    // parameter) makes a few more round trips.
    const int Chunk = 256;
    /// <summary>Rows of a multi-row VALUES statement (<see cref="Rows"/>), each of several parameters: fewer, for the same reason.</summary>
    const int RowsPerStatement = 64;

    protected SqlReportStore(DbConnection connection) { Db = connection; }

    public abstract string Description { get; }
    /// <summary>The folder of Migrations/ holding this dialect's numbered .sql files.</summary>
    protected abstract string Dialect { get; }
    /// <summary>Starts a transaction that writes (SQLite: BEGIN IMMEDIATE, so two writers queue instead of deadlocking).</summary>
    protected abstract DbTransaction BeginWrite();
    /// <summary>Held inside the migration transaction so that two processes do not migrate at once.</summary>
    protected virtual void LockForMigration() { }
    /// <summary>Inserts documents once per SHA-256 (ON CONFLICT DO NOTHING); the new id of each, or null when it was stored already.</summary>
    protected abstract IReadOnlyList<long?> InsertDocuments(IReadOnlyList<IncomingDocument> documents);
    /// <summary>Inserts parse rows (current), returning their ids in order.</summary>
    protected abstract IReadOnlyList<long> InsertParses(IReadOnlyList<ParseRow> parses);
    /// <summary>A batch's values: those of <paramref name="parses"/>[i] belong to the parse <paramref name="parseIds"/>[i];
    /// a field's number is <paramref name="fieldIds"/>[its name]. Written by plain loops over the parses (no list of
    /// tuples in between: its generic code is not precompiled, and a batch's few calls ran it unoptimized).</summary>
    protected abstract void InsertValues(IReadOnlyList<ParseRow> parses, IReadOnlyList<long> parseIds, Dictionary<string, int> fieldIds);
    protected abstract void InsertFindings(IEnumerable<(long ParseId, PreparedFinding Finding)> findings);

    /// <summary>
    /// A SELECT of the value rows (ParseId, Field: the name, Value) of the parses <paramref name="parses"/> takes (a
    /// condition on <c>v.parse_id</c>): of every field, or of the fields in the list parameter <c>@fieldIds</c>. Here as
    /// SQLite stores them, a tree clustered by field (every field is read field by field, fields outermost);
    /// PostgreSQL stores a report's values as one row of arrays.
    /// </summary>
    protected virtual string ValueRows(bool everyField, string parses) => everyField
        ? $"SELECT v.parse_id AS ParseId, f.name AS Field, v.value AS Value FROM fields f CROSS JOIN cell_values v WHERE v.field_id = f.id AND {parses}"
        : $"SELECT v.parse_id AS ParseId, f.name AS Field, v.value AS Value FROM cell_values v JOIN fields f ON f.id = v.field_id WHERE v.field_id IN @fieldIds AND {parses}";

    /// <summary>The same rows unnamed (parse_id, field_id, value) of the fields <c>@fieldIds</c>, as stats read them.</summary>
    protected virtual string FieldValueRows(string parses) =>
        $"SELECT v.parse_id, v.field_id, v.value FROM cell_values v WHERE v.field_id IN @fieldIds AND {parses}";

    /// <summary>A filter's field comparison (<c>applications.new.total&gt;100</c>) on the current parse p: its value of field
    /// <c>@field{i}</c> compared by <paramref name="op"/> with <c>@value{i}</c>; a blank cell or an absent field takes nothing.</summary>
    protected virtual string FieldComparison(int i, string op) =>
        $"EXISTS (SELECT 1 FROM cell_values v{i} WHERE v{i}.parse_id = p.id AND v{i}.field_id = @field{i} AND v{i}.value {op} @value{i})";

    protected sealed record ParseRow(long DocumentId, int Version, PreparedParse Parse, long? AgencyId);

    readonly WriterPhases _phases = new();

    public virtual void Dispose() { _phases.Print(); Tx?.Dispose(); Db.Dispose(); GC.SuppressFinalize(this); }

    // ---- small helpers: every command runs in the open transaction, if any ----

    protected IEnumerable<T> Query<T>(string sql, object? args = null) => Db.Query<T>(Sql(sql), args, Tx);
    protected int Execute(string sql, object? args = null) => Db.Execute(Sql(sql), args, Tx);
    protected T? Scalar<T>(string sql, object? args = null) => Db.ExecuteScalar<T>(Sql(sql), args, Tx);

    /// <summary>The dialect's form of the shared SQL text (the one place where the two differ in a query).</summary>
    protected virtual string Sql(string sql) => sql;

    /// <summary>A failure that another writer caused (a deadlock between two ingests); the transaction is run again.</summary>
    protected virtual bool IsTransient(Exception e) => false;

    T InTransaction<T>(Func<T> work)
    {
        for (int attempt = 1; ; attempt++)
        {
            Tx = BeginWrite();
            try
            {
                var result = work();
                _phases.Time("commit", () => Tx.Commit());
                return result;
            }
            catch (Exception e)
            {
                Tx.Rollback();
                // Ids handed out inside the rolled-back transaction do not exist.
                _fieldIds.Clear();
                _agencyIds.Clear();
                if (attempt >= 5 || !IsTransient(e)) throw;
            }
            finally { Tx.Dispose(); Tx = null; }
            Thread.Sleep(50 * attempt);
        }
    }

    void InTransaction(Action work) => InTransaction(() => { work(); return 0; });

    // ---- migrations ----

    public void Migrate()
    {
        var prefix = $"Ogi.Store.Migrations.{Dialect}.";
        var assembly = typeof(SqlReportStore).Assembly;
        var scripts = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n[prefix.Length..^4], Resource: n))
            .Select(s => (Version: int.Parse(s.Name.Split('_')[0], CultureInfo.InvariantCulture), s.Name, s.Resource))
            .OrderBy(s => s.Version).ToList();
        // A database already up to date (every command that reads) costs one read, no write transaction.
        var applied = AppliedMigrationsIfAny();
        if (scripts.All(s => applied.Contains(s.Version))) return;
        foreach (var script in scripts.Where(s => !applied.Contains(s.Version)))
        {
            InTransaction(() =>
            {
                LockForMigration();
                Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)");
                if (Scalar<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @v", new { v = script.Version }) > 0) return;
                using var reader = new StreamReader(assembly.GetManifestResourceStream(script.Resource)!);
                Execute(reader.ReadToEnd());
                Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)",
                    new { v = script.Version, n = script.Name, t = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
            });
        }
    }

    /// <summary>The migrations applied, none when the database has no schema_migrations table yet.</summary>
    HashSet<int> AppliedMigrationsIfAny()
    {
        if (Scalar<string?>(Dialect == "sqlite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
                : "SELECT CAST(to_regclass('schema_migrations') AS text)") is null) return [];
        return AppliedMigrations().ToHashSet();
    }

    /// <summary>The migrations applied, for tests and messages.</summary>
    public IReadOnlyList<int> AppliedMigrations() => Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();

    /// <summary>
    /// Changes whenever what the answers read changes: a parse stored (ingest, reparse), an agency corrected or merged,
    /// a review given. Caches of answers (the dashboard's) are keyed on it.
    /// </summary>
    public string ContentVersion()
    {
        var v = Db.QuerySingle<(long Parse, long Current, long Agencies, long Reviews)>(Sql("""
            SELECT (SELECT COALESCE(MAX(id), 0) FROM parses) AS parse, (SELECT COUNT(*) FROM parses WHERE is_current) AS current,
                   (SELECT COUNT(*) FROM agencies WHERE corrected OR merged_into IS NOT NULL) AS agencies, (SELECT COUNT(*) FROM reviews) AS reviews
            """), transaction: Tx);
        return $"{v.Parse}:{v.Current}:{v.Agencies}:{v.Reviews}";
    }

    // ---- writing ----

    public HashSet<string> StoredDocuments() => Query<string>("SELECT sha256 FROM documents").ToHashSet(StringComparer.Ordinal);

    public Dictionary<string, string> UnreadableDocuments()
    {
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (sha, reason) in Query<(string, string)>("""
            SELECT f.sha256, f.reason FROM ingest_failures f
            WHERE f.sha256 IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM documents d JOIN parses p ON p.document_id = d.id WHERE d.sha256 = f.sha256)
            """))
            unreadable.TryAdd(sha, reason);
        return unreadable;
    }

    public IReadOnlyList<AddOutcome> AddDocuments(IReadOnlyList<IncomingDocument> input) => InTransaction(() =>
    {
        // Rows are locked in one order (documents by SHA-256, then agencies and fields by name) by every writer, so
        // two ingests at once wait for each other instead of deadlocking.
        var order = Enumerable.Range(0, input.Count).OrderBy(i => input[i].Sha256, StringComparer.Ordinal).ToArray();
        var batch = order.Select(i => input[i]).ToList();
        var ids = _phases.Time("documents", () => InsertDocuments(batch));
        var outcomes = new AddOutcome[batch.Count];
        var parses = new List<(long DocumentId, PreparedParse Parse)>();
        for (int i = 0; i < batch.Count; i++)
        {
            outcomes[i] = ids[i] is null ? AddOutcome.AlreadyStored : AddOutcome.Added;
            if (ids[i] is not long id) continue;
            if (batch[i].Parse is { } parse) parses.Add((id, parse));
            else Execute("INSERT INTO ingest_failures (origin, sha256, reason) VALUES (@o, @s, @r)",
                new { o = batch[i].Origin, s = batch[i].Sha256, r = batch[i].Error ?? "not parsed" });
        }
        WriteParses(parses.Select(p => (p.DocumentId, 1, p.Parse)).ToList());
        var inInputOrder = new AddOutcome[input.Count];
        for (int k = 0; k < order.Length; k++) inInputOrder[order[k]] = outcomes[k];
        return (IReadOnlyList<AddOutcome>)inInputOrder;
    });

    public void AddFailure(string origin, string reason) =>
        InTransaction(() => Execute("INSERT INTO ingest_failures (origin, reason) VALUES (@origin, @reason)", new { origin, reason }));

    public IReadOnlyList<StoredDocument> Documents(long afterId, int count) => Query<StoredDocument>("""
        SELECT d.id AS Id, d.sha256 AS Sha256, d.file_name AS FileName, c.content AS Content, p.id AS CurrentParseId,
               COALESCE((SELECT MAX(x.version) FROM parses x WHERE x.document_id = d.id), 0) AS Version,
               p.parser_version AS ParserVersion, t.document_json AS DocumentJson
        FROM documents d JOIN document_contents c ON c.document_id = d.id
        LEFT JOIN parses p ON p.document_id = d.id AND p.is_current LEFT JOIN parse_texts t ON t.parse_id = p.id
        WHERE d.id > @afterId ORDER BY d.id LIMIT @count
        """, new { afterId, count }).ToList();

    public void AddParses(IReadOnlyList<(StoredDocument Document, PreparedParse Parse)> parses) => InTransaction(() =>
    {
        var documentIds = parses.Select(p => p.Document.Id).ToList();
        // Where each document stood before: its series is touched (the report may leave it), and its old year is
        // vacated (the report may leave that year, whose first report the next year's are compared with).
        var before = new List<Placement>();
        foreach (var chunk in documentIds.Chunk(Chunk))
        {
            before.AddRange(Query<Placement>("""
                SELECT COALESCE(a.merged_into, a.id) AS Series, p.year AS Year, p.document_id AS DocumentId
                FROM parses p JOIN agencies a ON a.id = p.agency_id
                WHERE p.is_current AND p.document_id IN @chunk
                """, new { chunk }));
            Execute("UPDATE parses SET is_current = FALSE WHERE is_current AND document_id IN @chunk", new { chunk });
        }
        WriteParses(parses.Select(p => (p.Document.Id, p.Document.Version + 1, p.Parse)).ToList(), before);
    });

    /// <summary>Where a document's current parse stood in the series before a reparse.</summary>
    sealed class Placement
    {
        public long Series { get; set; }
        public object? Year { get; set; }
        public long DocumentId { get; set; }
        public int? YearNumber => Year is null or DBNull ? null : Convert.ToInt32(Year, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses, their values and findings, their agencies, and the cross-year findings of every series touched.</summary>
    void WriteParses(IReadOnlyList<(long DocumentId, int Version, PreparedParse Parse)> parses, IReadOnlyList<Placement>? before = null)
    {
        if (parses.Count == 0 && before is null) return;
        var agencies = AgencyIds(parses.Select(p => p.Parse.Agency).OfType<AgencyPlace>());
        var rows = parses.Select(p => new ParseRow(p.DocumentId, p.Version, p.Parse, p.Parse.Agency is { } a ? agencies[a.SeriesKey] : null)).ToList();
        var parseIds = _phases.Time("parses", () => InsertParses(rows));
        var fieldIds = FieldIds(parses.SelectMany(p => p.Parse.Values).Select(v => v.Field));
        _phases.Time("values", () => InsertValues(rows, parseIds, fieldIds));
        _phases.Time("findings", () => InsertFindings(rows.SelectMany((r, i) => r.Parse.Findings.Select(f => (parseIds[i], f)))));
        _phases.Time("series", () => RecomputeSeries(rows.Select(r => r.AgencyId).OfType<long>().Concat(before?.Select(b => b.Series) ?? []), parseIds.ToHashSet(), before));
    }

    /// <summary>
    /// The rows of a multi-row VALUES list, <c>(@key0, @name0), (@key1, @name1)…</c>, each item's parameters added by
    /// <paramref name="add"/> under their bare names (numbered here): one statement for many rows, in both databases.
    /// </summary>
    static string Rows<T>(IEnumerable<T> items, DynamicParameters args, Action<T, RowParameters> add)
    {
        var sql = new System.Text.StringBuilder();
        var row = new RowParameters(args);
        foreach (var item in items)
        {
            sql.Append(row.Number == 0 ? "(" : ", (");
            add(item, row);
            sql.Append(row.Placeholders()).Append(')');
            row.Next();
        }
        return sql.ToString();
    }

    /// <summary>One row's parameters of <see cref="Rows"/>.</summary>
    sealed class RowParameters(DynamicParameters args)
    {
        readonly List<string> _names = [];
        public int Number { get; private set; }
        public void Add(string name, object? value) { _names.Add($"@{name}{Number}"); args.Add($"{name}{Number}", value); }
        public string Placeholders() => string.Join(", ", _names);
        public void Next() { _names.Clear(); Number++; }
    }

    Dictionary<string, int> FieldIds(IEnumerable<string> names)
    {
        var missing = names.Where(n => !_fieldIds.ContainsKey(n)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            foreach (var name in missing) Execute("INSERT INTO fields (name) VALUES (@name) ON CONFLICT (name) DO NOTHING", new { name });
            foreach (var chunk in missing.Chunk(Chunk))
                foreach (var (id, name) in Query<(long, string)>("SELECT CAST(id AS bigint), name FROM fields WHERE name IN @chunk", new { chunk }))
                    _fieldIds[name] = (int)id;
        }
        return _fieldIds;
    }

    int? FieldId(string name)
    {
        if (_fieldIds.TryGetValue(name, out var id)) return id;
        var found = Scalar<int?>("SELECT id FROM fields WHERE name = @name", new { name });
        if (found is int f) _fieldIds[name] = f;
        return found;
    }

    /// <summary>The agency row of each series key, created when new. An existing row is left as it is: a user's correction or merge stands.</summary>
    Dictionary<string, long> AgencyIds(IEnumerable<AgencyPlace> places)
    {
        var missing = places.Where(p => !_agencyIds.ContainsKey(p.SeriesKey)).DistinctBy(p => p.SeriesKey).OrderBy(p => p.SeriesKey, StringComparer.Ordinal).ToList();
        foreach (var chunk in missing.Chunk(RowsPerStatement))
        {
            var args = new DynamicParameters();
            var rows = Rows(chunk, args, (a, p) =>
            {
                p.Add("key", a.SeriesKey); p.Add("name", a.Name); p.Add("code", a.DivisionCode); p.Add("level", a.Level);
                p.Add("department", a.IsDepartment); p.Add("of", a.Department); p.Add("evidence", a.Evidence);
            });
            Execute($"""
                INSERT INTO agencies (series_key, name, division_code, level, is_department, department, evidence)
                VALUES {rows} ON CONFLICT (series_key) DO NOTHING
                """, args);
        }
        foreach (var chunk in missing.Select(p => p.SeriesKey).Chunk(Chunk))
            foreach (var (id, key) in Query<(long, string)>("SELECT id, series_key FROM agencies WHERE series_key IN @chunk", new { chunk }))
                _agencyIds[key] = id;
        return _agencyIds;
    }

    // ---- cross-year rules ----

    static readonly string[] CrossYearFields =
    [
        .. new[] { "natural", "commercial", "research", "nonprofit", "legal", "other_org", "total" }
            .SelectMany(c => new[] { $"applications.carried_over.{c}", $"applications.carried_forward.{c}" }),
        .. new[] { "proactive.rules", "proactive.normative" }.SelectMany(r => new[] { $"{r}.in_force", $"{r}.issued", $"{r}.repealed" }),
    ];

    /// <summary>The agency rows that make up these series: each one and those merged into it (by index, not by scanning).</summary>
    List<long> AgencyRows(IEnumerable<long> series)
    {
        var list = series.ToList();
        return Query<long>("SELECT id FROM agencies WHERE id IN @list UNION SELECT id FROM agencies WHERE merged_into IN @list", new { list }).ToList();
    }

    sealed record SeriesMember(long Series, long ParseId, long DocumentId, int Year);

    /// <summary>X1–X3 for every report of the series these agencies belong to: the old cross-year findings go, new ones are computed.</summary>
    void RecomputeSeries(IEnumerable<long> agencyIds, IReadOnlySet<long>? changed = null, IReadOnlyList<Placement>? vacated = null)
    {
        var series = new HashSet<long>();
        foreach (var chunk in agencyIds.Distinct().Chunk(Chunk))
            series.UnionWith(Query<long>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id IN @chunk", new { chunk }));
        foreach (var chunk in series.Order().Chunk(Chunk))
        {
            var raw = AgencyRows(chunk);
            // From the index alone (parses_by_agency holds agency, year and document: migration 0008), read by hand: a
            // large series is read whole at every batch that touches it.
            var members = new List<SeriesMember>();
            using (var r = Db.ExecuteReader(Sql("""
                SELECT COALESCE(a.merged_into, a.id), p.id, p.document_id, p.year
                FROM parses p JOIN agencies a ON a.id = p.agency_id
                WHERE p.is_current AND p.year IS NOT NULL AND p.agency_id IN @raw
                """), new { raw }, Tx))
                while (r.Read()) members.Add(new SeriesMember(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)));
            var groups = members.GroupBy(m => m.Series).Select(g => g.ToList()).ToList();
            // Only what a changed report can change. A report's cross-year findings depend on its own values and on the
            // first stored report of the series' previous year (and which year that is). So a changed report's own
            // findings change, and, when it is the first of its year (a year new to the series, or its first report
            // reparsed), those of the next year's reports; a reparsed report that left its year (or its series) changes
            // what the next year after its old one is compared with, so those reports too. A series with no changed
            // report (a merge, the series a reparsed report left) is recomputed whole. The values read are the affected
            // reports' and those of the reports they are compared with — not the whole series', which grows with the corpus.
            var affected = new HashSet<long>();
            var needValues = new HashSet<long>();
            var yearsOf = groups.Select(YearsOf).ToList();
            for (int g = 0; g < groups.Count; g++)
            {
                var (group, years) = (groups[g], yearsOf[g]);
                var here = changed is null ? [] : group.Where(m => changed.Contains(m.ParseId)).ToList();
                var mine = here.Count == 0 ? group : new List<SeriesMember>(here);
                foreach (var m in here)
                {
                    int i = years.FindIndex(y => y.Year == m.Year);
                    if (years[i].First.ParseId == m.ParseId && i + 1 < years.Count) mine.AddRange(years[i + 1].All);
                }
                if (here.Count > 0)
                    foreach (var old in vacated ?? [])
                        if (old.Series == group[0].Series && old.YearNumber is int oldYear
                            && !here.Any(m => m.DocumentId == old.DocumentId && m.Year == oldYear)
                            && years.FindIndex(y => y.Year > oldYear) is >= 0 and var next)
                            mine.AddRange(years[next].All);
                foreach (var m in mine)
                {
                    if (!affected.Add(m.ParseId)) continue;
                    needValues.Add(m.ParseId);
                    int i = years.FindIndex(y => y.Year == m.Year);
                    if (i > 0) needValues.Add(years[i - 1].First.ParseId);
                }
            }
            var values = new Dictionary<long, Dictionary<string, decimal?>>();
            foreach (var ids in affected.Chunk(Chunk))
                Execute("DELETE FROM findings WHERE cross_year AND parse_id IN @ids", new { ids });
            foreach (var ids in needValues.Chunk(Chunk))
                foreach (var v in Query<ValueRow>(ValueRows(everyField: false, "v.parse_id IN @ids"),
                    new { ids, fieldIds = CrossYearFields.Select(FieldId).OfType<int>().ToList() }))
                {
                    if (!values.TryGetValue(v.ParseId, out var d)) values[v.ParseId] = d = new Dictionary<string, decimal?>(StringComparer.Ordinal);
                    d[v.Field] = v.Number;
                }
            var findings = new List<(long, PreparedFinding)>();
            _phases.Count("series members read", members.Count);
            _phases.Count("reports rechecked", affected.Count);
            // A series is named as its latest report names the agency (a renaming shows in the newest name), unless a
            // user named it: looked at when that latest report is a changed one, or the series is recomputed whole.
            var latest = new Dictionary<long, long>();
            for (int g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                findings.AddRange(CrossYearFindings(yearsOf[g], values, affected));
                var last = group.MaxBy(m => (m.Year, m.DocumentId))!;
                if (changed is null || changed.Contains(last.ParseId) || !group.Any(m => changed.Contains(m.ParseId))) latest[last.ParseId] = last.Series;
            }
            var names = new List<(long Id, string Name)>();
            foreach (var ids in latest.Keys.Chunk(Chunk))
                foreach (var (parseId, printed) in Query<(long, string?)>("SELECT id, agency_printed FROM parses WHERE id IN @ids", new { ids }))
                    if (printed is not null && Places.AgencyName.Normalize(printed) is { Length: > 0 } name) names.Add((latest[parseId], name));
            // All in one statement a chunk (a statement each was a round trip each to PostgreSQL).
            foreach (var some in names.Chunk(RowsPerStatement))
            {
                var args = new DynamicParameters();
                Execute($"""
                    UPDATE agencies AS a SET name = x.column2 FROM (VALUES {Rows(some, args, (n, p) => { p.Add("id", n.Id); p.Add("name", n.Name); })}) AS x
                    WHERE a.id = x.column1 AND NOT a.corrected AND a.name <> x.column2
                    """, args);
            }
            _phases.Count("cross-year findings written", findings.Count);
            InsertFindings(findings);
        }
    }

    /// <summary>A series' years in order, each with its reports and the first stored of them, which stands for the year.</summary>
    static List<(int Year, SeriesMember First, List<SeriesMember> All)> YearsOf(List<SeriesMember> series) =>
        series.GroupBy(m => m.Year).OrderBy(g => g.Key).Select(g => (Year: g.Key, First: g.MinBy(m => m.DocumentId)!, All: g.ToList())).ToList();

    /// <summary>Each report against the series' report of the year before (X1, X2) and after a hole (X3). Of two reports of one year the first stored stands for it.</summary>
    static IEnumerable<(long ParseId, PreparedFinding Finding)> CrossYearFindings(List<(int Year, SeriesMember First, List<SeriesMember> All)> byYear,
        Dictionary<long, Dictionary<string, decimal?>> values, IReadOnlySet<long> affected)
    {
        IReadOnlyDictionary<string, decimal?> Values(long parseId) => values.TryGetValue(parseId, out var d) ? d : new Dictionary<string, decimal?>();
        for (int i = 1; i < byYear.Count; i++)
        {
            var (prevYear, prev, _) = byYear[i - 1];
            foreach (var report in byYear[i].All)
            {
                if (!affected.Contains(report.ParseId)) continue;
                var current = Values(report.ParseId);
                var found = CrossYearValidator.Check(prevYear, Values(prev.ParseId), report.Year, current);
                var missing = CrossYearValidator.MissingYears([prevYear, report.Year]);
                if (missing.Count > 0) found.Add(CrossYearValidator.MissingYearsFinding(missing, report.Year));
                foreach (var f in found) yield return (report.ParseId, PreparedParse.Finding(f, current, prev.DocumentId, true));
            }
        }
    }

    sealed class ValueRow
    {
        public long ParseId { get; set; }
        public string Field { get; set; } = "";
        public object? Value { get; set; }
        public decimal? Number => ToNumber(Value);
        public static decimal? ToNumber(object? value) => value is null or DBNull ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
    }

    // ---- reading reports ----

    const string ReportSelect = """
        SELECT d.id AS Id, d.sha256 AS Sha256, d.file_name AS FileName, p.id AS ParseId, p.template AS Template, p.title AS Title,
               p.agency_printed AS AgencyPrinted, p.year AS Year, p.published AS Published, a.id AS AgencyId, a.name AS AgencyName,
               a.division_code AS DivisionCode, a.level AS Level, CASE WHEN a.is_department THEN 1 ELSE 0 END AS IsDepartment,
               p.parser_version AS ParserVersion
        FROM parses p
        JOIN documents d ON d.id = p.document_id
        LEFT JOIN agencies pa ON pa.id = p.agency_id
        LEFT JOIN agencies a ON a.id = COALESCE(pa.merged_into, pa.id)
        WHERE p.is_current
        """;
    // NULLs last in both databases (SQLite sorts them first by default, PostgreSQL last); text compares bytewise in both.
    const string ReportOrder = " ORDER BY (a.division_code IS NULL), a.division_code, (a.name IS NULL), a.name, (p.year IS NULL), p.year, d.id";

    sealed class ReportRow
    {
        public long Id { get; set; }
        public string Sha256 { get; set; } = "";
        public string FileName { get; set; } = "";
        public long ParseId { get; set; }
        public string Template { get; set; } = "";
        public string? Title { get; set; }
        public string? AgencyPrinted { get; set; }
        public int? Year { get; set; }
        public string? Published { get; set; }
        public long? AgencyId { get; set; }
        public string? AgencyName { get; set; }
        public string? DivisionCode { get; set; }
        public string? Level { get; set; }
        public int IsDepartment { get; set; }
        public string? ParserVersion { get; set; }
    }

    sealed class FindingRow
    {
        public long Id { get; set; }
        public long ReportId { get; set; }
        public long ParseId { get; set; }
        public string Rule { get; set; } = "";
        public string Severity { get; set; } = "";
        public string Message { get; set; } = "";
        public string? MessageEn { get; set; }
        public string Fields { get; set; } = "";
        public long? RelatedReportId { get; set; }
        public string? Review { get; set; }
        public string? ReviewNote { get; set; }
        public int Stale { get; set; }

        public StoredFinding ToFinding() => new()
        {
            Id = Id, ReportId = ReportId, Rule = Rule, Severity = Severity, Message = Message, MessageEn = MessageEn,
            Fields = Fields.Length == 0 ? [] : Fields.Split(','), RelatedReportId = RelatedReportId,
            Review = Review, ReviewNote = ReviewNote, ReviewStale = Stale != 0,
        };
    }

    const string FindingSelect = """
        SELECT f.id AS Id, p.document_id AS ReportId, f.parse_id AS ParseId, f.rule AS Rule, f.severity AS Severity, f.message AS Message,
               f.message_en AS MessageEn, f.fields AS Fields, f.related_document_id AS RelatedReportId, r.decision AS Review, r.note AS ReviewNote,
               CASE WHEN r.id IS NOT NULL AND r.evidence <> f.evidence THEN 1 ELSE 0 END AS Stale
        FROM findings f JOIN parses p ON p.id = f.parse_id
        LEFT JOIN reviews r ON r.document_id = p.document_id AND r.rule = f.rule AND r.fields = f.fields
                           AND r.related_document_id = COALESCE(f.related_document_id, 0)
        """;

    /// <summary>From this many reports on, a read of a few fields takes each field in one pass over its index.</summary>
    public int ReadInOnePassFrom { get; set; } = 4000;

    public IEnumerable<ReportRecord> Reports(ReportFilter filter, IReadOnlyCollection<string>? fields = null)
    {
        var args = new DynamicParameters();
        var where = ReportFilterSql.Where(filter, args, FieldId, FieldComparison);
        var rows = Query<ReportRow>(ReportSelect + where + ReportOrder, args).ToList();
        if (fields is null || rows.Count < ReadInOnePassFrom) return Records(rows, fields);
        // A few fields of many reports (stats): the fields' values read in one pass, the findings in another, rather
        // than chunk by chunk of reports.
        var fieldIds = fields.Select(FieldId).OfType<int>().Distinct().ToList();
        var chosen = $"SELECT p.id FROM parses p JOIN documents d ON d.id = p.document_id LEFT JOIN agencies pa ON pa.id = p.agency_id LEFT JOIN agencies a ON a.id = COALESCE(pa.merged_into, pa.id) WHERE p.is_current{where}";
        var values = rows.ToDictionary(r => r.ParseId, _ => new Dictionary<string, decimal?>(StringComparer.Ordinal));
        args.Add("fieldIds", fieldIds);
        foreach (var v in Query<ValueRow>(ValueRows(everyField: false, $"v.parse_id IN ({chosen})"), args))
            if (values.TryGetValue(v.ParseId, out var d)) d[v.Field] = v.Number;
        var findings = Query<FindingRow>(FindingSelect + $" WHERE p.is_current AND f.parse_id IN ({chosen}) ORDER BY f.id", args)
            .GroupBy(f => f.ParseId).ToDictionary(g => g.Key, g => g.Select(f => f.ToFinding()).ToList());
        return rows.Select(r => Record(r, values[r.ParseId], findings.TryGetValue(r.ParseId, out var f) ? f : []));
    }

    /// <summary>The most reports one page may hold.</summary>
    public const int MaxPageSize = 1000;

    public ReportPage Page(ReportFilter filter, ReportSort sort, bool descending, int offset, int limit, IReadOnlyCollection<string>? fields = null)
    {
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var args = new DynamicParameters();
        var where = ReportFilterSql.Where(filter, args, FieldId, FieldComparison);
        const string From = " FROM parses p LEFT JOIN agencies pa ON pa.id = p.agency_id LEFT JOIN agencies a ON a.id = COALESCE(pa.merged_into, pa.id) WHERE p.is_current";
        long total = Scalar<long>("SELECT COUNT(*)" + From + where, args);
        if (total <= offset) return new ReportPage(total, offset, []);
        // The page's parses are chosen on narrow rows (the sort keys and the id), then read in full: the sorter keeps
        // offset + limit small rows, not whole reports.
        var order = Order(sort, descending);
        args.Add("pageLimit", limit);
        args.Add("pageOffset", offset);
        var rows = Query<ReportRow>(ReportSelect + $" AND p.id IN (SELECT p.id{From}{where}{order} LIMIT @pageLimit OFFSET @pageOffset)" + order, args).ToList();
        return new ReportPage(total, offset, Records(rows, fields).ToList());
    }

    /// <summary>The ORDER BY of a sort, over p (the parse; its id follows its document's) and a (the agency). NULLs last either way, in both databases.</summary>
    static string Order(ReportSort sort, bool descending)
    {
        string dir = descending ? " DESC" : "";
        string key = sort switch
        {
            ReportSort.Place => $"(a.division_code IS NULL), a.division_code{dir}, ",
            ReportSort.Agency => $"(COALESCE(a.name, p.agency_printed) IS NULL), COALESCE(a.name, p.agency_printed){dir}, ",
            ReportSort.Year => $"(p.year IS NULL), p.year{dir}, ",
            ReportSort.Template => $"p.template{dir}, ",
            ReportSort.Published => $"(p.published IS NULL), p.published{dir}, ",
            ReportSort.Findings => $"(SELECT COUNT(*) FROM findings fc WHERE fc.parse_id = p.id){dir}, ",
            _ => "",
        };
        return sort == ReportSort.Id ? $" ORDER BY p.document_id{dir}"
            : " ORDER BY " + key + "(a.division_code IS NULL), a.division_code, (a.name IS NULL), a.name, (p.year IS NULL), p.year, p.document_id";
    }

    public IEnumerable<ReportFacts> Facts(ReportFilter filter, IReadOnlyCollection<string> fields, IReadOnlyCollection<string> rules)
    {
        // Three reads, each a pass over one index: the reports taken (their groups only), each field's values, the
        // findings of the rules asked — no names, no messages, no reviews, no ordering. Unfiltered (stats over the whole
        // corpus), a field's values are its whole index range, kept when their parse is a current one, rather than
        // looked up report by report. Read by hand, not through Dapper's generated mappers: a short `ogi stats` process
        // would spend more time compiling them than reading.
        var args = new DynamicParameters();
        var where = ReportFilterSql.Where(filter, args, FieldId, FieldComparison);
        const string From = " FROM parses p LEFT JOIN agencies pa ON pa.id = p.agency_id LEFT JOIN agencies a ON a.id = COALESCE(pa.merged_into, pa.id) WHERE p.is_current";
        string Among(string parse) => where.Length == 0 ? "TRUE" : $"{parse} IN (SELECT p.id{From}{where})";
        var reports = new List<(long Id, long ParseId, string Template, int? Year, string? Code, string? Level, bool IsDepartment)>();
        using (var r = Db.ExecuteReader(Sql("""
            SELECT p.document_id, p.id, p.template, p.year, a.division_code, a.level, CASE WHEN a.is_department THEN 1 ELSE 0 END
            """ + From + where), args, Tx))
            while (r.Read())
                reports.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture) != 0));
        var index = new Dictionary<long, int>(reports.Count);
        for (int i = 0; i < reports.Count; i++) index[reports[i].ParseId] = i;
        var values = new Dictionary<string, decimal?>?[reports.Count];
        // Every field in one statement (the index's ranges, one per field): the reports taken are chosen once, not
        // once per field — the dashboard asks some fifty fields of a province.
        var nameOf = fields.Distinct().Select(n => (Name: n, Id: FieldId(n))).Where(f => f.Id is not null).ToDictionary(f => f.Id!.Value, f => f.Name);
        if (nameOf.Count > 0)
        {
            args.Add("fieldIds", nameOf.Keys.ToList());
            using var r = Db.ExecuteReader(Sql(FieldValueRows(Among("v.parse_id"))), args, Tx);
            while (r.Read())
            {
                if (!index.TryGetValue(r.GetInt64(0), out int i)) continue;
                (values[i] ??= new Dictionary<string, decimal?>(StringComparer.Ordinal))[nameOf[Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)]] = ValueRow.ToNumber(r.GetValue(2));
            }
        }
        var broken = new HashSet<string>?[reports.Count];
        if (rules.Count > 0)
        {
            args.Add("factRules", rules.ToList());
            using var r = Db.ExecuteReader(Sql("SELECT DISTINCT f.parse_id, f.rule FROM findings f WHERE f.rule IN @factRules AND " + Among("f.parse_id")), args, Tx);
            while (r.Read())
                if (index.TryGetValue(r.GetInt64(0), out int i)) (broken[i] ??= new HashSet<string>(StringComparer.Ordinal)).Add(r.GetString(1));
        }
        var none = new Dictionary<string, decimal?>();
        var noRules = new HashSet<string>();
        return reports.Select((r, i) => new ReportFacts
        {
            Id = r.Id, Template = r.Template, Year = r.Year, PlaceCode = r.Code, PlaceLevel = r.Code is null ? null : r.Level,
            IsDepartment = r.IsDepartment, Values = values[i] ?? none, Rules = broken[i] ?? noRules,
        });
    }

    IEnumerable<ReportRecord> Records(List<ReportRow> rows, IReadOnlyCollection<string>? fields)
    {
        List<int>? fieldIds = fields?.Select(FieldId).OfType<int>().Distinct().ToList();
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var ids = chunk.Select(r => r.ParseId).ToList();
            var values = ids.ToDictionary(id => id, _ => new Dictionary<string, decimal?>(StringComparer.Ordinal));
            if (fieldIds is null || fieldIds.Count > 0)
            {
                // Every field (fields outermost, a seek per field: SQLite's value rows are clustered by field), or the ones asked.
                var sql = ValueRows(everyField: fieldIds is null, "v.parse_id IN @ids");
                foreach (var v in Query<ValueRow>(sql, new { ids, fieldIds })) values[v.ParseId][v.Field] = v.Number;
            }
            var findings = Query<FindingRow>(FindingSelect + " WHERE f.parse_id IN @ids ORDER BY f.id", new { ids })
                .GroupBy(f => f.ParseId).ToDictionary(g => g.Key, g => g.Select(f => f.ToFinding()).ToList());
            foreach (var r in chunk) yield return Record(r, values[r.ParseId], findings.TryGetValue(r.ParseId, out var f) ? f : []);
        }
    }

    static ReportRecord Record(ReportRow r, Dictionary<string, decimal?> values, List<StoredFinding> findings) => new()
    {
        Id = r.Id, Sha256 = r.Sha256, FileName = r.FileName, Template = r.Template, Title = r.Title, AgencyAsPrinted = r.AgencyPrinted,
        Year = r.Year, Published = r.Published is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        AgencyId = r.AgencyId, AgencyName = r.AgencyName, PlaceCode = r.DivisionCode, PlaceLevel = r.DivisionCode is null ? null : r.Level,
        IsDepartment = r.IsDepartment != 0, Values = values, Findings = findings, ParserVersion = r.ParserVersion,
    };

    public ReportRecord? Report(string idOrSha)
    {
        idOrSha = idOrSha.Trim().ToLowerInvariant();
        List<ReportRow> rows = [];
        if (idOrSha.Length > 0 && idOrSha.All(char.IsAsciiDigit) && long.TryParse(idOrSha, CultureInfo.InvariantCulture, out var id))
            rows = Query<ReportRow>(ReportSelect + " AND d.id = @id", new { id }).ToList();
        if (rows.Count == 0 && idOrSha.Length >= 8 && idOrSha.All(char.IsAsciiHexDigit))
            rows = Query<ReportRow>(ReportSelect + " AND d.sha256 LIKE @prefix", new { prefix = idOrSha + "%" }).Take(2).ToList();
        return rows.Count == 1 ? Records(rows, null).Single() : null;
    }

    /// <summary>A stored report's current parse as the engine wrote it: the decoded text its cells' offsets point into,
    /// and its OUTPUT.md document (the web page draws the cells from it and marks their source); null when it has none.</summary>
    public (string Text, string DocumentJson)? ParseText(long documentId)
    {
        var rows = Query<(byte[] Text, byte[] Json)>("""
            SELECT t.text, t.document_json FROM parses p JOIN parse_texts t ON t.parse_id = p.id
            WHERE p.document_id = @documentId AND p.is_current
            """, new { documentId }).ToList();
        return rows.Count == 0 ? null : (PreparedParse.DecompressText(rows[0].Text), PreparedParse.DecompressText(rows[0].Json));
    }

    public IReadOnlyList<ReportRecord> Series(long agencyId)
    {
        var series = Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @agencyId", new { agencyId });
        if (series is null) return [];
        var raw = AgencyRows([series.Value]);
        var rows = Query<ReportRow>(ReportSelect + " AND p.agency_id IN @raw ORDER BY (p.year IS NULL), p.year, d.id", new { raw }).ToList();
        return Records(rows, null).ToList();
    }

    public long? FindAgency(string idOrName)
    {
        idOrName = idOrName.Trim();
        if (idOrName.Length == 0) return null;
        if (idOrName.All(char.IsAsciiDigit) && long.TryParse(idOrName, CultureInfo.InvariantCulture, out var id))
        {
            var found = Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @id", new { id });
            if (found is not null) return found;
        }
        var exact = Query<long>("SELECT id FROM agencies WHERE merged_into IS NULL AND name = @idOrName", new { idOrName }).ToList();
        if (exact.Count == 1) return exact[0];
        var printed = Query<long>("""
            SELECT DISTINCT COALESCE(a.merged_into, a.id) FROM parses p JOIN agencies a ON a.id = p.agency_id
            WHERE p.is_current AND p.agency_printed = @idOrName
            """, new { idOrName }).ToList();
        if (printed.Count == 1) return printed[0];
        if (exact.Count > 1 || printed.Count > 1) return null;
        var like = Query<long>("SELECT id FROM agencies WHERE merged_into IS NULL AND name LIKE @pattern ESCAPE '\\' LIMIT 2",
            new { pattern = "%" + ReportFilterSql.EscapeLike(idOrName) + "%" }).ToList();
        return like.Count == 1 ? like[0] : null;
    }

    // ---- reparse ----

    public ParseChanges Changes(long documentId, long? beforeParseId, long afterParseId)
    {
        var file = Scalar<string>("SELECT file_name FROM documents WHERE id = @documentId", new { documentId })!;
        string? Template(long? id) => id is null ? null : Scalar<string>("SELECT template FROM parses WHERE id = @id", new { id });
        Dictionary<string, decimal?> Values(long? id) => id is null ? [] : Query<ValueRow>(
            ValueRows(everyField: true, "v.parse_id = @id"), new { id }).ToDictionary(v => v.Field, v => v.Number);
        HashSet<string> Findings(long? id) => id is null ? [] : Query<(string, string, string)>(
            "SELECT rule, fields, message FROM findings WHERE parse_id = @id", new { id }).Select(f => $"{f.Item1} [{f.Item2}] {f.Item3}").ToHashSet();
        var (vb, va) = (Values(beforeParseId), Values(afterParseId));
        static string? Show(Dictionary<string, decimal?> d, string k) => d.TryGetValue(k, out var v) ? v?.ToString(CultureInfo.InvariantCulture) ?? "blank" : null;
        var changed = vb.Keys.Union(va.Keys).Order(StringComparer.Ordinal)
            .Select(k => (k, Show(vb, k), Show(va, k))).Where(t => t.Item2 != t.Item3).ToList();
        var (fb, fa) = (Findings(beforeParseId), Findings(afterParseId));
        return new ParseChanges(documentId, file, Template(beforeParseId), Template(afterParseId), changed,
            fa.Except(fb).Order(StringComparer.Ordinal).ToList(), fb.Except(fa).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The current parse of a document, as the last AddParses left it.</summary>
    public long? CurrentParse(long documentId) => Scalar<long?>("SELECT id FROM parses WHERE document_id = @documentId AND is_current", new { documentId });

    // ---- agencies ----

    sealed class AgencyRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string? DivisionCode { get; set; }
        public string? Level { get; set; }
        public int IsDepartment { get; set; }
        public int Corrected { get; set; }
        public long Reports { get; set; }
    }

    const string AgencySelect = """
        SELECT a.id AS Id, a.name AS Name, a.division_code AS DivisionCode, a.level AS Level,
               CASE WHEN a.is_department THEN 1 ELSE 0 END AS IsDepartment, CASE WHEN a.corrected THEN 1 ELSE 0 END AS Corrected,
               COUNT(p.id) AS Reports
        FROM agencies a
        LEFT JOIN agencies m ON COALESCE(m.merged_into, m.id) = a.id
        LEFT JOIN parses p ON p.agency_id = m.id AND p.is_current
        WHERE a.merged_into IS NULL
        """;
    const string AgencyGroup = " GROUP BY a.id, a.name, a.division_code, a.level, a.is_department, a.corrected HAVING COUNT(p.id) > 0 ORDER BY a.name, a.id";

    public IReadOnlyList<AgencySummary> Agencies(bool unplacedOnly) =>
        Summaries(Query<AgencyRow>(AgencySelect + (unplacedOnly ? " AND a.division_code IS NULL AND (a.level IS NULL OR a.level <> 'national')" : "") + AgencyGroup).ToList(), null);

    public AgencySummary? Agency(long id)
    {
        var series = Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @id", new { id });
        if (series is null) return null;
        var rows = Query<AgencyRow>(AgencySelect + " AND a.id = @series" + AgencyGroup.Replace(" HAVING COUNT(p.id) > 0", ""), new { series }).ToList();
        return Summaries(rows, series).FirstOrDefault();
    }

    List<AgencySummary> Summaries(List<AgencyRow> rows, long? only)
    {
        var years = Query<(long Series, long? Year, string? Printed)>("""
            SELECT DISTINCT COALESCE(a.merged_into, a.id), CAST(p.year AS bigint), p.agency_printed
            FROM parses p JOIN agencies a ON a.id = p.agency_id
            WHERE p.is_current
            """ + (only is null ? "" : " AND COALESCE(a.merged_into, a.id) = @only"), new { only })
            .GroupBy(y => y.Series).ToDictionary(g => g.Key, g => g.ToList());
        return rows.Select(r =>
        {
            var ys = years.TryGetValue(r.Id, out var l) ? l : [];
            var known = ys.Select(y => y.Year).OfType<long>().Select(y => (int)y).Distinct().Order().ToList();
            var names = ys.OrderBy(y => y.Year).Select(y => y.Printed).OfType<string>().Distinct().ToList();
            return new AgencySummary(r.Id, r.Name, r.DivisionCode, r.Level, r.IsDepartment != 0, r.Corrected != 0, (int)r.Reports,
                known.Count > 0 ? known[0] : null, known.Count > 0 ? known[^1] : null, names, CrossYearValidator.MissingYears(known));
        }).ToList();
    }

    public void CorrectAgency(long id, AgencyCorrection c) => InTransaction(() =>
    {
        int n = Execute("""
            UPDATE agencies SET name = COALESCE(@Name, name), division_code = COALESCE(@DivisionCode, division_code),
                level = COALESCE(@Level, level), is_department = COALESCE(@IsDepartment, is_department), corrected = TRUE
            WHERE id = @id
            """, new { id, c.Name, c.DivisionCode, c.Level, c.IsDepartment });
        if (n == 0) throw new StoreException($"no agency {id}");
    });

    public void MergeAgencies(long from, long into) => InTransaction(() =>
    {
        var a = Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @from", new { from }) ?? throw new StoreException($"no agency {from}");
        var b = Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @into", new { into }) ?? throw new StoreException($"no agency {into}");
        if (a == b) throw new StoreException($"agencies {from} and {into} are one series already");
        // Everything that pointed at a now points at b directly: a merge is never more than one step to follow.
        Execute("UPDATE agencies SET merged_into = @b WHERE id = @a OR merged_into = @a", new { a, b });
        RecomputeSeries([b]);
    });

    // ---- reviews ----

    public StoredFinding? Finding(long id) =>
        Query<FindingRow>(FindingSelect + " WHERE f.id = @id", new { id }).FirstOrDefault()?.ToFinding();

    public void Review(long findingId, string decision, string? note) => InTransaction(() =>
    {
        if (decision is not ("confirmed" or "dismissed")) throw new StoreException($"a review is confirmed or dismissed, not {decision}");
        var f = Query<(long DocumentId, string Rule, string Fields, long Related, string Evidence)>("""
            SELECT p.document_id, f.rule, f.fields, COALESCE(f.related_document_id, 0), f.evidence
            FROM findings f JOIN parses p ON p.id = f.parse_id WHERE f.id = @findingId AND p.is_current
            """, new { findingId }).ToList();
        if (f.Count == 0) throw new StoreException($"no current finding {findingId}");
        var x = f[0];
        Execute("""
            INSERT INTO reviews (document_id, rule, fields, related_document_id, evidence, decision, note)
            VALUES (@DocumentId, @Rule, @Fields, @Related, @Evidence, @decision, @note)
            ON CONFLICT (document_id, rule, fields, related_document_id)
            DO UPDATE SET evidence = excluded.evidence, decision = excluded.decision, note = excluded.note, reviewed_at = CURRENT_TIMESTAMP
            """, new { x.DocumentId, x.Rule, x.Fields, x.Related, x.Evidence, decision, note });
    });

    public IReadOnlyList<ReviewRecord> Reviews() => Query<ReviewRecord>("""
        SELECT r.id AS Id, r.document_id AS DocumentId, d.file_name AS FileName, r.rule AS Rule, r.fields AS Fields, r.decision AS Decision,
               r.note AS Note, f.id AS FindingId, CASE WHEN f.id IS NULL OR f.evidence <> r.evidence THEN 1 ELSE 0 END AS Stale
        FROM reviews r JOIN documents d ON d.id = r.document_id
        LEFT JOIN parses p ON p.document_id = r.document_id AND p.is_current
        LEFT JOIN findings f ON f.parse_id = p.id AND f.rule = r.rule AND f.fields = r.fields AND COALESCE(f.related_document_id, 0) = r.related_document_id
        ORDER BY r.id, Stale
        """).DistinctBy(r => r.Id).ToList();

    // ---- for the office's register (Ogi.Office), whose tables live in this database ----

    /// <summary>The same connection, SQL form and write transactions as the store's own, for the register's tables.</summary>
    public ISqlSession Session => this;

    string ISqlSession.Dialect => Dialect;
    IEnumerable<T> ISqlSession.Query<T>(string sql, object? args) => Query<T>(sql, args);
    int ISqlSession.Execute(string sql, object? args) => Execute(sql, args);
    T? ISqlSession.Scalar<T>(string sql, object? args) where T : default => Scalar<T>(sql, args);
    T ISqlSession.InTransaction<T>(Func<T> work) => Tx is null ? InTransaction(work) : work();

    long ISqlSession.EnsureAgency(string name)
    {
        if (FindAgency(name) is long known && Scalar<string>("SELECT name FROM agencies WHERE id = @known", new { known }) == name.Trim()) return known;
        // Placed as ingest places a printed name, so that the agency's own published reports join the same series.
        var place = AgencyPlacing.Place(name, null) ?? throw new StoreException($"{name}: not an agency's name");
        var series = Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE series_key = @SeriesKey", place);
        if (series is long s) return s;
        return Tx is null ? InTransaction(() => AgencyIds([place])[place.SeriesKey]) : AgencyIds([place])[place.SeriesKey];
    }

    // ---- the rest ----

    public IReadOnlyList<(string Origin, string Reason)> Failures() => Query<(string, string)>("""
        SELECT x.origin, x.reason FROM ingest_failures x
        WHERE x.sha256 IS NULL OR NOT EXISTS (SELECT 1 FROM documents d JOIN parses p ON p.document_id = d.id AND p.is_current WHERE d.sha256 = x.sha256)
        ORDER BY x.id
        """).ToList();

    /// <summary>The space the database takes (SQLite: the file and its write-ahead log; PostgreSQL: the database).</summary>
    public abstract long SizeInBytes();

    public StoreCounts Counts() => Query<StoreCounts>("""
        SELECT (SELECT COUNT(*) FROM documents) AS Documents, (SELECT COUNT(*) FROM parses) AS Parses,
               (SELECT COUNT(*) FROM parses WHERE is_current) AS Reports,
               (SELECT COUNT(*) FROM agencies WHERE merged_into IS NULL) AS Agencies,
               (SELECT COUNT(*) FROM agencies WHERE merged_into IS NULL AND division_code IS NULL AND (level IS NULL OR level <> 'national')) AS Unplaced,
               (SELECT COUNT(*) FROM findings f JOIN parses p ON p.id = f.parse_id WHERE p.is_current) AS Findings,
               (SELECT COUNT(*) FROM ingest_failures) AS Failures
        """).Single();
}

/// <summary>A request the database cannot carry out (no such agency, finding…); the message is one line, fit for a user.</summary>
public sealed class StoreException(string message) : Exception(message);
