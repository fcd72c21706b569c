using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Ogi.Store;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>
/// The corpus area in a real browser over the seeds and the corpus: the list filtered (by province, year, rule),
/// sorted and paged, each time held to the store's own answer; an agency's series with its chart; two reports
/// compared; the English switch; the JSON API, its OpenAPI document and its reference page.
/// </summary>
[Collection("web")]
public sealed class CorpusPagesTests(WebSite site)
{
    SqlReportStore Open() => ReportStore.Open(site.Db);

    static async Task<List<long>> ListedIds(IPage page) =>
        (await page.Locator("#reports tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"))
        .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Filtering_by_province_year_and_rule_lists_what_the_store_answers()
    {
        List<ReportRecord> all;
        using (var store = Open()) all = store.Reports(ReportFilter.All).ToList();
        // The province holding most reports, its most common year, and the rule most of its reports break.
        var province = all.Where(r => r.PlaceCode is not null).GroupBy(r => r.PlaceCode![..2]).MaxBy(g => g.Count())!.Key;
        var name = Places.DivisionCatalog.Default.ByCode(province + "0000")!.Name;
        var inProvince = all.Where(r => r.PlaceCode?.StartsWith(province, StringComparison.Ordinal) == true).ToList();
        Assert.True(inProvince.Count >= 3 && inProvince.Count < all.Count, $"{inProvince.Count} of {all.Count} reports in {name}");

        var page = await site.NewPage();
        await page.GotoAsync("/");
        await page.FillAsync("#f-place", name);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**place=*");
        Assert.Equal(inProvince.Select(r => r.Id), await ListedIds(page));
        Assert.Contains($"共 {inProvince.Count} 份报告", await page.InnerTextAsync(".count"));
        // The breadcrumbs name the province; its cities with agencies are offered below it.
        Assert.Contains(name, await page.InnerTextAsync(".breadcrumbs"));
        Assert.True(await page.Locator(".children a").CountAsync() > 0);

        var year = inProvince.Where(r => r.Year is not null).GroupBy(r => r.Year!.Value).MaxBy(g => g.Count())!.Key;
        await page.FillAsync("#f-year", year.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync($"**year={year}*");
        using (var store = Open())
        {
            var want = store.Reports(new ReportFilter { Place = name, YearFrom = year, YearTo = year }).Select(r => r.Id).ToList();
            Assert.NotEmpty(want);
            Assert.Equal(want, await ListedIds(page));
        }

        // A rule: the one most reports of the corpus break.
        var rule = all.SelectMany(r => r.Findings.Select(f => (r.Id, f.Rule)).Distinct()).GroupBy(x => x.Rule).MaxBy(g => g.Count())!.Key;
        await page.GotoAsync("/");
        await page.SelectOptionAsync("#f-rule", rule);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync($"**rule={rule}*");
        using (var store = Open())
        {
            var want = store.Reports(new ReportFilter { Rule = rule }).Select(r => r.Id).ToList();
            Assert.Equal(all.Where(r => r.Findings.Any(f => f.Rule == rule)).Select(r => r.Id), want);
            Assert.Equal(want, await ListedIds(page));
        }
        // Every listed report shows the rule among its findings.
        foreach (var cell in await page.Locator("#reports tbody tr td:last-child").AllInnerTextsAsync())
            Assert.Contains(rule, cell);
        await WebSite.Screenshot(page, "corpus-filtered");

        // The filters are the URL: opened anew, the same list.
        var shared = page.Url;
        var other = await site.NewPage();
        await other.GotoAsync(shared);
        Assert.Equal(await ListedIds(page), await ListedIds(other));
        // On a phone: the filters in two columns, the table scrolling inside its box rather than the page.
        await other.SetViewportSizeAsync(390, 844);
        Assert.True(await other.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await WebSite.Screenshot(other, "corpus-phone");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task Columns_sort_and_pages_follow_one_another()
    {
        List<ReportRecord> all;
        using (var store = Open()) all = store.Reports(ReportFilter.All).ToList();
        var page = await site.NewPage();
        await page.GotoAsync("/");
        Assert.Equal(all.Select(r => r.Id), await ListedIds(page));

        await page.ClickAsync("#reports thead th:has-text('年度') a");
        await page.WaitForURLAsync("**sort=year*");
        Assert.Equal(InMemoryReportQueries.Sorted(all, ReportSort.Year, false).Select(r => r.Id), await ListedIds(page));
        Assert.Equal("ascending", await page.GetAttributeAsync("#reports thead th:has-text('年度')", "aria-sort"));
        await page.ClickAsync("#reports thead th:has-text('年度') a");
        await page.WaitForURLAsync("**sort=-year*");
        var byYearDown = InMemoryReportQueries.Sorted(all, ReportSort.Year, true).Select(r => r.Id).ToList();
        Assert.Equal(byYearDown, await ListedIds(page));
        var years = all.ToDictionary(r => r.Id, r => r.Year);
        var shown = (await ListedIds(page)).Select(id => years[id]).ToList();
        Assert.Equal(shown.OrderByDescending(y => y ?? int.MinValue), shown);

        await page.ClickAsync("#reports thead th:has-text('发现的问题') a");
        await page.WaitForURLAsync("**sort=findings*");
        var counts = all.ToDictionary(r => r.Id, r => r.Findings.Count);
        var listed = (await ListedIds(page)).Select(id => counts[id]).ToList();
        Assert.Equal(listed.Order(), listed);

        // Pages of 5, the sort kept: each page is the next five of the store's order; the pager marks where one is.
        await page.GotoAsync("/?sort=-year&size=5");
        var pages = (all.Count + 4) / 5;
        var seen = new List<long>();
        for (int n = 1; n <= pages; n++)
        {
            Assert.Equal(n.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync(".pager [aria-current=page]"));
            Assert.Contains($"第 {(n - 1) * 5 + 1}–{Math.Min(n * 5, all.Count)} 份", await page.InnerTextAsync(".count"));
            seen.AddRange(await ListedIds(page));
            if (n == 2) await WebSite.Screenshot(page, "corpus-page-2");
            if (n < pages)
            {
                await page.ClickAsync(".pager a[rel=next]");
                await page.WaitForURLAsync($"**page={n + 1}*");
                Assert.Contains("sort=-year", page.Url);
            }
        }
        Assert.Equal(0, await page.Locator(".pager a[rel=next]").CountAsync());
        Assert.Equal(byYearDown, seen);
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task An_agencys_series_shows_its_years_its_chart_and_its_cross_year_findings()
    {
        AgencySummary agency;
        IReadOnlyList<ReportRecord> series;
        using (var store = Open())
        {
            var id = store.Agencies(false).MaxBy(a => a.Reports)!.Id;
            agency = store.Agency(id)!;
            series = store.Series(id);
        }
        Assert.True(series.Count >= 5, $"{agency.Name}: {series.Count} reports");

        var page = await site.NewPage();
        await page.GotoAsync("/");
        await page.ClickAsync($"#reports a[href='/agencies/{agency.Id}']");
        await page.WaitForURLAsync($"**/agencies/{agency.Id}");
        Assert.Equal(agency.Name, await page.InnerTextAsync("h1"));
        var years = await page.Locator("#series tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.year)");
        Assert.Equal(series.Select(r => r.Year?.ToString(CultureInfo.InvariantCulture) ?? ""), years);
        Assert.Equal(agency.MissingYears.Count == 0 ? "无" : string.Join("、", agency.MissingYears), await page.InnerTextAsync("#missing-years"));

        // The chart of applications received: a point per report that prints it, and the same figures in its table.
        var received = series.Where(r => r.Year is not null && Ogi.Web.Services.KeyFigure.Received.Of(r) is not null).ToList();
        Assert.True(received.Count >= 3);
        Assert.Equal(received.Select(r => r.Year!.Value).Distinct().Count(), await page.Locator("#chart-received svg circle").CountAsync());
        Assert.Equal("img", await page.GetAttributeAsync("#chart-received svg", "role"));
        var cells = await page.Locator("#chart-received table tbody td").AllInnerTextsAsync();
        Assert.Equal(received.GroupBy(r => r.Year).Select(g => Ogi.Web.Services.KeyFigure.Received.Of(g.First())!.Value.ToString("#,0.##", CultureInfo.InvariantCulture)), cells);

        // Cross-year findings: as many rows as X findings in the series.
        var crossYear = series.Sum(r => r.Findings.Count(f => f.Rule is "X1" or "X2" or "X3"));
        Assert.True(crossYear > 0);
        Assert.Equal(crossYear, await page.Locator("#cross-year tbody tr").CountAsync());
        await WebSite.Screenshot(page, "agency-series");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task Two_reports_of_a_series_compare_with_their_deltas_and_findings()
    {
        ReportRecord a, b;
        long agencyId;
        using (var store = Open())
        {
            agencyId = store.Agencies(false).MaxBy(x => x.Reports)!.Id;
            var series = store.Series(agencyId).Where(r => r.Template == "gov2021").ToList();
            (a, b) = (series[0], series[1]);
        }
        var page = await site.NewPage();
        await page.GotoAsync($"/agencies/{agencyId}");
        await page.ClickAsync($"#series a[href='/compare?a={a.Id}&b={b.Id}']");
        await page.WaitForURLAsync($"**/compare?a={a.Id}&b={b.Id}");
        var comparison = Ogi.Store.Answers.ReportComparison.Of(a, b);
        Assert.Equal(comparison.Rows.Count, await page.Locator("#values tbody tr").CountAsync());
        var row = comparison.Rows.First(r => r.Field == "applications.new.total");
        var cells = await page.Locator("#values tbody tr[data-field='applications.new.total'] td").AllInnerTextsAsync();
        Assert.Equal(row.A!.Value.ToString("#,0.##", CultureInfo.InvariantCulture), cells[1]);
        Assert.Equal(row.B!.Value.ToString("#,0.##", CultureInfo.InvariantCulture), cells[2]);
        Assert.Equal(row.Delta is { } d && d != 0 ? (d > 0 ? "+" : "") + d.ToString("#,0.##", CultureInfo.InvariantCulture) : "0", cells[3]);
        Assert.Equal(b.Findings.Count, await page.Locator("#findings-b li").CountAsync());
        await WebSite.Screenshot(page, "compare");

        // Only the fields that differ.
        await page.ClickAsync("a[href*='changed=1']");
        await page.WaitForURLAsync("**changed=1");
        Assert.Equal(comparison.Rows.Count(r => r.Changed), await page.Locator("#values tbody tr").CountAsync());
        await WebSite.Screenshot(page, "compare-changed");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task The_English_switch_keeps_the_filters()
    {
        int year;
        using (var store = Open()) year = store.Reports(ReportFilter.All).First(r => r.Year is not null).Year!.Value;
        var page = await site.NewPage();
        await page.GotoAsync($"/?year={year}&sort=-findings");
        await page.ClickAsync("a.lang");
        await page.WaitForURLAsync("**lang=en");
        Assert.Contains($"year={year}", page.Url);
        Assert.Contains("sort=-findings", page.Url);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Year", await page.InnerTextAsync("label[for=f-year]"));
        Assert.StartsWith("Findings", await page.InnerTextAsync("#reports thead th:last-child"));
        int count;
        using (var store = Open()) count = store.Reports(new ReportFilter { YearFrom = year, YearTo = year }).Count();
        Assert.Contains($"{count} reports", await page.InnerTextAsync(".count"));
        await WebSite.Screenshot(page, "corpus-filtered-en");
        await page.GotoAsync("/agencies/" + (await page.GetAttributeAsync("#reports td a[href^='/agencies/']", "href"))!.Split('/')[^1]);
        Assert.Equal("Its reports, year by year", await page.Locator("h2").First.InnerTextAsync());
        await WebSite.Screenshot(page, "agency-series-en");
        await page.GotoAsync("/?lang=zh");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task The_API_answers_in_JSON_what_the_pages_show_and_refuses_bad_filters()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Address) };
        using var store = Open();
        var all = store.Reports(ReportFilter.All).ToList();
        var province = all.Where(r => r.PlaceCode is not null).GroupBy(r => r.PlaceCode![..2]).MaxBy(g => g.Count())!.Key;

        var response = await http.GetAsync($"/api/reports?place={province}&sort=-year&size=3&page=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var want = InMemoryReportQueries.Sorted(store.Reports(new ReportFilter { Place = province }), ReportSort.Year, true).ToList();
        Assert.Equal(want.Count, list.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(2, list.RootElement.GetProperty("page").GetInt32());
        Assert.Equal(want.Skip(3).Take(3).Select(r => r.Id), list.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.All(list.RootElement.GetProperty("reports").EnumerateArray(), r => Assert.StartsWith(province, r.GetProperty("placeCode").GetString()));

        var agency = store.Agencies(false).MaxBy(a => a.Reports)!;
        using var series = JsonDocument.Parse(await http.GetStringAsync($"/api/agencies/{agency.Id}"));
        Assert.Equal(agency.Name, series.RootElement.GetProperty("name").GetString());
        Assert.Equal(store.Series(agency.Id).Select(r => r.Id), series.RootElement.GetProperty("series").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/agencies/987654")).StatusCode);

        var (a, b) = (all[0], all[1]);
        using var compared = JsonDocument.Parse(await http.GetStringAsync($"/api/compare?a={a.Id}&b={b.Id}"));
        Assert.Equal(Ogi.Store.Answers.ReportComparison.Of(a, b).Rows.Count, compared.RootElement.GetProperty("rows").GetArrayLength());

        // A filter that cannot be meant: 400 with the one line that says why, as problem JSON; the page says it too.
        foreach (var (path, words) in new[] { ("/api/reports?year=20x1", "cannot read the year"), ("/api/reports?place=%E7%81%AB%E6%98%9F%E5%B8%82", "unknown place"),
                     ("/api/reports?sort=colour", "unknown sort"), ("/api/reports?size=100000", "size=") })
        {
            var bad = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
            Assert.Contains(words, JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        }
        var badPage = await http.GetAsync("/?year=20x1");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("cannot read the year", await badPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/compare?a=1&b=987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/agencies/987654")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints_and_the_reference_page_loads_from_this_server()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Address) };
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var p in new[] { "/api/reports", "/api/agencies/{id}", "/api/compare" })
            Assert.True(paths.TryGetProperty(p, out _), $"{p} is not in the OpenAPI document");
        var parameters = paths.GetProperty("/api/reports").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList();
        Assert.Subset(parameters.ToHashSet(), new HashSet<string?> { "agency", "place", "level", "year", "template", "rule", "late", "reviewed", "sort", "page", "size" });

        var page = await site.NewPage(); // waits up to 90 s: Scalar's script is 5 MB, its first parse on a loaded machine takes a while
        var elsewhere = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(site.Address, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) elsewhere.Add(r.Url); };
        var response = await page.GotoAsync("/api/docs");
        Assert.Equal(200, response!.Status);
        // Scalar draws the operations from the document it fetched from this server.
        await page.GetByText("The stored reports a filter takes").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(elsewhere);
        await WebSite.Screenshot(page, "api-docs");
        site.AssertNoPageErrors();
    }
}
