using System.CommandLine;
using System.Diagnostics;
using Ogi.Store;

namespace Ogi.Cli;

/// <summary>`ogi bench-store`: what a database costs and how fast its reads are — size per report, a stats-sized read over every report, one agency's series.</summary>
public static class StoreBenchCommand
{
    public static Command Create()
    {
        var db = Database.Option();
        var repeat = new Option<int>("--repeat") { Description = "runs of each read (the median is reported)", DefaultValueFactory = _ => 5 };
        var cmd = new Command("bench-store", "measure the database: size per report, stats over every report, reading two fields of every report as records, one agency's series") { db, repeat };
        cmd.SetAction(r => Database.Use("bench-store", r.GetValue(db), mustExist: true, store => Run(store, Math.Max(1, r.GetValue(repeat)))));
        return cmd;
    }

    static int Run(SqlReportStore store, int repeat)
    {
        var counts = store.Counts();
        long bytes = store.SizeInBytes();
        Console.WriteLine($"{store.Description}: {counts.Reports:N0} reports, {counts.Documents:N0} documents, {bytes / 1048576.0:N1} MiB, {bytes / (double)Math.Max(1, counts.Reports) / 1024:N1} KiB per report");
        string[] fields = ["applications.new.total", "applications.carried_over.total"];
        // Wall time and the process's CPU time (on shared cores the wall time also measures the other programs' load).
        string Median(Func<int> work, out int n)
        {
            var times = new List<(double Wall, double Cpu)>();
            n = 0;
            var process = Process.GetCurrentProcess();
            for (int i = 0; i < repeat; i++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                n = work();
                double wall = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                times.Add((wall, (process.TotalProcessorTime - cpu).TotalMilliseconds));
            }
            double wallMedian = times.Select(t => t.Wall).Order().ElementAt(times.Count / 2), cpuMedian = times.Select(t => t.Cpu).Order().ElementAt(times.Count / 2);
            return $"{wallMedian:N1} ms, {cpuMedian:N1} ms CPU (medians of {repeat})";
        }
        var all = Median(() =>
        {
            int n = 0;
            decimal sum = 0;
            foreach (var report in store.Reports(ReportFilter.All, fields))
            {
                n++;
                if (report.Values.TryGetValue(fields[0], out var v) && v is decimal d) sum += d;
            }
            return n;
        }, out int read);
        Console.WriteLine($"two fields of every report, as full records with findings: {read:N0} reports in {all}");
        string[] rules = ["P1"];
        var facts = Median(() =>
        {
            int n = 0;
            var stats = new Ogi.Store.Answers.CorpusStats(fields, rules, Ogi.Store.Answers.StatsGrouping.Province);
            foreach (var report in store.Facts(ReportFilter.All, fields, rules)) { stats.Add(report); n++; }
            _ = stats.Fields().ToList(); // the figures themselves: sorting each group's values
            return n;
        }, out read);
        Console.WriteLine($"stats of two fields and a rule by province, every report (what `ogi stats` reads and computes): {read:N0} reports in {facts}");
        var agencies = store.Agencies(false);
        if (agencies.Count > 0)
        {
            // A real series has a report a year (2008–2025); a synthetic corpus repeats some names far more often.
            foreach (var agency in new[] { agencies.MinBy(a => Math.Abs(a.Reports - 14))!, agencies.MaxBy(a => a.Reports)! }.Distinct())
            {
                var series = Median(() => store.Series(agency.Id).Count, out int reports);
                Console.WriteLine($"one agency's series ({agency.Name}, {reports} reports, every value and finding): {series}");
            }
        }
        return 0;
    }
}
