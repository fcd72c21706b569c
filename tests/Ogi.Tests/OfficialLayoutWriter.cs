using System.Globalization;
using System.Text;
using Ogi.Templates;

namespace Ogi.Tests;

public enum TestLayout { Pipes, Html, Lines, BlankLines, Spaces, Glued, PageBreaks }

/// <summary>
/// Writes a report's statistics tables from known values in the layouts scraped web pages have: the test side of
/// "the same numbers whatever the layout". Labels, numbering and column headings follow the template definitions
/// (the official wording); values come from a gold file.
/// </summary>
public static class OfficialLayoutWriter
{
    static readonly string[] Cn = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static string Write(string templateId, IReadOnlyDictionary<string, decimal?> values, TestLayout layout, string title, string published)
    {
        var template = TemplateCatalog.Get(templateId);
        var rows = new List<List<string>>(); // one list of cells per printed row
        foreach (var table in template.Tables.GroupBy(t => t.Id).Select(g => g.First()))
        {
            if (!table.Rows.Any(r => r.Columns.Any(c => values.ContainsKey(c.Field)))) continue;
            rows.Add([table.Definition.Title]);
            if (table.Id == "appeals")
            {
                rows.Add(["行政复议", "行政诉讼"]);
                rows.Add(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]);
                rows.Add(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]);
                rows.Add(table.Rows[0].Columns.Select(c => Show(values[c.Field], c)).ToList());
                continue;
            }
            if (table.Id == "applications")
            {
                rows.Add(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]);
                rows.Add(["自然人", "法人或其他组织", "总计"]);
                rows.Add(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
            }
            if (table.Id == "statistics") rows.Add(["统计指标", "单位", "统计数"]);
            var headerBlock = rows.Skip(rows.FindLastIndex(r => r.Count == 1 && r[0] == table.Definition.Title) + 1).ToList();
            int printed = 0;
            string? pendingGroup = null;
            string? section = null;
            foreach (var row in table.Rows)
            {
                var label = Numbered(table.Id, row) + row.Label;
                if (row.Group) { pendingGroup = pendingGroup is null ? label : pendingGroup + "|" + label; continue; }
                if (table.Id == "proactive")
                {
                    var heading = ProactiveHeading(templateId, row);
                    if (heading != section)
                    {
                        section = heading;
                        rows.Add([heading.Split('/')[0]]);
                        rows.Add(["信息内容", .. heading.Split('/')[1..]]);
                    }
                }
                // A page break: the page number, then the table's headings again (PDF-to-text and print views do this).
                if (layout == TestLayout.PageBreaks && ++printed % 9 == 0 && headerBlock.Count > 0)
                {
                    rows.Add(["— " + (printed / 9 + 1) + " —"]);
                    rows.AddRange(headerBlock);
                }
                var cells = new List<string>();
                if (pendingGroup is not null) { cells.AddRange(pendingGroup.Split('|')); pendingGroup = null; }
                cells.Add(label);
                if (table.Id == "statistics") cells.Add(row.Definition.Money ? "万元" : "件");
                cells.AddRange(row.Columns.Select(c => Show(values.GetValueOrDefault(c.Field), c)));
                rows.Add(cells);
            }
        }
        var body = layout == TestLayout.Html ? Html(rows) : Text(rows, layout);
        var head = $"首页 > 政务公开 > 政府信息公开年报\n{title}\n发布时间：{published}  来源：本网  分享到：微信 微博\n"
                   + "本报告根据《中华人民共和国政府信息公开条例》要求编制。\n一、总体情况\n全年工作有序开展。\n";
        var tail = "\n五、存在的主要问题及改进情况\n一是问题。二是改进。\n六、其他需要报告的事项\n无。\n主办单位：某某人民政府办公室 网站标识码：0000000000\n";
        if (layout == TestLayout.Html)
            return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><div class=\"nav\">首页 &gt; 政务公开</div>"
                   + string.Concat(head.Split('\n').Select(l => $"<p><span>{l}</span></p>")) + body
                   + string.Concat(tail.Split('\n').Select(l => $"<p class=MsoNormal><span lang=EN-US>{l}<o:p></o:p></span></p>")) + "</body></html>";
        return head + body + tail;
    }

    static string ProactiveHeading(string templateId, CompiledRow row) => (templateId, row.Id) switch
    {
        ("gov2021", "proactive.rules" or "proactive.normative") => "第二十条第（一）项/本年制发件数/本年废止件数/现行有效件数",
        ("gov2021", "proactive.licensing") => "第二十条第（五）项/本年处理决定数量",
        ("gov2021", "proactive.penalty" or "proactive.coercion") => "第二十条第（六）项/本年处理决定数量",
        ("gov2021", _) => "第二十条第（八）项/本年收费金额（单位：万元）",
        (_, "proactive.rules" or "proactive.normative") => "第二十条第（一）项/本年新制作数量/本年新公开数量/对外公开总数量",
        (_, "proactive.licensing" or "proactive.other_services") => "第二十条第（五）项/上一年项目数量/本年增/减/处理决定数量",
        (_, "proactive.penalty" or "proactive.coercion") => "第二十条第（六）项/上一年项目数量/本年增/减/处理决定数量",
        (_, "proactive.fees") => "第二十条第（八）项/上一年项目数量/本年增/减",
        _ => "第二十条第（九）项/采购项目数量/采购总金额",
    };

    static string Numbered(string table, CompiledRow row)
    {
        if (row.Definition.Ord is not int ord) return "";
        bool top = row.Id is "applications.new" or "applications.carried_over" or "applications.carried_forward" || row.Group && row.Label == "本年度办理结果";
        if (table == "applications")
            return top ? Cn[ord] + "、" : row.Group || row.Id is "applications.granted" or "applications.partial" or "applications.total" or "applications.other_handling" ? $"（{Cn[ord]}）" : $"{ord}.";
        if (table == "statistics")
            return row.Group ? Cn[ord] + "、" : row.Definition.Parent is null ? $"（{Cn[ord]}）" : $"{ord}、";
        return "";
    }

    static string Show(decimal? v, CompiledColumn c) => v is null ? "" : v.Value.ToString("0.######", CultureInfo.InvariantCulture);

    static string Text(List<List<string>> rows, TestLayout layout)
    {
        var sb = new StringBuilder("\n");
        foreach (var row in rows)
        {
            switch (layout)
            {
                case TestLayout.Pipes or TestLayout.PageBreaks: sb.Append(string.Join(" | ", row)).Append(" |\n"); break;
                case TestLayout.Lines: foreach (var c in row) sb.Append(c).Append('\n'); break;
                case TestLayout.BlankLines: foreach (var c in row) sb.Append(c).Append("\n\n"); break;
                case TestLayout.Spaces: sb.Append(string.Join(" ", row)).Append('\n'); break;
                case TestLayout.Glued: sb.Append(string.Concat(row)); break;
            }
        }
        return sb.Append('\n').ToString();
    }

    static string Html(List<List<string>> rows)
    {
        var sb = new StringBuilder("<table border=\"1\" cellspacing=\"0\"><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var c in row)
                sb.Append("<td><p class=\"MsoNormal\" align=\"center\"><span style=\"font-size:10.5pt\">")
                  .Append(c.Length == 0 ? "&nbsp;" : System.Net.WebUtility.HtmlEncode(c)).Append("</span></p></td>");
            sb.Append("</tr>\n");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
