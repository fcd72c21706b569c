using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Ogi.Store;
using Ogi.Web;

namespace Ogi.Cli;

/// <summary>
/// `ogi bench-web`: a bounded load test of the web application on loopback — a fixed number of clients, each sending
/// its next request as soon as the last one is answered (a closed loop: the server is never asked for more than it
/// can take, so the latencies are the ones a user waits), over the pages people open most: a stored report, a
/// filtered corpus page, the dashboard, and the API. The server is this process's own (`WebApp.Build`, as `ogi serve`
/// runs it) unless --url names a running one; either way it shares the machine with the client, as the issue asks.
/// Requests per second and p50/p95/p99 per kind of page, over the measured window only (after --warmup); the first
/// answer of each kind (cold: JIT and caches) is reported apart. Any answer that is not 200 is an error: exit 1.
/// </summary>
public static class WebBenchCommand
{
    public static Command Create()
    {
        var db = Database.Option();
        var url = new Option<string?>("--url") { Description = "a running `ogi serve` to measure (default: start one on a free loopback port over --db)" };
        var seconds = new Option<int>("--seconds") { Description = "length of the measured window", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "seconds of load before measuring (not counted)", DefaultValueFactory = _ => 5 };
        var clients = new Option<int>("--clients") { Description = "concurrent clients (each waits for its answer before the next request)", DefaultValueFactory = _ => 8 };
        var json = new Option<bool>("--json") { Description = "the figures as one JSON object" };
        var cmd = new Command("bench-web", "load-test the web application on loopback: requests/s and p50/p95/p99 of the report page, a filtered corpus page, the dashboard and the API")
            { db, url, seconds, warmup, clients, json };
        cmd.SetAction(async (r, cancel) =>
        {
            foreach (var (name, value, least) in new[] { ("--seconds", r.GetValue(seconds), 1), ("--clients", r.GetValue(clients), 1), ("--warmup", r.GetValue(warmup), 0) })
                if (value < least) { Console.Error.WriteLine($"ogi bench-web: {name} must be at least {least}, not {value}"); return CommandLineCheck.UsageError; }
            string? given = r.GetValue(url);
            if (given is not null && !Uri.TryCreate(given, UriKind.Absolute, out _)) { Console.Error.WriteLine($"ogi bench-web: --url {given}: not an address"); return 2; }
            IReadOnlyList<Target> targets;
            try
            {
                using var store = ReportStore.Open(r.GetValue(db), mustExist: true);
                targets = Targets(store);
            }
            catch (StoreException e) { Console.Error.WriteLine($"ogi bench-web: {e.Message}"); return 2; }
            if (targets.Count == 0) { Console.Error.WriteLine("ogi bench-web: the database holds no report to ask for"); return 2; }

            Microsoft.AspNetCore.Builder.WebApplication? app = null;
            string address = given?.TrimEnd('/') ?? "";
            if (given is null)
            {
                app = WebApp.Build(new WebOptions { Db = r.GetValue(db), Urls = "http://127.0.0.1:0" });
                await app.StartAsync(cancel);
                address = app.Urls.First().TrimEnd('/');
            }
            try
            {
                var result = await Load(address, targets, r.GetValue(clients), TimeSpan.FromSeconds(r.GetValue(warmup)), TimeSpan.FromSeconds(r.GetValue(seconds)), cancel);
                if (r.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(result.Json(), new JsonSerializerOptions { WriteIndented = true }));
                else result.Print(address, r.GetValue(clients));
                return result.Errors.Count == 0 ? 0 : 1;
            }
            finally
            {
                if (app is not null) { await app.StopAsync(CancellationToken.None); await app.DisposeAsync(); }
            }
        });
        return cmd;
    }

    /// <summary>One kind of page and the paths to ask for it by, chosen from what the database holds.</summary>
    public sealed record Target(string Kind, IReadOnlyList<string> Paths);

    /// <summary>Paths drawn from the database: random stored reports; corpus pages filtered by a province and a year that
    /// occur; the dashboard nationally and by province; the API's report and its filtered list.</summary>
    public static IReadOnlyList<Target> Targets(SqlReportStore store)
    {
        var sql = store.Session;
        var ids = sql.Query<long>("SELECT document_id FROM parses WHERE is_current ORDER BY random() LIMIT 500").ToList();
        if (ids.Count == 0) return [];
        var provinces = sql.Query<string>("SELECT DISTINCT substr(division_code, 1, 2) FROM agencies WHERE division_code IS NOT NULL").ToList();
        var years = sql.Query<int>("SELECT DISTINCT year FROM parses WHERE is_current AND year IS NOT NULL").ToList();
        var filters = (from p in provinces.DefaultIfEmpty("") from y in years.DefaultIfEmpty(0)
                       select (p == "" ? "" : $"place={p}") + (y == 0 ? "" : $"&year={y}")).Select(q => q.TrimStart('&')).ToList();
        return
        [
            new("report page", ids.Select(i => $"/reports/{i}").ToList()),
            new("corpus, filtered", filters.Select(q => "/?" + q).ToList()),
            new("dashboard", provinces.Select(p => $"/dashboard?place={p}").Prepend("/dashboard").ToList()),
            new("API report", ids.Select(i => $"/api/reports/{i}").ToList()),
            new("API list, filtered", filters.Select(q => "/api/reports?" + q).ToList()),
        ];
    }

