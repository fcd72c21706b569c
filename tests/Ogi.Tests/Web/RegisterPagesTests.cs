using System.Globalization;
using Microsoft.Playwright;
using Ogi.Office.Calendar;
using Ogi.Office.Compile;
using Ogi.Office.Register;
using Ogi.Parsing;
using Ogi.Store;
using Ogi.Store.Accounts;
using Xunit;

namespace Ogi.Tests.Web;

/// <summary>
/// The office's register in the browser (issue 17): an editor granted the agency adds an application, finds it in
/// the list with its statutory due date, replies and sees it closed; due-soon and overdue lines marked; a refused
/// extension's reason on its form; an editor not granted the agency refused, a visitor sent to sign in; the annual
/// report compiled from the register shown with ReportCompiler's own numbers, and its Word file read back to them.
/// </summary>
[Collection("web")]
public sealed class RegisterPagesTests(WebSite site)
{
    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An agency of its own for each test (the site's database is shared by the collection).</summary>
    long NewAgency(string name)
    {
        using var store = ReportStore.Open(site.Db);
        return new OfficeRegister(store, "test").EnsureAgency(name);
    }

    void Record(long agency, string reference, params RegisterEvent[] events)
    {
        using var store = ReportStore.Open(site.Db);
        new OfficeRegister(store, "test").Record(events.Select(e => new NewEvent(agency, reference, e)).ToList());
    }

    ApplicationState Load(long agency, string reference)
    {
        using var store = ReportStore.Open(site.Db);
        return new OfficeRegister(store, "test").Load(agency, reference)!;
    }

    static RegisterEvent Received(DateOnly on, string applicant = "natural", string channel = "online", string subject = "某路段规划许可文件") =>
        new(EventKind.Received, on, new Dictionary<string, string> { ["applicant"] = applicant, ["channel"] = channel, ["subject"] = subject });

    static RegisterEvent Replied(DateOnly on, string outcome) => new(EventKind.Replied, on, new Dictionary<string, string> { ["outcome"] = outcome });

    string Editor(long agency) => site.NewUser(AccountRoles.Editor, "rg", (accounts, name) => accounts.Grant(name, AccountGrant.Agency(agency)));

    static string Row(string reference) => $"table.register tr[data-reference='{reference}']";

    [Fact]
    public async Task An_editor_granted_the_agency_adds_an_application_sees_its_due_date_replies_and_sees_it_closed()
    {
        var agency = NewAgency("浙江省杭州市西湖区审计局");
        var editor = Editor(agency);
        var page = await site.NewPage();
        await site.SignIn(page, editor);
        Assert.Equal(1, await page.Locator(".masthead nav a[href='/register']").CountAsync());

        // Without an agency: the agencies this editor is granted.
        await page.ClickAsync(".masthead nav a[href='/register']");
        await page.ClickAsync($"ul.register-agencies a[href='/register?agency={agency}']");
        Assert.Contains("浙江省杭州市西湖区审计局", await page.InnerTextAsync("main h1"));
        await page.ClickAsync($"a[href='/register/new?agency={agency}']");
        await page.WaitForURLAsync($"**/register/new?agency={agency}");
        // Received Monday 2024-02-05: the Spring Festival (10–17 February) skipped, the make-up Sunday 18th counted.
        var received = new DateOnly(2024, 2, 5);
        await page.FillAsync("input[name=Reference]", "西审〔2024〕1号");
        await page.FillAsync("input[name=Received]", Day(received));
        await page.SelectOptionAsync("select[name=Channel]", "letter");
        await page.SelectOptionAsync("select[name=Applicant]", "commercial");
        await page.FillAsync("textarea[name=Subject]", "2023年度审计结果公告 <b>全文</b>");
        await WebSite.Screenshot(page, "register-new");
        await page.ClickAsync("form.new-application button[type=submit]");
        await page.WaitForSelectorAsync("p.notice.done");
        Assert.Contains("已登记申请 西审〔2024〕1号", await page.InnerTextAsync("p.notice.done"));
        var due = StatutoryDeadline.Due(received);
        Assert.Equal(new DateOnly(2024, 3, 8), due);
        Assert.StartsWith(Day(due), (await page.InnerTextAsync(".register-facts dd.due")).Trim());
        Assert.Equal("2023年度审计结果公告 <b>全文</b>", await page.InnerTextAsync(".register-facts dd.subject")); // encoded, not markup

        await page.GotoAsync($"/register?agency={agency}");
        var row = Row("西审〔2024〕1号");
        Assert.Equal(Day(received), await page.InnerTextAsync(row + " td.received"));
        Assert.Equal(Day(due), await page.InnerTextAsync(row + " td.due"));
        Assert.Equal("商业企业", await page.InnerTextAsync(row + " td:nth-child(3)"));
        Assert.Equal("信函", await page.InnerTextAsync(row + " td:nth-child(4)"));
        // Open long past its due date (counted from today): overdue, by the working days after the due day.
        Assert.Equal("overdue", await page.GetAttributeAsync(row, "class"));
        var over = WorkingCalendar.Default.CountWorkingDays(due.AddDays(1), RegisterDeskToday());
        Assert.Equal($"逾期 超 {over} 个工作日", Squash(await page.InnerTextAsync(row + " td.days")));
        await WebSite.Screenshot(page, "register-list-open");

        await page.ClickAsync(row + " a");
        await page.WaitForSelectorAsync("form.reply");
        await page.FillAsync("form.reply input[name=on]", "2024-03-06");
        await page.SelectOptionAsync("form.reply select[name=outcome]", "withheld.state_secret");
        await page.FillAsync("form.reply input[name=reason]", "涉及国家秘密");
        await page.ClickAsync("form.reply button[type=submit]");
        await page.WaitForSelectorAsync("p.notice.done");
        Assert.Equal("已登记：答复（2024-03-06）。", await page.InnerTextAsync("p.notice.done"));
        Assert.Contains("已答复 · 不予公开·属于国家秘密", await page.InnerTextAsync(".register-facts dd.state"));
        Assert.Equal(0, await page.Locator("form.reply").CountAsync()); // closed: no reply form, an appeal form instead
        Assert.Equal(1, await page.Locator("form.appeal").CountAsync());
        // The audit trail: who entered each step.
        Assert.Equal(["received", "replied"], await page.Locator("table.history tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)"));
        Assert.Equal([editor, editor], await page.Locator("table.history td.by").AllInnerTextsAsync());
        await WebSite.Screenshot(page, "register-application-closed");

        var state = Load(agency, "西审〔2024〕1号");
        Assert.Equal(("withheld.state_secret", new DateOnly(2024, 3, 6) as DateOnly?, "涉及国家秘密"), (state.Outcome, state.Replied, state.Reason));
        Assert.All(state.History, e => Assert.Equal(editor, e.RecordedBy));

        await page.GotoAsync($"/register?agency={agency}&status=closed");
        Assert.Equal("closed", await page.GetAttributeAsync(row, "class"));
        Assert.Equal("2024-03-06 答复", Squash(await page.InnerTextAsync(row + " td.days")));
        await page.GotoAsync($"/register?agency={agency}&status=open");
        Assert.Equal(0, await page.Locator(row).CountAsync());
        // A reference holding '/' has its page too.
        Record(agency, "西审/2024/2", Received(new DateOnly(2024, 5, 6)));
        await page.GotoAsync($"/register?agency={agency}");
        await page.ClickAsync(Row("西审/2024/2") + " a");
        await page.WaitForSelectorAsync("table.history");
        Assert.Equal("申请 西审/2024/2", await page.InnerTextAsync("main h1"));
        // A filter that cannot be meant: 400 with its one line (asked outside the browser, which logs a 4xx as an error).
        var bad = await page.APIRequest.GetAsync($"/register?agency={agency}&status=nonsense");
        Assert.Equal(400, bad.Status);
        Assert.Contains("状态“nonsense”无效", await bad.TextAsync());
        site.AssertNoPageErrors();
    }

    /// <summary>The day the pages count from by default, as the register's pages take it (China's calendar day).</summary>
    static DateOnly RegisterDeskToday() => Ogi.Web.Services.RegisterDesk.Today();

    static string Squash(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Overdue_and_due_soon_applications_are_marked_filtered_and_an_extension_over_the_limit_is_refused_with_its_reason()
    {
        var agency = NewAgency("浙江省杭州市西湖区统计局");
        var on = new DateOnly(2026, 6, 15); // a Monday; the list counts from it (?on=, as `ogi register due --on`)
        var calendar = WorkingCalendar.Default;
        var overdueReceived = new DateOnly(2026, 4, 1);
        // Received so that 3 working days are left on that Monday.
        var soonReceived = Enumerable.Range(1, 60).Select(n => on.AddDays(-n))
            .First(d => StatutoryDeadline.Due(d) > on && calendar.CountWorkingDays(on.AddDays(1), StatutoryDeadline.Due(d)) == 3);
        Record(agency, "T-overdue", Received(overdueReceived));
        Record(agency, "T-soon", Received(soonReceived));
        Record(agency, "T-fresh", Received(on));
        Record(agency, "T-done", Received(new DateOnly(2026, 3, 2)), Replied(new DateOnly(2026, 3, 20), "granted"));

        var page = await site.NewPage();
        await site.SignIn(page, Editor(agency));
        await page.GotoAsync($"/register?agency={agency}&on={Day(on)}");
        var overdueDue = StatutoryDeadline.Due(overdueReceived);
        Assert.Equal("overdue", await page.GetAttributeAsync(Row("T-overdue"), "class"));
        Assert.Equal(Day(overdueDue), await page.InnerTextAsync(Row("T-overdue") + " td.due"));
        Assert.Equal($"逾期 超 {calendar.CountWorkingDays(overdueDue.AddDays(1), on)} 个工作日", Squash(await page.InnerTextAsync(Row("T-overdue") + " td.days")));
        Assert.Equal("due-soon", await page.GetAttributeAsync(Row("T-soon"), "class"));
        Assert.Equal(Day(StatutoryDeadline.Due(soonReceived)), await page.InnerTextAsync(Row("T-soon") + " td.due"));
        Assert.Equal("将到期 剩 3 个工作日", Squash(await page.InnerTextAsync(Row("T-soon") + " td.days")));
        Assert.Equal("open", await page.GetAttributeAsync(Row("T-fresh"), "class"));
        Assert.Equal("剩 20 个工作日", Squash(await page.InnerTextAsync(Row("T-fresh") + " td.days")));
        Assert.Equal(0, await page.Locator(Row("T-fresh") + " .mark").CountAsync());
        Assert.Equal("closed", await page.GetAttributeAsync(Row("T-done"), "class"));
        // Soonest first, answered last.
        Assert.Equal(["T-overdue", "T-soon", "T-fresh", "T-done"], await page.Locator("table.register tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)"));
        await WebSite.Screenshot(page, "register-list-marked");
        await page.GotoAsync($"/register?agency={agency}&on={Day(on)}&lang=en");
        Assert.Equal("OVERDUE", await page.InnerTextAsync(Row("T-overdue") + " .mark"));
        Assert.Equal("DUE SOON 3 working days left", Squash(await page.InnerTextAsync(Row("T-soon") + " td.days")));
        await WebSite.Screenshot(page, "register-list-en");
        await page.GotoAsync($"/register?agency={agency}&on={Day(on)}&lang=zh");

        async Task<string[]> Listed(string query)
        {
            await page.GotoAsync($"/register?agency={agency}&on={Day(on)}&{query}");
            return await page.Locator("table.register tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)");
        }
        Assert.Equal(["T-overdue"], await Listed("status=overdue"));
        Assert.Equal(["T-soon"], await Listed("status=due"));
        Assert.Equal(["T-overdue", "T-soon", "T-fresh"], await Listed("status=open"));
        Assert.Equal(["T-done"], await Listed("status=closed&year=2026"));
        Assert.Empty(await Listed("year=2025"));

        // An extension of 25 working days: more than 第三十三条 allows; refused on its form, nothing recorded.
        await page.GotoAsync($"/register/T-soon?agency={agency}");
        Assert.Equal("20", await page.InputValueAsync("form.extend input[name=days]"));
        await page.FillAsync("form.extend input[name=on]", Day(on));
        await page.FillAsync("form.extend input[name=days]", "25");
        await page.FillAsync("form.extend input[name=approvedBy]", "王主任");
        await page.ClickAsync("form.extend button[type=submit]");
        var message = await page.InnerTextAsync("form.extend .error-message");
        Assert.Equal("未登记：application T-soon: an extension of 25 working days is more than 政府信息公开条例（2019年修订） 第三十三条 allows (20)", message);
        Assert.Equal("25", await page.InputValueAsync("form.extend input[name=days]")); // what was typed is kept
        Assert.DoesNotContain("Exception", await page.ContentAsync());
        await WebSite.Screenshot(page, "register-extension-refused");
        Assert.Single(Load(agency, "T-soon").History);

        // 20 is allowed: the due date moves by 20 working days.
        await page.FillAsync("form.extend input[name=days]", "20");
        await page.ClickAsync("form.extend button[type=submit]");
        await page.WaitForSelectorAsync("p.notice.done");
        Assert.Equal(StatutoryDeadline.Due(soonReceived, true), Load(agency, "T-soon").Due());
        Assert.StartsWith(Day(StatutoryDeadline.Due(soonReceived, true)), (await page.InnerTextAsync(".register-facts dd.due")).Trim());
        Assert.Equal(0, await page.Locator("form.extend").CountAsync()); // one extension only
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task Supplement_consultation_and_appeal_forms_record_their_events_and_move_the_due_date()
    {
        var agency = NewAgency("浙江省杭州市西湖区水利局");
        var received = new DateOnly(2026, 3, 2);
        Record(agency, "S-1", Received(received));
        var editor = Editor(agency);
        var page = await site.NewPage();
        await site.SignIn(page, editor);
        await page.GotoAsync($"/register/S-1?agency={agency}");

        async Task Submit(string form, params (string Field, string Value)[] fields)
        {
            foreach (var (field, value) in fields)
            {
                var input = page.Locator($"form.{form} [name={field}]");
                if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT") await input.SelectOptionAsync(value);
                else await input.FillAsync(value);
            }
            await page.ClickAsync($"form.{form} button[type=submit]");
            await page.WaitForSelectorAsync("p.notice.done");
        }
        await Submit("supplement", ("on", "2026-03-04"));
        Assert.Equal("待补正", await page.InnerTextAsync(".register-facts dd.state"));
        Assert.Contains("计时中止", await page.InnerTextAsync(".register-facts dd.due"));
        await Submit("supplement", ("on", "2026-03-10"));  // the clock restarts from the day it arrived (第三十条)
        await Submit("consult", ("on", "2026-03-12"), ("party", "某公司"));
        Assert.Equal("征求第三方意见中", await page.InnerTextAsync(".register-facts dd.state"));
        await Submit("consult", ("on", "2026-03-18"));    // not counted (第三十二条)
        var due = StatutoryDeadline.Due(received, new DateOnly(2026, 3, 10), [(new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 18))]);
        Assert.Equal(due, Load(agency, "S-1").Due());
        Assert.StartsWith(Day(due), (await page.InnerTextAsync(".register-facts dd.due")).Trim());
        // A reply while a consultation runs would be refused; here it is over: replied, then appealed and decided.
        await Submit("reply", ("on", "2026-04-01"), ("outcome", "partial"));
        await Submit("appeal", ("case", "杭复〔2026〕3号"), ("route", "review"), ("on", "2026-04-20"));
        await Submit("decided", ("case", "杭复〔2026〕3号"), ("result", "corrected"), ("on", "2026-06-01"));
        Assert.Equal("杭复〔2026〕3号 · 行政复议 · 2026-04-20 → 纠正 2026-06-01", Squash(await page.InnerTextAsync(".register-facts ul.appeals li")));
        Assert.Equal(["received", "supplement_requested", "supplement_received", "consultation_started", "consultation_ended", "replied", "appeal_filed", "appeal_decided"],
            await page.Locator("table.history tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)"));
        await WebSite.Screenshot(page, "register-application-history");
        var state = Load(agency, "S-1");
        Assert.Equal(("partial", "corrected"), (state.Outcome, state.Appeals.Single().Result));
        Assert.All(state.History.Skip(1), e => Assert.Equal(editor, e.RecordedBy));
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task An_editor_not_granted_the_agency_is_refused_a_viewer_only_reads_and_a_visitor_is_sent_to_sign_in()
    {
        var agency = NewAgency("浙江省杭州市西湖区民政局");
        var other = NewAgency("浙江省杭州市西湖区司法局");
        Record(agency, "M-1", Received(new DateOnly(2026, 5, 6)));

        var visitor = await site.NewPage();
        await visitor.GotoAsync($"/register?agency={agency}");
        Assert.Contains("/account/login", visitor.Url);
        Assert.Equal(0, await visitor.Locator(".masthead nav a[href='/register']").CountAsync());
        await visitor.GotoAsync($"/register/M-1?agency={agency}");
        Assert.Contains("/account/login", visitor.Url);

        var page = await site.NewPage();
        await site.SignIn(page, Editor(other));
        var newForm = await page.APIRequest.GetAsync($"/register/new?agency={agency}", new() { MaxRedirects = 0 });
        Assert.Equal(302, newForm.Status);
        Assert.StartsWith("/account/denied", new Uri(new Uri(site.Address), newForm.Headers["location"]).AbsolutePath);
        // It reads the register (signed in), without the forms.
        await page.GotoAsync($"/register/M-1?agency={agency}");
        Assert.Equal(0, await page.Locator("form.reply").CountAsync());
        Assert.Contains("只读", await page.InnerTextAsync("main"));
        await page.GotoAsync($"/register?agency={agency}");
        Assert.Equal(0, await page.Locator($"a[href='/register/new?agency={agency}']").CountAsync());
        await WebSite.Screenshot(page, "register-read-only");
        // A reply posted anyway, with a good antiforgery token (the sign-out form's): refused, nothing recorded.
        var token = await page.GetAttributeAsync("input[name=__RequestVerificationToken]", "value");
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("on", "2026-05-20");
        form.Set("outcome", "granted");
        var post = await page.APIRequest.PostAsync($"/register/M-1?agency={agency}&handler=Reply", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(302, post.Status);
        Assert.StartsWith("/account/denied", new Uri(new Uri(site.Address), post.Headers["location"]).AbsolutePath);
        var add = page.APIRequest.CreateFormData();
        add.Set("__RequestVerificationToken", token!);
        add.Set("Reference", "M-2"); add.Set("Received", "2026-05-20"); add.Set("Channel", "online"); add.Set("Applicant", "natural"); add.Set("Subject", "x");
        Assert.Equal(302, (await page.APIRequest.PostAsync($"/register/new?agency={agency}", new() { Form = add, MaxRedirects = 0 })).Status);
        Assert.Null(Load(agency, "M-1").Replied);
        Assert.Null(Load(agency, "M-2"));

        // The same post by an editor granted the agency is recorded; without the token it is refused.
        var granted = await site.NewPage();
        await site.SignIn(granted, Editor(agency));
        await granted.GotoAsync($"/register/M-1?agency={agency}");
        var noToken = granted.APIRequest.CreateFormData();
        noToken.Set("on", "2026-05-20");
        noToken.Set("outcome", "granted");
        Assert.Equal(400, (await granted.APIRequest.PostAsync($"/register/M-1?agency={agency}&handler=Reply", new() { Form = noToken, MaxRedirects = 0 })).Status);
        Assert.Null(Load(agency, "M-1").Replied);
        site.AssertNoPageErrors();
    }

    [Fact]
    public async Task The_report_compiled_from_the_register_shows_ReportCompilers_tables_and_its_Word_file_reads_back_to_them()
    {
        var agency = NewAgency("浙江省杭州市西湖区财政局");
        var d = (int m, int day) => new DateOnly(2025, m, day);
        Record(agency, "C-01", Received(new DateOnly(2024, 12, 20)), Replied(d(1, 10), "granted"));            // 上年结转
        Record(agency, "C-02", Received(d(2, 3), "commercial"), Replied(d(2, 20), "partial"));
        Record(agency, "C-03", Received(d(3, 3), "legal"), Replied(d(4, 30), "withheld.state_secret"));        // answered late
        Record(agency, "C-04", Received(d(5, 6), "research"), Replied(d(5, 20), "unavailable.not_held"),
            new RegisterEvent(EventKind.AppealFiled, d(6, 2), new Dictionary<string, string> { ["case"] = "杭复〔2025〕7号", ["route"] = "review" }),
            new RegisterEvent(EventKind.AppealDecided, d(8, 1), new Dictionary<string, string> { ["case"] = "杭复〔2025〕7号", ["result"] = "upheld" }));
        Record(agency, "C-05", Received(d(12, 22)));                                                          // 结转下年度
        Record(agency, "C-06", Received(d(6, 9), "nonprofit", "in_person"),
            new RegisterEvent(EventKind.SupplementRequested, d(6, 10), new Dictionary<string, string>()),
            new RegisterEvent(EventKind.SupplementReceived, d(6, 20), new Dictionary<string, string>()),
            Replied(d(7, 10), "other_handling.no_correction"));
        CompiledReport expected;
        using (var store = ReportStore.Open(site.Db))
        {
            var register = new OfficeRegister(store, "test");
            expected = ReportCompiler.Compile(register.Applications(agency), register.AgencyName(agency), 2025,
                new CompileInput { Previous = register.PreviousReport(agency, 2025), Due = a => a.Due() });
        }
        var fields = expected.Counts.Keys.ToList();
        Assert.Equal(1m, expected.Content.Values["applications.carried_over.total"]);
        Assert.Equal(1m, expected.Content.Values["appeals.review.upheld"]);

        var page = await site.NewPage();
        await site.SignIn(page, site.NewUser(AccountRoles.Viewer, "rv")); // reading, not writing
        await page.GotoAsync($"/register?agency={agency}");
        await page.ClickAsync("a[href^='/register/compile']");
        await page.FillAsync("input[name=year]", "2025");
        await page.ClickAsync("form.compile-year button[type=submit]");
        await page.WaitForSelectorAsync("table.compiled");
        var shown = await page.Locator("table.compiled td[data-field]").EvaluateAllAsync<string[][]>("cells => cells.map(c => [c.dataset.field, c.textContent.trim()])");
        Assert.Equal(fields.Order(StringComparer.Ordinal), shown.Select(c => c[0]).Order(StringComparer.Ordinal));
        foreach (var c in shown)
            Assert.True(expected.Content.Values[c[0]]!.Value.ToString("0.######", CultureInfo.InvariantCulture) == c[1], $"{c[0]}: shown {c[1]}, compiled {expected.Content.Values[c[0]]}");
        Assert.Equal(expected.Late.Select(l => l.Reference), await page.Locator("table.late tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.reference)"));
        Assert.Contains(expected.Late, l => l.Reference == "C-03" && l.Replied == d(4, 30));
        await WebSite.Screenshot(page, "register-compile");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href$='download=docx']"));
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var parsed = ReportParser.Parse(bytes);
        Assert.Equal("gov2021", parsed.Template);
        Assert.Equal(2025, parsed.Metadata.Year);
        var values = parsed.Main!.Values.ToDictionary(v => v.Key, v => v.Value);
        foreach (var f in fields) Assert.True(values.GetValueOrDefault(f) == expected.Content.Values[f], $"docx {f}: parsed {values.GetValueOrDefault(f)}, compiled {expected.Content.Values[f]}");
        var html = await page.APIRequest.GetAsync($"/register/compile?agency={agency}&year=2025&download=html");
        Assert.Equal(200, html.Status);
        Assert.Contains("attachment", html.Headers["content-disposition"]);
        var fromHtml = ReportParser.Parse(await html.BodyAsync()).Main!.Values.ToDictionary(v => v.Key, v => v.Value);
        foreach (var f in fields) Assert.Equal(expected.Content.Values[f], fromHtml.GetValueOrDefault(f));

        // A year the formats do not cover: one line, no stack trace.
        var old = await page.APIRequest.GetAsync($"/register/compile?agency={agency}&year=2015");
        Assert.Equal(400, old.Status);
        Assert.Contains("compile writes the 2019 and 2021 formats (report years 2019 on), not 2015", await old.TextAsync());
        Assert.DoesNotContain("Exception", await old.TextAsync());
        site.AssertNoPageErrors();
    }
}
