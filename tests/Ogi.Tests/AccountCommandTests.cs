using Ogi.Store.Accounts;
using Ogi.Web.Security;
using Xunit;

namespace Ogi.Tests;

/// <summary>`ogi user` as a user runs it: the password from standard input (never an argument), one-line refusals
/// with exit 2, grants by agency and place, a disabled user and a new password as the store then holds them.</summary>
public class AccountCommandTests : IDisposable
{
    readonly TestDatabase _db = new("sqlite");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _db.Dispose();
    }

    (int Exit, string Out, string Err) Ogi(string? input, params string[] args) =>
        CommandLineTests.RunOgi(null, null, TimeSpan.FromSeconds(120), [.. args, "--db", _db.Url], input);

    [Fact]
    public void User_commands_add_grant_disable_and_set_passwords_with_the_password_from_standard_input()
    {
        var added = Ogi("secret words 1\n", "user", "add", "li", "--role", "editor");
        Assert.Equal((0, "li\teditor\tadded\n", ""), added);
        using (var store = _db.Open())
        {
            long agency = store.Session.EnsureAgency("湖州市南浔区人民政府");
            Assert.Equal(1, agency);
            var li = new SqlAccountStore(store).Find("li")!;
            Assert.Equal(Passwords.Check.Right, Passwords.Verify(li, "secret words 1"));
            Assert.DoesNotContain("secret", li.PasswordHash);
        }
        // Refusals: one line on stderr, exit 2, nothing written.
        Assert.Equal((2, "", "ogi user add: a user 'li' exists already\n"), Ogi("secret words 2\n", "user", "add", "li", "--role", "viewer"));
        Assert.Equal((2, "ogi user add: --role root: admin, editor or viewer\n"), Pick(Ogi("secret words 2\n", "user", "add", "zhao", "--role", "root")));
        Assert.Equal((2, "ogi user add: a password has at least 8 characters\n"), Pick(Ogi("short\n", "user", "add", "zhao", "--role", "viewer")));
        Assert.Equal((2, "ogi user add: no password on standard input (give it as its first line)\n"), Pick(Ogi("", "user", "add", "zhao", "--role", "viewer")));
        Assert.Equal(2, Ogi(null, "user", "add", "zhao").Exit); // --role is required
        Assert.Contains("unknown option '--password'", Ogi("x\n", "user", "add", "zhao", "--role", "viewer", "--password", "secret words").Err);

        Assert.Equal((0, "li\tplace:330500 浙江省湖州市\n", ""), Ogi(null, "user", "grant", "li", "--place", "330500"));
        Assert.Equal((0, "li\tagency:1 湖州市南浔区人民政府 · place:330500 浙江省湖州市\n", ""), Ogi(null, "user", "grant", "li", "--agency", "湖州市南浔区人民政府"));
        Assert.Equal((2, "ogi user grant: give --agency or --place (one of the two)\n"), Pick(Ogi(null, "user", "grant", "li")));
        Assert.Equal((2, "ogi user grant: --place 999999: no division has that code\n"), Pick(Ogi(null, "user", "grant", "li", "--place", "999999")));
        Assert.Equal((2, "ogi user grant: no user 'nobody' (ogi user list shows them)\n"), Pick(Ogi(null, "user", "grant", "nobody", "--place", "330500")));
        Assert.Equal((0, "li\tagency:1 湖州市南浔区人民政府\n", ""), Ogi(null, "user", "revoke", "li", "--place", "湖州市"));
        Assert.Equal((2, "ogi user revoke: li holds no grant place:330500\n"), Pick(Ogi(null, "user", "revoke", "li", "--place", "330500")));

        Assert.Equal((0, "li\tdisabled\n", ""), Ogi(null, "user", "disable", "li"));
        Assert.Equal((0, "li\tpassword set\n", ""), Ogi("other words 2\n", "user", "passwd", "li"));
        Assert.Equal((0, "li\tviewer\n", ""), Ogi(null, "user", "role", "li", "viewer"));
        var list = Ogi(null, "user", "list");
        Assert.Equal(0, list.Exit);
        Assert.Matches(@"^li\tviewer\tdisabled\t\d{4}-\d\d-\d\d\tagency:1 湖州市南浔区人民政府\n$", list.Out);
        using (var store = _db.Open())
        {
            var li = new SqlAccountStore(store).Find("li")!;
            Assert.Equal(Passwords.Check.Wrong, Passwords.Verify(li, "secret words 1"));
            Assert.Equal(Passwords.Check.Right, Passwords.Verify(li, "other words 2"));
        }
        Assert.Equal((0, "li\tactive\n", ""), Ogi(null, "user", "enable", "li"));
    }

    static (int, string) Pick((int Exit, string Out, string Err) r) => (r.Exit, r.Err);
}
