using System.Text.Json;
using Ogi.Office.Compile;
using Ogi.Office.Register;
using Ogi.Parsing;
using Ogi.Render;
using Ogi.Store;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// `ogi rollup` of a county from five synthetic sub-units: two keep their register in ogi (compiled), two have their
/// published report in the corpus (compiled elsewhere, rendered and ingested as any report), one has nothing. Expected
/// tables are the sums of the tables counted by the test itself (CompileTests.Expected); the rollup must equal them,
/// list the missing unit and the one whose report breaks a rule (published late: P1), and its Word file parse back to
/// the same values. On SQLite and PostgreSQL.
/// </summary>
public class RollupTests
{
    const string County = "福建省平潭县人民政府";
    const string Finance = "福建省平潭县财政局";
    const string Education = "福建省平潭县教育局";
    const string Health = "福建省平潭县卫生健康委员会";
    const string Land = "福建省平潭县自然资源局";
    const string Water = "福建省平潭县水利局";

    static List<ApplicationState> Fold(List<CompileTests.App> apps) => apps.Select(a =>
    {
        var s = new ApplicationState { Reference = a.Ref };
        foreach (var e in a.Events) s.Apply(e);
        return s;
    }).ToList();

    /// <summary>A sub-unit's published report: compiled from its own list, rendered as text, ingested into the corpus.</summary>
    static void Publish(SqlReportStore store, string agency, List<CompileTests.App> apps, Dictionary<string, decimal?> figures, DateOnly published)
    {
        var report = ReportCompiler.Compile(Fold(apps), agency, 2024, new CompileInput { Figures = figures, Sections = CompileTests.Sections(), Published = published });
        var bytes = System.Text.Encoding.UTF8.GetBytes(TextReportWriter.Write(ReportComposer.Compose(report.Content)));
        var result = new Ingester().Run(store, [new IngestSource(agency + ".txt", agency + ".txt", () => bytes)]);
        Assert.Equal(1, result.Added);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Rollup_equals_the_sum_of_the_sub_units_tables_and_parses_back_to_it(string kind)
    {
        using var db = new TestDatabase(kind);
        var dir = Directory.CreateTempSubdirectory("ogi-rollup-").FullName;
        (int Exit, string Out, string Err) Run(params string[] args) => CommandLineTests.RunIn(dir, [.. args, "--db", db.Url]);
        var finance = CompileTests.Synthetic(180, seed: 1);
        var education = CompileTests.Synthetic(120, seed: 2);
        var health = CompileTests.Synthetic(150, seed: 3);
        var land = CompileTests.Synthetic(90, seed: 4);
        var doubled = CompileTests.Figures().ToDictionary(f => f.Key, f => f.Value * 2 + 1);
        using (var store = db.Open())
        {
            var register = new OfficeRegister(store, "测试");
            foreach (var (name, apps) in new[] { (Finance, finance), (Education, education) })
            {
                long id = register.EnsureAgency(name);
                register.Record(apps.SelectMany(a => a.Events.Select(e => new NewEvent(id, a.Ref, e))).ToList());
            }
            Publish(store, Health, health, CompileTests.Figures(), new DateOnly(2025, 1, 20));
            Publish(store, Land, land, doubled, new DateOnly(2025, 3, 15)); // after 31 January: P1
        }
        foreach (var unit in new[] { Finance, Education, Health, Land, Water })
        {
            var set = Run("agency", "set", unit, "--parent", County);
            Assert.True(set.Exit == 0, set.Err);
            Assert.Contains("parent: " + County, set.Out);
        }
        var loop = Run("agency", "set", County, "--parent", Finance);
        Assert.Equal(2, loop.Exit);
        Assert.Single(loop.Err.Trim().Split('\n'));

        // The sums, counted over the test's own lists; table 二 from the two published reports only.
        var expected = new Dictionary<string, decimal>();
        foreach (var apps in new[] { finance, education, health, land })
            foreach (var (field, value) in CompileTests.Expected(apps, 2024)) expected[field] = expected.GetValueOrDefault(field) + value;
        foreach (var (field, value) in CompileTests.Figures()) expected[field] = value!.Value + doubled[field]!.Value;
        Assert.True(expected["applications.new.total"] > 150);

        var json = Run("rollup", "--parent", County, "--year", "2024", "--json");
        Assert.True(json.Exit == 0, json.Err);
        var doc = JsonDocument.Parse(json.Out).RootElement;
        var values = doc.GetProperty("values");
        foreach (var (field, value) in expected) Assert.True(values.GetProperty(field).GetDecimal() == value, $"{field}: rollup {values.GetProperty(field)}, sum {value}");
        Assert.Empty(doc.GetProperty("findings").EnumerateArray());
        var units = doc.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("agency").GetString()!);
        Assert.Equal(("register", true), (units[Finance].GetProperty("source").GetString(), units[Finance].GetProperty("summed").GetBoolean()));
        Assert.Equal(("corpus", true), (units[Health].GetProperty("source").GetString(), units[Health].GetProperty("summed").GetBoolean()));
        Assert.Empty(units[Health].GetProperty("problems").EnumerateArray());
        Assert.Contains(units[Land].GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("P1"));
        Assert.Equal(("missing", false), (units[Water].GetProperty("source").GetString(), units[Water].GetProperty("summed").GetBoolean()));
        Assert.Contains("MISSING", json.Err);
        Assert.Contains(doc.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("table 二 sums 2 of 4") && n.GetString()!.Contains(Finance));
        Assert.Contains(Water, doc.GetProperty("sections").GetProperty("六、其他需要报告的事项").GetString());
        Assert.Contains(Land, doc.GetProperty("sections").GetProperty("五、存在的主要问题及改进情况").GetString());

        // Rendered as Word and read back by the engine: the same values, no rule broken.
        var docx = Path.Combine(dir, "rollup.docx");
        var written = Run("rollup", "--parent", County, "--year", "2024", "--format", "docx", "--out", docx, "--published", "2025-01-25");
        Assert.True(written.Exit == 0, written.Err);
        var parsed = ReportParser.Parse(File.ReadAllBytes(docx));
        Assert.Equal("gov2021", parsed.Template);
        Assert.Equal(2024, parsed.Metadata.Year);
        var back = parsed.Main!.Values.ToDictionary(v => v.Key, v => v.Value);
        foreach (var (field, value) in expected) Assert.True(back.GetValueOrDefault(field) == value, $"parsed {field}: {back.GetValueOrDefault(field)}, sum {value}");
        Assert.DoesNotContain(parsed.Findings, f => f.Severity != "info");

        var none = Run("rollup", "--parent", Finance, "--year", "2024");
        Assert.Equal(2, none.Exit);
        Assert.Contains("has no sub-units", none.Err);
        Directory.Delete(dir, true);
    }
}
