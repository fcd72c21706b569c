using System.Security.Claims;
using Ogi.Store;
using Ogi.Store.Accounts;
using Ogi.Web.Security;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// Users and grants (migration 0005_accounts) on SQLite and PostgreSQL, the same answers on both: a place grant covers
/// the agencies and divisions below it and nothing above, an agency grant follows its series through a merge, a revoked
/// grant covers nothing; the web's Grants.MayWrite over them by role; passwords as ASP.NET Core Identity hashes them.
/// </summary>
public class AccountStoreTests
{
    [Theory, OnSqlite, OnPostgres]
    public void Users_and_grants_give_the_same_answers_on_both_databases(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        Assert.Contains(5, store.AppliedMigrations());
        var accounts = new SqlAccountStore(store);
        long nanxun = store.Session.EnsureAgency("湖州市南浔区人民政府");
        long pingtan = store.Session.EnsureAgency("福建省平潭县人民政府");
        long wuxing = store.Session.EnsureAgency("湖州市吴兴区人民政府");
        Assert.Equal("330503", store.Agency(nanxun)!.DivisionCode);

        var li = accounts.Add("李明", AccountRoles.Editor, "hash-1");
        accounts.Add(" wang ", AccountRoles.Viewer, "hash-2");
        Assert.Equal(["wang", "李明"], accounts.Users().Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal((AccountRoles.Editor, "hash-1", false), (li.Role, li.PasswordHash, li.Disabled));
        Assert.True(Math.Abs((DateTime.UtcNow - li.Created).TotalMinutes) < 5, li.Created.ToString("O"));
        Assert.Contains("exists already", Assert.Throws<StoreException>(() => accounts.Add("李明", AccountRoles.Admin, "x")).Message);
        Assert.Contains("admin, editor or viewer", Assert.Throws<StoreException>(() => accounts.Add("zhao", "root", "x")).Message);
        Assert.Contains("no spaces", Assert.Throws<StoreException>(() => accounts.Add("zhao qian", AccountRoles.Viewer, "x")).Message);
        Assert.Null(accounts.Find("李"));

        // No grant: nothing covered.
        Assert.False(accounts.Covers("李明", nanxun));
        // A place grant (湖州市) covers the districts below it and their agencies, not the province above, not Fujian.
        accounts.Grant("李明", AccountGrant.Place("330500"));
        accounts.Grant("李明", AccountGrant.Place("330500")); // held once
        Assert.True(accounts.Covers("李明", nanxun));
        Assert.True(accounts.Covers("李明", wuxing));
        Assert.False(accounts.Covers("李明", pingtan));
        Assert.True(accounts.CoversPlace("李明", "330503"));
        Assert.True(accounts.CoversPlace("李明", "330500"));
        Assert.False(accounts.CoversPlace("李明", "330000"));
        Assert.False(accounts.CoversPlace("李明", "350128"));
        // An agency grant covers that series only, and a merged agency as part of it.
        accounts.Grant("李明", AccountGrant.Agency(pingtan));
        Assert.True(accounts.Covers("李明", pingtan));
        Assert.False(accounts.CoversPlace("李明", "350128")); // the agency, not its whole county
        long printedOtherwise = store.Session.EnsureAgency("平潭县人民政府办公室");
        Assert.False(accounts.Covers("李明", printedOtherwise));
        store.MergeAgencies(printedOtherwise, pingtan);
        Assert.True(accounts.Covers("李明", printedOtherwise));
        Assert.Equal(["agency:" + pingtan, "place:330500"], accounts.Grants("李明").Select(g => g.Key));
        Assert.Equal("浙江省湖州市", accounts.Grants("李明")[1].Label);
        Assert.False(accounts.Covers("wang", nanxun));

        Assert.Contains("no division", Assert.Throws<StoreException>(() => accounts.Grant("李明", AccountGrant.Place("999999"))).Message);
        Assert.Contains("no agency", Assert.Throws<StoreException>(() => accounts.Grant("李明", AccountGrant.Agency(987654))).Message);
        Assert.Contains("no user", Assert.Throws<StoreException>(() => accounts.Grant("nobody", AccountGrant.Place("330500"))).Message);

        Assert.True(accounts.Revoke("李明", AccountGrant.Place("330500")));
        Assert.False(accounts.Revoke("李明", AccountGrant.Place("330500")));
        Assert.False(accounts.Covers("李明", nanxun));
        Assert.True(accounts.Covers("李明", pingtan));

        accounts.SetRole("wang", AccountRoles.Admin);
        accounts.SetDisabled("wang", true);
        accounts.SetPasswordHash("wang", "hash-3");
        Assert.Equal((AccountRoles.Admin, true, "hash-3"), (accounts.Find("wang")!.Role, accounts.Find("wang")!.Disabled, accounts.Find("wang")!.PasswordHash));
        accounts.SetDisabled("wang", false);
        Assert.False(accounts.Find("wang")!.Disabled);
        Assert.Contains("admin, editor or viewer", Assert.Throws<StoreException>(() => accounts.SetRole("wang", "boss")).Message);
    }

    [Theory, OnSqlite, OnPostgres]
    public void MayWrite_admits_an_admin_everywhere_an_editor_where_granted_and_nobody_else(string kind)
    {
        using var db = new TestDatabase(kind);
        using var store = db.Open();
        var accounts = new SqlAccountStore(store);
        long nanxun = store.Session.EnsureAgency("湖州市南浔区人民政府");
        long pingtan = store.Session.EnsureAgency("福建省平潭县人民政府");
        accounts.Add("ed", AccountRoles.Editor, "h");
        accounts.Add("ad", AccountRoles.Admin, "h");
        accounts.Add("vi", AccountRoles.Viewer, "h");
        accounts.Grant("ed", AccountGrant.Place("330000"));
        accounts.Grant("vi", AccountGrant.Place("330000")); // a viewer's grant gives no write
        var grants = new Grants(store);
        ClaimsPrincipal As(string name, string role) => AccountCookie.Principal(accounts.Find(name)! with { Role = role });
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.True(grants.MayWrite(As("ad", AccountRoles.Admin), pingtan));
        Assert.True(grants.MayWrite(As("ad", AccountRoles.Admin), "110000"));
        Assert.True(grants.MayWrite(As("ed", AccountRoles.Editor), nanxun));
        Assert.True(grants.MayWrite(As("ed", AccountRoles.Editor), "330503"));
        Assert.False(grants.MayWrite(As("ed", AccountRoles.Editor), pingtan));
        Assert.False(grants.MayWrite(As("ed", AccountRoles.Editor), "350128"));
        Assert.False(grants.MayWrite(As("vi", AccountRoles.Viewer), nanxun));
        Assert.False(grants.MayWrite(anonymous, nanxun));
        Assert.False(grants.MayWrite(anonymous, "330503"));
        // A report not yet stored (an upload to save): placed by its name, as the ingest will place it — by its division
        // while the corpus has no such agency, then by the agency's series (a correction moves it).
        Assert.True(grants.MayWriteAgencyNamed(As("ed", AccountRoles.Editor), "湖州市吴兴区人民政府", null));
        Assert.False(grants.MayWriteAgencyNamed(As("ed", AccountRoles.Editor), "福建省平潭县人民政府", null));
        Assert.True(grants.MayWriteAgencyNamed(As("ad", AccountRoles.Admin), "福建省平潭县人民政府", null));
        Assert.False(grants.MayWriteAgencyNamed(As("ed", AccountRoles.Editor), "", null));
        store.CorrectAgency(pingtan, new AgencyCorrection(DivisionCode: "330503"));
        Assert.True(grants.MayWriteAgencyNamed(As("ed", AccountRoles.Editor), "福建省平潭县人民政府", null));
        Assert.True(grants.MayWrite(As("ed", AccountRoles.Editor), (long?)pingtan));
        Assert.False(grants.MayWrite(As("ed", AccountRoles.Editor), (long?)null)); // a report of no agency: admins only
        Assert.True(grants.MayWrite(As("ad", AccountRoles.Admin), (long?)null));
    }

    [Fact]
    public void Passwords_are_salted_PBKDF2_hashes_that_check_only_the_right_password()
    {
        var hash = Passwords.Hash("correct horse");
        Assert.NotEqual(hash, Passwords.Hash("correct horse")); // a salt of its own each time
        Assert.DoesNotContain("correct horse", hash);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]); // Identity's v3 format (PBKDF2-HMAC-SHA512)
        var user = new Account(1, "u", hash, AccountRoles.Editor, false, DateTime.UtcNow);
        Assert.Equal(Passwords.Check.Right, Passwords.Verify(user, "correct horse"));
        Assert.Equal(Passwords.Check.Wrong, Passwords.Verify(user, "correct horsE"));
        Assert.Equal(Passwords.Check.Wrong, Passwords.Verify(null, "correct horse"));
        Assert.NotNull(Passwords.Problem("short"));
        Assert.Null(Passwords.Problem("long enough"));
    }
}
