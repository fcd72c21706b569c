using System.Globalization;
using System.Text.Json;
using Ogi.Store;

namespace Ogi.Office.Register;

/// <summary>An event to record on an application, named by its agency and reference.</summary>
public sealed record NewEvent(long AgencyId, string Reference, RegisterEvent Event);

/// <summary>
/// The office's register in the corpus database: applications and their events (migration 0003_register.sql), on
/// SQLite and PostgreSQL with the same SQL. Writing appends events (checked against the application's state first,
/// all of a call in one transaction); reading folds them into <see cref="ApplicationState"/>s.
/// </summary>
public sealed class OfficeRegister(SqlReportStore store, string user)
{
    readonly ISqlSession _db = store.Session;
    readonly Func<DateTime> _clock = () => DateTime.UtcNow;

    public string User { get; } = user;

    /// <summary>The agency a register command names (id or name, as the corpus commands take it), created when new.</summary>
    public long EnsureAgency(string name) => _db.EnsureAgency(name);

    /// <summary>The agency whose register (or reports) the name means, or a one-line error.</summary>
    public long Agency(string name)
    {
        var exact = _db.Query<long>("SELECT COALESCE(merged_into, id) FROM agencies WHERE name = @name", new { name = name.Trim() }).Distinct().ToList();
        if (exact.Count == 1) return exact[0];
        return store.FindAgency(name) ?? throw new RegisterException($"no agency '{name}' in {store.Description} (register add creates it)");
    }

    /// <summary>The agency's published report of the year before, from the corpus (for X1), or null.</summary>
    public (int Year, IReadOnlyDictionary<string, decimal?> Values)? PreviousReport(long agencyId, int year) =>
        store.Series(agencyId).LastOrDefault(r => r.Year == year - 1) is { } r ? (year - 1, r.Values) : null;

    /// <summary>The agency's published reports of that year in the corpus (its series, merged agencies included).</summary>
    public IReadOnlyList<ReportRecord> Published(long agencyId, int year) => store.Series(agencyId).Where(r => r.Year == year).ToList();

    // ---- sub-units (migration 0006_office): an agency's parent, whose summary report adds up its sub-units' ----

    /// <summary>The series an agency row belongs to.</summary>
    long Series(long id) => _db.Scalar<long?>("SELECT COALESCE(merged_into, id) FROM agencies WHERE id = @id", new { id }) ?? throw new RegisterException($"no agency {id}");

    /// <summary>The agency's parent (a series), or null.</summary>
    public long? Parent(long agencyId) => _db.Scalar<long?>("""
        SELECT COALESCE(p.merged_into, p.id) FROM agencies a JOIN agencies p ON p.id = a.parent_id WHERE a.id = @id
        """, new { id = Series(agencyId) });

    /// <summary>Makes <paramref name="parentId"/> the agency's parent (null: none); a unit cannot be its own ancestor.</summary>
    public void SetParent(long agencyId, long? parentId) => _db.InTransaction(() =>
    {
        var child = Series(agencyId);
        if (parentId is long p)
        {
            for (long? up = Series(p); up is long u; up = Parent(u))
                if (u == child) throw new RegisterException(u == Series(p) ? $"{AgencyName(child)} cannot be its own parent"
                    : $"{AgencyName(p)} is under {AgencyName(child)}: a unit cannot be its own parent's parent");
        }
        _db.Execute("UPDATE agencies SET parent_id = @parent WHERE id = @child", new { child, parent = parentId is long q ? Series(q) : (long?)null });
        return 0;
    });

    /// <summary>The agency's sub-units (series), by name.</summary>
    public IReadOnlyList<(long Id, string Name)> SubUnits(long parentId) => _db.Query<(long, string)>("""
        SELECT DISTINCT s.id, s.name FROM agencies c JOIN agencies p ON p.id = c.parent_id
        JOIN agencies s ON s.id = COALESCE(c.merged_into, c.id)
        WHERE COALESCE(p.merged_into, p.id) = @parent
        ORDER BY s.name, s.id
        """, new { parent = Series(parentId) }).ToList();

