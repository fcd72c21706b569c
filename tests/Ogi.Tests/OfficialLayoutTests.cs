using System.Text;
using Ogi.Parsing;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// The values of real reports (gold files of a gov2021, a gov2019 and a legacy report), written out in every
/// layout by <see cref="OfficialLayoutWriter"/> and parsed back: every value must come back.
/// </summary>
public class OfficialLayoutTests
{
    public static TheoryData<string, TestLayout> Cases()
    {
        var data = new TheoryData<string, TestLayout>();
        foreach (var gold in new[] { "corpus/pingtan-zone-2022", "seeds/003_e2088ef8146a25db", "seeds/000_c0b7254846a238aa", "seeds/002_c307c34731f44548" })
            foreach (var layout in Enum.GetValues<TestLayout>()) data.Add(gold, layout);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_survive_the_layout(string gold, TestLayout layout)
    {
        var file = gold.StartsWith("corpus/") ? Path.Combine(TestData.CorpusGold, gold[7..] + ".json") : Path.Combine(TestData.SeedGold, gold[6..] + ".json");
        var g = TestData.Gold(file);
        var template = g.GetProperty("template").GetString()!;
        var values = g.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value));
        int year = g.GetProperty("metadata").GetProperty("year").GetInt32();
        string agency = g.GetProperty("metadata").GetProperty("agency").GetString()!;
        var text = OfficialLayoutWriter.Write(template, values, layout, $"{agency}{year}年政府信息公开工作年度报告", $"{year + 1}-01-20");
        var report = ReportParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(template, report.Template);
        Assert.Equal(agency, report.Metadata.Agency);
        Assert.Equal(year, report.Metadata.Year);
        var got = TestData.Values(report.Main);
        var wrong = new List<string>();
        foreach (var (field, want) in values)
        {
            // Table 二 has no rule to split its glued rows: there the parser may only be unsure, never silently wrong.
            bool undecidable = layout == TestLayout.Glued && field.StartsWith("proactive.", StringComparison.Ordinal);
            if (got.TryGetValue(field, out var v) && v == want) continue;
            var cell = report.Main?.Cells.FirstOrDefault(c => c.Field == field);
            if (undecidable && cell is { Confidence: < 1 } && (cell.Alternatives?.Contains(want) ?? false)) continue;
            wrong.Add($"{field}: want {want}, got {(got.TryGetValue(field, out var x) ? x?.ToString() ?? "null" : "nothing")}");
        }
        Assert.True(wrong.Count == 0, $"{layout}: {wrong.Count} wrong\n" + string.Join("\n", wrong.Take(25)) + "\n---\n" + text[..Math.Min(text.Length, 3000)]);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "S1");
    }
}

/// <summary>The gov2021 report in every layout and every encoding together: GB18030, Big5 with traditional characters, full-width forms.</summary>
public class OfficialLayoutEncodingTests
{
    public static TheoryData<TestLayout, string> Cases()
    {
        var data = new TheoryData<TestLayout, string>();
        foreach (var layout in Enum.GetValues<TestLayout>())
            foreach (var encoding in new[] { "gb18030", "big5-traditional", "fullwidth" }) data.Add(layout, encoding);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_survive_layout_and_encoding(TestLayout layout, string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var g = TestData.Gold(Path.Combine(TestData.CorpusGold, "pingtan-zone-2022.json"));
        var values = g.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => TestData.Number(p.Value));
        var text = OfficialLayoutWriter.Write("gov2021", values, layout, "平潭综合实验区2022年度政府信息公开工作年度报告", "2023-02-20");
        byte[] bytes = encoding switch
        {
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
            "big5-traditional" => Encoding.GetEncoding("big5", EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback).GetBytes(TestData.Traditional(text)),
            _ => Encoding.UTF8.GetBytes(TestData.FullWidth(text, "0123456789|.():")),
        };
        var report = ReportParser.Parse(bytes);
        Assert.Equal("gov2021", report.Template);
        Assert.Equal("平潭综合实验区", report.Metadata.Agency);
        Assert.Equal(new DateOnly(2023, 2, 20), report.Metadata.Published);
        var got = TestData.Values(report.Main);
        var wrong = values.Where(kv => !(got.TryGetValue(kv.Key, out var v) && v == kv.Value)
                                       && !(layout == TestLayout.Glued && kv.Key.StartsWith("proactive.", StringComparison.Ordinal)))
                          .Select(kv => $"{kv.Key}: want {kv.Value}, got {(got.TryGetValue(kv.Key, out var x) ? x : "nothing")}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
    }

}
