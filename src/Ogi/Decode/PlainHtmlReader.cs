using System.Text;

namespace Ogi.Decode;

/// <summary>
/// Reads a page whose markup is plain into the tree <see cref="HtmlTextRenderer"/> renders, in one pass, or gives
/// null. Plain means the tree HTML5 builds is the tree the tags spell: every element is closed where it is opened
/// (or left open to the end), nothing is closed implicitly (a block inside a &lt;p&gt;, an &lt;li&gt; in an open
/// &lt;li&gt;), tables hold only their rows and cells (nothing foster-parented), and no element needs a parsing mode of
/// its own (forms, selects, &lt;pre&gt;, raw-text elements besides style and script, SVG). For anything else the answer
/// is null and AngleSharp, a full HTML5 parser ten times slower, reads the page; so a doubt costs time, never the text.
/// </summary>
public static class PlainHtmlReader
{
    enum Kind : byte
    {
        Ordinary,
        /// <summary>Opened only: no children, no end tag.</summary>
        Void,
        /// <summary>A block that closes an open &lt;p&gt; (HTML5's list for start tags in body).</summary>
        ClosesP,
        Heading,
        ListItem,
        /// <summary>&lt;a&gt;: a second one inside closes the first (the adoption agency).</summary>
        Anchor,
        Table, Caption, ColumnGroup, Column, RowGroup, Row, Cell,
        Title,
        /// <summary>style, script: raw text, rendered as nothing.</summary>
        RawText,
        /// <summary>meta, link, base: void; a head's meta is kept.</summary>
        HeadVoid,
        Html, Head, Body,
        /// <summary>An element HTML5 parses in a mode of its own, or closes in ways not followed here: the page is not plain.</summary>
        Unsupported,
    }

    /// <summary>
    /// The kinds of the elements this reader knows, and the common names of ordinary ones, each name one string: the
    /// names of a page's thousand tags are not a thousand strings, and one look-up gives both name and kind.
    /// </summary>
    static readonly Dictionary<string, Kind> Kinds = BuildKinds();
    static readonly Dictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> KindOf = Kinds.GetAlternateLookup<ReadOnlySpan<char>>();

    static Dictionary<string, Kind> BuildKinds()
    {
        var k = new Dictionary<string, Kind>(StringComparer.Ordinal);
        foreach (var n in "span font b i u s strong em small big sub sup strike code tt o:p label".Split(' ')) k[n] = Kind.Ordinary;
        foreach (var n in "area br embed img wbr input param source track".Split(' ')) k[n] = Kind.Void;
        foreach (var n in "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul hr".Split(' ')) k[n] = Kind.ClosesP;
        foreach (var n in "h1 h2 h3 h4 h5 h6".Split(' ')) k[n] = Kind.Heading;
        foreach (var n in "li dd dt".Split(' ')) k[n] = Kind.ListItem;
        k["a"] = Kind.Anchor;
        k["table"] = Kind.Table; k["caption"] = Kind.Caption; k["colgroup"] = Kind.ColumnGroup; k["col"] = Kind.Column;
        foreach (var n in "tbody thead tfoot".Split(' ')) k[n] = Kind.RowGroup;
        k["tr"] = Kind.Row; k["td"] = Kind.Cell; k["th"] = Kind.Cell;
        k["title"] = Kind.Title; k["style"] = Kind.RawText; k["script"] = Kind.RawText;
        foreach (var n in "meta link base".Split(' ')) k[n] = Kind.HeadVoid;
        k["html"] = Kind.Html; k["head"] = Kind.Head; k["body"] = Kind.Body;
        foreach (var n in ("plaintext pre listing textarea xmp iframe noembed noframes select option optgroup rb rp rt rtc ruby math svg " +
                           "frameset frame form image isindex template keygen applet marquee object button basefont bgsound nobr menuitem").Split(' '))
            k[n] = Kind.Unsupported;
        return k;
    }

    enum Mode { BeforeHtml, BeforeHead, InHead, AfterHead, InBody }

    sealed class NotPlain : Exception;

    static readonly NotPlain Bail = new();

