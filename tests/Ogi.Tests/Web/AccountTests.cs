using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ogi.Store;
using Ogi.Store.Accounts;
using Ogi.Web.Security;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>
/// Accounts and safety as a visitor meets them: signing in and out in the browser, a wrong password, the login rate
/// limit, refusals (a visitor sent to sign in, a viewer or an editor refused with 403 / the denied page), the admin's
/// page, the English switch; and the safety of every request: antiforgery, the upload size limit, the
/// Content-Security-Policy and the cookies' flags. Users are made through the store, as `ogi user add` makes them.
/// </summary>
[Collection("web")]
public sealed partial class AccountTests(WebSite site)
{
    const string Secret = WebSiteAccounts.Password;

    string NewUser(string role, string prefix) => site.NewUser(role, prefix);

    void Change(Action<SqlAccountStore> change)
    {
        using var store = ReportStore.Open(site.Db);
        change(new SqlAccountStore(store));
    }

    Task SignIn(IPage page, string name, string password = Secret) => site.SignIn(page, name, password);

    static Task<IAPIResponse> Write(IPage page, string path = "/test/write") => page.APIRequest.PostAsync(path, new() { MaxRedirects = 0 });

    [Fact]
    public async Task An_editor_made_through_the_store_signs_in_writes_and_signs_out()
    {
        var name = NewUser(AccountRoles.Editor, "ed");
        var page = await site.NewPage();
        await page.GotoAsync("/");
        Assert.Equal("登录", (await page.InnerTextAsync(".masthead a.login")).Trim());
        await page.ClickAsync(".masthead a.login");
        await page.WaitForURLAsync("**/account/login?returnUrl=*");
        Assert.Equal("登录", await page.InnerTextAsync("main h1"));
        await page.FillAsync("input[name=Name]", name);
        await page.FillAsync("input[name=Password]", Secret);
        await WebSite.Screenshot(page, "login-zh");
        await page.ClickAsync("form.account-form button[type=submit]");
        await page.WaitForURLAsync(site.Address + "/");
        Assert.Equal(name, await page.InnerTextAsync(".masthead .account .who"));
        Assert.Equal(0, await page.Locator(".masthead a[href='/admin/users']").CountAsync()); // an editor manages no users
        var written = await Write(page);
        Assert.Equal((200, "written"), (written.Status, await written.TextAsync()));

        await page.ClickAsync(".masthead .account button");
        await page.WaitForSelectorAsync(".masthead a.login");
        Assert.Equal(0, await page.Locator(".masthead .account").CountAsync());
        var after = await Write(page);
        Assert.Equal(302, after.Status);
        Assert.StartsWith("/account/login", new Uri(new Uri(site.Address), after.Headers["location"]).AbsolutePath);
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_wrong_password_or_an_unknown_name_is_refused_alike_and_a_disabled_user_cannot_sign_in()
    {
        var name = NewUser(AccountRoles.Editor, "wr");
        var page = await site.NewPage();
        await SignIn(page, name, "not the password");
        Assert.Equal("用户名或密码不正确。", await page.InnerTextAsync("main .error"));
        Assert.Equal(name, await page.InputValueAsync("input[name=Name]")); // kept; the password is not
        Assert.Equal("", await page.InputValueAsync("input[name=Password]"));
        Assert.Equal(0, await page.Locator(".masthead .account").CountAsync());
        await SignIn(page, "nobody-" + name, Secret);
        Assert.Equal("用户名或密码不正确。", await page.InnerTextAsync("main .error"));
        Assert.Equal(302, (await Write(page)).Status);

        Change(a => a.SetDisabled(name, true));
        await SignIn(page, name);
        Assert.Equal("该账号已停用，请联系管理员。", await page.InnerTextAsync("main .error"));
        Assert.Equal(0, await page.Locator(".masthead .account").CountAsync());
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_session_ends_when_the_user_is_disabled_or_the_password_changes_and_a_new_role_holds_at_once()
    {
        var name = NewUser(AccountRoles.Editor, "se");
        var page = await site.NewPage();
        await SignIn(page, name);
        Assert.Equal(200, (await Write(page)).Status);
        Change(a => a.SetRole(name, AccountRoles.Viewer));
        Assert.EndsWith("/account/denied", new Uri(new Uri(site.Address), (await Write(page)).Headers["location"]).AbsolutePath);
        Change(a => a.SetRole(name, AccountRoles.Editor));
        Assert.Equal(200, (await Write(page)).Status);
        Change(a => a.SetPasswordHash(name, Passwords.Hash("another password")));
        await page.GotoAsync("/");
        Assert.Equal(0, await page.Locator(".masthead .account").CountAsync());
        await SignIn(page, name, "another password");
        Assert.Equal(name, await page.InnerTextAsync(".masthead .account .who"));
        Change(a => a.SetDisabled(name, true));
        await page.GotoAsync("/");
        Assert.Equal(0, await page.Locator(".masthead .account").CountAsync());
        Assert.Equal(302, (await Write(page)).Status);
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_and_name()
    {
        var name = NewUser(AccountRoles.Editor, "rl");
        using var client = NewClient();
        for (int i = 1; i <= 5; i++)
        {
            var r = await PostLogin(client, name, "wrong " + i);
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.Contains("用户名或密码不正确。", r.Body);
        }
        // The sixth within the minute is refused even with the right password: 429, with when to try again.
        var refused = await PostLogin(client, name, Secret);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Matches(@"登录尝试过于频繁，请 \d+ 秒后再试。", refused.Body);
        Assert.InRange(int.Parse(refused.RetryAfter!), 1, 60);
        // Another name from the same address is not held up.
        var other = NewUser(AccountRoles.Editor, "rm");
        var fine = await PostLogin(client, other, Secret);
        Assert.Equal(HttpStatusCode.Redirect, fine.Status);
    }

    [Fact]
    public async Task A_viewer_is_refused_a_write_with_the_denied_page_and_the_api_with_403()
    {
        var name = NewUser(AccountRoles.Viewer, "vi");
        var page = await site.NewPage();
        await SignIn(page, name);
        Assert.Equal(name, await page.InnerTextAsync(".masthead .account .who"));
        var refused = await Write(page);
        Assert.Equal(302, refused.Status);
        var denied = new Uri(new Uri(site.Address), refused.Headers["location"]);
        Assert.Equal("/account/denied", denied.AbsolutePath);
        var deniedPage = await page.APIRequest.GetAsync(denied.PathAndQuery);
        Assert.Equal(403, deniedPage.Status);
        Assert.Contains($"账号 {name} 无权进行此操作", await deniedPage.TextAsync());
        var api = await Write(page, "/api/test/write");
        Assert.Equal(403, api.Status);
        Assert.False(api.Headers.ContainsKey("location"));
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_for_a_write_and_the_api_answers_401()
    {
        var page = await site.NewPage();
        var refused = await Write(page);
        Assert.Equal(302, refused.Status);
        var login = new Uri(new Uri(site.Address), refused.Headers["location"]);
        Assert.Equal("/account/login", login.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Ftest%2Fwrite", login.Query);
        Assert.Equal(401, (await Write(page, "/api/test/write")).Status);
        var denied = await page.APIRequest.GetAsync("/account/denied");
        Assert.Equal(403, denied.Status);
        Assert.Contains("此操作需要登录", await denied.TextAsync());
        var admin = await page.APIRequest.GetAsync("/admin/users", new() { MaxRedirects = 0 });
        Assert.Equal(302, admin.Status);
        Assert.StartsWith("/account/login", new Uri(new Uri(site.Address), admin.Headers["location"]).AbsolutePath);
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task The_admin_page_is_refused_to_an_editor_and_lets_an_admin_add_grant_and_disable()
    {
        var editor = NewUser(AccountRoles.Editor, "ae");
        var page = await site.NewPage();
        await SignIn(page, editor);
        var refused = await page.APIRequest.GetAsync("/admin/users", new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.Equal("/account/denied", new Uri(new Uri(site.Address), refused.Headers["location"]).AbsolutePath);

        var admin = NewUser(AccountRoles.Admin, "ad");
        var adminPage = await site.NewPage();
        await SignIn(adminPage, admin);
        await adminPage.ClickAsync(".masthead a[href='/admin/users']");
        await adminPage.WaitForURLAsync("**/admin/users");
        Assert.Equal("用户管理", await adminPage.InnerTextAsync("main h1"));
        Assert.Equal(1, await adminPage.Locator($"tr[data-user='{editor}']").CountAsync());

        // Add a user through the form, grant it 湖州市, see it listed with the place's name.
        var added = "new" + editor[2..];
        await adminPage.FillAsync("form.add-user input[name=name]", added);
        await adminPage.SelectOptionAsync("form.add-user select[name=role]", AccountRoles.Editor);
        await adminPage.FillAsync("form.add-user input[name=password]", "long enough 1");
        await adminPage.ClickAsync("form.add-user button");
        await adminPage.WaitForSelectorAsync("p.done");
        Assert.Equal($"已新增用户 {added}。", await adminPage.InnerTextAsync("p.done"));
        var row = adminPage.Locator($"tr[data-user='{added}']");
        Assert.Equal("尚无授权：该编辑还不能写入任何内容。", await row.Locator(".grants .note").InnerTextAsync());
        await row.Locator("input[name=place]").FillAsync("330500");
        await row.Locator("form:has(input[name=place]) button").ClickAsync();
        await adminPage.WaitForSelectorAsync("p.done");
        Assert.Contains("浙江省湖州市", await adminPage.Locator($"tr[data-user='{added}'] .grants li").InnerTextAsync());
        // A place that is no division is refused with a message, nothing granted.
        await adminPage.Locator($"tr[data-user='{added}'] input[name=place]").FillAsync("999999");
        await adminPage.Locator($"tr[data-user='{added}'] form:has(input[name=place]) button").ClickAsync();
        await adminPage.WaitForSelectorAsync("p.error");
        Assert.Equal("找不到唯一的区划“999999”（请填区划代码）。", await adminPage.InnerTextAsync("p.error"));
        // Disable it: the store says so, and it can no longer sign in.
        await adminPage.Locator($"tr[data-user='{added}'] form:has(input[name=disabled]) button").ClickAsync();
        await adminPage.WaitForSelectorAsync("p.done");
        using (var store = ReportStore.Open(site.Db))
        {
            var accounts = new SqlAccountStore(store);
            var user = accounts.Find(added)!;
            Assert.True(user.Disabled);
            Assert.Equal(Passwords.Check.Right, Passwords.Verify(user, "long enough 1"));
            Assert.Equal(["place:330500"], accounts.Grants(added).Select(g => g.Key));
        }
        // An admin cannot lock themselves out.
        await adminPage.Locator($"tr[data-user='{admin}'] form:has(input[name=disabled]) button").ClickAsync();
        await adminPage.WaitForSelectorAsync("p.error");
        Assert.Equal("不能停用自己的账号或取消自己的管理员角色。", await adminPage.InnerTextAsync("p.error"));
        await adminPage.GotoAsync("/admin/users");
        await WebSite.Screenshot(adminPage, "admin-users");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task The_login_page_switches_to_English()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/account/login");
        await page.ClickAsync("a.lang");
        await page.WaitForURLAsync("**lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Sign in", await page.InnerTextAsync("main h1"));
        Assert.Contains("User name", await page.InnerTextAsync("main form"));
        await page.FillAsync("input[name=Name]", "nobody-at-all");
        await page.FillAsync("input[name=Password]", "not a password");
        await page.ClickAsync("form.account-form button[type=submit]");
        await page.WaitForSelectorAsync("main .error");
        Assert.Equal("The user name or password is not right.", await page.InnerTextAsync("main .error"));
        Assert.Equal("Sign in", (await page.InnerTextAsync(".masthead a.login")).Trim());
        await WebSite.Screenshot(page, "login-en");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_refused_with_400()
    {
        var name = NewUser(AccountRoles.Editor, "af");
        using var client = NewClient();
        await client.GetAsync("/account/login"); // the antiforgery cookie, but no token in the form
        var r = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = name, ["Password"] = Secret }));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var withToken = await PostLogin(client, name, Secret);
        Assert.Equal(HttpStatusCode.Redirect, withToken.Status); // the same post with its token goes through
        // The admin's forms alike: signed in as an admin, a change without the token is refused and not made.
        var admin = NewUser(AccountRoles.Admin, "aa");
        using var adminClient = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PostLogin(adminClient, admin, Secret)).Status);
        var disable = await adminClient.PostAsync("/admin/users?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = name, ["disabled"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        using var store = ReportStore.Open(site.Db);
        Assert.False(new SqlAccountStore(store).Find(name)!.Disabled);
    }

    [Fact]
    public async Task A_request_larger_than_the_upload_limit_is_refused_with_413_and_a_message()
    {
        using var client = NewClient();
        var limit = new Ogi.Web.WebOptions().MaxRequestBytes;
        var body = new ByteArrayContent(new byte[limit + 1]);
        body.Headers.ContentType = new("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = body };
        request.Headers.ExpectContinue = true;
        var r = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Equal("请求过大：上传文件最大 20 MB。\n", await r.Content.ReadAsStringAsync());
        // A file in a chunked form (no Content-Length): refused when reading overruns the limit, with the same answer.
        using var chunkedClient = NewClient();
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/account/login?lang=en")
        {
            Content = new MultipartFormDataContent { { new StreamContent(new MemoryStream(new byte[limit + 1024])), "file", "report.pdf" } },
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.ExpectContinue = true;
        var c = await chunkedClient.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, c.StatusCode);
        Assert.Equal("The request is too large: an upload may be at most 20 MB.\n", await c.Content.ReadAsStringAsync());
        // The server is fine after both.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Pages_and_the_api_carry_the_strict_policy_and_the_cookies_are_http_only_and_same_site()
    {
        using var client = NewClient();
        foreach (var path in new[] { "/", "/account/login", "/account/denied", "/admin/users", "/api/reports", "/api/test/write", "/static/site.css" })
        {
            var r = await client.GetAsync(path);
            Assert.True(r.Headers.TryGetValues("Content-Security-Policy", out var csp), path);
            var policy = csp!.Single();
            Assert.Equal(SecurityHeaders.Policy, policy);
            Assert.Contains("script-src 'self';", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        }
        // The antiforgery cookie (from the login page) and the sign-in cookie: HttpOnly, SameSite=Strict.
        var name = NewUser(AccountRoles.Viewer, "ck");
        using var visitor = NewClient();
        var page = await visitor.GetAsync("/account/login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ogi-af=", StringComparison.Ordinal));
        var signedIn = await PostLogin(visitor, name, Secret);
        var auth = signedIn.Cookies.Single(c => c.StartsWith("ogi-auth=", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, auth })
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    // ---- plain HTTP, where a browser adds nothing ----

    HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(site.Address),
    };

    sealed record Answer(HttpStatusCode Status, string Body, string? RetryAfter, IReadOnlyList<string> Cookies);

    /// <summary>The login form as a browser posts it: the page's antiforgery token with its cookie.</summary>
    static async Task<Answer> PostLogin(HttpClient client, string name, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = TokenField().Match(form).Groups[1].Value;
        Assert.NotEmpty(token);
        var r = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        return new Answer(r.StatusCode, await r.Content.ReadAsStringAsync(),
            r.Headers.TryGetValues("Retry-After", out var ra) ? ra.Single() : null,
            r.Headers.TryGetValues("Set-Cookie", out var c) ? c.ToList() : []);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
