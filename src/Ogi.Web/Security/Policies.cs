namespace Ogi.Web.Security;

/// <summary>
/// Who may do what. Reading is public; every write (upload and save, review, agency corrections, the register) needs
/// an account. Roles: admin (everything, accounts too), editor (writes, limited to the agencies or places granted),
/// viewer (reads what the public reads, signed in). Pages and endpoints name a policy, never a role.
/// </summary>
public static class Policies
{
    /// <summary>Signed in as an admin or an editor. An editor's grant (agency or place) is checked where the write names one.</summary>
    public const string Write = "write";
    /// <summary>Signed in as an admin: accounts and grants.</summary>
    public const string Admin = "admin";

    public const string AdminRole = Ogi.Store.Accounts.AccountRoles.Admin, EditorRole = Ogi.Store.Accounts.AccountRoles.Editor,
        ViewerRole = Ogi.Store.Accounts.AccountRoles.Viewer;
    public static readonly string[] Roles = [AdminRole, EditorRole, ViewerRole];
}
