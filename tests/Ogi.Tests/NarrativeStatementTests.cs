using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ogi.Parsing;
using Ogi.Synthesize;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// Legacy reports' prose that states single rows (issue 13, part 3): the counts per channel and "no review, no suit"
/// are compared with the table (T1), only where the sentence speaks of the whole; and no false T1 where a prose total
/// counts new and carried-over applications together. Built from synthetic reports of several seeds.
/// </summary>
public class NarrativeStatementTests
{
    static IEnumerable<(string Text, JsonElement Gold)> Reports(string template, Func<string, bool> keep, int count = 4)
    {
        int found = 0;
        for (int i = 0; found < count && i < 400; i++)
        {
            var s = ReportSynthesizer.Generate(71, i, SynthLayout.Pipes, brokenShare: 0);
            var gold = JsonDocument.Parse(s.Gold.ToJsonString()).RootElement;
            var text = Encoding.UTF8.GetString(s.Bytes);
            // Reports whose gold expects T1 already say something wrong on purpose.
            if (gold.GetProperty("template").GetString() != template || !keep(text) || Expects(gold, "T1")) continue;
            found++;
            yield return (text, gold);
        }
        Assert.True(found == count, $"{found} {template} reports");
    }

    static bool Expects(JsonElement gold, string rule) => gold.GetProperty("expect_findings").EnumerateArray().Any(f => f.GetProperty("rule").GetString() == rule);

    static ParsedReport Parse(string text) => ReportParser.Parse(Encoding.UTF8.GetBytes(text));

    static decimal? Value(JsonElement gold, string field) => gold.GetProperty("values").TryGetProperty(field, out var v) ? TestData.Number(v) : null;

    [Theory]
    [InlineData("legacy.requests.online", "网络申请")]
    [InlineData("legacy.requests.letter", "信函申请")]
    [InlineData("legacy.requests.in_person", "当面申请")]
    public void A_count_per_channel_the_table_does_not_give_is_T1(string field, string words)
    {
        foreach (var (text, gold) in Reports("legacy", t => t.Contains(words) && Regex.IsMatch(t, "其中当面申请|本年度通过")))
        {
            Assert.DoesNotContain(Parse(text).Findings, f => f.Rule == "T1");
            if (Value(gold, field) is not decimal v) continue;
            var changed = Regex.Replace(text, words + @"\d+件", $"{words}{v + 2}件");
            var t1 = Assert.Single(Parse(changed).Findings, f => f.Rule == "T1");
            Assert.Equal([field], t1.Fields);
            // A part named in passing, in a sentence that does not speak of the whole, is no statement about the row.
            var passing = text.Replace("所有申请均已按规定答复。", $"所有申请均已按规定答复。其中区直单位{words}{v + 2}件。", StringComparison.Ordinal)
                .Replace("，均已按规定答复。", $"，均已按规定答复。其中区直单位{words}{v + 2}件。", StringComparison.Ordinal);
            Assert.Contains($"其中区直单位{words}{v + 2}件。", passing);
            Assert.DoesNotContain(Parse(passing).Findings, f => f.Rule == "T1");
        }
    }

    [Fact]
    public void Prose_saying_no_review_was_brought_where_the_table_has_some_is_T1()
    {
        const string none = "本年度未收到因政府信息公开申请提起的行政复议申请，未发生因政府信息公开申请提起的行政诉讼。";
        foreach (var (text, gold) in Reports("legacy", t => t.Contains("提起行政复议") || t.Contains(none)))
        {
            decimal review = Value(gold, "legacy.review.total") ?? 0, suits = Value(gold, "legacy.litigation.total") ?? 0;
            var said = Regex.Replace(text, "本年度因政府信息公开申请提起行政复议[^。]*。", none);
            Assert.Contains(none, said);
            var t1 = Parse(said).Findings.Where(f => f.Rule == "T1").SelectMany(f => f.Fields).ToList();
            var want = new List<string>();
            if (review > 0) want.Add("legacy.review.total");
            if (suits > 0) want.Add("legacy.litigation.total");
            Assert.Equal(want, t1);
        }
        // And the other way round: the prose states the number of reviews.
        foreach (var (text, gold) in Reports("legacy", t => t.Contains("提起行政复议")))
        {
            decimal review = Value(gold, "legacy.review.total") ?? 0;
            var changed = Regex.Replace(text, @"提起行政复议\d+件", $"提起行政复议{review + 1}件");
            Assert.Single(Parse(changed).Findings, f => f.Rule == "T1" && f.Fields.Contains("legacy.review.total"));
        }
    }

    [Fact]
    public void A_prose_total_of_new_and_carried_over_applications_agrees_with_the_table()
    {
        const string opening = "（二）依申请公开情况。严格按照法定时限和程序办理政府信息公开申请。";
        foreach (var (text, gold) in Reports("gov2021", t => t.Contains(opening) && Regex.IsMatch(t, @"上年结转[1-9]\d*件")))
        {
            decimal fresh = Value(gold, "applications.new.total") ?? 0, carried = Value(gold, "applications.carried_over.total") ?? 0;
            // 749 = 713 new + 36 carried over, as a real report put it in its opening section.
            string Said(decimal n) => text.Replace(opening, $"（二）依申请公开情况。本年度共收到政府信息公开申请{n}件，均按照法定时限和程序办理。", StringComparison.Ordinal);
            Assert.DoesNotContain(Parse(Said(fresh + carried)).Findings, f => f.Rule == "T1");
            Assert.DoesNotContain(Parse(Said(fresh)).Findings, f => f.Rule == "T1");
            var off = Said(fresh + carried + 3);
            Assert.Single(Parse(off).Findings, f => f.Rule == "T1");
        }
    }
}
