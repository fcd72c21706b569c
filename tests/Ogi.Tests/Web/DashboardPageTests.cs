using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;
using Microsoft.Playwright;
using Ogi.Places;
using Ogi.Store;
using Ogi.Store.Answers;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>
/// The dashboard in a real browser over the seeds and the corpus: its tables hold the store's own dashboard answers,
/// its charts are drawn (ECharts from /static, no CSP violation), a province is reached from the ranking, each table
/// downloads as CSV and XLSX with the same figures, and every word switches to English.
/// </summary>
[Collection("web")]
public sealed class DashboardPageTests(WebSite site)
{
    /// <summary>The answers computed here, straight from the store (no cache, no web), to hold the page to.</summary>
    (IReadOnlyList<YearFigures> Years, IReadOnlyList<PlaceRank> Ranking) Answers(string? place, int year)
    {
        using var store = ReportStore.Open(site.Db);
        var dashboard = new Dashboard(store, DivisionCatalog.NameOfCode);
        return (dashboard.ByYear(place), dashboard.RankingByReceived(place, year));
    }

    /// <summary>A table of the page as text, cell by cell (the header row apart).</summary>
    static async Task<List<string[]>> Rows(IPage page, string table) =>
        (await page.Locator($"table[data-table={table}] tbody tr").AllAsync()) is var rows
            ? [.. await Task.WhenAll(rows.Select(async r => (await r.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray()))]
            : [];

    static string Count(decimal d) => d.ToString("#,0.####", CultureInfo.InvariantCulture);

    static void AssertYearTables(List<string[]> years, List<string[]> rules, List<string[]> outcomes, IReadOnlyList<YearFigures> want)
    {
        Assert.Equal(want.Select(y => new[] { y.Year.ToString(CultureInfo.InvariantCulture), Count(y.Reports), Count(y.Received) }), years);
        Assert.Equal(want.Select(y => (y.Year.ToString(CultureInfo.InvariantCulture), Count(y.Late), Count(y.Inconsistent))), rules.Select(r => (r[0], r[2], r[4])));
        // Each outcome's count, then its share in percent.
        Assert.Equal(want.Select(y => y.Outcomes.Select(o => Count(o.Count)).ToArray()), outcomes.Select(r => r.Skip(2).Where((_, i) => i % 2 == 0).ToArray()));
        Assert.Equal(want.Select(y => y.Outcomes.Select(o => y.Outcomes.Sum(x => x.Count) == 0 ? "—" : Math.Round((decimal)o.Share * 100, 2).ToString("0.00", CultureInfo.InvariantCulture)).ToArray()),
            outcomes.Select(r => r.Skip(2).Where((_, i) => i % 2 == 1).ToArray()));
    }

    async Task AssertChartsDrawn(IPage page)
    {
        await page.Locator("body.charts-drawn").WaitForAsync(new() { Timeout = 15_000 });
        foreach (var table in new[] { "years", "outcomes", "appeals", "fees", "rules" })
            Assert.True(await page.Locator($".chart[data-table={table}] canvas").CountAsync() > 0, $"the chart of {table} is drawn");
    }

    [Fact]
    public async Task The_national_dashboard_shows_the_stores_answers_drills_down_and_downloads()
    {
        var page = await site.NewPage();
        var scripts = new List<(string Url, int Status)>();
        page.Response += (_, r) => { if (r.Url.EndsWith(".js", StringComparison.Ordinal)) lock (scripts) scripts.Add((r.Url, r.Status)); };
        var response = await page.GotoAsync("/dashboard");
        Assert.Equal(200, response!.Status);
        Assert.Contains("数据看板 · 全国", await page.InnerTextAsync("h1"));
        Assert.Equal(1, await page.Locator("nav a[href='/dashboard']").CountAsync());

        // The tables: the store's own answers, every year of the seeds and the corpus.
        var yearRows = await Rows(page, "years");
        int latest = int.Parse(yearRows[^1][0], CultureInfo.InvariantCulture);
        var (want, ranking) = Answers(null, latest);
        Assert.True(want.Count >= 3, $"{want.Count} years");
        Assert.Contains(want, y => y.Late > 0);
        AssertYearTables(yearRows, await Rows(page, "rules"), await Rows(page, "outcomes"), want);
        var appeals = await Rows(page, "appeals");
        Assert.Equal(want.Select(y => y.Appeals.Select(a => Count(a.Count)).ToArray()), appeals.Select(r => r[1..]));
        // The ranking of the latest year: provinces by applications received, each linked to its own dashboard.
        var ranked = await Rows(page, "ranking");
        Assert.NotEmpty(ranking);
        Assert.Equal(ranking.Select(p => (p.Rank.ToString(CultureInfo.InvariantCulture), p.Name ?? p.Code, p.Code, Count(p.Sum))),
            ranked.Select(r => (r[0], r[1], r[2], r[5])));

        // The charts: ECharts from this server, drawn on canvas.
        await AssertChartsDrawn(page);
        Assert.Equal(2, await page.Locator(".chart[data-table=ranking] canvas").CountAsync());
        lock (scripts)
            Assert.Contains(scripts, s => s.Url == site.Address + "/static/echarts/echarts.min.js" && s.Status == 200);
        Assert.False(await page.Locator(".nojs").IsVisibleAsync());
        // A tooltip: drawn on the canvas, within the Content-Security-Policy (ECharts' HTML tooltip sets style attributes).
        await page.Locator(".chart[data-table=years]").HoverAsync(new() { Position = new() { X = 640, Y = 220 } });
        await page.WaitForTimeoutAsync(500);
        await WebSite.Screenshot(page, "dashboard-zh");
        // WEBDASH_PANELS=/some/folder: each panel alone too, at full size, to look at a chart closely.
        if (Environment.GetEnvironmentVariable("WEBDASH_PANELS") is { } dir)
            foreach (var t in new[] { "years", "outcomes", "appeals", "fees", "rules", "ranking" })
                await page.Locator("#t-" + t).ScreenshotAsync(new() { Path = Path.Combine(dir, t + ".png") });

        // Downloads of the national years table: what the page shows, two header rows as `ogi export` writes them.
        var csv = await Download(page, "#t-years a:text-is('CSV')");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("年度,报告数 (份),收到申请 (件)", lines[0]);
        Assert.Equal("year,reports,received", lines[1]);
        Assert.Equal(want.Select(y => $"{y.Year},{y.Reports},{Decimals.Text(y.Received)}"), lines[2..]);

        // Another year, the one ranking the most provinces: its ranking, and the province first in it.
        Dictionary<int, IReadOnlyList<PlaceRank>> rankings;
        using (var store = ReportStore.Open(site.Db))
            rankings = want.ToDictionary(y => y.Year, y => new Dashboard(store, DivisionCatalog.NameOfCode).RankingByReceived(null, y.Year));
        int year = rankings.OrderByDescending(r => r.Value.Count).ThenByDescending(r => r.Key).First().Key;
        ranking = rankings[year];
        Assert.True(ranking.Count >= 2, $"{ranking.Count} provinces ranked in {year}");
        if (year != latest)
        {
            await page.ClickAsync($".years a.year:text-is('{year}')");
            await page.WaitForURLAsync($"**/dashboard?year={year}");
        }
        Assert.Equal(year.ToString(CultureInfo.InvariantCulture), (await page.InnerTextAsync(".years .current")).Trim());
        Assert.Equal(ranking.Select(p => (p.Code, Count(p.Sum), Count(p.Reports))), (await Rows(page, "ranking")).Select(r => (r[2], r[5], r[3])));
        await AssertChartsDrawn(page);

        // Drill down: the first province of the ranking, then its figures and its cities in that year.
        var first = ranking[0];
        await page.ClickAsync($"table[data-table=ranking] td.place a >> text={first.Name ?? first.Code}");
        await page.WaitForURLAsync($"**/dashboard?place={first.Code}&year={year}");
        Assert.Contains(first.Name ?? first.Code, await page.InnerTextAsync("h1"));
        Assert.Equal(["全国", first.Name ?? first.Code], (await page.Locator(".trail a, .trail strong").AllInnerTextsAsync()).Select(t => t.Trim()));
        var (provinceYears, cities) = Answers(first.Code, year);
        Assert.NotEmpty(cities);
        AssertYearTables(await Rows(page, "years"), await Rows(page, "rules"), await Rows(page, "outcomes"), provinceYears);
        Assert.Equal(cities.Select(c => c.Code), (await Rows(page, "ranking")).Select(r => r[2]));
        await AssertChartsDrawn(page);
        await WebSite.Screenshot(page, "dashboard-province");

        // The province's ranking as XLSX: a sheet of its cities, the same figures.
        var xlsx = await DownloadBytes(page, "#t-ranking a:text-is('XLSX')");
        var sheet = new MemoryStream(xlsx).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        Assert.Equal("received", sheet[1][5]);
        Assert.Equal(cities.Select(c => (c.Code, c.Sum)), sheet.Skip(2).Select(r => ((string)r[2]!, Convert.ToDecimal(r[5], CultureInfo.InvariantCulture))));
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task The_dashboard_speaks_English_and_refuses_a_bad_place_in_one_line()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/dashboard");
        await page.ClickAsync("a.lang");
        await page.WaitForURLAsync("**lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Dashboard · China", await page.InnerTextAsync("h1"));
        var headers = await page.Locator("table[data-table=years] th").AllInnerTextsAsync();
        Assert.Equal(["Year", "Reports", "Applications received"], headers);
        string main = await page.InnerTextAsync("main");
        Assert.DoesNotContain("[dashboard.", main); // no key without its words
        Assert.Contains("Late and inconsistent reports", main);
        await AssertChartsDrawn(page);
        await WebSite.Screenshot(page, "dashboard-en");

        // The JSON the charts draw is the page's, in the same language.
        var api = await page.APIRequest.GetAsync("/api/dashboard");
        Assert.Equal(200, api.Status);
        using var json = JsonDocument.Parse(await api.TextAsync());
        var tables = json.RootElement.GetProperty("tables");
        Assert.Equal("Reports and applications received", tables[0].GetProperty("title").GetString());
        Assert.Equal(await page.Locator("table[data-table=years] tbody tr").CountAsync(), tables[0].GetProperty("rows").GetArrayLength());

        // Without JavaScript: the same tables, no chart, and a word saying the charts need it.
        var noScript = await site.Browser.NewContextAsync(new() { BaseURL = site.Address, JavaScriptEnabled = false, Locale = "zh-CN" });
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync("/dashboard");
        Assert.Equal(await page.Locator("table[data-table=years] tbody tr").CountAsync(), await plain.Locator("table[data-table=years] tbody tr").CountAsync());
        Assert.True(await plain.Locator(".nojs").IsVisibleAsync());
        Assert.Equal(0, await plain.Locator(".chart:visible").CountAsync());
        await noScript.CloseAsync();

        // Asked apart from the page, whose console would count the 400 as an error.
        var bad = await page.APIRequest.GetAsync("/dashboard?place=Fujian");
        Assert.Equal(400, bad.Status);
        Assert.Contains("<p class=\"error\" role=\"alert\">A place is a division code of 2, 4 or 6 digits (35, 3505, 350502), not: Fujian</p>", await bad.TextAsync());
        var badApi = await page.APIRequest.GetAsync("/api/dashboard?year=abc");
        Assert.Equal(400, badApi.Status);
        Assert.Contains("A year is a year from 1990 to 2100", await badApi.TextAsync());
        var badDownload = await page.APIRequest.GetAsync("/dashboard/download?format=pdf");
        Assert.Equal(400, badDownload.Status);
        Assert.Equal("Unknown download format: pdf (csv or xlsx)", await badDownload.TextAsync());
        site.AssertNoPageErrors();
    }

    static async Task<byte[]> DownloadBytes(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        Assert.Null(await download.FailureAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    static async Task<string> Download(IPage page, string link) => System.Text.Encoding.UTF8.GetString(await DownloadBytes(page, link));
}
