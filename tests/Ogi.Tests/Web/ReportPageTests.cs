using System.Text.Json;
using Microsoft.Playwright;
using Ogi.Store;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>
/// The report pages in a real browser: a report uploaded or pasted, drawn as the official form, its cells opening
/// their source, its findings marked; untrusted text shown as text; writes refused without an account.
/// </summary>
[Collection("web")]
public sealed class ReportPageTests(WebSite site)
{
    static string Seed003 => TestData.Document(TestData.Seeds, "003_e2088ef8146a25db");
    static readonly string[] R1Natural =
        ["applications.new.natural", "applications.carried_over.natural", "applications.total.natural", "applications.carried_forward.natural"];

    long StoredId(string file)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        using var store = ReportStore.Open(site.Db);
        return store.Report(sha)!.Id;
    }

    /// <summary>Console lines a test causes on purpose (a refused upload's 400, the sign-in page's 404 until the
    /// accounts area serves it) are no error of the page: forgotten, so that the collection's check stays strict.</summary>
    void Forget(string what)
    {
        lock (site.Errors) site.Errors.RemoveAll(e => e.Contains(what, StringComparison.Ordinal));
    }

    /// <summary>Clicks a button that posts; the POST's own answer (before any redirect is followed).</summary>
    static async Task<IResponse> Post(IPage page, string selector) =>
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync(selector), r => r.Request.Method == "POST");

    /// <summary>A write refused: the POST is sent to sign in. Waits until the browser has arrived there (the sign-in
    /// page, or Chromium's error page while the accounts area does not serve it yet), then closes the visitor, so
    /// that nothing it logs later falls to another test.</summary>
    async Task AssertSentToSignIn(IPage page, IResponse refused, string returnUrl)
    {
        Assert.Equal(302, refused.Status);
        Assert.Contains("/account/login?ReturnUrl=" + returnUrl, refused.Headers["location"]);
        await page.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal) || u.StartsWith("chrome-error:", StringComparison.Ordinal));
        await page.Context.CloseAsync();
        Forget("chrome-error://");
        Forget("/account/login");
    }

    static async Task Upload(IPage page, string file)
    {
        await page.GotoAsync("/report");
        await page.SetInputFilesAsync("input[type=file]", file);
        await page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task Seed_003_uploaded_shows_its_tables_its_R1_finding_on_the_cells_and_a_cell_its_source()
    {
        var page = await site.NewPage();
        await Upload(page, Seed003);
        // The seeds are in the corpus already: the upload opens the stored report, and says so.
        long id = StoredId(Seed003);
        await page.WaitForURLAsync($"**/reports/{id}?known=1");
        Assert.Contains("已在报告库中", await page.InnerTextAsync(".report-notice"));
        Assert.Equal("南浔区人民政府2020年政府信息公开工作年度报告", await page.InnerTextAsync(".report-head h1"));

        // Tables 二, 三, 四 under the section headings of the 2019 form, drawn from the template's layout.
        var titles = await page.Locator("h2.table-title").AllInnerTextsAsync();
        Assert.Equal(["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"], titles);
        // Table 三's merged label columns as the form merges them: 三、本年度办理结果 spans its rows.
        var heading = page.Locator("table.t-applications td.label", new() { HasTextString = "三、本年度办理结果" });
        Assert.True(int.Parse(await heading.GetAttributeAsync("rowspan") ?? "1") > 10);

        // R1 (自然人 259 + 1 ≠ 259 + 2) marked on the four cells it names, and on no other cell of the column.
        var expected = new Dictionary<string, string> { [R1Natural[0]] = "259", [R1Natural[1]] = "1", [R1Natural[2]] = "259", [R1Natural[3]] = "2" };
        foreach (var (field, value) in expected)
        {
            var cell = page.Locator($"td[data-key='{field}']");
            Assert.Equal(value, (await cell.InnerTextAsync()).Trim());
            Assert.Contains("f-error", await cell.GetAttributeAsync("class") ?? "");
            Assert.Contains("R1", await cell.GetAttributeAsync("title") ?? "");
        }
        Assert.DoesNotContain("f-error", await page.GetAttributeAsync("td[data-key='applications.granted.natural']", "class") ?? "");
        Assert.Equal(0, await page.Locator("td[data-key='applications.new.commercial'].f-error").CountAsync());
        var findings = await page.Locator(".finding-list li").AllInnerTextsAsync();
        Assert.Equal(2, findings.Count(f => f.StartsWith("R1", StringComparison.Ordinal)));
        Assert.Contains(findings, f => f.StartsWith("P1", StringComparison.Ordinal));
        await WebSite.Screenshot(page, "report-003");

        // A click marks the cell's span in the source: the number, at the offsets the parse gives.
        await page.ClickAsync("td[data-key='applications.new.natural'] a");
        Assert.Equal("259", await page.InnerTextAsync("pre.text mark#hit"));
        Assert.Contains("sel", await page.GetAttributeAsync("td[data-key='applications.new.natural']", "class") ?? "");
        Assert.Contains("cell=applications.new.natural", page.Url);
        // The page holds the decoded text exactly (the offsets point into it): the mark stands where the parse says.
        string ogiText;
        int markAt;
        using (var store = ReportStore.Open(site.Db)) ogiText = store.ParseText(id)!.Value.Text;
        Assert.Equal(ogiText, await page.EvaluateAsync<string>("document.getElementById('source-text').textContent"));
        markAt = await page.EvaluateAsync<int>("(() => { const pre = document.getElementById('source-text'); const r = document.createRange(); r.setStart(pre, 0); r.setEndBefore(document.getElementById('hit')); return r.toString().length; })()");
        var cellJson = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/reports/{id}")).TextAsync()).RootElement
            .GetProperty("cells").EnumerateArray().First(c => c.GetProperty("field").GetString() == "applications.new.natural");
        Assert.Equal(cellJson.GetProperty("start").GetInt32(), markAt);
        await WebSite.Screenshot(page, "report-003-cell");

        // The same without script: the link itself opens the page with the span marked by the server.
        var plain = await site.Browser.NewContextAsync(new() { BaseURL = site.Address, JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } });
        var noScript = await plain.NewPageAsync();
        await noScript.GotoAsync($"/reports/{id}");
        await noScript.ClickAsync("td[data-key='applications.carried_forward.natural'] a");
        await noScript.WaitForURLAsync("**cell=applications.carried_forward.natural#source");
        Assert.Equal("2", await noScript.InnerTextAsync("mark#hit"));
        Assert.Contains("R1", await noScript.InnerTextAsync(".cell-detail"));
        // Where the form prints it, in the form's words: row labels, then the column's headings.
        Assert.Equal("四、结转下年度继续办理 · 申请人情况 自然人", await noScript.InnerTextAsync(".cell-detail .detail-caption"));
        await plain.CloseAsync();
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_pasted_report_holding_script_and_event_handlers_is_shown_as_text_and_cannot_be_saved_anonymously()
    {
        var page = await site.NewPage();
        var dialogs = new List<string>();
        page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
        const string Hostile = "<script>alert('ogi-xss')</script><img src=x onerror=\"alert('ogi-xss-img')\"><b onmouseover=alert(1)>粗</b>";
        var lines = File.ReadAllLines(Seed003).ToList();
        lines.Insert(1, Hostile);
        lines.Insert(5, "备注：" + Hostile);
        await page.GotoAsync("/report");
        await page.FillAsync("textarea[name=text]", string.Join("\n", lines));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/report?u=*");

        // Parsed like the seed (a report read, not stored), and the markup is on the page as text.
        Assert.Equal("259", (await page.InnerTextAsync("td[data-key='applications.new.natural']")).Trim());
        var source = await page.InnerTextAsync("pre.text");
        Assert.Contains(Hostile, source);
        Assert.Equal(0, await page.Locator("main img[src=x], main b[onmouseover], main script").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('[onerror],[onmouseover]').length"));
        await page.HoverAsync("pre.text");
        await page.ClickAsync("td[data-key='applications.total.natural'] a");
        Assert.Equal("259", await page.InnerTextAsync("mark#hit"));
        Assert.Contains(Hostile, await page.InnerTextAsync("pre.text"));
        Assert.Empty(dialogs);
        await WebSite.Screenshot(page, "report-pasted-hostile");
        // In English the upload is still shown (the switch keeps ?u=), its messages in English.
        await page.ClickAsync("a.lang");
        await page.WaitForURLAsync("**lang=en");
        Assert.Contains("u=", page.Url);
        Assert.Equal("Save to the corpus", await page.InnerTextAsync("form.save button"));
        Assert.Contains(Hostile, await page.InnerTextAsync("pre.text"));

        // Saving is a write: without an account the POST is sent to sign in, and nothing is stored.
        var sha = new Uri(page.Url).Query.Split("u=")[1].Split('&')[0];
        await AssertSentToSignIn(page, await Post(page, "form.save button[type=submit]"), "%2Freport%2Fsave");
        using (var store = ReportStore.Open(site.Db)) Assert.Null(store.Report(sha));
        Assert.Empty(dialogs);
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_review_without_an_account_is_refused_and_the_page_switches_to_English()
    {
        var page = await site.NewPage();
        long id = StoredId(Seed003);
        await page.GotoAsync($"/reports/{id}");
        int reviews;
        using (var store = ReportStore.Open(site.Db)) reviews = store.Reviews().Count;
        await page.ClickAsync("a.lang");
        await page.WaitForURLAsync("**lang=en");
        Assert.Equal("Findings (3)", await page.InnerTextAsync(".findings h2"));
        Assert.Contains("new plus carried over must equal total handled plus carried forward (natural)", await page.InnerTextAsync(".finding-list"));
        Assert.Equal("Source", await page.InnerTextAsync("#source h2"));
        await page.ClickAsync("td[data-key='applications.carried_over.natural'] a");
        Assert.Contains("as printed: 1", await page.InnerTextAsync(".cell-detail"));
        Assert.Contains("二、上年结转政府信息公开申请数量 · 申请人情况 自然人", await page.InnerTextAsync(".cell-detail"));
        await WebSite.Screenshot(page, "report-003-en");

        await page.ClickAsync(".finding-list li:first-child summary");
        await page.FillAsync(".finding-list li:first-child input[name=note]", "test");
        await AssertSentToSignIn(page, await Post(page, ".finding-list li:first-child button[value=dismissed]"), "%2Freports%2F" + id + "%2Freview");
        using (var store = ReportStore.Open(site.Db)) Assert.Equal(reviews, store.Reviews().Count);
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task Doubtful_and_glued_cells_are_marked_with_their_alternatives_and_the_legacy_table_is_drawn()
    {
        // pingtan-zone-2019 prints its tables with the digits of a row run together: most cells are glued, and where
        // the arithmetic allowed several readings the cell is doubtful, with the others beside it.
        var file = TestData.Document(TestData.Corpus, "pingtan-zone-2019");
        long id = StoredId(file);
        var parse = TestData.Parse(file);
        var doubtful = parse.Main!.Cells.Where(c => c.Confidence < 1 && c.Alternatives is { Count: > 0 }).ToList();
        Assert.NotEmpty(doubtful);
        var page = await site.NewPage();
        await page.GotoAsync($"/reports/{id}");
        Assert.Equal(doubtful.Count, await page.Locator("td.v.doubt").CountAsync());
        foreach (var c in doubtful)
        {
            var cell = page.Locator($"td[data-key='{c.Field}']");
            var alts = await cell.Locator(".alts").InnerTextAsync();
            foreach (var a in c.Alternatives!) Assert.Contains(a?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) ?? "空", alts);
            Assert.Contains("其他读法", await cell.GetAttributeAsync("title") ?? "");
        }
        Assert.Equal(parse.Main.Cells.Count(c => c.FromGluedDigits), await page.Locator("td.v.glued").CountAsync());
        await page.ClickAsync($"td[data-key='{doubtful[0].Field}'] a");
        Assert.Contains("其他读法", await page.InnerTextAsync(".cell-detail"));
        Assert.Contains(await page.Locator(".finding-list li").AllInnerTextsAsync(), f => f.StartsWith("G1", StringComparison.Ordinal));
        await WebSite.Screenshot(page, "report-glued");

        // A legacy report: the 统计表 with its unit column.
        var legacy = TestData.Document(TestData.Seeds, "000_c0b7254846a238aa");
        await page.GotoAsync($"/reports/{StoredId(legacy)}");
        Assert.Equal(["政府信息公开情况统计表"], await page.Locator("h2.table-title").AllInnerTextsAsync());
        Assert.True(await page.Locator("table.t-statistics td.label", new() { HasTextString = "件" }).CountAsync() > 5);
        Assert.True(await page.Locator("table.t-statistics td.v > a").CountAsync() > 20);
        await WebSite.Screenshot(page, "report-legacy");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_Word_file_not_in_the_corpus_is_read_and_shown_and_the_API_parses_one_too()
    {
        // Seed 003 written as the official Word file (ogi render): a document the corpus does not hold.
        var parse = TestData.Parse(Seed003);
        var docx = Ogi.Render.DocxReportWriter.Write(Ogi.Render.ReportComposer.Compose(Ogi.Render.ReportContent.FromJson(Ogi.Output.JsonReportWriter.ToJson(parse))));
        var page = await site.NewPage();
        await page.GotoAsync("/report");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload
        {
            Name = "南浔区2020.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx,
        });
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/report?u=*");
        Assert.Contains("南浔区2020.docx", await page.InnerTextAsync(".report-head .meta"));
        Assert.Contains("docx", await page.InnerTextAsync(".report-head .meta"));
        foreach (var field in R1Natural) Assert.Contains("f-error", await page.GetAttributeAsync($"td[data-key='{field}']", "class") ?? "");
        await page.ClickAsync("td[data-key='applications.new.total'] a");
        Assert.Equal("266", await page.InnerTextAsync("mark#hit"));
        Assert.Equal(1, await page.Locator("form.save").CountAsync());
        await WebSite.Screenshot(page, "report-docx");

        // POST /api/parse: the bytes in, the OUTPUT.md document out, nothing stored.
        var parsed = await page.APIRequest.PostAsync("/api/parse", new() { DataByte = docx, Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" } });
        Assert.Equal(200, parsed.Status);
        var json = JsonDocument.Parse(await parsed.TextAsync()).RootElement;
        Assert.Equal("gov2019", json.GetProperty("template").GetString());
        Assert.Equal(259, json.GetProperty("values").GetProperty("applications.new.natural").GetInt32());
        Assert.Equal(400, (await page.APIRequest.PostAsync("/api/parse", new() { DataByte = [] })).Status);
        var garbage = await page.APIRequest.PostAsync("/api/parse", new() { DataByte = [0, 1, 2, 3, 0, 0, 0, 9, 0, 0] });
        Assert.Equal(422, garbage.Status);
        Assert.True(JsonDocument.Parse(await garbage.TextAsync()).RootElement.GetProperty("error").GetString()!.Length > 0);
        using (var store = ReportStore.Open(site.Db))
            Assert.Null(store.Report(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx))));
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_file_ogi_does_not_read_is_refused_with_a_message()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/report");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [0x4d, 0x5a, 0x90, 0] });
        Assert.Equal(400, (await Post(page, "button[type=submit]")).Status);
        Assert.Contains("setup.exe：不是 ogi 能读取的文件类型", await page.InnerTextAsync(".report-error"));
        // Bytes that are no report, under a name ogi reads: the decoder's reason.
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = [0, 1, 2, 3, 0, 0, 0, 7] });
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("report.pdf 无法读取", await page.InnerTextAsync(".report-error"));
        await WebSite.Screenshot(page, "report-refused");

        // Over the limit, without script (which refuses it before sending): the server says why, from the declared
        // length, before reading the form.
        var plain = await site.Browser.NewContextAsync(new() { BaseURL = site.Address, JavaScriptEnabled = false });
        var noScript = await plain.NewPageAsync();
        await noScript.GotoAsync("/report");
        await noScript.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "big.txt", MimeType = "text/plain", Buffer = new byte[21 * 1024 * 1024] });
        await noScript.ClickAsync("button[type=submit]");
        await noScript.WaitForURLAsync("**/report?tooLarge=*");
        Assert.Contains("上传的文件太大（21 MB）：上限为 20 MB", await noScript.InnerTextAsync(".report-error"));
        await plain.CloseAsync();
        // With script, the same file is refused before it is sent.
        await page.GotoAsync("/report");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "big.txt", MimeType = "text/plain", Buffer = new byte[21 * 1024 * 1024] });
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("文件太大：上限为 20 MB", await page.InnerTextAsync(".upload-error"));
        Assert.EndsWith("/report", page.Url);
        await page.Context.CloseAsync();
        Forget("/report: Failed to load resource: the server responded with a status of 400");
        Forget("Failed to load resource: the server responded with a status of 413");
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_PDF_cell_shows_its_page_with_its_box_and_the_API_gives_the_parse()
    {
        var pdf = TestData.Document(TestData.Corpus, "huaian-city-2024");
        long id = StoredId(pdf);
        var page = await site.NewPage();
        await page.GotoAsync($"/reports/{id}?cell=proactive.rules.issued");
        var image = page.Locator(".page-image img");
        Assert.StartsWith($"/api/reports/{id}/pages/3.svg?box=", await image.GetAttributeAsync("src"));
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.page-image img'); return i.complete && i.naturalWidth > 500; }");
        // Another cell, by script: the image follows it.
        await page.ClickAsync("td[data-key='applications.new.total'] a");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.page-image img'); return i.complete && i.naturalWidth > 500; }");
        Assert.Contains("/pages/", await image.GetAttributeAsync("src"));
        await WebSite.Screenshot(page, "report-pdf");

        var svg = await page.APIRequest.GetAsync($"/api/reports/{id}/pages/3.svg?box=243.8,268.06,336.35,302.71");
        Assert.Equal("image/svg+xml", svg.Headers["content-type"].Split(';')[0]);
        Assert.Contains("<rect", await svg.TextAsync());
        var json = await page.APIRequest.GetAsync($"/api/reports/{StoredId(Seed003)}");
        Assert.Equal(200, json.Status);
        var parse = JsonDocument.Parse(await json.TextAsync()).RootElement;
        Assert.Equal("gov2019", parse.GetProperty("template").GetString());
        Assert.Equal(2, parse.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("rule").GetString() == "R1"));
        Assert.Equal(404, (await page.APIRequest.GetAsync("/api/reports/999999")).Status);
        site.AssertNoPageErrors();
    }
}

