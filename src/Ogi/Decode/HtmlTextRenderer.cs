using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ogi.Decode;

/// <summary>
/// Renders an HTML page as the text the parser reads. Blocks become lines; a data table (one with no table
/// inside it) becomes one line per &lt;tr&gt;, each cell's text followed by " |", so that empty cells
/// (&amp;nbsp;) stay visible as empty cells. A cell spanning several rows is written once, in the row where it
/// starts, which is the reading order of the official format. Word-exported markup (&lt;p&gt;&lt;span&gt; in cells,
/// o:p tags, comments) falls away with the tags.
/// </summary>
public static class HtmlTextRenderer
{
    static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "svg", "iframe", "object", "select", "button", "input", "textarea" };

    static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header", "footer",
        "nav", "aside", "main", "blockquote", "pre", "form", "dl", "dt", "dd", "hr", "title", "center", "figure", "figcaption",
        "caption", "address", "fieldset", "legend", "details", "summary", "body", "html", "head",
    };

    // Building a parser sets up AngleSharp's whole configuration: one per thread, reused.
    static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions { IsScripting = false }));

    static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr", "option" };

    /// <summary>An upper estimate of element nesting, by counting open and close tags (elements that close themselves implicitly do not count).</summary>
    public static int MaxNesting(string html)
    {
        int depth = 0, max = 0;
        for (int i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            bool close = html[i + 1] == '/';
            int s = close ? i + 2 : i + 1, e = s;
            while (e < html.Length && char.IsAsciiLetterOrDigit(html[e])) e++;
            if (e == s) continue;
            var name = html.AsSpan(s, e - s);
            bool isVoid = false;
            foreach (var v in Void) if (name.Equals(v, StringComparison.OrdinalIgnoreCase)) { isVoid = true; break; }
            if (isVoid) continue;
            int gt = html.IndexOf('>', e);
            if (!close && gt > 0 && html[gt - 1] == '/') continue;
            depth = close ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > max) max = depth;
        }
        return max;
    }

    public static string Render(string html)
    {
        var document = Parser.Value!.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 3);
        var title = document.Head?.QuerySelector("title")?.TextContent;
        if (!string.IsNullOrWhiteSpace(title)) sb.Append(Collapse(title)).Append('\n');
        // Government site CMSs state the article's title, date and source in <meta> tags: kept as the lines a page would print.
        foreach (var meta in document.Head?.QuerySelectorAll("meta[name][content]") ?? Enumerable.Empty<IElement>())
        {
            var label = meta.GetAttribute("name")?.ToLowerInvariant() switch
            {
                "articletitle" => "标题：",
                "pubdate" or "firstpublishedtime" or "publishdate" => "发布日期：",
                "contentsource" => "来源：",
                _ => null,
            };
            var content = meta.GetAttribute("content");
            if (label is not null && !string.IsNullOrWhiteSpace(content)) sb.Append(label).Append(Collapse(content)).Append('\n');
        }
        if (document.Body is { } body) RenderBlock(body, sb);
        return TidyLines(sb);
    }

    static void RenderBlock(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendInline(sb, text.Data);
                    break;
                case IElement el:
                    var name = el.LocalName;
                    if (Skipped.Contains(name)) break;
                    if (name == "table") { RenderTable(el, sb); break; }
                    bool block = Blocks.Contains(name) || name.Contains(':') && name.EndsWith(":p", StringComparison.Ordinal);
                    if (block) NewLine(sb);
                    if (name != "br") RenderBlock(el, sb);
                    if (block) NewLine(sb);
                    break;
            }
        }
    }

    static void RenderTable(IElement table, StringBuilder sb)
    {
        bool layoutTable = table.QuerySelector("table") is not null;
        NewLine(sb);
        foreach (var caption in table.Children.Where(c => c.LocalName == "caption")) { RenderBlock(caption, sb); NewLine(sb); }
        foreach (var row in Rows(table))
        {
            if (layoutTable)
            {
                foreach (var cell in row.Children.Where(IsCell)) { RenderBlock(cell, sb); NewLine(sb); }
                continue;
            }
            var cells = row.Children.Where(IsCell).ToList();
            if (cells.Count == 0) continue;
            foreach (var cell in cells)
            {
                var text = CellText(cell);
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                sb.Append(text);
                if (text.Length > 0) sb.Append(' ');
                sb.Append('|');
            }
            sb.Append('\n');
        }
        NewLine(sb);
    }

    static bool IsCell(IElement e) => e.LocalName is "td" or "th";

    static IEnumerable<IElement> Rows(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr") yield return child;
            else if (child.LocalName is "tbody" or "thead" or "tfoot")
                foreach (var tr in child.Children) if (tr.LocalName == "tr") yield return tr;
        }
    }

    static string CellText(IElement cell)
    {
        var sb = new StringBuilder();
        Gather(cell, sb);
        return Collapse(sb.ToString()).Replace("|", "｜");
    }

    static void Gather(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) sb.Append(t.Data);
            else if (child is IElement e && !Skipped.Contains(e.LocalName))
            {
                bool block = Blocks.Contains(e.LocalName);
                if (block) sb.Append(' ');
                Gather(e, sb);
                if (block) sb.Append(' ');
            }
        }
    }

    /// <summary>Whitespace runs become one space; a space between two CJK characters was a line break in the source and goes.</summary>
    static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool pendingSpace = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u00a0' || ch == '\u3000')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace && !(IsCjk(sb[^1]) && IsCjk(ch))) sb.Append(' ');
            pendingSpace = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    static bool IsCjk(char c) => c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF || c >= 0x3000 && c <= 0x303F;

    static void AppendInline(StringBuilder sb, string text)
    {
        foreach (var ch in text)
        {
            bool space = char.IsWhiteSpace(ch) || ch == '\u00a0';
            if (space)
            {
                if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '\n') sb.Append(' ');
            }
            else sb.Append(ch);
        }
    }

    static void NewLine(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
    }

    static string TidyLines(StringBuilder sb)
    {
        var lines = sb.ToString().Split('\n');
        var outSb = new StringBuilder(sb.Length);
        foreach (var raw in lines)
        {
            var line = raw.Trim(' ');
            if (line.Length == 0) continue;
            outSb.Append(line).Append('\n');
        }
        return outSb.ToString();
    }
}
