using Ogi.Store;

namespace Ogi.Web.Services;

/// <summary>Opens the database for one request (a store holds one connection and is not shared between threads);
/// SQLite connections are pooled, so a request starts with a warm page cache.</summary>
public sealed class StoreFactory(WebOptions options)
{
    public SqlReportStore Open() => ReportStore.Open(options.Db, migrate: false, pooled: true);
}
