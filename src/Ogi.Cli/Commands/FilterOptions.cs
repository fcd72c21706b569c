using System.CommandLine;
using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Cli;

/// <summary>
/// The options every answer command shares (query, stats, compare, export): the database and the report filter,
/// defined once. <see cref="Read"/> turns them into a <see cref="ReportFilter"/> through <see cref="FilterParser"/>.
/// </summary>
public sealed class FilterOptions
{
    public readonly Option<string?> Db = Database.Option();
    readonly Option<string?> agency = new("--agency", "-a") { Description = "agency name contains this" };
    readonly Option<string?> place = new("--place", "-p") { Description = "division code (350502, 3505, 35) or name (泉州市): that place and everything below it" };
    readonly Option<string?> level = new("--level") { Description = "province | city | county | township | department" };
    readonly Option<string?> year = new("--year", "-y") { Description = "2021, 2019-2021, 2019- or -2018" };
    readonly Option<string?> template = new("--template", "-t") { Description = "gov2021 | gov2019 | legacy | unknown" };
    readonly Option<string?> rule;
    readonly Option<bool> reviewed = new("--reviewed") { Description = "only reports whose findings are all reviewed" };
    readonly Option<bool> unreviewed = new("--unreviewed") { Description = "only reports with a finding not reviewed" };
    readonly Option<bool> late = new("--late") { Description = "only reports published after the statutory deadline (P1)" };
    readonly Option<bool> onTime = new("--on-time") { Description = "only reports not late" };
    readonly Option<string[]> where = new("--where", "-w") { Description = "field comparison, repeatable: applications.new.total>100 (> >= < <= = !=)" };

    /// <param name="ruleOption">The option that filters by a rule broken: --rule, except in stats where --rule asks for shares (there: --has-rule).</param>
    public FilterOptions(string ruleOption = "--rule")
    {
        rule = new Option<string?>(ruleOption) { Description = "only reports with a finding of this rule (R1, P1, X1 …)" };
    }

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Db, agency, place, level, year, template, rule, reviewed, unreviewed, late, onTime, where }) command.Options.Add(o);
    }

    /// <summary>The filter the options give; <see cref="AnswerException"/> with one line when they cannot be read.</summary>
    public ReportFilter Read(ParseResult r)
    {
        if (r.GetValue(reviewed) && r.GetValue(unreviewed)) throw new AnswerException("--reviewed and --unreviewed exclude each other");
        if (r.GetValue(late) && r.GetValue(onTime)) throw new AnswerException("--late and --on-time exclude each other");
        return FilterParser.Parse(new FilterText
        {
            Agency = r.GetValue(agency),
            Place = r.GetValue(place),
            Level = r.GetValue(level),
            Year = r.GetValue(year),
            Template = r.GetValue(template),
            Rule = r.GetValue(rule),
            Reviewed = r.GetValue(reviewed) ? true : r.GetValue(unreviewed) ? false : null,
            Late = r.GetValue(late) ? true : r.GetValue(onTime) ? false : null,
            Where = r.GetValue(where) ?? [],
        });
    }

    /// <summary>
    /// Runs an answer command: a request that cannot be answered is one line on stderr and exit 2; anything else
    /// (the database failing, a bug) one line and exit 3 — never a stack trace (System.CommandLine would print one).
    /// </summary>
    public static int Answer(string command, Func<int> run)
    {
        try { return run(); }
        catch (AnswerException e) { Console.Error.WriteLine($"ogi {command}: {e.Message}"); return 2; }
        catch (Exception e) { Console.Error.WriteLine($"ogi {command}: error: {e.Message.Split('\n')[0]}"); return 3; }
    }
}

/// <summary>The database the answer commands read, with the names of the divisions (for groups by province, city, county).</summary>
public sealed record OpenedStore(IReportQueries Queries, Func<string, string?> PlaceName, IDisposable? Owner) : IDisposable
{
    public void Dispose() => Owner?.Dispose();
}

/// <summary>
/// The one place the answer commands open a database: SQLite for a file path, PostgreSQL for a postgres:// URL (an
/// existing database: the answer commands never create one), with the division names of the places catalogue.
/// </summary>
public static class StoreOpener
{
    public static OpenedStore Open(string? db)
    {
        SqlReportStore store;
        try { store = ReportStore.Open(db, mustExist: true); }
        catch (StoreException e) { throw new AnswerException(e.Message); }
        return new OpenedStore(store, Places.DivisionCatalog.NameOfCode, store);
    }
}