/// <summary>What the report page reads of a stored report: its current parse's decoded text and OUTPUT.md document,
/// as the engine wrote them, from SQLite and PostgreSQL alike.</summary>
public sealed class ReportParseTextTests
{
    [Theory, OnSqlite, OnPostgres]
    public void A_stored_report_gives_back_the_text_and_document_its_parse_wrote(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        var files = new[] { TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"), TestData.Document(TestData.Corpus, "huaian-city-2024") };
        new Ingester().Run(store, Ingester.Expand(files, []));
        foreach (var file in files)
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
            var record = store.Report(sha)!;
            var parse = TestData.Parse(file);
            var stored = store.ParseText(record.Id)!.Value;
            Assert.Equal(parse.Source.Text, stored.Text);
            Assert.Equal(Ogi.Output.JsonReportWriter.ToJson(parse), stored.DocumentJson);
            // The offsets of a cell point at its raw text in what the page shows.
            var doc = Ogi.Web.Services.ParseDocument.Read(stored.DocumentJson);
            Assert.All(doc.Cells.Where(c => c.Raw.Length > 0), c => Assert.Equal(c.Raw, stored.Text[c.Start..c.End]));
        }
        Assert.Null(store.ParseText(999_999));
    }
}

/// <summary>
/// The two writes of the report page, as a signed-in editor makes them (the browser tests show that nobody else
/// reaches them): saving goes through the ingest, a review through the store's review — on both databases.
/// </summary>
public sealed class ReportWriteTests
{
    static Microsoft.AspNetCore.Mvc.RazorPages.PageContext Editor() => new()
    {
        HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "editor1"),
                 new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Ogi.Web.Security.Policies.EditorRole)], "test")),
        },
    };

    [Theory, OnSqlite, OnPostgres]
    public void An_editor_saves_an_upload_by_the_ingest_and_reviews_its_finding(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        var file = TestData.Document(TestData.Seeds, "003_e2088ef8146a25db");
        var bytes = File.ReadAllBytes(file);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var (parse, error) = Ingester.Parse(bytes);
        Assert.Null(error);
        // The editor's account, granted 浙江省 (seed 003 is 湖州市南浔区's report): a write outside the grant is refused.
        var accounts = new Ogi.Store.Accounts.SqlAccountStore(store);
        accounts.Add("editor1", Ogi.Web.Security.Policies.EditorRole, "not-a-real-hash");
        accounts.Grant("editor1", Ogi.Store.Accounts.AccountGrant.Place("330000"));
        var grants = new Ogi.Web.Security.Grants(store);
        using var uploads = new Ogi.Web.Services.Uploads();
        uploads.Add(new Ogi.Web.Services.Upload(sha, "003.txt", bytes, PreparedParse.DecompressText(parse!.Text), PreparedParse.DecompressText(parse.DocumentJson)));

        var saved = new Ogi.Web.Pages.ReportSaveModel(store, uploads, grants) { PageContext = Editor() }.OnPost(sha);
        var record = store.Report(sha);
        Assert.NotNull(record);
        Assert.Equal($"/reports/{record.Id}?saved=1", Assert.IsType<Microsoft.AspNetCore.Mvc.RedirectResult>(saved).Url);
        Assert.Equal(3, record.Findings.Count);
        // Saving again stores nothing twice.
        new Ogi.Web.Pages.ReportSaveModel(store, uploads, grants) { PageContext = Editor() }.OnPost(sha);
        Assert.Equal(1, store.Counts().Documents);

        var r1 = record.Findings.First(f => f.Rule == "R1");
        var texts = new Ogi.Web.Localization.Text(Ogi.Web.Localization.Texts.Load(), new Microsoft.AspNetCore.Http.HttpContextAccessor());
        var review = new Ogi.Web.Pages.ReportReviewModel(store, grants, texts) { PageContext = Editor() };
        var done = review.OnPost(record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r1.Id, "dismissed", "  总计含上年结转  ");
        Assert.Equal($"/reports/{record.Id}?reviewed=1#finding-{r1.Id}", Assert.IsType<Microsoft.AspNetCore.Mvc.RedirectResult>(done).Url);
        var stored = Assert.Single(store.Reviews());
        Assert.Equal(("dismissed", "总计含上年结转", "R1"), (stored.Decision, stored.Note, stored.Rule));
        Assert.Equal("dismissed", store.Report(sha)!.Findings.First(f => f.Id == r1.Id).Review);
        // A decision the store does not know, or a finding of no such id, is refused and changes nothing.
        Assert.Equal(400, Assert.IsType<Microsoft.AspNetCore.Mvc.ContentResult>(review.OnPost(record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r1.Id, "deleted", null)).StatusCode);
        Assert.Equal(400, Assert.IsType<Microsoft.AspNetCore.Mvc.ContentResult>(review.OnPost(record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 987654, "confirmed", null)).StatusCode);
        Assert.Equal("dismissed", Assert.Single(store.Reviews()).Decision);
    }
}
