using Microsoft.Playwright;
using Ogi.Store;
using Ogi.Store.Accounts;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>
/// An editor writes only for what is granted, on the real write pages: a stored report's finding may be reviewed by an
/// editor granted the report's province (a place above its agency's division), not by one granted another province,
/// who cannot save a copy of seed 003 (湖州市南浔区人民政府) either. A refusal is the denied page and writes nothing.
/// (An editor's save where granted: AccountStoreTests, on a database of its own.)
/// </summary>
[Collection("web")]
public sealed class GrantTests(WebSite site)
{
    static readonly string Seed003 = TestData.Document(TestData.Seeds, "003_e2088ef8146a25db");

    long Seed003Id()
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Seed003)));
        using var store = ReportStore.Open(site.Db);
        return store.Report(sha)!.Id;
    }

    /// <summary>A placed report with findings other than seed 003 (which the report page's tests review): its id and province.</summary>
    (long Id, string Province) Reviewable()
    {
        using var store = ReportStore.Open(site.Db);
        var seed = Seed003Id();
        var r = store.Reports(ReportFilter.All).First(r => r.Id != seed && r.Findings.Count > 0 && r.PlaceCode is { Length: 6 } && r.AgencyId is not null);
        return (r.Id, r.PlaceCode![..2] + "0000");
    }

    int Reviews()
    {
        using var store = ReportStore.Open(site.Db);
        return store.Reviews().Count;
    }

    /// <summary>Posts the form as its button would (every field, its antiforgery token among them), without following the answer.</summary>
    static async Task<IAPIResponse> Submit(IPage page, string form, params (string Name, string Value)[] set)
    {
        var fields = await page.EvalOnSelectorAsync<Dictionary<string, string>>(form, "f => Object.fromEntries(new FormData(f))");
        var action = await page.EvalOnSelectorAsync<string>(form, "f => f.getAttribute('action')");
        var data = page.APIRequest.CreateFormData();
        foreach (var (k, v) in fields) data.Set(k, v);
        foreach (var (k, v) in set) data.Set(k, v);
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), form);
        return await page.APIRequest.PostAsync(action, new() { Form = data, MaxRedirects = 0 });
    }

    static async Task<IResponse> Post(IPage page, string selector) =>
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync(selector), r => r.Request.Method == "POST");

    async Task<IPage> Editor(params string[] places)
    {
        var name = site.NewUser(AccountRoles.Editor, "g", (a, n) => { foreach (var p in places) a.Grant(n, AccountGrant.Place(p)); });
        var page = await site.NewPage();
        await site.SignIn(page, name);
        Assert.Equal(name, await page.InnerTextAsync(".masthead .account .who"));
        return page;
    }

    async Task<IResponse> Dismiss(IPage page, long id)
    {
        await page.GotoAsync($"/reports/{id}");
        await page.ClickAsync(".finding-list li:first-child summary");
        await page.FillAsync(".finding-list li:first-child input[name=note]", "grant test");
        return await Post(page, ".finding-list li:first-child button[value=dismissed]");
    }

    [Fact]
    public async Task An_editor_reviews_only_where_granted_and_saves_nothing_elsewhere()
    {
        var (id, province) = Reviewable();
        int before = Reviews();
        var outsider = await Editor(province == "110000" ? "120000" : "110000");
        // The page's own forms, posted with their tokens over the page's HTTP (its cookies): the refusal is read as it
        // is, since the browser would log the denied page's 403 as an error of the collection's pages.
        await outsider.GotoAsync($"/reports/{id}");
        var refused = await Submit(outsider, ".finding-list li:first-child form.review-form", ("decision", "dismissed"), ("note", "grant test"));
        Assert.Equal(302, refused.Status);
        Assert.Contains("/account/denied", refused.Headers["location"]);
        var denied = await outsider.APIRequest.GetAsync(refused.Headers["location"]);
        Assert.Equal(403, denied.Status);
        Assert.Contains("无权进行此操作", await denied.TextAsync());
        Assert.Equal(before, Reviews());
        // Seed 003 with one more line: the same agency, a document the corpus does not hold, so the page offers to save it.
        var copy = Path.Combine(Directory.CreateTempSubdirectory("ogi-grant-").FullName, "nanxun-copy.txt");
        File.WriteAllText(copy, File.ReadAllText(Seed003) + "\n（副本）\n");
        await outsider.GotoAsync("/report");
        await outsider.SetInputFilesAsync("input[type=file]", copy);
        await outsider.ClickAsync("form.upload-form button[type=submit]");
        await outsider.WaitForSelectorAsync("form.save button");
        var notSaved = await Submit(outsider, "form.save");
        Assert.Equal(302, notSaved.Status);
        Assert.Contains("/account/denied", notSaved.Headers["location"]);
        using (var store = ReportStore.Open(site.Db))
            Assert.Null(store.Report(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(copy)))));
        Directory.Delete(Path.GetDirectoryName(copy)!, true);

        var granted = await Editor(province);
        var reviewed = await Dismiss(granted, id);
        Assert.Equal(302, reviewed.Status);
        Assert.Contains($"/reports/{id}?reviewed=1", reviewed.Headers["location"]);
        Assert.Equal(before + 1, Reviews());
        site.AssertNoPageErrors();
    }
}
