namespace Ogi.Decode;

/// <summary>
/// Which files in a folder are taken as reports when a folder is named (parse, check, ingest): JSON (gold files and
/// parse results beside the reports), data tables (a corpus's SOURCES.tsv) and database files are not. A file named
/// on its own is taken whatever it is. CSV is a report's layout too, so it is read.
/// </summary>
public static class FolderFiles
{
    static readonly string[] NoReport = [".json", ".tsv", ".db", ".db-wal", ".db-shm", ".partial"];

    public static bool IsReport(string path)
    {
        foreach (var ext in NoReport)
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }
}
