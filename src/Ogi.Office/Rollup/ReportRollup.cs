using System.Globalization;
using Ogi.Office.Compile;
using Ogi.Office.Register;
using Ogi.Render;
using Ogi.Templates;
using Ogi.Validate;

namespace Ogi.Office.Rollup;

/// <summary>Where a sub-unit's report of the year comes from.</summary>
public static class UnitSource
{
    /// <summary>Its published report, parsed, in the corpus.</summary>
    public const string Corpus = "corpus";
    /// <summary>Compiled from its register (tables 三 and 四 only: the register has no table 二).</summary>
    public const string Register = "register";
    public const string Missing = "missing";
}

/// <summary>A sub-unit's report as the rollup takes it: its source, its template and values, and what is wrong with it.</summary>
public sealed record RollupUnit(long AgencyId, string Agency, string Source, string? Template, string? File,
    IReadOnlyDictionary<string, decimal?> Values, IReadOnlyList<string> Problems)
{
    /// <summary>Summed into the rollup: a report was found, in the rollup's format.</summary>
    public bool Summed { get; init; }
}

public sealed record RolledUpReport(ReportContent Content, IReadOnlyList<Finding> Findings, IReadOnlyList<RollupUnit> Units, IReadOnlyList<string> Notes);

/// <summary>
/// The summary report of a district or city (汇总报告) from its sub-units' reports of the year: each sub-unit's
/// published report from the corpus when one is stored, else its report compiled from its register, else it is missing.
/// Tables 三 and 四 are the sums of the sub-units' (a blank cell counted as 0, and said); table 二 the sum over the
/// sub-units that give it (a register has none: those are named). A sub-unit whose report breaks a rule is summed
/// all the same and listed; one in another year's format is listed and not summed. The result is validated by the
/// engine's rules and rendered like any report.
/// </summary>
public static class ReportRollup
{
    /// <summary>Gathers the sub-units' reports of the year from the corpus and the register.</summary>
    public static IReadOnlyList<RollupUnit> Gather(OfficeRegister register, long parentId, int year)
    {
        var template = ReportCompiler.TemplateFor(year);
        var units = new List<RollupUnit>();
        foreach (var (id, name) in register.SubUnits(parentId))
        {
            var problems = new List<string>();
            var published = register.Published(id, year);
            if (published.Count > 0)
            {
                var report = published[^1];
                if (published.Count > 1) problems.Add($"{published.Count} reports of {year} in the corpus: the last stored ({report.FileName}) is used");
                foreach (var f in report.Findings.Where(f => f.Severity != "info" && f.Review != "dismissed"))
                    problems.Add($"{f.Rule} {f.Severity}: {f.Message}");
                units.Add(Unit(id, name, UnitSource.Corpus, report.Template, report.FileName, report.Values, problems, template));
                continue;
            }
            var apps = register.Applications(id);
            if (apps.Any(a => Touches(a, year)))
            {
                var compiled = ReportCompiler.Compile(apps, name, year, new CompileInput());
                foreach (var f in compiled.Findings) problems.Add($"{f.Rule} {f.Severity}: {f.Message}");
                units.Add(Unit(id, name, UnitSource.Register, compiled.Content.Template, null, compiled.Content.Values, problems, template));
                continue;
            }
            units.Add(new RollupUnit(id, name, UnitSource.Missing, null, null, new Dictionary<string, decimal?>(), [$"no report of {year}: none in the corpus, nothing in its register"]));
        }
        return units;
    }

    /// <summary>The register has something for the year: received by its end and open during it, or an appeal filed in it.</summary>
    static bool Touches(ApplicationState a, int year) =>
        (a.Received.Year <= year && (a.Replied is null || a.Replied.Value.Year >= year)) || a.Appeals.Any(c => c.Filed.Year == year);

    static RollupUnit Unit(long id, string name, string source, string? template, string? file, IReadOnlyDictionary<string, decimal?> values,
        List<string> problems, CompiledTemplate rollupTemplate)
    {
        bool summed = template == rollupTemplate.Id;
        if (!summed) problems.Add($"its report is in the {template} format, not {rollupTemplate.Id}: not summed");
        return new RollupUnit(id, name, source, template, file, values, problems) { Summed = summed };
    }

    /// <summary>The parent's report: the units' tables summed, validated; the text says what it was made of.</summary>
    public static RolledUpReport Compile(string parent, int year, IReadOnlyList<RollupUnit> units, DateOnly? published = null)
    {
        var template = ReportCompiler.TemplateFor(year);
        var tables = template.Tables.GroupBy(t => t.Id).Select(g => g.First()).ToDictionary(t => t.Id);
        var summed = units.Where(u => u.Summed).ToList();
        var notes = new List<string>();
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var field in tables["applications"].Fields.Concat(tables["appeals"].Fields))
            values[field] = summed.Sum(u => u.Values.GetValueOrDefault(field) ?? 0);
        foreach (var u in summed)
        {
            int blank = tables["applications"].Fields.Concat(tables["appeals"].Fields).Count(f => u.Values.GetValueOrDefault(f) is null);
            if (blank > 0) notes.Add($"{u.Agency}: {blank} blank cell(s) of tables 三 and 四 counted as 0");
        }
        var withoutProactive = summed.Where(u => tables["proactive"].Fields.All(f => u.Values.GetValueOrDefault(f) is null)).Select(u => u.Agency).ToList();
        foreach (var field in tables["proactive"].Fields)
        {
            var given = summed.Select(u => u.Values.GetValueOrDefault(field)).OfType<decimal>().ToList();
            values[field] = given.Count == 0 ? null : given.Sum();
        }
        if (withoutProactive.Count > 0)
            notes.Add($"table 二 sums {summed.Count - withoutProactive.Count} of {summed.Count} sub-unit(s); none given by {string.Join(", ", withoutProactive)}");
        var missing = units.Where(u => u.Source == UnitSource.Missing).Select(u => u.Agency).ToList();
        var failing = units.Where(u => u.Source != UnitSource.Missing && u.Problems.Count > 0).Select(u => u.Agency).ToList();
        if (missing.Count > 0) notes.Add($"missing: {string.Join(", ", missing)}");

        var headings = template.Definition.Headings.ToList();
        string Names(IEnumerable<RollupUnit> us) => string.Join("、", us.Select(u => u.Agency));
        var n = summed.Count.ToString(CultureInfo.InvariantCulture);
        var sections = new Dictionary<string, string>
        {
            [headings[0]] = $"本报告由{parent}所属{n}个单位的{year}年度政府信息公开工作年度报告汇总而成：{Names(summed)}。",
            [headings[1]] = withoutProactive.Count == 0 ? "下表为各单位主动公开情况之和。"
                : $"下表为各单位主动公开情况之和；{string.Join("、", withoutProactive)}的数据取自其申请登记，未含本表。",
            [headings[2]] = "下表为各单位收到和处理政府信息公开申请情况之和。",
            [headings[3]] = "下表为各单位政府信息公开行政复议、行政诉讼情况之和。",
            [headings[4]] = failing.Count == 0 ? "各单位报告均通过校验。" : $"以下单位的报告未通过校验，已照原数汇总：{string.Join("、", failing)}。",
            [headings[5]] = missing.Count == 0 ? "所属单位的年度报告均已汇总。" : $"以下单位未提交年度报告，未汇总在内：{string.Join("、", missing)}。",
        };
        var content = new ReportContent { Template = template.Id, Agency = parent, Year = year, Published = published, Values = values, Sections = sections };
        var findings = ContentCheck.Check(content, out _);
        return new RolledUpReport(content, findings, units, notes);
    }
}