    /// <summary>Whether <see cref="HtmlTextRenderer"/> reads the page in one pass here, not with AngleSharp.</summary>
    public static bool IsPlain(string html) => Read(html) is not null;

    /// <summary>The page's tree, or null when its markup is not plain (then only a full HTML5 parser builds the right tree).</summary>
    internal static HtmlPage? Read(string html)
    {
        if (html.Contains('\0')) return null;
        // HTML5 reads every CR LF and lone CR as LF before anything else.
        if (html.Contains('\r')) html = html.Replace("\r\n", "\n").Replace('\r', '\n');
        try { return new Reader(html).Read(); }
        catch (NotPlain) { return null; }
    }

    sealed class Reader(string html)
    {
        readonly string _s = html;
        int _at;
        Mode _mode = Mode.BeforeHtml;
        string? _title;
        readonly List<(string, string)> _metas = [];
        readonly HtmlNode _body = new("body", null);
        readonly List<(HtmlNode Node, Kind Kind)> _open = [];
        int _openP, _openHeadings, _openListItems, _openAnchors;
        readonly StringBuilder _text = new();

        public HtmlPage Read()
        {
            var s = _s;
            while (_at < s.Length)
            {
                int lt = s.IndexOf('<', _at);
                if (lt != _at)
                {
                    int end = lt < 0 ? s.Length : lt;
                    Text(s.AsSpan(_at, end - _at));
                    _at = end;
                    continue;
                }
                if (_at + 1 >= s.Length) throw Bail;
                char next = s[_at + 1];
                if (char.IsAsciiLetter(next)) StartTag();
                else if (next == '/') EndTag();
                else if (next == '!') MarkupDeclaration();
                else if (next == '?') SkipPast('>');
                else { Text("<"); _at++; }
            }
            return new HtmlPage(_title, _metas, _body);
        }

        HtmlNode Current => _open.Count > 0 ? _open[^1].Node : _body;
        Kind CurrentKind => _open.Count > 0 ? _open[^1].Kind : Kind.Body;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\f';

        /// <summary>A run of text between tags, its character references decoded.</summary>
        void Text(ReadOnlySpan<char> raw)
        {
            var text = raw.Contains('&') ? Decode(raw) : raw;
            if (_mode != Mode.InBody)
            {
                // Before the body, whitespace is dropped (or put in the head); the first other character opens the body.
                int first = 0;
                while (first < text.Length && IsSpace(text[first])) first++;
                if (first == text.Length) return;
                text = text[first..];
                _mode = Mode.InBody;
            }
            switch (CurrentKind)
            {
                case Kind.Table or Kind.RowGroup or Kind.Row or Kind.ColumnGroup:
                    // Whitespace in a table is no part of its rows; any other text is moved before the table (foster parenting).
                    foreach (var c in text) if (!IsSpace(c)) throw Bail;
                    return;
            }
            Current.Add(new HtmlNode(null, text.ToString()));
        }

