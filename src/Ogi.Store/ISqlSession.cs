namespace Ogi.Store;

/// <summary>
/// The store's database as the office's register uses it (its own tables, migrated with the corpus's): the SQL text
/// is shared by both dialects, and <see cref="Dialect"/> says which one runs it where they must differ. Every command
/// runs inside the open write transaction, if any.
/// </summary>
public interface ISqlSession
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Dialect { get; }
    IEnumerable<T> Query<T>(string sql, object? args = null);
    int Execute(string sql, object? args = null);
    T? Scalar<T>(string sql, object? args = null);
    /// <summary>Runs the work in one write transaction (all of it or nothing); a transient conflict runs it again.</summary>
    T InTransaction<T>(Func<T> work);
    /// <summary>The agency of this name, created (placed as ingest places it) when the database has none.</summary>
    long EnsureAgency(string name);
}
