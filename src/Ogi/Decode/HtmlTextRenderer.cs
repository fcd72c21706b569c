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

    /// <summary><see cref="Void"/> in lower case, looked up by a name lowered first (its letters are ASCII): no case-blind hashing per tag.</summary>
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidNames =
        new HashSet<string>(Void.Select(v => v.ToLowerInvariant()), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    static readonly int LongestVoid = Void.Max(v => v.Length);

    static bool IsVoid(ReadOnlySpan<char> asciiName)
    {
        if (asciiName.Length > LongestVoid) return false;
        Span<char> lower = stackalloc char[asciiName.Length];
        System.Text.Ascii.ToLower(asciiName, lower, out _);
        return VoidNames.Contains(lower);
    }

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
            if (IsVoid(html.AsSpan(s, e - s))) continue;
            int gt = html.IndexOf('>', e);
            if (!close && gt > 0 && html[gt - 1] == '/') continue;
            depth = close ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > max) max = depth;
        }
        return max;
    }

    public static string Render(string html)
    {
        // Most pages (every synthetic one, many a CMS's) are plain markup that a one-pass reader builds the same tree
        // of; AngleSharp, ten times slower, builds the rest: misnested, implicitly closed, foster-parented markup.
        var page = PlainHtmlReader.Read(html) ?? FromDocument(Parser.Value!.ParseDocument(html));
        return Render(page);
    }

    /// <summary>The text AngleSharp's tree gives, for testing <see cref="PlainHtmlReader"/> against it.</summary>
    public static string RenderWithAngleSharp(string html) => Render(FromDocument(Parser.Value!.ParseDocument(html)));

    /// <summary>What rendering reads of AngleSharp's document: the head's title and meta tags, the body's elements and text.</summary>
    static HtmlPage FromDocument(IDocument document)
    {
        var metas = new List<(string, string)>();
        foreach (var meta in document.Head?.QuerySelectorAll("meta[name][content]") ?? Enumerable.Empty<IElement>())
            metas.Add((meta.GetAttribute("name")!, meta.GetAttribute("content")!));
        return new HtmlPage(document.Head?.QuerySelector("title")?.TextContent, metas, document.Body is { } body ? FromNode(body) : null);
    }

    static HtmlNode FromNode(IElement element)
    {
        var node = new HtmlNode(element.LocalName, null);
        foreach (var child in element.ChildNodes)
        {
            if (child is IText t) node.Add(new HtmlNode(null, t.Data));
            else if (child is IElement e) node.Add(FromNode(e));
        }
        return node;
    }

    static string Render(HtmlPage page)
    {
        var sb = new StringBuilder(256);
        var title = page.Title;
        if (!string.IsNullOrWhiteSpace(title)) sb.Append(Collapse(title)).Append('\n');
        // Government site CMSs state the article's title, date and source in <meta> tags: kept as the lines a page would print.
        foreach (var (name, content) in page.Metas)
        {
            var label = name.ToLowerInvariant() switch
            {
                "articletitle" => "标题：",
                "pubdate" or "firstpublishedtime" or "publishdate" => "发布日期：",
                "contentsource" => "来源：",
                _ => null,
            };
            if (label is not null && !string.IsNullOrWhiteSpace(content)) sb.Append(label).Append(Collapse(content)).Append('\n');
        }
        if (page.Body is { } body) RenderBlock(body, sb);
        return TidyLines(sb);
    }

    static void RenderBlock(HtmlNode node, StringBuilder sb)
    {
        if (node.Children is not { } children) return;
        foreach (var child in children)
        {
            if (child.Name is not { } name) { AppendInline(sb, child.Text!); continue; }
            if (Skipped.Contains(name)) continue;
            if (name == "table") { RenderTable(child, sb); continue; }
            bool block = Blocks.Contains(name) || name.Contains(':') && name.EndsWith(":p", StringComparison.Ordinal);
            if (block) NewLine(sb);
            if (name != "br") RenderBlock(child, sb);
            if (block) NewLine(sb);
        }
    }

    static void RenderTable(HtmlNode table, StringBuilder sb)
    {
        bool layoutTable = HasTable(table);
        NewLine(sb);
        foreach (var caption in table.Elements()) if (caption.Name == "caption") { RenderBlock(caption, sb); NewLine(sb); }
        foreach (var row in Rows(table))
        {
            // (Children, not Elements(): text nodes are no cells, and a page's thousand cells make no enumerators.)
            if (row.Children is not { } cells) continue;
            if (layoutTable)
            {
                foreach (var cell in cells) if (IsCell(cell)) { RenderBlock(cell, sb); NewLine(sb); }
                continue;
            }
            bool any = false;
            foreach (var cell in cells)
            {
                if (!IsCell(cell)) continue;
                any = true;
                if (sb.Length > 0 && sb[^1] != '\n') sb.Append(' ');
                int start = sb.Length;
                AppendCellText(sb, cell);
                if (sb.Length > start) sb.Append(' ');
                sb.Append('|');
            }
            if (any) sb.Append('\n');
        }
        NewLine(sb);
    }

    /// <summary>A table with a table inside it lays a page out; it is no data table.</summary>
    static bool HasTable(HtmlNode node)
    {
        if (node.Children is { } children)
            foreach (var child in children)
                if (child.Name is { } name && (name == "table" || HasTable(child))) return true;
        return false;
    }

    static bool IsCell(HtmlNode e) => e.Name is "td" or "th";

    static IEnumerable<HtmlNode> Rows(HtmlNode table)
    {
        foreach (var child in table.Elements())
        {
            if (child.Name == "tr") yield return child;
            else if (child.Name is "tbody" or "thead" or "tfoot")
                foreach (var tr in child.Elements()) if (tr.Name == "tr") yield return tr;
        }
    }

    /// <summary>The text of one thread's cell, gathered before it is collapsed into the page's text.</summary>
    [ThreadStatic] static StringBuilder? t_cellText;

    /// <summary>A cell's text, collapsed, its own bars written ｜ (the bar after it closes the cell).</summary>
    static void AppendCellText(StringBuilder sb, HtmlNode cell)
    {
        var text = t_cellText ??= new StringBuilder();
        text.Clear();
        Gather(cell, text);
        var collapse = new Collapser(cell: true);
        foreach (var chunk in text.GetChunks()) collapse.Append(sb, chunk.Span);
        // A page's one huge cell is not kept for the pages after it.
        if (text.Capacity > 1 << 16) t_cellText = null;
    }

    static void Gather(HtmlNode node, StringBuilder sb)
    {
        if (node.Children is not { } children) return;
        foreach (var child in children)
        {
            if (child.Name is not { } name) sb.Append(child.Text);
            else if (!Skipped.Contains(name))
            {
                bool block = Blocks.Contains(name);
                if (block) sb.Append(' ');
                Gather(child, sb);
                if (block) sb.Append(' ');
            }
        }
    }

    /// <summary>Whitespace runs become one space; a space between two CJK characters was a line break in the source and goes.</summary>
    static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        new Collapser(cell: false).Append(sb, s);
        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Collapse"/> as a text is appended piece by piece: what it has written so far. In a cell, a bar of the
    /// text is written ｜, since " |" closes cells (CJK or not as the bar it was).
    /// </summary>
    struct Collapser(bool cell)
    {
        bool _any, _pendingSpace;
        char _last;

        public void Append(StringBuilder sb, ReadOnlySpan<char> text)
        {
            foreach (var ch in text)
            {
                if (char.IsWhiteSpace(ch) || ch == '\u00a0' || ch == '\u3000')
                {
                    _pendingSpace = _any;
                    continue;
                }
                if (_pendingSpace && !(IsCjk(_last) && IsCjk(ch))) sb.Append(' ');
                _pendingSpace = false;
                sb.Append(cell && ch == '|' ? '｜' : ch);
                _any = true;
                _last = ch;
            }
        }
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

    /// <summary>Every line trimmed of spaces, empty lines dropped, each line ended by a newline.</summary>
    static string TidyLines(StringBuilder sb)
    {
        var text = sb.ToString();
        var outSb = new StringBuilder(text.Length);
        for (int start = 0; start < text.Length;)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(start, end - start).Trim(' ');
            if (line.Length > 0) outSb.Append(line).Append('\n');
            start = end + 1;
        }
        return outSb.ToString();
    }
}

/// <summary>What rendering reads of a page: the head's title and &lt;meta name content&gt; tags, and the body.</summary>
sealed record HtmlPage(string? Title, List<(string Name, string Content)> Metas, HtmlNode? Body);

/// <summary>An element (its lower-case local name) or a text (its data) of a page's body.</summary>
sealed class HtmlNode(string? name, string? text)
{
    public string? Name { get; } = name;
    public string? Text { get; } = text;
    public List<HtmlNode>? Children { get; private set; }

    public void Add(HtmlNode child) => (Children ??= []).Add(child);

    public IEnumerable<HtmlNode> Elements()
    {
        if (Children is null) yield break;
        foreach (var c in Children) if (c.Name is not null) yield return c;
    }
}