        ReadOnlySpan<char> Decode(ReadOnlySpan<char> raw)
        {
            _text.Clear();
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c != '&') { _text.Append(c); continue; }
                i = Reference(raw, i, _text);
            }
            return _text.ToString();
        }

        static readonly Dictionary<string, char> Named = new(StringComparer.Ordinal)
        {
            ["amp"] = '&', ["lt"] = '<', ["gt"] = '>', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = '\u00A0',
            ["ldquo"] = '\u201C', ["rdquo"] = '\u201D', ["lsquo"] = '\u2018', ["rsquo"] = '\u2019', ["hellip"] = '\u2026',
            ["mdash"] = '\u2014', ["ndash"] = '\u2013', ["middot"] = '\u00B7', ["times"] = '\u00D7', ["copy"] = '\u00A9',
            ["reg"] = '\u00AE', ["deg"] = '\u00B0', ["ensp"] = '\u2002', ["emsp"] = '\u2003',
        };
        static readonly Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> NamedOf = Named.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>
        /// The character reference at raw[at] (an ampersand) appended; the index of its last character. Only references
        /// with a semicolon, of a few names or to plain code points: HTML5's longest-prefix matching of its 2,000 names,
        /// with and without semicolons, is left to AngleSharp.
        /// </summary>
        static int Reference(ReadOnlySpan<char> raw, int at, StringBuilder sb)
        {
            if (at + 1 >= raw.Length || !(char.IsAsciiLetterOrDigit(raw[at + 1]) || raw[at + 1] == '#')) { sb.Append('&'); return at; }
            int semi = raw[(at + 1)..].IndexOf(';');
            if (semi < 1 || semi > 10) throw Bail;
            var body = raw.Slice(at + 1, semi);
            if (body[0] != '#')
            {
                if (!NamedOf.TryGetValue(body, out var ch)) throw Bail;
                sb.Append(ch);
                return at + 1 + semi;
            }
            int code = 0;
            bool hex = body.Length > 1 && body[1] is 'x' or 'X';
            var digits = body[(hex ? 2 : 1)..];
            if (digits.Length == 0 || digits.Length > 6) throw Bail;
            foreach (var d in digits)
            {
                int v = char.IsAsciiDigit(d) ? d - '0' : hex && char.IsAsciiHexDigitLower(d) ? d - 'a' + 10 : hex && char.IsAsciiHexDigitUpper(d) ? d - 'A' + 10 : -1;
                if (v < 0) throw Bail;
                code = code * (hex ? 16 : 10) + v;
            }
            // HTML5 replaces NUL, surrogates and C1 controls (as windows-1252) and keeps C0 controls: not followed here.
            if (!(code is '\t' or '\n' or >= 0x20 and < 0x7F or >= 0xA0 and < 0xD800 or >= 0xE000 and < 0xFDD0 or > 0xFDEF and <= 0x10FFFF) || (code & 0xFFFE) == 0xFFFE)
                throw Bail;
            sb.Append(char.ConvertFromUtf32(code));
            return at + 1 + semi;
        }

        void MarkupDeclaration()
        {
            var s = _s;
            if (string.CompareOrdinal(s, _at, "<!--", 0, 4) == 0)
            {
                // <!--> and <!---> end at once, and --!> ends a comment too: such comments are left to AngleSharp.
                int body = _at + 4;
                if (body < s.Length && (s[body] == '>' || s[body] == '-' && body + 1 < s.Length && s[body + 1] == '>')) throw Bail;
                int end = s.IndexOf("-->", body, StringComparison.Ordinal);
                if (end < 0) throw Bail;
                if (s.AsSpan(body, end - body).Contains("--!>", StringComparison.Ordinal)) throw Bail;
                _at = end + 3;
                return;
            }
            // <!DOCTYPE …>, and Word's <![if !supportLists]>: a doctype or a bogus comment, up to the first '>'.
            SkipPast('>');
        }

        void SkipPast(char c)
        {
            int end = _s.IndexOf(c, _at);
            if (end < 0) throw Bail;
            _at = end + 1;
        }

        /// <summary>The characters that end a tag's name, and those a plain name does not hold.</summary>
        static readonly System.Buffers.SearchValues<char> NameEnd = System.Buffers.SearchValues.Create(" \n\t\f/>"),
            NotInName = System.Buffers.SearchValues.Create("<\"'=");

        /// <summary>The tag name at _at (lower case) and its kind, _at moved past it.</summary>
        string Name(out Kind kind)
        {
            var s = _s;
            int length = s.AsSpan(_at).IndexOfAny(NameEnd);
            if (length < 0) throw Bail;
            var name = s.AsSpan(_at, length);
            _at += length;
            if (name.ContainsAny(NotInName)) throw Bail;
            if (!name.ContainsAnyInRange('A', 'Z') && KindOf.TryGetValue(name, out var common, out kind)) return common;
            Span<char> lower = name.Length <= 64 ? stackalloc char[name.Length] : new char[name.Length];
            for (int i = 0; i < name.Length; i++) lower[i] = char.IsAsciiLetterUpper(name[i]) ? (char)(name[i] | 0x20) : name[i];
            if (KindOf.TryGetValue(lower, out common, out kind)) return common;
            kind = Kind.Ordinary;
            return lower.ToString();
        }

        /// <summary>Reads a start tag's attributes up to its '>'; keeps name and content when asked (a meta tag).</summary>
        void Attributes(bool keep, out string? nameValue, out string? contentValue)
        {
            nameValue = contentValue = null;
            var s = _s;
            while (true)
            {
                while (_at < s.Length && (IsSpace(s[_at]) || s[_at] == '/' && _at + 1 < s.Length && s[_at + 1] != '>')) _at++;
                if (_at >= s.Length) throw Bail;
                if (s[_at] == '>') { _at++; return; }
                if (s[_at] == '/') { _at += 2; return; } // "/>": ignored on HTML elements that are not void
                int start = _at;
                while (_at < s.Length && !IsSpace(s[_at]) && s[_at] is not ('/' or '>' or '=')) _at++;
                if (_at >= s.Length || _at == start) throw Bail;
                var attr = s.AsSpan(start, _at - start);
                foreach (var c in attr) if (c is '<' or '"' or '\'') throw Bail;
                while (_at < s.Length && IsSpace(s[_at])) _at++;
                string? value = "";
                if (_at < s.Length && s[_at] == '=')
                {
                    _at++;
                    while (_at < s.Length && IsSpace(s[_at])) _at++;
                    if (_at >= s.Length || s[_at] == '>') throw Bail;
                    ReadOnlySpan<char> raw;
                    if (s[_at] is '"' or '\'')
                    {
                        int close = s.IndexOf(s[_at], _at + 1);
                        if (close < 0) throw Bail;
                        raw = s.AsSpan(_at + 1, close - _at - 1);
                        _at = close + 1;
                    }
                    else
                    {
                        int vs = _at;
                        while (_at < s.Length && !IsSpace(s[_at]) && s[_at] != '>')
                        {
                            if (s[_at] is '"' or '\'' or '<' or '=' or '`') throw Bail;
                            _at++;
                        }
                        raw = s.AsSpan(vs, _at - vs);
                    }
                    value = keep ? (raw.Contains('&') ? DecodeAttribute(raw) : raw.ToString()) : null;
                }
                if (!keep) continue;
                // The first of two attributes of one name counts.
                if (attr.Equals("name", StringComparison.OrdinalIgnoreCase)) nameValue ??= value;
                else if (attr.Equals("content", StringComparison.OrdinalIgnoreCase)) contentValue ??= value;
            }
        }

        static string DecodeAttribute(ReadOnlySpan<char> raw)
        {
            var sb = new StringBuilder(raw.Length);
            for (int i = 0; i < raw.Length; i++)
            {
                if (raw[i] != '&') { sb.Append(raw[i]); continue; }
                i = Reference(raw, i, sb);
            }
            return sb.ToString();
        }

        void StartTag()
        {
            _at++;
            string name = Name(out var kind);
            bool headElement = kind is Kind.Title or Kind.RawText or Kind.HeadVoid;
            bool isMeta = name == "meta";
            Attributes(isMeta && _mode != Mode.InBody, out var metaName, out var metaContent);
            if (kind == Kind.Unsupported) throw Bail;
            if (_mode != Mode.InBody)
            {
                if (kind == Kind.Html)
                {
                    if (_mode != Mode.BeforeHtml) throw Bail;
                    _mode = Mode.BeforeHead;
                    return;
                }
                if (kind == Kind.Head)
                {
                    if (_mode is not (Mode.BeforeHtml or Mode.BeforeHead)) throw Bail;
                    _mode = Mode.InHead;
                    return;
                }
                if (headElement)
                {
                    // Before, in or just after the head: it belongs to the head.
                    if (_mode is Mode.BeforeHtml or Mode.BeforeHead) _mode = Mode.InHead;
                    if (isMeta && metaName is not null && metaContent is not null) _metas.Add((metaName, metaContent));
                    if (kind == Kind.Title) { var t = RawTextUntil("title", rcdata: true); _title ??= t; }
                    else if (kind == Kind.RawText) RawTextUntil(name, rcdata: false);
                    return;
                }
                _mode = Mode.InBody;
                if (kind == Kind.Body) return;
            }
            else if (kind is Kind.Html or Kind.Head or Kind.Body or Kind.Title) throw Bail;
            Open(name, kind);
        }

        void Open(string name, Kind kind)
        {
            var parent = CurrentKind;
            // In a table, its row groups and rows, only their own parts may stand; anything else HTML5 moves out of the table.
            switch (parent)
            {
                case Kind.Table when kind is Kind.Caption or Kind.ColumnGroup or Kind.Column or Kind.RowGroup or Kind.Row or Kind.RawText:
                case Kind.RowGroup when kind is Kind.Row or Kind.RawText:
                case Kind.Row when kind is Kind.Cell or Kind.RawText:
                case Kind.ColumnGroup when kind is Kind.Column:
                    break;
                case Kind.Table or Kind.RowGroup or Kind.Row or Kind.ColumnGroup:
                    throw Bail;
                default:
                    // Outside a table's structure its parts are ignored by HTML5 (or, in a cell or caption, close it).
                    if (kind is Kind.Caption or Kind.ColumnGroup or Kind.Column or Kind.RowGroup or Kind.Row or Kind.Cell) throw Bail;
                    break;
            }
            switch (kind)
            {
                case Kind.RawText: RawTextUntil(name, rcdata: false); return; // style and script render as nothing
                case Kind.HeadVoid or Kind.Void or Kind.Column: Current.Add(new HtmlNode(name, null)); return;
                case Kind.ClosesP or Kind.Table when _openP > 0: throw Bail;
                case Kind.Heading when _openP > 0 || _openHeadings > 0: throw Bail;
                case Kind.ListItem when _openP > 0 || _openListItems > 0: throw Bail;
                case Kind.Anchor when _openAnchors > 0: throw Bail;
            }
            if (name == "hr") { Current.Add(new HtmlNode(name, null)); return; }
            var node = new HtmlNode(name, null);
            Current.Add(node);
            _open.Add((node, kind));
            Count(name, kind, +1);
        }

        void Count(string name, Kind kind, int by)
        {
            if (name == "p") _openP += by;
            else if (kind == Kind.Heading) _openHeadings += by;
            else if (kind == Kind.ListItem) _openListItems += by;
            else if (kind == Kind.Anchor) _openAnchors += by;
        }

        void EndTag()
        {
            _at += 2;
            if (_at >= _s.Length || !char.IsAsciiLetter(_s[_at])) throw Bail;
            string name = Name(out var kind);
            Attributes(false, out _, out _);
            if (_mode != Mode.InBody)
            {
                if (kind == Kind.Head && _mode == Mode.InHead) { _mode = Mode.AfterHead; return; }
                throw Bail;
            }
            if (_open.Count == 0)
            {
                // </body> and </html> with nothing open: what follows still goes into the body (HTML5's "after body").
                if (kind is Kind.Body or Kind.Html) return;
                throw Bail;
            }
            // Only the element open last may close: any other end tag HTML5 resolves by its scopes and formatting rules.
            var (node, openKind) = _open[^1];
            if (node.Name != name) throw Bail;
            _open.RemoveAt(_open.Count - 1);
            Count(name, openKind, -1);
        }

        /// <summary>The text of a title (character references decoded) or style/script element, up to its end tag; _at moved past that.</summary>
        string RawTextUntil(string name, bool rcdata)
        {
            var s = _s;
            int from = _at;
            while (true)
            {
                int lt = s.IndexOf("</", from, StringComparison.Ordinal);
                if (lt < 0) throw Bail;
                int after = lt + 2 + name.Length;
                if (after < s.Length && string.Compare(s, lt + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (IsSpace(s[after]) || s[after] is '/' or '>'))
                {
                    var content = s.AsSpan(_at, lt - _at);
                    // A script's "<!--" starts escaped states in which "</script>" may not end it.
                    if (!rcdata && name == "script" && content.Contains("<!--", StringComparison.Ordinal)) throw Bail;
                    string text = rcdata && content.Contains('&') ? DecodeAttribute(content) : rcdata ? content.ToString() : "";
                    _at = after;
                    SkipPast('>');
                    return text;
                }
                from = lt + 2;
            }
        }
    }
}
