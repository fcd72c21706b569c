namespace Ogi.Store.Accounts;

/// <summary>The roles a user has: admin (everything, accounts too), editor (writes for what is granted), viewer (reads).</summary>
public static class AccountRoles
{
    public const string Admin = "admin", Editor = "editor", Viewer = "viewer";
    public static readonly IReadOnlyList<string> All = [Admin, Editor, Viewer];
}

/// <summary>A user of the web application. <see cref="PasswordHash"/> is what the hasher made, never a password.</summary>
public sealed record Account(long Id, string Name, string PasswordHash, string Role, bool Disabled, DateTime Created);

/// <summary>What an editor may write for: one agency's series, or a place and everything below it. <see cref="Label"/>
/// names it for people (the agency's or the division's name).</summary>
public sealed record AccountGrant(long? AgencyId, string? PlaceCode, string Label = "")
{
    public static AccountGrant Agency(long id) => new(id, null);
    public static AccountGrant Place(string code) => new(null, code);
    /// <summary>agency:12 or place:350100, as `ogi user list` prints it and the admin page posts it.</summary>
    public string Key => AgencyId is long a ? $"agency:{a}" : $"place:{PlaceCode}";
}

/// <summary>
/// Users and their grants (migration 0005_accounts), the same answers on SQLite and PostgreSQL. A refused request
/// (an unknown user, a name taken, an unknown agency or place) is a <see cref="StoreException"/> with one line.
/// Passwords are hashed by the caller (Ogi.Web's Passwords): the store never sees one.
/// </summary>
public interface IAccountStore
{
    /// <summary>The user of that exact name, or null.</summary>
    Account? Find(string name);
    /// <summary>Every user, by name.</summary>
    IReadOnlyList<Account> Users();
    Account Add(string name, string role, string passwordHash);
    void SetRole(string name, string role);
    void SetPasswordHash(string name, string passwordHash);
    void SetDisabled(string name, bool disabled);
    /// <summary>Adds the grant (an agency by its series, a place by a division code the catalogue knows); a grant held already is kept once.</summary>
    void Grant(string name, AccountGrant grant);
    /// <summary>Removes the grant; false when the user did not hold it.</summary>
    bool Revoke(string name, AccountGrant grant);
    /// <summary>The user's grants, agencies first, each with its label.</summary>
    IReadOnlyList<AccountGrant> Grants(string name);
    /// <summary>Whether one of the user's grants covers the agency: its series, or a place the agency's division lies within.</summary>
    bool Covers(string name, long agencyId);
    /// <summary>Whether one of the user's grants covers the division (a place grant of it or above it).</summary>
    bool CoversPlace(string name, string placeCode);
}
