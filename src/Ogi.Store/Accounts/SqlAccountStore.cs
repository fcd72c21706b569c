using System.Globalization;
using Ogi.Places;

namespace Ogi.Store.Accounts;

/// <summary>The accounts in the corpus database, through the store's session: one SQL text for both dialects.</summary>
public sealed class SqlAccountStore(SqlReportStore store) : IAccountStore
{
    readonly ISqlSession _db = store.Session;
    public const int MaxNameLength = 64;

    sealed class UserRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public string Role { get; set; } = "";
        public int Disabled { get; set; }
        public string Created { get; set; } = "";
        public Account ToAccount() => new(Id, Name, PasswordHash, Role, Disabled != 0,
            DateTime.Parse(Created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
    }

    const string SelectUsers = """
        SELECT id AS Id, name AS Name, password_hash AS PasswordHash, role AS Role,
               CASE WHEN disabled THEN 1 ELSE 0 END AS Disabled, created_at AS Created FROM users
        """;

    public Account? Find(string name) =>
        _db.Query<UserRow>(SelectUsers + " WHERE name = @name", new { name = name.Trim() }).SingleOrDefault()?.ToAccount();

    public IReadOnlyList<Account> Users() =>
        _db.Query<UserRow>(SelectUsers + " ORDER BY name").Select(u => u.ToAccount()).ToList();

    Account Known(string name) => Find(name) ?? throw new StoreException($"no user '{name.Trim()}' (ogi user list shows them)");

    public Account Add(string name, string role, string passwordHash)
    {
        name = CheckName(name);
        CheckRole(role);
        return _db.InTransaction(() =>
        {
            if (Find(name) is not null) throw new StoreException($"a user '{name}' exists already");
            _db.Execute("INSERT INTO users (name, password_hash, role, disabled, created_at) VALUES (@name, @passwordHash, @role, FALSE, @at)",
                new { name, passwordHash, role, at = Now() });
            return Find(name)!;
        });
    }

    public void SetRole(string name, string role)
    {
        CheckRole(role);
        _db.Execute("UPDATE users SET role = @role WHERE id = @Id", new { role, Known(name).Id });
    }

    public void SetPasswordHash(string name, string passwordHash) =>
        _db.Execute("UPDATE users SET password_hash = @passwordHash WHERE id = @Id", new { passwordHash, Known(name).Id });

    public void SetDisabled(string name, bool disabled) =>
        _db.Execute("UPDATE users SET disabled = @disabled WHERE id = @Id", new { disabled, Known(name).Id });

    public void Grant(string name, AccountGrant grant) => _db.InTransaction(() =>
    {
        var user = Known(name);
        if (grant.AgencyId is long agency)
        {
            // An agency is granted by its series: a merged agency's grant is the series it joined.
            var series = _db.Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @agency", new { agency })
                ?? throw new StoreException($"no agency {agency} (ogi agencies lists them)");
            if (_db.Scalar<long>("SELECT COUNT(*) FROM user_grants WHERE user_id = @Id AND agency_id = @series", new { user.Id, series }) == 0)
                _db.Execute("INSERT INTO user_grants (user_id, agency_id, granted_at) VALUES (@Id, @series, @at)", new { user.Id, series, at = Now() });
        }
        else
        {
            var code = grant.PlaceCode?.Trim() ?? "";
            if (DivisionCatalog.Default.ByCode(code) is null) throw new StoreException($"no division has the code '{code}'");
            if (_db.Scalar<long>("SELECT COUNT(*) FROM user_grants WHERE user_id = @Id AND place_code = @code", new { user.Id, code }) == 0)
                _db.Execute("INSERT INTO user_grants (user_id, place_code, granted_at) VALUES (@Id, @code, @at)", new { user.Id, code, at = Now() });
        }
        return 0;
    });

    public bool Revoke(string name, AccountGrant grant)
    {
        var user = Known(name);
        return grant.AgencyId is long agency
            ? _db.Execute("""
                DELETE FROM user_grants WHERE user_id = @Id
                  AND agency_id = (SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @agency)
                """, new { user.Id, agency }) > 0
            : _db.Execute("DELETE FROM user_grants WHERE user_id = @Id AND place_code = @code", new { user.Id, code = grant.PlaceCode?.Trim() }) > 0;
    }

    public IReadOnlyList<AccountGrant> Grants(string name)
    {
        var user = Known(name);
        var rows = _db.Query<(long? AgencyId, string? PlaceCode, string? AgencyName)>("""
            SELECT g.agency_id, g.place_code, a.name FROM user_grants g LEFT JOIN agencies a ON a.id = g.agency_id
            WHERE g.user_id = @Id ORDER BY CASE WHEN g.agency_id IS NULL THEN 1 ELSE 0 END, g.agency_id, g.place_code
            """, new { user.Id });
        return rows.Select(r => r.AgencyId is long a
            ? new AccountGrant(a, null, r.AgencyName ?? a.ToString(CultureInfo.InvariantCulture))
            : new AccountGrant(null, r.PlaceCode, PlaceLabel(r.PlaceCode!))).ToList();
    }

    public bool Covers(string name, long agencyId)
    {
        // The series the agency belongs to, and the division its series is placed in.
        var agency = _db.Query<(long Series, string? Code)>("""
            SELECT s.id, s.division_code FROM agencies a JOIN agencies s ON s.id = COALESCE(a.merged_into, a.id) WHERE a.id = @agencyId
            """, new { agencyId }).SingleOrDefault();
        if (agency.Series == 0) return false;
        var grants = Grants(name);
        return grants.Any(g => g.AgencyId == agency.Series) || (agency.Code is { } code && grants.Any(g => g.PlaceCode is { } p && Within(code, p)));
    }

    public bool CoversPlace(string name, string placeCode) =>
        Grants(name).Any(g => g.PlaceCode is { } p && Within(placeCode.Trim(), p));

    /// <summary>A division lies within a granted place when the place is it or one of the divisions above it
    /// (an old code counts as the division it continues as).</summary>
    static bool Within(string code, string place)
    {
        var catalog = DivisionCatalog.Default;
        return code == place || catalog.IsWithin(code, place) || catalog.IsWithin(catalog.Successor(code), place);
    }

    static string PlaceLabel(string code) =>
        DivisionCatalog.Default.PathTo(code) is { Count: > 0 } path ? string.Concat(path.Select(d => d.Name)) : code;

    static string CheckName(string name)
    {
        name = name.Trim();
        if (name.Length == 0) throw new StoreException("a user needs a name");
        if (name.Length > MaxNameLength) throw new StoreException($"a user's name has at most {MaxNameLength} characters");
        if (name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) throw new StoreException($"'{name}': a user's name has no spaces or control characters");
        return name;
    }

    static void CheckRole(string role)
    {
        if (!AccountRoles.All.Contains(role)) throw new StoreException($"role '{role}': admin, editor or viewer");
    }

    static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
