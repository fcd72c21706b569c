using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Ogi.Store;
using Ogi.Web;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>
/// The web application as a user meets it: `WebApp.Build` (what `ogi serve` runs) on a free loopback port, over a
/// fresh SQLite database holding the seeds and the corpus, and Debian's Chromium driven by Playwright
/// (ExecutablePath: never a downloaded browser). One per test collection "web": starting both takes seconds.
/// </summary>
public sealed class WebSite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    readonly TestDatabase _db = new("sqlite");
    WebApplication? _app;
    IPlaywright? _playwright;

    public static readonly string[] WriteProbes = ["/test/write", "/api/test/write"];

    /// <summary>http://127.0.0.1:PORT, no trailing slash.</summary>
    public string Address { get; private set; } = "";
    public string Db => _db.Url;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests' screenshots go: artifacts/screenshots at the repository's root (the CI artifact).</summary>
    public static string Screenshots { get; } = FindScreenshots();

    public async Task InitializeAsync()
    {
        using (var store = _db.Open())
            new Ingester().Run(store, Ingester.Expand([TestData.Seeds, TestData.Corpus], []));
        _app = WebApp.Build(new WebOptions { Db = _db.Url, Urls = "http://127.0.0.1:0" });
        // A write behind the real policy, cookie and redirects, for the accounts tests (AccountTests), page-like and API-like.
        // Not part of the API: left out of its OpenAPI document.
        foreach (var write in WriteProbes)
            Microsoft.AspNetCore.Http.OpenApiRouteHandlerBuilderExtensions.ExcludeFromDescription(
                _app.MapPost(write, () => "written").RequireAuthorization(Ogi.Web.Security.Policies.Write));
        await _app.StartAsync();
        Address = _app.Urls.Single().TrimEnd('/'); // the port Kestrel chose
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: scripts/setup.sh installs Debian's chromium");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A new browser context (its own cookies: a new visitor), Chinese by default as a visitor in China has it.</summary>
    public async Task<IPage> NewPage(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Address, Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // Waits as long as a loaded 2-core CI machine needs (Playwright's 30 s was hit there by a navigation that came):
        // a step that never happens still fails, only later.
        page.SetDefaultTimeout(90_000);
        // Every test also checks that the page broke no rule of the Content-Security-Policy and threw no script error.
        page.Console += (_, m) => { if (m.Type == "error") AddError($"{page.Url}: {m.Text} {m.Location}"); };
        page.PageError += (_, e) => AddError($"{page.Url}: {e}");
        return page;
    }

    /// <summary>Console errors (CSP violations among them) and uncaught script errors seen by any page.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Fails with every error the pages logged (a blocked inline script, a missing asset, a script exception).</summary>
    public void AssertNoPageErrors()
    {
        lock (Errors) Assert.True(Errors.Count == 0, string.Join("\n", Errors));
    }

    void AddError(string e) { lock (Errors) Errors.Add(e); }

    /// <summary>Saves the whole page as artifacts/screenshots/NAME.png, for a person to look at.</summary>
    public static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _db.Dispose();
    }

    static string FindScreenshots()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ogi.slnx")))
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}

[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebSite>;
