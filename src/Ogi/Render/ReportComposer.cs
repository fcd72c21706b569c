using System.Globalization;
using Ogi.Templates;

namespace Ogi.Render;

/// <summary>
/// Content → the blocks of a complete report in the order the format prescribes: title, preamble, the sections
/// (一、总体情况 … 六、其他需要报告的事项) with each statistics table under the section it belongs to, signature.
/// </summary>
public static class ReportComposer
{
    public static RenderedReport Compose(ReportContent content, TableStyle? style = null, List<string>? warnings = null)
    {
        var template = TemplateCatalog.All.FirstOrDefault(t => t.Id == content.Template)
                       ?? throw new FormatException($"unknown template {content.Template}: gov2021, gov2019 or legacy");
        var tables = OfficialTableBuilder.Build(template, content.Values, style, content.Year);
        var blocks = new List<ReportBlock> { new TitleBlock(content.DisplayTitle) };
        if (content.Year is int year)
            blocks.Add(new ParagraphBlock(
                $"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"));
        if (content.Sections.Count == 0)
            warnings?.Add("the data gives no section texts (\"sections\": {\"一、总体情况\": \"…\"}); placeholders and the tables' main figures are printed");
        var placed = new HashSet<GridTable>();
        foreach (var heading in template.Definition.Headings)
        {
            blocks.Add(new HeadingBlock(heading));
            var text = SectionText(content, heading);
            if (text is null)
            {
                text = SummaryOf(template, heading, content.Values)
                       ?? template.Definition.Sections.FirstOrDefault(s => s.Name == heading)?.Placeholder ?? "（文字描述）";
                if (content.Sections.Count > 0) warnings?.Add($"section {heading} has no text in the data; a placeholder is printed");
            }
            foreach (var para in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                blocks.Add(new ParagraphBlock(para));
            foreach (var t in tables.Where(t => t.Title == heading && placed.Add(t)))
                blocks.Add(new TableBlock(t));
        }
        // Tables that belong to no section (the legacy 统计表) are attached after the text.
        foreach (var t in tables.Where(t => !placed.Contains(t)))
        {
            blocks.Add(new MetaLineBlock("附表：" + t.Title));
            blocks.Add(new TableBlock(t));
        }
        if (content.Agency is not null) blocks.Add(new MetaLineBlock(content.Agency, Signature: true));
        if (content.Published is DateOnly p) blocks.Add(new MetaLineBlock(ChineseDate(p), Signature: true));
        return new RenderedReport { Content = content, Blocks = blocks };
    }

    public static string ChineseDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>The data's text for a section: its key is the heading (一、总体情况) or the heading without its number (总体情况).</summary>
    static string? SectionText(ReportContent content, string heading)
    {
        if (content.Sections.TryGetValue(heading, out var t)) return t;
        int cut = heading.IndexOf('、');
        return cut >= 0 && content.Sections.TryGetValue(heading[(cut + 1)..], out t) ? t : null;
    }

    /// <summary>A sentence stating the table's main figures, for a section the data gives no text for.</summary>
    static string? SummaryOf(CompiledTemplate template, string heading, IReadOnlyDictionary<string, decimal?> v)
    {
        string n(string field) => (v.GetValueOrDefault(field) ?? 0).ToString("0.######", CultureInfo.InvariantCulture);
        if (template.Id == "legacy") return null;
        if (heading.Contains("收到和处理", StringComparison.Ordinal) && v.ContainsKey("applications.new.total"))
            return $"本年度新收政府信息公开申请{n("applications.new.total")}件，上年结转{n("applications.carried_over.total")}件，"
                   + $"办理完毕{n("applications.total.total")}件，结转下年度继续办理{n("applications.carried_forward.total")}件。具体情况如下：";
        if (heading.Contains("行政复议", StringComparison.Ordinal) && v.ContainsKey("appeals.review.total"))
            return $"本年度因政府信息公开引发行政复议{n("appeals.review.total")}件，行政诉讼{n("appeals.litigation_direct.total")}件（未经复议直接起诉）、"
                   + $"{n("appeals.litigation_after_review.total")}件（复议后起诉）。具体情况如下：";
        if (heading.StartsWith("二、", StringComparison.Ordinal)) return "本年度主动公开政府信息情况如下：";
        return null;
    }
}
