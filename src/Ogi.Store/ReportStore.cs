namespace Ogi.Store;

/// <summary>Opens the database a command names: a postgres:// URL, or a SQLite file (ogi.db by default, or $OGI_DB).</summary>
public static class ReportStore
{
    public const string DefaultFile = "ogi.db";

    /// <summary>The database named by --db, else $OGI_DB, else ogi.db in the current folder.</summary>
    public static string Resolve(string? db) =>
        !string.IsNullOrWhiteSpace(db) ? db : Environment.GetEnvironmentVariable("OGI_DB") is { Length: > 0 } env ? env : DefaultFile;

    public static bool IsPostgres(string db) => db.StartsWith("postgres://", StringComparison.Ordinal) || db.StartsWith("postgresql://", StringComparison.Ordinal);

    /// <summary>Opens and migrates. <paramref name="mustExist"/>: a SQLite file is not created by a command that only reads.</summary>
    public static SqlReportStore Open(string? db, bool mustExist = false)
    {
        var name = Resolve(db);
        SqlReportStore store;
        if (IsPostgres(name)) store = new PostgresReportStore(name);
        else
        {
            if (mustExist && !File.Exists(name)) throw new StoreException($"{name}: no such database (ogi ingest creates it)");
            var folder = Path.GetDirectoryName(Path.GetFullPath(name));
            if (folder is not null && !Directory.Exists(folder)) throw new StoreException($"{name}: no such folder");
            try { store = new SqliteReportStore(name); }
            catch (Microsoft.Data.Sqlite.SqliteException e) { throw new StoreException($"{name}: cannot open the database: {e.Message.Split('\n')[0]}"); }
        }
        try { store.Migrate(); }
        catch (Exception e) when (e is not StoreException)
        {
            store.Dispose();
            throw new StoreException($"{store.Description}: cannot prepare the database: {e.Message.Split('\n')[0]}");
        }
        return store;
    }
}
