using System.Net;
using System.Text;

namespace Ogi.Render;

/// <summary>How the HTML is marked up: clean semantic HTML, or what Word's "save as web page" puts on government sites.</summary>
public enum HtmlFlavor { Clean, MsWord }

/// <summary>The report as an HTML page, tables with real rowspan/colspan.</summary>
public static class HtmlReportWriter
{
    public static string Write(RenderedReport report, HtmlFlavor flavor = HtmlFlavor.Clean, string? charset = "utf-8",
        IReadOnlyList<string>? pageTop = null, IReadOnlyList<string>? pageBottom = null)
    {
        var sb = new StringBuilder(16 * 1024);
        string title = Enc(report.Title);
        sb.Append("<!DOCTYPE html>\n<html");
        if (flavor == HtmlFlavor.MsWord) sb.Append(" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\"");
        sb.Append(">\n<head>\n");
        if (charset is not null) sb.Append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=").Append(charset).Append("\">\n");
        sb.Append("<title>").Append(title).Append("</title>\n");
        if (flavor == HtmlFlavor.MsWord)
            sb.Append("<style>\n<!-- p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:宋体;} table.MsoNormalTable {mso-style-name:普通表格;} -->\n</style>\n");
        else
            sb.Append("<style>body{font-family:\"Noto Serif CJK SC\",serif;max-width:60em;margin:2em auto;line-height:1.6} h1{text-align:center;font-size:1.5em} table{border-collapse:collapse;margin:1em 0} td,th{border:1px solid #333;padding:.2em .4em;text-align:center} .sig{text-align:right}</style>\n");
        sb.Append("</head>\n<body>\n");
        foreach (var line in pageTop ?? []) sb.Append("<div class=\"top\">").Append(Enc(line)).Append("</div>\n");
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case TitleBlock t:
                    sb.Append(flavor == HtmlFlavor.MsWord ? "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>" + Enc(t.Text) + "<o:p></o:p></span></b></p>\n" : "<h1>" + Enc(t.Text) + "</h1>\n");
                    break;
                case HeadingBlock h:
                    sb.Append(flavor == HtmlFlavor.MsWord ? "<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:黑体'>" + Enc(h.Text) + "<o:p></o:p></span></b></p>\n" : "<h2>" + Enc(h.Text) + "</h2>\n");
                    break;
                case ParagraphBlock p:
                    sb.Append(flavor == HtmlFlavor.MsWord ? "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>" + Enc(p.Text) + "<span lang=EN-US><o:p></o:p></span></span></p>\n" : "<p>" + Enc(p.Text) + "</p>\n");
                    break;
                case MetaLineBlock m:
                    sb.Append(m.Signature ? "<p class=\"sig\" style=\"text-align:right\">" : "<p>").Append(Enc(m.Text)).Append("</p>\n");
                    break;
                case TableBlock tb:
                    WriteTable(sb, tb.Table, flavor);
                    break;
            }
        }
        foreach (var line in pageBottom ?? []) sb.Append("<div class=\"bottom\">").Append(Enc(line)).Append("</div>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    static void WriteTable(StringBuilder sb, GridTable table, HtmlFlavor flavor)
    {
        sb.Append(flavor == HtmlFlavor.MsWord
            ? "<div align=center><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>\n"
            : "<table>\n");
        for (int r = 0; r < table.Rows.Count; r++)
        {
            sb.Append(flavor == HtmlFlavor.MsWord ? "<tr style='height:20.0pt'>" : "<tr>");
            foreach (var cell in table.Rows[r])
            {
                string tag = cell.Heading && flavor == HtmlFlavor.Clean ? "th" : "td";
                sb.Append('<').Append(tag);
                if (cell.ColSpan > 1) sb.Append(" colspan=").Append(flavor == HtmlFlavor.MsWord ? "" : "\"").Append(cell.ColSpan).Append(flavor == HtmlFlavor.MsWord ? "" : "\"");
                if (cell.RowSpan > 1) sb.Append(" rowspan=").Append(flavor == HtmlFlavor.MsWord ? "" : "\"").Append(cell.RowSpan).Append(flavor == HtmlFlavor.MsWord ? "" : "\"");
                if (cell.Field is not null && flavor == HtmlFlavor.Clean) sb.Append(" data-field=\"").Append(cell.Field).Append('"');
                sb.Append('>');
                string text = cell.Text.Length == 0 ? "&nbsp;" : Enc(cell.Text);
                if (flavor == HtmlFlavor.MsWord)
                    sb.Append("<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>").Append(text).Append("<span lang=EN-US><o:p></o:p></span></span></p>");
                else sb.Append(text);
                sb.Append("</").Append(tag).Append('>');
            }
            sb.Append("</tr>\n");
        }
        sb.Append(flavor == HtmlFlavor.MsWord ? "</table></div>\n" : "</table>\n");
    }

    static string Enc(string s) => WebUtility.HtmlEncode(s);
}
