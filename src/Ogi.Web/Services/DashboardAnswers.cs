using System.Globalization;
using System.Text.Json.Serialization;
using Ogi.Places;
using Ogi.Store;
using Ogi.Store.Answers;
using Ogi.Web.Localization;

namespace Ogi.Web.Services;

/// <summary>How a table's cell is shown: a count (件, 份, 万元), a percentage (0–100, two decimals), a place (linked: drill down), text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CellKind>))]
public enum CellKind { Text, Year, Count, Percent, Place }

/// <summary>A column: its id (the CSV's second header row, the charts' key), its words in the request's language, its unit.</summary>
public sealed record DashboardColumn(string Id, string Label, CellKind Kind, string? Unit = null)
{
    /// <summary>The label with its unit, unless the label already says it (Reports, not "Reports (reports)").</summary>
    public string Header => Unit is null || Label.Contains(Unit, StringComparison.OrdinalIgnoreCase) ? Label : $"{Label} ({Unit})";
}

/// <summary>A row; <see cref="Place"/>: the division code the row links to (a ranking's places).</summary>
public sealed record DashboardRow(IReadOnlyList<object?> Cells, string? Place = null);

/// <summary>One of the dashboard's tables: what its chart draws, what the page shows, what a download holds.</summary>
public sealed record DashboardTable(string Id, string Title, string? Note, IReadOnlyList<DashboardColumn> Columns, IReadOnlyList<DashboardRow> Rows);

/// <summary>A division on the way down from the country (code null) to the place shown.</summary>
public sealed record PlaceLink(string? Code, string Name);

/// <summary>
/// Everything the dashboard page shows of a place (null: the country) and year: the figures by year, the ranking of
/// the places one level below in that year (none below a county), and the tables made of them — the page, its JSON
/// (/api/dashboard) and its downloads are all this.
/// </summary>
public sealed record DashboardView(string? Place, string PlaceName, IReadOnlyList<PlaceLink> Trail, int? Year, IReadOnlyList<int> Years,
    string? RankingLevel, IReadOnlyList<YearFigures> ByYear, IReadOnlyList<PlaceRank> Ranking, IReadOnlyList<DashboardTable> Tables)
{
    public DashboardTable Table(string id) => Tables.Single(t => t.Id == id);
}

/// <summary>A dashboard question that cannot be answered (a place that is not a division code, a year out of range): its message key.</summary>
public sealed class DashboardInputException(string key, string value) : Exception(key)
{
    public string Key { get; } = key;
    public string Value { get; } = value;
}

/// <summary>
/// The dashboard's answers for one request: <see cref="Dashboard"/> over the request's store, its answers kept in
/// the application's <see cref="DashboardCache"/> under the database's content version (read at most once a second), so
/// a page asked again costs one small query until an ingest, a correction or a review changes what it shows.
/// </summary>
public sealed class DashboardAnswers(SqlReportStore store, DashboardCache cache, Text T)
{
    /// <summary>How long the database's content version is taken as read: an ingest shows on the dashboard within this.</summary>
    public static readonly TimeSpan VersionAge = TimeSpan.FromSeconds(1);

    public static readonly IReadOnlyList<string> TableIds = ["years", "outcomes", "appeals", "fees", "rules", "ranking"];

    public DashboardView View(string? place, string? year)
    {
        var code = Place(place);
        int? asked = Year(year);
        var dashboard = new Dashboard(store, DivisionCatalog.NameOfCode, () => cache.Version(store.ContentVersion, VersionAge), cache);
        var byYear = dashboard.ByYear(code);
        var years = byYear.Select(y => y.Year).ToList();
        int? chosen = asked ?? (years.Count > 0 ? years[^1] : null);
        // Below a county there is no level to rank; a county's page shows its own figures only.
        string? level = code is not null && DivisionCode.Prefix(code).Length >= 6 ? null : Dashboard.ChildLevel(code).ToString().ToLowerInvariant();
        var ranking = level is null || chosen is null ? [] : dashboard.RankingByReceived(code, chosen);
        var trail = Trail(code);
        var view = new DashboardView(code, trail[^1].Name, trail, chosen, years, level, byYear, ranking, []);
        return view with { Tables = Tables(view) };
    }

    /// <summary>A division code of 2, 4 or 6 digits (35, 3505, 350500) as six (350000, 350500); empty: the country.</summary>
    public static string? Place(string? place)
    {
        place = place?.Trim();
        if (string.IsNullOrEmpty(place)) return null;
        if (!DivisionCode.IsCode(place) || place.Length is not (2 or 4 or 6)) throw new DashboardInputException("dashboard.bad_place", place);
        return place.PadRight(6, '0');
    }

    static int? Year(string? year)
    {
        year = year?.Trim();
        if (string.IsNullOrEmpty(year)) return null;
        return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100 ? y
            : throw new DashboardInputException("dashboard.bad_year", year);
    }

    List<PlaceLink> Trail(string? code)
    {
        var trail = new List<PlaceLink> { new(null, T["dashboard.country"]) };
        if (code is null) return trail;
        foreach (var c in new[] { DivisionCode.Province(code), DivisionCode.City(code), DivisionCode.County(code) }.OfType<string>().Distinct())
            trail.Add(new PlaceLink(c, DivisionCatalog.NameOfCode(c) ?? c));
        return trail;
    }

