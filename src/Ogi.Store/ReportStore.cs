namespace Ogi.Store;

/// <summary>Opens the database a command names: a postgres:// URL, or a SQLite file (ogi.db by default, or $OGI_DB).</summary>
public static class ReportStore
{
    public const string DefaultFile = "ogi.db";

    /// <summary>The database named by --db, else $OGI_DB, else ogi.db in the current folder.</summary>
    public static string Resolve(string? db) =>
        !string.IsNullOrWhiteSpace(db) ? db : Environment.GetEnvironmentVariable("OGI_DB") is { Length: > 0 } env ? env : DefaultFile;

    public static bool IsPostgres(string db) => db.StartsWith("postgres://", StringComparison.Ordinal) || db.StartsWith("postgresql://", StringComparison.Ordinal);

    /// <summary>Opens and migrates. <paramref name="mustExist"/>: a SQLite file is not created by a command that only reads.
    /// <paramref name="migrate"/> false: a database already migrated by this process (the web app opens one per request).
    /// <paramref name="pooled"/>: a SQLite connection kept for the next open (the web app; PostgreSQL's are pooled by Npgsql).</summary>
    public static SqlReportStore Open(string? db, bool mustExist = false, bool migrate = true, bool pooled = false)
    {
        var name = Resolve(db);
        SqlReportStore store;
        if (IsPostgres(name)) store = new PostgresReportStore(name);
        else
        {
            if (Directory.Exists(name)) throw new StoreException($"{name}: is a folder, not a database file");
            if (mustExist) RefuseWhatIsNoOgiDatabase(name);
            var folder = Path.GetDirectoryName(Path.GetFullPath(name));
            if (folder is not null && !Directory.Exists(folder)) throw new StoreException($"{name}: no such folder");
            try { store = new SqliteReportStore(name, pooled); }
            catch (Microsoft.Data.Sqlite.SqliteException e) { throw new StoreException($"{name}: cannot open the database: {e.Message.Split('\n')[0]}"); }
        }
        if (!migrate) return store;
        try { store.Migrate(); }
        catch (Exception e) when (e is not StoreException)
        {
            store.Dispose();
            throw new StoreException($"{store.Description}: cannot prepare the database: {e.Message.Split('\n')[0]}");
        }
        return store;
    }

    /// <summary>A command that only reads never creates or migrates a database: the file must exist and hold ogi's schema
    /// (an empty file or another program's database is refused, not turned into an ogi database).</summary>
    static void RefuseWhatIsNoOgiDatabase(string name)
    {
        if (!File.Exists(name)) throw new StoreException($"{name}: no such database (ogi ingest creates it)");
        var connection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = name, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString();
        long tables;
        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection(connection);
            c.Open();
            using var command = c.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
            tables = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException) { throw new StoreException($"{name}: not an ogi database (not a SQLite file)"); }
        if (tables == 0) throw new StoreException($"{name}: not an ogi database (ogi ingest creates one)");
    }
}
