using System.CommandLine;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>The --db option every database command takes, and opening the database with one-line errors.</summary>
public static class Database
{
    public static Option<string?> Option() => new("--db")
    {
        Description = $"the database: a SQLite file (default ${{OGI_DB}}, else {ReportStore.DefaultFile} here) or postgres://user@host:port/db",
    };

    /// <summary>Runs the work on the opened database; a database that cannot be opened or a refused request is one line and exit 2.</summary>
    public static int Use(string command, string? db, bool mustExist, Func<SqlReportStore, int> work)
    {
        try
        {
            using var store = ReportStore.Open(db, mustExist);
            return work(store);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"ogi {command}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"ogi {command}: database error: {e.Message.Split('\n')[0]}");
            return 2;
        }
    }
}