    public string AgencyName(long id) => _db.Scalar<string>("SELECT name FROM agencies WHERE id = @id", new { id }) ?? id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Records events, all or none: each is checked against its application's state as the events before it left it.</summary>
    public IReadOnlyList<ApplicationState> Record(IReadOnlyList<NewEvent> events) => _db.InTransaction(() =>
    {
        var states = new Dictionary<(long, string), ApplicationState>();
        var at = _clock();
        foreach (var n in events)
        {
            var key = (n.AgencyId, n.Reference);
            if (!states.TryGetValue(key, out var state))
            {
                state = Load(n.AgencyId, n.Reference) ?? new ApplicationState { Reference = n.Reference, AgencyId = n.AgencyId };
                states[key] = state;
            }
            var e = n.Event with { RecordedBy = User, RecordedAt = at };
            state.Apply(e);
            long id = state.Id != 0 ? state.Id : _db.Scalar<long?>("SELECT id FROM register_applications WHERE agency_id = @AgencyId AND reference = @Reference", n)
                ?? _db.Scalar<long>("INSERT INTO register_applications (agency_id, reference) VALUES (@AgencyId, @Reference) RETURNING id", n);
            _db.Execute("""
                INSERT INTO register_events (application_id, kind, on_date, data, recorded_by, recorded_at)
                VALUES (@id, @Kind, @on, @data, @by, @at)
                """, new { id, e.Kind, on = Day(e.On), data = JsonSerializer.Serialize(e.Data, Json), by = User, at = at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) });
        }
        return (IReadOnlyList<ApplicationState>)states.Values.ToList();
    });

    public ApplicationState Record(long agencyId, string reference, RegisterEvent e) => Record([new NewEvent(agencyId, reference, e)]).Single();

    /// <summary>One application with its history, or null.</summary>
    public ApplicationState? Load(long agencyId, string reference) =>
        Fold(Rows(" WHERE COALESCE(ag.merged_into, ag.id) = @agencyId AND a.reference = @reference", new { agencyId, reference })).SingleOrDefault();

    /// <summary>An application by reference: in this agency, or in the only agency that has that reference.</summary>
    public ApplicationState Find(string reference, long? agencyId)
    {
        if (agencyId is long a) return Load(a, reference) ?? throw new RegisterException($"no application {reference} in the register of {AgencyName(a)}");
        var found = Fold(Rows(" WHERE a.reference = @reference", new { reference }));
        return found.Count switch
        {
            1 => found[0],
            0 => throw new RegisterException($"no application {reference} in the register"),
            _ => throw new RegisterException($"application {reference} is in {found.Count} agencies' registers: give --agency ({string.Join(", ", found.Select(f => f.Agency))})"),
        };
    }

    /// <summary>Every application of an agency (its series, merged agencies included), or of every agency, by reference.</summary>
    public IReadOnlyList<ApplicationState> Applications(long? agencyId = null) =>
        Fold(Rows(agencyId is null ? "" : " WHERE COALESCE(ag.merged_into, ag.id) = @agencyId", new { agencyId }));

    sealed class EventRow
    {
        public long ApplicationId { get; set; }
        public long AgencyId { get; set; }
        public string Agency { get; set; } = "";
        public string Reference { get; set; } = "";
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string OnDate { get; set; } = "";
        public string Data { get; set; } = "";
        public string RecordedBy { get; set; } = "";
        public string RecordedAt { get; set; } = "";
    }

    List<EventRow> Rows(string where, object args) => _db.Query<EventRow>("""
        SELECT a.id AS ApplicationId, COALESCE(ag.merged_into, ag.id) AS AgencyId, ag.name AS Agency, a.reference AS Reference, e.id AS Id,
               e.kind AS Kind, e.on_date AS OnDate, e.data AS Data, e.recorded_by AS RecordedBy, e.recorded_at AS RecordedAt
        FROM register_events e JOIN register_applications a ON a.id = e.application_id JOIN agencies ag ON ag.id = a.agency_id
        """ + where + " ORDER BY a.reference, a.id, e.id", args).ToList();

    static List<ApplicationState> Fold(List<EventRow> rows)
    {
        var states = new List<ApplicationState>();
        foreach (var g in rows.GroupBy(r => r.ApplicationId))
        {
            var first = g.First();
            var state = new ApplicationState { Id = first.ApplicationId, AgencyId = first.AgencyId, Agency = first.Agency, Reference = first.Reference };
            foreach (var r in g)
                state.Apply(new RegisterEvent(r.Kind, DateOnly.ParseExact(r.OnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    JsonSerializer.Deserialize<Dictionary<string, string>>(r.Data) ?? [])
                {
                    Id = r.Id, RecordedBy = r.RecordedBy,
                    RecordedAt = DateTime.Parse(r.RecordedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                });
            states.Add(state);
        }
        return states;
    }

    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
