using System.Globalization;
using Ogi.Render;

namespace Ogi.Tests;

public enum TestLayout { Pipes, Html, Lines, BlankLines, Spaces, Glued, PageBreaks }

/// <summary>
/// Writes a report from known values in the layouts scraped web pages have, through ogi's own renderer (the official
/// tables, then flattened as a scraper, a browser copy or a PDF converter would): the test side of "the same numbers
/// whatever the layout". Glued here loses the row breaks too, the hardest form.
/// </summary>
public static class OfficialLayoutWriter
{
    public static string Write(string templateId, IReadOnlyDictionary<string, decimal?> values, TestLayout layout, string title, string published)
    {
        var content = new ReportContent
        {
            Template = templateId,
            Title = title,
            Values = values,
            Published = DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var report = ReportComposer.Compose(content);
        string[] top = ["首页 > 政务公开 > 政府信息公开年报", title, $"发布时间：{published}  来源：本网  分享到：微信 微博"];
        string[] bottom = ["主办单位：某某人民政府办公室 网站标识码：0000000000"];
        if (layout == TestLayout.Html) return HtmlReportWriter.Write(report, HtmlFlavor.MsWord, "utf-8", top, bottom);
        return TextReportWriter.Write(report, new TextWriterOptions
        {
            Layout = layout switch
            {
                TestLayout.Lines => TextTableLayout.Lines, TestLayout.BlankLines => TextTableLayout.BlankLines, TestLayout.Spaces => TextTableLayout.Spaces,
                TestLayout.Glued => TextTableLayout.Glued, TestLayout.PageBreaks => TextTableLayout.PageBreaks, _ => TextTableLayout.Pipes,
            },
            PageRows = 9,
            GluedRowBreaks = false,
            PageTop = top,
            PageBottom = bottom,
        });
    }
}
