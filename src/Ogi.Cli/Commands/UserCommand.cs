using System.CommandLine;
using System.Globalization;
using Ogi.Store;
using Ogi.Store.Accounts;
using Ogi.Web.Security;

namespace Ogi.Cli;

/// <summary>
/// `ogi user add|list|role|grant|revoke|disable|enable|passwd`: the web application's accounts, in the same database.
/// A password is read from standard input when it is not a terminal (first line), else asked twice without echo;
/// never taken on the command line, where other users' `ps` and the shell's history would see it.
/// </summary>
public static class UserCommand
{
    public static Command Create() => new("user", "accounts of the web application (ogi serve): roles admin, editor, viewer; an editor writes for the agencies and places granted")
    {
        Add(), List(), Role(), Grant(), Revoke(), Disable(true), Disable(false), Passwd(),
    };

    static Argument<string> NameArgument() => new("name") { Description = "the user's name" };

    static Option<string> RoleOption(bool required) => new("--role")
    {
        Description = "admin (everything, accounts too) | editor (writes for what is granted) | viewer (reads)",
        Required = required,
    };

    static Command Add()
    {
        var db = Database.Option();
        var name = NameArgument();
        var role = RoleOption(required: true);
        var cmd = new Command("add", "a new user; the password from standard input, or asked for") { name, role, db };
        cmd.SetAction(r => Database.Use("user add", r.GetValue(db), mustExist: false, store =>
        {
            var accounts = new SqlAccountStore(store);
            var who = r.GetValue(name)!;
            CheckRole(r.GetValue(role)!);
            if (accounts.Find(who) is not null) throw new StoreException($"a user '{who.Trim()}' exists already");
            var user = accounts.Add(who, r.GetValue(role)!, Passwords.Hash(ReadPassword($"password for {who.Trim()}")));
            Console.WriteLine($"{user.Name}\t{user.Role}\tadded");
            return 0;
        }));
        return cmd;
    }

    static Command List()
    {
        var db = Database.Option();
        var cmd = new Command("list", "every user: name, role, active or disabled, created, grants") { db };
        cmd.SetAction(r => Database.Use("user list", r.GetValue(db), mustExist: true, store =>
        {
            var accounts = new SqlAccountStore(store);
            foreach (var u in accounts.Users())
            {
                var grants = accounts.Grants(u.Name).Select(g => $"{g.Key} {g.Label}");
                Console.WriteLine(string.Join('\t', u.Name, u.Role, u.Disabled ? "disabled" : "active",
                    u.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(" · ", grants)));
            }
            return 0;
        }));
        return cmd;
    }

    static Command Role()
    {
        var db = Database.Option();
        var name = NameArgument();
        var role = new Argument<string>("role") { Description = "admin | editor | viewer" };
        var cmd = new Command("role", "change a user's role") { name, role, db };
        cmd.SetAction(r => Database.Use("user role", r.GetValue(db), mustExist: true, store =>
        {
            CheckRole(r.GetValue(role)!);
            var accounts = new SqlAccountStore(store);
            accounts.SetRole(r.GetValue(name)!, r.GetValue(role)!);
            Console.WriteLine($"{r.GetValue(name)!.Trim()}\t{r.GetValue(role)}");
            return 0;
        }));
        return cmd;
    }

    static Command Grant() => GrantOrRevoke("grant", "let an editor write for an agency (its series) or a place (and everything below it)");
    static Command Revoke() => GrantOrRevoke("revoke", "take a grant back");

    static Command GrantOrRevoke(string verb, string description)
    {
        var db = Database.Option();
        var name = NameArgument();
        var agency = new Option<string?>("--agency") { Description = "agency id or name (as ogi agencies lists them)" };
        var place = new Option<string?>("--place") { Description = "a division: its code (GB/T 2260, e.g. 350100) or a name the divisions know" };
        var cmd = new Command(verb, description) { name, agency, place, db };
        cmd.SetAction(r => Database.Use("user " + verb, r.GetValue(db), mustExist: true, store =>
        {
            var (a, p) = (r.GetValue(agency), r.GetValue(place));
            if ((a is null) == (p is null)) throw new StoreException("give --agency or --place (one of the two)");
            var accounts = new SqlAccountStore(store);
            var who = r.GetValue(name)!;
            if (accounts.Find(who) is null) throw new StoreException($"no user '{who.Trim()}' (ogi user list shows them)");
            var grant = a is not null
                ? AccountGrant.Agency(store.FindAgency(a) ?? throw new StoreException($"no agency {a} (or the name is ambiguous: give its id, see ogi agencies)"))
                : AccountGrant.Place(AgencyCommand.KnownDivision(p!));
            if (verb == "grant") accounts.Grant(who, grant);
            else if (!accounts.Revoke(who, grant)) throw new StoreException($"{who.Trim()} holds no grant {grant.Key}");
            var held = accounts.Grants(who);
            Console.WriteLine($"{who.Trim()}\t{(held.Count == 0 ? "no grants" : string.Join(" · ", held.Select(g => $"{g.Key} {g.Label}")))}");
            return 0;
        }));
        return cmd;
    }

    static Command Disable(bool disable)
    {
        var db = Database.Option();
        var name = NameArgument();
        var verb = disable ? "disable" : "enable";
        var cmd = new Command(verb, disable ? "stop a user signing in (and sign out their sessions); the user is kept" : "let a disabled user sign in again") { name, db };
        cmd.SetAction(r => Database.Use("user " + verb, r.GetValue(db), mustExist: true, store =>
        {
            new SqlAccountStore(store).SetDisabled(r.GetValue(name)!, disable);
            Console.WriteLine($"{r.GetValue(name)!.Trim()}\t{(disable ? "disabled" : "active")}");
            return 0;
        }));
        return cmd;
    }

    static Command Passwd()
    {
        var db = Database.Option();
        var name = NameArgument();
        var cmd = new Command("passwd", "set a user's password (from standard input, or asked for); their sessions end") { name, db };
        cmd.SetAction(r => Database.Use("user passwd", r.GetValue(db), mustExist: true, store =>
        {
            var accounts = new SqlAccountStore(store);
            var who = r.GetValue(name)!;
            if (accounts.Find(who) is null) throw new StoreException($"no user '{who.Trim()}' (ogi user list shows them)");
            accounts.SetPasswordHash(who, Passwords.Hash(ReadPassword($"new password for {who.Trim()}")));
            Console.WriteLine($"{who.Trim()}\tpassword set");
            return 0;
        }));
        return cmd;
    }

    static void CheckRole(string role)
    {
        if (!AccountRoles.All.Contains(role)) throw new StoreException($"--role {role}: admin, editor or viewer");
    }

    /// <summary>The first line of standard input when it is redirected; else typed twice at the terminal, not echoed.</summary>
    static string ReadPassword(string prompt)
    {
        string password;
        if (Console.IsInputRedirected)
        {
            password = Console.In.ReadLine() ?? throw new StoreException("no password on standard input (give it as its first line)");
        }
        else
        {
            password = Typed(prompt + ": ");
            if (Passwords.Problem(password) is null && Typed("again: ") != password) throw new StoreException("the two passwords differ");
        }
        return Passwords.Problem(password) is { } problem ? throw new StoreException(problem) : password;
    }

    static string Typed(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
