using Microsoft.Playwright;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>The corpus page in a real browser: what is in the database, in Chinese, and in English on request.</summary>
[Collection("web")]
public sealed class CorpusPageTests(WebSite site)
{
    [Fact]
    public async Task The_corpus_page_lists_the_stored_reports_in_Chinese_and_in_English()
    {
        var page = await site.NewPage();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        // As many rows as reports stored, counted from the database's files, not from the page's own count.
        int stored;
        using (var store = Ogi.Store.ReportStore.Open(site.Db)) stored = store.Reports(Ogi.Store.ReportFilter.All).Count();
        Assert.True(stored >= 10, $"{stored} reports stored");
        Assert.Contains($"共 {stored} 份报告", await page.InnerTextAsync("main"));
        await WebSite.Screenshot(page, "corpus-zh");

        await page.ClickAsync("a.lang");
        await page.WaitForURLAsync("**lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains($"{stored} reports", await page.InnerTextAsync("main"));
        // The choice is kept: the next page, without ?lang, is still English.
        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await WebSite.Screenshot(page, "corpus-en");
        site.AssertNoPageErrors();
    }
}
