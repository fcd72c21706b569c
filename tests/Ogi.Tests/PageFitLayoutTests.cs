using System.Text;
using Ogi.Parsing;
using Ogi.Render;
using Ogi.Segment;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// Tables printed in a shape that fits a page (issue 13, part 3), each built from the format's structure on synthetic
/// reports of several seeds: narrow columns' headings one character per line across the columns (a PDF's or a
/// flipbook's text) or each heading a character a line, and the legacy 统计表 as two halves side by side.
/// </summary>
public class PageFitLayoutTests
{
    static ParsedReport Parse(string text) => ReportParser.Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>Cells apart only by spaces print a blank as a mark, or it is no cell at all.</summary>
    static readonly TableStyle Marked = new() { Value = (c, v) => v is null ? "—" : TableStyle.PlainValue(c, v) };

    public static TheoryData<string, HeadingStackStyle, int> Stacks()
    {
        var data = new TheoryData<string, HeadingStackStyle, int>();
        foreach (var template in new[] { "gov2021", "gov2019" })
            foreach (var style in Enum.GetValues<HeadingStackStyle>())
                for (int align = 0; align < 3; align++) data.Add(template, style, align);
        return data;
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Headings_printed_one_character_per_line(string template, HeadingStackStyle style, int align)
    {
        foreach (var (_, gold, values) in WiderLayoutTests.Reports(template))
        {
            var report = ReportComposer.Compose(ReportContent.FromJson(gold.GetRawText()), Marked);
            var layout = style == HeadingStackStyle.OneCharPerLine ? TextTableLayout.Lines : TextTableLayout.Spaces;
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = layout, StackHeadings = new HeadingStack(style, align) });
            // Table 四's five outcomes of each group, and table 三's applicants, stand character by character.
            if (style == HeadingStackStyle.Grid) Assert.Contains(align == 0 ? "\n结 结 其 尚 总 结 结 其 尚 总" : "\n结 结 其 尚 结 结 其 尚", text);
            if (style == HeadingStackStyle.OneCharPerLine) Assert.Contains("\n结\n果\n维\n持\n", text);
            Assert.DoesNotContain("结果维持", text);
            Assert.DoesNotContain("商业企业", text);
            var r = Parse(text);
            WiderLayoutTests.AssertValues(values, r);
            Assert.DoesNotContain(r.Findings, f => f.Rule is "U1" or "G1");
            Assert.All(r.Main!.Cells.Where(c => c.Field.StartsWith("appeals.", StringComparison.Ordinal)), c => Assert.Equal(1.0, c.Confidence));
        }
    }

    [Fact]
    public void A_spaced_out_heading_above_the_stacked_ones_is_no_part_of_them()
    {
        foreach (var (_, gold, values) in WiderLayoutTests.Reports("gov2021"))
        {
            var report = ReportComposer.Compose(ReportContent.FromJson(gold.GetRawText()), Marked);
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = TextTableLayout.Spaces, StackHeadings = new HeadingStack(HeadingStackStyle.Grid, 1) });
            text = text.Replace("\n行政复议  行政诉讼\n", "\n行 政 复 议     行 政 诉 讼\n", StringComparison.Ordinal);
            Assert.Contains("\n行 政 复 议     行 政 诉 讼\n", text);
            var r = Parse(text);
            WiderLayoutTests.AssertValues(values, r);
            Assert.DoesNotContain(r.Findings, f => f.Rule is "U1" or "G1");
        }
    }

    [Theory]
    [InlineData("园 林 绿 化\n管 理 维 护\n")]
    [InlineData("统 计 指 标\n单 位\n")]
    [InlineData("结 果 维 持\n结 果 纠 正\n")]
    public void Characters_apart_by_spaces_that_spell_no_headings_are_left_as_they_are(string block)
    {
        var text = "前言\n" + block + "结语\n";
        Assert.Null(StackedHeadings.Unstack(text, Normalize.TextNormalizer.Fold(text)));
    }

    public static TheoryData<string> Halves() => new() { "pipes", "spaces", "html", "docx" };

    [Theory]
    [MemberData(nameof(Halves))]
    public void A_legacy_table_printed_as_two_halves_side_by_side(string layout)
    {
        int fujian = 0;
        foreach (var (_, gold, values) in WiderLayoutTests.Reports("legacy", 12))
        {
            var report = ReportComposer.Compose(ReportContent.FromJson(gold.GetRawText()), layout == "spaces" ? Marked : TableStyle.Official);
            int at = report.Blocks.FindIndex(b => b is TableBlock { Table.Id: "statistics" });
            var halves = ((TableBlock)report.Blocks[at]).Table.SideBySide();
            Assert.NotNull(halves);
            report.Blocks[at] = new TableBlock(halves);
            if (halves.Width == 8) fujian++;
            byte[] bytes = layout switch
            {
                "html" => Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report)),
                "docx" => DocxReportWriter.Write(report),
                _ => Encoding.UTF8.GetBytes(TextReportWriter.Write(report, new TextWriterOptions { Layout = layout == "spaces" ? TextTableLayout.Spaces : TextTableLayout.Pipes })),
            };
            var r = ReportParser.Parse(bytes);
            Assert.Contains(halves.Width == 8 ? "指标名称" : "统计指标", r.Source.Text);
            WiderLayoutTests.AssertValues(values, r);
            Assert.DoesNotContain(r.Findings, f => f.Rule is "U1" or "G1");
            // Every cell's offsets point at its value where the report prints it, beside the other half's.
            Assert.All(r.Main!.Cells.Where(c => c.Raw.Length > 0), c => Assert.Equal(c.Raw, r.Source.Text[c.Start..c.End]));
        }
        Assert.True(fujian > 0, "no Fujian form among the reports");
    }

    [Fact]
    public void Halves_are_found_below_a_line_that_names_the_heading_twice_but_is_no_table()
    {
        int tried = 0;
        foreach (var (_, gold, values) in WiderLayoutTests.Reports("legacy", 12))
        {
            var report = ReportComposer.Compose(ReportContent.FromJson(gold.GetRawText()), TableStyle.Official);
            int at = report.Blocks.FindIndex(b => b is TableBlock { Table.Id: "statistics" });
            var halves = ((TableBlock)report.Blocks[at]).Table.SideBySide()!;
            report.Blocks[at] = new TableBlock(halves);
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = TextTableLayout.Pipes });
            // A sentence right above the table that names its first heading twice: the search for the heading printed
            // twice on a line goes on from the next line's start, so that the table's own heading line is not skipped.
            string heading = halves.Width == 8 ? "指标名称" : "统计指标";
            int line = text.LastIndexOf('\n', text.IndexOf(heading + " |", StringComparison.Ordinal)) + 1;
            Assert.True(line > 0);
            text = text[..line] + $"本表{heading}按上年{heading}口径填列。\n" + text[line..];
            var r = ReportParser.Parse(Encoding.UTF8.GetBytes(text));
            WiderLayoutTests.AssertValues(values, r);
            Assert.DoesNotContain(r.Findings, f => f.Rule is "U1" or "G1");
            tried++;
        }
        Assert.True(tried > 0);
    }

    [Fact]
    public void A_text_without_halves_is_not_reordered()
    {
        foreach (var (report, _, _) in WiderLayoutTests.Reports("legacy"))
        {
            var text = TextReportWriter.Write(report, new TextWriterOptions { Layout = TextTableLayout.Pipes });
            Assert.Null(SideBySideHalves.Unfold(text, Normalize.TextNormalizer.Fold(text), out var map));
            Assert.Null(map);
        }
    }
}
