using System.Reflection;
using Npgsql;
using Ogi.Store;
using Xunit;
using Xunit.Sdk;

namespace Ogi.Tests;

/// <summary>
/// Fresh, empty databases for the store tests: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL cluster scripts/pg-test.sh started ($OGI_TEST_PG). Each is dropped when the test ends.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public string Kind { get; }
    /// <summary>What --db takes: the SQLite file's path or the postgres:// URL.</summary>
    public string Url { get; }
    readonly string? _folder;
    readonly string? _pgName;

    public TestDatabase(string kind)
    {
        Kind = kind;
        if (kind == "sqlite")
        {
            _folder = Directory.CreateTempSubdirectory("ogi-store-").FullName;
            Url = Path.Combine(_folder, "test.db");
        }
        else
        {
            var admin = PostgresUrl ?? throw new InvalidOperationException("PostgreSQL is not running: scripts/pg-test.sh start, then OGI_TEST_PG=its URL");
            _pgName = "ogi_t_" + Guid.NewGuid().ToString("N")[..12];
            using (var c = new NpgsqlConnection(PostgresReportStore.ConnectionString(admin).ToString()))
            {
                c.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgName}", c);
                cmd.ExecuteNonQuery();
            }
            var uri = new UriBuilder(admin) { Path = "/" + _pgName };
            Url = uri.Uri.ToString().TrimEnd('/');
        }
    }

    public SqlReportStore Open() => ReportStore.Open(Url);

    public void Dispose()
    {
        if (_folder is not null) { try { Directory.Delete(_folder, true); } catch (IOException) { } }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var c = new NpgsqlConnection(PostgresReportStore.ConnectionString(PostgresUrl!).ToString());
            c.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", c);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>$OGI_TEST_PG, else the URL scripts/pg-test.sh wrote; null when no cluster is running.</summary>
    public static string? PostgresUrl { get; } = FindPostgres();

    static string? FindPostgres()
    {
        var env = Environment.GetEnvironmentVariable("OGI_TEST_PG");
        if (!string.IsNullOrEmpty(env)) return env;
        var file = Path.Combine(Environment.GetEnvironmentVariable("OGI_PG_DIR") ?? "/tmp/ogi-pg-test", "url");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }
}

/// <summary>Runs a store theory on SQLite.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["sqlite"]];
}

/// <summary>
/// Runs a store theory on PostgreSQL. Without a running cluster the case is skipped with that message — except in CI
/// (CI=true), where it runs and fails: the PostgreSQL half of the suite must never vanish silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (TestDatabase.PostgresUrl is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = "PostgreSQL not running (scripts/pg-test.sh start; ./test.sh does it)";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgres"]];
}
