using System.Diagnostics;

namespace Ogi.Decode.Pdf;

/// <summary>
/// An optional helper program (tesseract, pdftoppm, soffice) found on PATH and run as a process with a timeout;
/// ogi itself never needs one for text, HTML, Word or born-digital PDF.
/// </summary>
public static class ExternalProgram
{
    static readonly Dictionary<string, string?> Found = new();

    /// <summary>The program's full path on PATH, or null when it is not installed.</summary>
    public static string? Find(string name)
    {
        lock (Found)
        {
            if (Found.TryGetValue(name, out var known)) return known;
            string? path = null;
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) { path = candidate; break; }
            }
            return Found[name] = path;
        }
    }

    /// <summary>Runs the program to its end; a non-zero exit or the timeout is an <see cref="UnreadableDocumentException"/> naming it.</summary>
    public static void Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Find(program) ?? throw new UnreadableDocumentException($"{program} is not installed");
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new UnreadableDocumentException($"{program} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
            throw new UnreadableDocumentException($"{program} took longer than {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var why = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            throw new UnreadableDocumentException($"{program} failed (exit {process.ExitCode}{(why.Length > 0 ? ": " + why : "")})");
        }
        _ = stdout.Result;
    }

    /// <summary>A fresh folder for one conversion, removed with everything in it when disposed.</summary>
    public sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ogi-" + Guid.NewGuid().ToString("N"));
        public ScratchFolder() => Directory.CreateDirectory(Path);
        public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
    }
}