    sealed class Samples
    {
        public readonly List<double> Measured = [];
        public double? FirstMs;
        public long Bytes;
    }

    public sealed record Result(IReadOnlyList<(string Kind, int Requests, double PerSecond, double P50, double P95, double P99, double Max, double? First, double KiB)> Rows,
        double Seconds, List<string> Errors)
    {
        public void Print(string address, int clients)
        {
            Console.WriteLine($"ogi bench-web: {address}, {clients} clients, {Seconds:N0} s measured ({Environment.ProcessorCount} cores seen)");
            Console.WriteLine($"{"page",-20} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"first ms",9} {"KiB",7}");
            foreach (var r in Rows)
                Console.WriteLine($"{r.Kind,-20} {r.Requests,9:N0} {r.PerSecond,8:N1} {r.P50,8:N1} {r.P95,8:N1} {r.P99,8:N1} {r.Max,8:N1} {r.First,9:N0} {r.KiB,7:N1}");
            Console.WriteLine($"{"all",-20} {Rows.Sum(r => r.Requests),9:N0} {Rows.Sum(r => r.PerSecond),8:N1}");
            foreach (var e in Errors.Take(10)) Console.WriteLine($"error: {e}");
            if (Errors.Count > 10) Console.WriteLine($"… {Errors.Count - 10} more errors");
        }

        public object Json() => new
        {
            seconds = Seconds,
            pages = Rows.Select(r => new { kind = r.Kind, requests = r.Requests, per_second = Math.Round(r.PerSecond, 1), p50_ms = Math.Round(r.P50, 2), p95_ms = Math.Round(r.P95, 2),
                p99_ms = Math.Round(r.P99, 2), max_ms = Math.Round(r.Max, 2), first_ms = r.First is double f ? Math.Round(f, 1) : (double?)null, kib = Math.Round(r.KiB, 1) }),
            errors = Errors,
        };
    }

    /// <summary>Each client takes the kinds in turn (so every kind gets the same share of requests) and a random path of each.</summary>
    public static async Task<Result> Load(string address, IReadOnlyList<Target> targets, int clients, TimeSpan warmup, TimeSpan window, CancellationToken cancel)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, AutomaticDecompression = DecompressionMethods.None })
            { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        var samples = targets.ToDictionary(t => t.Kind, _ => new Samples());
        var errors = new List<string>();
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var stopAt = warmup + window;

        // The first answer of each kind, one at a time, before any load: what the first visitor waits.
        foreach (var t in targets)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(t.Paths[0], HttpCompletionOption.ResponseContentRead, cancel);
            samples[t.Kind].FirstMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) lock (errors) errors.Add($"{t.Paths[0]}: {(int)response.StatusCode}");
        }
        clock.Restart();

        async Task Client(int seed)
        {
            var random = new Random(seed);
            for (int turn = seed; !cancel.IsCancellationRequested; turn++)
            {
                var elapsed = clock.Elapsed;
                if (elapsed >= stopAt) return;
                var target = targets[turn % targets.Count];
                var path = target.Paths[random.Next(target.Paths.Count)];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancel);
                    var bytes = (await response.Content.ReadAsByteArrayAsync(cancel)).Length;
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK) { lock (errors) errors.Add($"{path}: {(int)response.StatusCode}"); continue; }
                    if (elapsed < measureFrom) continue;
                    var s = samples[target.Kind];
                    lock (s) { s.Measured.Add(ms); s.Bytes += bytes; }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
                {
                    lock (errors) errors.Add($"{path}: {e.Message}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => Client(i), cancel)));
        double seconds = Math.Max(0.001, (Math.Min(clock.Elapsed.TotalSeconds, stopAt.TotalSeconds)) - measureFrom.TotalSeconds);
        var rows = targets.Select(t =>
        {
            var s = samples[t.Kind];
            var sorted = s.Measured.Order().ToList();
            double P(double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
            return (t.Kind, sorted.Count, sorted.Count / seconds, P(0.50), P(0.95), P(0.99), sorted.Count == 0 ? 0 : sorted[^1], s.FirstMs,
                sorted.Count == 0 ? 0 : s.Bytes / 1024.0 / sorted.Count);
        }).ToList();
        return new Result(rows, seconds, errors);
    }
}
