using Ogi.Office.Calendar;
using Ogi.Office.Register;
using Ogi.Render;
using Ogi.Templates;
using Ogi.Validate;

namespace Ogi.Office.Compile;

/// <summary>What one number of a compiled report counts: an application (and, in table 四, its case), and why.</summary>
public sealed record Counted(string Reference, string Why, string? Case = null);

/// <summary>
/// An answer given after its statutory deadline (Replied set), or an application still open past it at the year's end;
/// late by the working days after the due day up to the reply (or 31 December).
/// </summary>
public sealed record LateAnswer(string Reference, DateOnly Due, DateOnly? Replied, int WorkingDaysLate);

/// <summary>What the office gives beside its register: table 二's figures, the sections' text, the publication date.</summary>
public sealed record CompileInput
{
    public IReadOnlyDictionary<string, decimal?> Figures { get; init; } = new Dictionary<string, decimal?>();
    public IReadOnlyDictionary<string, string> Sections { get; init; } = new Dictionary<string, string>();
    public DateOnly? Published { get; init; }
    /// <summary>The agency's report of the year before, when the corpus has it (X1 is checked against it).</summary>
    public (int Year, IReadOnlyDictionary<string, decimal?> Values)? Previous { get; init; }
    /// <summary>The statutory due date of an application (null while the clock is stopped); late answers are counted with it.</summary>
    public Func<ApplicationState, DateOnly?>? Due { get; init; }
}

public sealed record CompiledReport(ReportContent Content, IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, List<Counted>> Counts, IReadOnlyList<LateAnswer> Late, IReadOnlyList<string> Notes);

/// <summary>
/// Tables 三 and 四 of an agency's annual report computed from its register, table 二 from the figures the office
/// gives, the text from what it writes; validated by the engine's rules. Table 三 of year Y: 新收 = received in Y;
/// 上年结转 = received before Y and open at the end of Y−1; each result row = answered in Y with that outcome; 结转下年度
/// = open at the end of Y. So R1–R3 hold by construction. Table 四: cases filed in Y by route, with the result
/// decided by 31 December of Y (尚未审结 otherwise).
/// </summary>
public static class ReportCompiler
{
    public static CompiledTemplate TemplateFor(int year) =>
        year >= 2019 && TemplateCatalog.ForYear(year) is { } t && t.Id != "legacy" ? t
        : throw new RegisterException($"compile writes the 2019 and 2021 formats (report years 2019 on), not {year}");

