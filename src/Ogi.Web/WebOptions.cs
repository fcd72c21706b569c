namespace Ogi.Web;

/// <summary>What `ogi serve` gives the web application: the database (as --db takes it) and the addresses to listen on.</summary>
public sealed record WebOptions
{
    /// <summary>A SQLite file or a postgres:// URL; null: $OGI_DB, else ogi.db (the same as every other command).</summary>
    public string? Db { get; init; }
    /// <summary>Addresses to listen on, separated by ';'. Loopback by default: serving others is a choice.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;
    /// <summary>Largest request body Kestrel takes: an upload and the rest of its form.</summary>
    public long MaxRequestBytes => MaxUploadBytes + 64 * 1024;
    /// <summary>Sign-in attempts allowed per minute for one address and name (Security/LoginThrottle.cs).</summary>
    public int LoginAttemptsPerMinute { get; init; } = 5;
}
