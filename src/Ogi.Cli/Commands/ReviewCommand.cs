using System.CommandLine;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>`ogi review`: confirm or dismiss a finding with a note; list the decisions and those gone stale.</summary>
public static class ReviewCommand
{
    public static Command Create()
    {
        var db = Database.Option();
        var finding = new Argument<long?>("finding") { Description = "the finding's id (ogi review --report REPORT lists them)", Arity = ArgumentArity.ZeroOrOne };
        var confirm = new Option<string?>("--confirm") { Description = "the finding is right (with an optional note)", Arity = ArgumentArity.ZeroOrOne };
        var dismiss = new Option<string?>("--dismiss") { Description = "the finding is wrong: why", Arity = ArgumentArity.ExactlyOne };
        var report = new Option<string?>("--report") { Description = "list the findings of this report (id or SHA-256 prefix) with their ids and reviews" };
        var cmd = new Command("review", "confirm or dismiss a finding (kept across reparse while the finding stands on the same values); with no finding, list the reviews")
            { finding, confirm, dismiss, report, db };
        cmd.SetAction(r =>
        {
            var id = r.GetValue(finding);
            bool confirming = r.GetResult(confirm) is not null, dismissing = r.GetResult(dismiss) is not null;
            return Database.Use("review", r.GetValue(db), mustExist: true, store =>
            {
                if (r.GetValue(report) is { } which) return ListFindings(store, which);
                if (id is null)
                {
                    if (confirming || dismissing) throw new StoreException("give the finding to review");
                    return ListReviews(store);
                }
                if (confirming == dismissing) throw new StoreException("give --confirm [NOTE] or --dismiss NOTE");
                store.Review(id.Value, confirming ? "confirmed" : "dismissed", confirming ? r.GetValue(confirm) : r.GetValue(dismiss));
                var f = store.Finding(id.Value)!;
                Console.WriteLine($"finding {f.Id} ({f.Rule}, report {f.ReportId}): {f.Review}{(f.ReviewNote is { } n ? ": " + n : "")}");
                return 0;
            });
        });
        return cmd;
    }

    static int ListFindings(SqlReportStore store, string which)
    {
        var report = store.Report(which) ?? throw new StoreException($"no report {which}");
        Console.WriteLine($"report {report.Id} {report.FileName} ({report.AgencyName ?? report.AgencyAsPrinted} {report.Year})");
        foreach (var f in report.Findings)
        {
            string review = f.Review is null ? "" : $"  [{f.Review}{(f.ReviewStale ? ", stale" : "")}{(f.ReviewNote is { } n ? ": " + n : "")}]";
            string related = f.RelatedReportId is { } rel ? $" (report {rel})" : "";
            Console.WriteLine($"  {f.Id}\t{f.Rule} {f.Severity}\t{f.Message}{related}{review}");
        }
        return 0;
    }

    static int ListReviews(SqlReportStore store)
    {
        var reviews = store.Reviews();
        foreach (var r in reviews)
        {
            string state = r.FindingId is null ? "stale: the finding no longer stands" : r.Stale ? $"stale: finding {r.FindingId} now stands on other values" : $"finding {r.FindingId}";
            Console.WriteLine($"{r.Id}\treport {r.DocumentId} {r.FileName}\t{r.Rule} [{r.Fields}]\t{r.Decision}{(r.Note is { } n ? ": " + n : "")}\t{state}");
        }
        Console.Error.WriteLine($"ogi: {reviews.Count} reviews, {reviews.Count(r => r.Stale)} stale");
        return 0;
    }
}
