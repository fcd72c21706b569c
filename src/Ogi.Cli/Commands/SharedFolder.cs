namespace Ogi.Cli;

/// <summary>
/// ../shared (seeds, corpus, gold, the floor) beside the repository, found from where the program is, not from the
/// current folder: `ogi bench` run from anywhere, and the tests, read the same files. OGI_SHARED overrides it.
/// </summary>
public static class SharedFolder
{
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("OGI_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "seeds"))) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
                if (Directory.Exists(Path.Combine(candidate, "seeds"))) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
