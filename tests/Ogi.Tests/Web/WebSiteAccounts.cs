using Microsoft.Playwright;
using Ogi.Store;
using Ogi.Store.Accounts;
using Ogi.Web.Security;

namespace Ogi.Tests.Web;

/// <summary>Accounts for browser tests: a user made in the site's database (as `ogi user add` makes one), signed in
/// through the login page as a person would. Any test that writes: <c>await site.SignIn(page, await site.NewUser("editor", "ed", grant))</c>.</summary>
public static class WebSiteAccounts
{
    public const string Password = "秘密 words 42";

    /// <summary>A user of a name no other test uses (the prefix and 8 random letters), with <see cref="Password"/>;
    /// <paramref name="then"/> may grant it agencies or places.</summary>
    public static string NewUser(this WebSite site, string role, string prefix = "u", Action<SqlAccountStore, string>? then = null)
    {
        var name = $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];
        using var store = ReportStore.Open(site.Db);
        var accounts = new SqlAccountStore(store);
        accounts.Add(name, role, Passwords.Hash(Password));
        then?.Invoke(accounts, name);
        return name;
    }

    /// <summary>Fills and posts the login form; returns when the page shows the answer (signed in, or why not).</summary>
    public static async Task SignIn(this WebSite site, IPage page, string name, string password = Password)
    {
        _ = site;
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=Name]", name);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("form.account-form button[type=submit]");
        // Either answer: the page again with why, or signed in (the visitor's page before has neither).
        await page.Locator("main .error, .masthead .account").First.WaitForAsync();
    }
}
