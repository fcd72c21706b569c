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
    public static T Run<T>(string what, int total, Func<Action<int, int>, T> work)
    {
        if (total == 0) return work((_, _) => { });
        var clock = Stopwatch.StartNew();
        string Line(int done, int failed)
        {
            double rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            return $"{what} {done:N0}/{total:N0} files · {rate:N0}/s · {failed:N0} failed";
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