    List<DashboardTable> Tables(DashboardView v)
    {
        DashboardColumn Year() => new("year", T["dashboard.col.year"], CellKind.Year);
        DashboardColumn Count(string id, string label, string unit) => new(id, T[label], CellKind.Count, T[unit]);
        DashboardColumn Percent(string id, string label) => new(id, T[label], CellKind.Percent, "%");
        static decimal Pct(double share) => Math.Round((decimal)share * 100, 2);
        static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
        var tables = new List<DashboardTable>
        {
            new("years", T["dashboard.years.title"], T["dashboard.years.note"],
                [Year(), Count("reports", "dashboard.col.reports", "dashboard.unit.reports"), Count("received", "dashboard.col.received", "dashboard.unit.items")],
                v.ByYear.Select(y => new DashboardRow([y.Year, y.Reports, y.Received])).ToList()),
            new("outcomes", T["dashboard.outcomes.title"], T["dashboard.outcomes.note"],
                [Year(), Count("handled", "dashboard.col.handled", "dashboard.unit.items"),
                 .. Dashboard.OutcomeNames.SelectMany(o => new[] { Count(o, "dashboard.outcome." + o, "dashboard.unit.items"), Percent(o + "_share", "dashboard.outcome." + o) })],
                // No share of nothing: a year of legacy reports only (no table 三) shows blanks, not 0 %.
                v.ByYear.Select(y => y.Outcomes.Sum(o => o.Count) is var handled
                    ? new DashboardRow([y.Year, handled, .. y.Outcomes.SelectMany(o => new object?[] { o.Count, handled == 0 ? null : Pct(o.Share) })])
                    : null!).ToList()),
            new("appeals", T["dashboard.appeals.title"], T["dashboard.appeals.note"],
                [Year(), .. Dashboard.AppealNames.SelectMany(a => Dashboard.ResultNames.Select(r =>
                    new DashboardColumn($"{a}_{r}", T[$"dashboard.appeal.{a}"] + "·" + T[$"dashboard.result.{r}"], CellKind.Count, T["dashboard.unit.items"])))],
                v.ByYear.Select(y => new DashboardRow([y.Year, .. y.Appeals.Select(a => (object?)a.Count)])).ToList()),
            new("fees", T["dashboard.fees.title"], T["dashboard.fees.note"],
                [Year(), Count("fees", "dashboard.col.fees", "dashboard.unit.wan"), Count("unpaid_fee_closures", "dashboard.col.unpaid", "dashboard.unit.items")],
                v.ByYear.Select(y => new DashboardRow([y.Year, y.Fees, y.UnpaidFeeClosures])).ToList()),
            new("rules", T["dashboard.rules.title"], T["dashboard.rules.note"],
                [Year(), Count("reports", "dashboard.col.reports", "dashboard.unit.reports"),
                 Count("late", "dashboard.col.late", "dashboard.unit.reports"), Percent("late_share", "dashboard.col.late_share"),
                 Count("inconsistent", "dashboard.col.inconsistent", "dashboard.unit.reports"), Percent("inconsistent_share", "dashboard.col.inconsistent_share")],
                v.ByYear.Select(y => new DashboardRow([y.Year, y.Reports, y.Late, Pct(Share(y.Late, y.Reports)), y.Inconsistent, Pct(Share(y.Inconsistent, y.Reports))])).ToList()),
        };
        if (v.RankingLevel is { } level)
            tables.Add(new("ranking", T.Format("dashboard.ranking.title", T["dashboard.level." + level], v.Year), T["dashboard.ranking.note"],
                [new("rank", T["dashboard.col.rank"], CellKind.Count), new("place", T["dashboard.col.place"], CellKind.Place), new("code", T["dashboard.col.code"], CellKind.Text),
                 Count("reports", "dashboard.col.reports", "dashboard.unit.reports"), Count("with_value", "dashboard.col.with_value", "dashboard.unit.reports"),
                 Count("received", "dashboard.col.received", "dashboard.unit.items"), Count("p10", "dashboard.col.p10", "dashboard.unit.items"),
                 Count("median", "dashboard.col.median", "dashboard.unit.items"), Count("p90", "dashboard.col.p90", "dashboard.unit.items"),
                 Percent("late_share", "dashboard.col.late_share"), Percent("inconsistent_share", "dashboard.col.inconsistent_share")],
                v.Ranking.Select(p => new DashboardRow([p.Rank, p.Name ?? p.Code, p.Code, p.Reports, p.Count, p.Sum, p.P10, p.Median, p.P90, Pct(p.LateShare), Pct(p.InconsistentShare)], p.Code)).ToList()));
        return tables;
    }

    /// <summary>A cell as the page shows it: counts with thousands separators, percentages with two decimals, a blank as —.</summary>
    public static string Show(object? value, CellKind kind) => value switch
    {
        null => "—",
        decimal d when kind == CellKind.Percent => d.ToString("0.00", CultureInfo.InvariantCulture),
        decimal d => d.ToString("#,0.####", CultureInfo.InvariantCulture),
        long l when kind == CellKind.Count => l.ToString("#,0", CultureInfo.InvariantCulture),
        int i when kind == CellKind.Count => i.ToString("#,0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A cell as a download writes it: invariant, no separators, a blank as nothing.</summary>
    public static string Plain(object? value) => value switch
    {
        null => "",
        decimal d => Decimals.Text(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
