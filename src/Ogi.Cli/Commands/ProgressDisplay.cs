using System.Diagnostics;
using Spectre.Console;

namespace Ogi.Cli;

/// <summary>
/// The progress of a long batch (ingest, reparse, export): a Spectre.Console bar on a terminal (files, rate, failures,
/// time left), plain lines every few seconds when stderr is not one. Always on stderr, so stdout stays the command's.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs the work, which reports (done, failed) as it goes.</summary>
    public static T Run<T>(string what, int total, Func<Action<int, int>, T> work, string unit = "files")
    {
        if (total == 0) return work((_, _) => { });
        var clock = Stopwatch.StartNew();
        string Line(int done, int failed)
        {
            double rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            return $"{what} {done:N0}/{total:N0} {unit} · {rate:N0}/s · {failed:N0} failed";
        }
        if (Console.IsErrorRedirected)
        {
            var last = TimeSpan.Zero;
            int lastDone = -1;
            return work((done, failed) =>
            {
                if (done == lastDone || (clock.Elapsed - last < TimeSpan.FromSeconds(5) && done < total)) return;
                (last, lastDone) = (clock.Elapsed, done);
                double rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                var left = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
                Console.Error.WriteLine($"ogi: {Line(done, failed)} · {left:hh\\:mm\\:ss} left");
            });
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(Line(0, 0)), maxValue: total);
                result = work((done, failed) =>
                {
                    task.Value = done;
                    task.Description = Markup.Escape(Line(done, failed));
                });
                task.Value = total;
            });
        return result;
    }
}

/// <summary>The store as the export sees it, counting the reports it hands out for the progress display.</summary>
public sealed class CountingQueries(Ogi.Store.IReportQueries inner, Action<int, int> progress) : Ogi.Store.IReportQueries
{
    public IEnumerable<Ogi.Store.ReportRecord> Reports(Ogi.Store.ReportFilter filter, IReadOnlyCollection<string>? fields = null)
    {
        int n = 0;
        foreach (var r in inner.Reports(filter, fields))
        {
            yield return r;
            if (++n % 64 == 0) progress(n, 0);
        }
        progress(n, 0);
    }

    public IEnumerable<Ogi.Store.ReportFacts> Facts(Ogi.Store.ReportFilter filter, IReadOnlyCollection<string> fields, IReadOnlyCollection<string> rules) =>
        inner.Facts(filter, fields, rules);
    public Ogi.Store.ReportPage Page(Ogi.Store.ReportFilter filter, Ogi.Store.ReportSort sort, bool descending, int offset, int limit, IReadOnlyCollection<string>? fields = null) =>
        inner.Page(filter, sort, descending, offset, limit, fields);
    public Ogi.Store.ReportRecord? Report(string idOrSha) => inner.Report(idOrSha);
    public IReadOnlyList<Ogi.Store.ReportRecord> Series(long agencyId) => inner.Series(agencyId);
    public long? FindAgency(string idOrName) => inner.FindAgency(idOrName);
}