    public static CompiledReport Compile(IReadOnlyList<ApplicationState> register, string agency, int year, CompileInput input)
    {
        var template = TemplateFor(year);
        var tables = template.Tables.GroupBy(t => t.Id).Select(g => g.First()).ToDictionary(t => t.Id);
        var counts = new Dictionary<string, List<Counted>>(StringComparer.Ordinal);
        foreach (var f in tables["applications"].Fields.Concat(tables["appeals"].Fields)) counts[f] = [];
        var startOfYear = new DateOnly(year, 1, 1);
        var endOfYear = new DateOnly(year, 12, 31);
        var endOfLastYear = startOfYear.AddDays(-1);

        void Count(string row, ApplicationState a, string why)
        {
            counts[$"applications.{row}.{a.Applicant}"].Add(new Counted(a.Reference, why));
            counts[$"applications.{row}.total"].Add(new Counted(a.Reference, why));
        }

        foreach (var a in register)
        {
            if (a.Received.Year == year) Count("new", a, $"received {a.Received:yyyy-MM-dd}");
            if (a.Received < startOfYear && a.OpenAt(endOfLastYear)) Count("carried_over", a, $"received {a.Received:yyyy-MM-dd}, open at the end of {year - 1}");
            if (a.Replied is DateOnly replied && replied.Year == year)
            {
                var row = RowOf(a.Outcome!, counts);
                Count(row, a, $"answered {replied:yyyy-MM-dd}: {OutcomeName(a.Outcome!)}");
                Count("total", a, $"answered {replied:yyyy-MM-dd}");
            }
            if (a.OpenAt(endOfYear)) Count("carried_forward", a, $"received {a.Received:yyyy-MM-dd}, open at the end of {year}");
            foreach (var c in a.Appeals.Where(c => c.Filed.Year == year))
            {
                var decided = c.Result is not null && c.Decided <= endOfYear;
                var column = decided ? c.Result! : "pending";
                var why = $"{RegisterTerms.Find(RegisterTerms.AppealRoutes, c.Route)!.Name} filed {c.Filed:yyyy-MM-dd}"
                          + (decided ? $", decided {c.Decided:yyyy-MM-dd}" : c.Decided is DateOnly d ? $", decided only {d:yyyy-MM-dd}" : ", not decided");
                counts[$"appeals.{c.Route}.{column}"].Add(new Counted(a.Reference, why, c.Case));
                counts[$"appeals.{c.Route}.total"].Add(new Counted(a.Reference, why, c.Case));
            }
        }

        var notes = new List<string>();
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var proactive = tables["proactive"].Fields;
        foreach (var (field, value) in input.Figures)
            if (!proactive.Contains(field))
                throw new RegisterException($"figure {field} is not in table 二 of {template.Id} (its fields: {string.Join(", ", proactive)})");
        var missing = proactive.Where(f => !input.Figures.ContainsKey(f)).ToList();
        if (missing.Count > 0) notes.Add($"table 二: {missing.Count} figure(s) not given, printed blank: {string.Join(", ", missing)}");
        foreach (var f in proactive) values[f] = input.Figures.GetValueOrDefault(f);
        foreach (var (field, list) in counts) values[field] = list.Count;

        var content = new ReportContent
        {
            Template = template.Id, Agency = agency, Year = year, Published = input.Published, Values = values, Sections = input.Sections,
        };
        var findings = ContentCheck.Check(content, out _);
        if (input.Previous is { } previous) findings.AddRange(CrossYearValidator.Check(previous.Year, previous.Values, year, values));
        else notes.Add($"X1 not checked: the database has no {year - 1} report of {agency}");
        var late = Late(register, year, input.Due);
        return new CompiledReport(content, findings, counts, late, notes);
    }

    /// <summary>gov2019 has one 其他处理 row where gov2021 has three.</summary>
    static string RowOf(string outcome, Dictionary<string, List<Counted>> counts) =>
        counts.ContainsKey($"applications.{outcome}.total") ? outcome
        : outcome.StartsWith("other_handling", StringComparison.Ordinal) ? "other_handling"
        : throw new RegisterException($"outcome {outcome} has no row in this year's table 三");

    static string OutcomeName(string key) => RegisterTerms.Find(RegisterTerms.Outcomes, key)?.Name ?? key;

    static int WorkingDaysAfter(DateOnly due, DateOnly day)
    {
        try { return WorkingCalendar.Default.CountWorkingDays(due.AddDays(1), day); }
        catch (CalendarYearMissingException e) { throw new RegisterException(e.Message); }
    }

    /// <summary>Answers given in the year after their due date, and applications open at its end past theirs.</summary>
    static List<LateAnswer> Late(IReadOnlyList<ApplicationState> register, int year, Func<ApplicationState, DateOnly?>? due)
    {
        var late = new List<LateAnswer>();
        if (due is null) return late;
        var endOfYear = new DateOnly(year, 12, 31);
        foreach (var a in register)
        {
            bool answeredInYear = a.Replied?.Year == year, openAtEnd = a.OpenAt(endOfYear);
            if (!answeredInYear && !openAtEnd) continue;
            if (due(a) is not DateOnly d) continue;
            var day = answeredInYear ? a.Replied!.Value : endOfYear;
            if (day > d) late.Add(new LateAnswer(a.Reference, d, answeredInYear ? a.Replied : null, WorkingDaysAfter(d, day)));
        }
        return late.OrderBy(l => l.Replied is null).ThenBy(l => l.Due).ThenBy(l => l.Reference, StringComparer.Ordinal).ToList();
    }
}
