namespace Ogi.Metadata;

/// <summary>
/// The first lines of a text, where a title stands, each also squeezed (bullets, whitespace and quotation marks
/// dropped: the form titles are matched in), squeezed when first asked for (the title is mostly among the first
/// lines) into one buffer, and strings only when a title pattern must read them: most lines are passed over on a look
/// at their characters. One set per thread (<see cref="For"/>), reused by its next text: its arrays are most of what
/// metadata would otherwise allocate per report.
/// </summary>
internal sealed class HeadLines
{
    /// <summary>A very long line (a page scraped into one line) is cut: a title is never that long.</summary>
    const int MaxLine = 400;

    string _text = "";
    readonly int[] _start, _length, _squeezedStart, _squeezedLength;
    char[] _squeezed;
    int _squeezedEnd;
    readonly string?[] _squeezedText;
    readonly (string, int?, string?)?[] _title;
    readonly bool[] _titleKnown;

    readonly int _count;
    /// <summary>The lines found so far, and where the next one starts (-1: the text has no more).</summary>
    int _found, _next;

    [ThreadStatic] static HeadLines? t_lines;

    /// <summary>
    /// The first <paramref name="count"/> lines of s, in the calling thread's set: valid until its next call, so
    /// nothing that outlives the caller may keep it.
    /// </summary>
    public static HeadLines For(string s, int count)
    {
        var lines = t_lines is { } l && l._count == count ? l : t_lines = new HeadLines(count);
        lines.Reset(s);
        return lines;
    }

    void Reset(string s)
    {
        // Only the lines the last text found hold anything.
        _squeezedStart.AsSpan(0, _found).Fill(-1);
        _squeezedText.AsSpan(0, _found).Clear();
        _titleKnown.AsSpan(0, _found).Clear();
        _text = s;
        _found = 0;
        _next = 0;
        _squeezedEnd = 0;
    }

    HeadLines(int count)
    {
        _count = count;
        _start = new int[count];
        _length = new int[count];
        _squeezedStart = new int[count];
        _squeezedLength = new int[count];
        _squeezedStart.AsSpan().Fill(-1);
        _squeezed = new char[256];
        _squeezedText = new string?[count];
        _title = new (string, int?, string?)?[count];
        _titleKnown = new bool[count];
    }

    /// <summary>Whether the text has a line i among the first lines; lines are found as they are asked for.</summary>
    public bool Has(int i)
    {
        while (_found <= i && _found < _count && _next >= 0)
        {
            int nl = _text.IndexOf('\n', _next);
            int end = nl < 0 ? _text.Length : nl;
            _start[_found] = _next;
            _length[_found] = Math.Min(end - _next, MaxLine);
            _found++;
            _next = nl < 0 ? -1 : nl + 1;
        }
        return i < _found;
    }

    public ReadOnlySpan<char> Line(int i) => _text.AsSpan(_start[i], _length[i]);

    /// <summary>The line without list bullets, whitespace and quotation marks.</summary>
    public ReadOnlySpan<char> Squeezed(int i)
    {
        if (_squeezedStart[i] < 0)
        {
            if (_squeezed.Length - _squeezedEnd < _length[i]) Array.Resize(ref _squeezed, Math.Max(_squeezed.Length * 2, _squeezedEnd + _length[i]));
            _squeezedStart[i] = _squeezedEnd;
            _squeezedLength[i] = Squeeze(StripBullet(Line(i)), _squeezed.AsSpan(_squeezedEnd));
            _squeezedEnd += _squeezedLength[i];
        }
        return _squeezed.AsSpan(_squeezedStart[i], _squeezedLength[i]);
    }

    public string SqueezedText(int i) => _squeezedText[i] ??= new string(Squeezed(i));

    /// <summary>The squeezed line read as a title (<paramref name="match"/>), once per line.</summary>
    public (string, int?, string?)? Title(int i, Func<string, (string, int?, string?)?> match)
    {
        if (!_titleKnown[i])
        {
            _title[i] = MayNameReport(Squeezed(i)) ? match(SqueezedText(i)) : null;
            _titleKnown[i] = true;
        }
        return _title[i];
    }

    /// <summary>Every title and every heading of a document about the report names 信息公开 or 政务公开.</summary>
    public static bool MayNameReport(ReadOnlySpan<char> squeezed) => squeezed.IndexOf("公开", StringComparison.Ordinal) >= 0;

    /// <summary>List bullets and Markdown heading marks before a line (- ,•, # 标题).</summary>
    public static ReadOnlySpan<char> StripBullet(ReadOnlySpan<char> s) => s.Trim().TrimStart("-*•# ").Trim();

    /// <summary>Whitespace (<see cref="char.IsWhiteSpace"/>) and quotation marks; CJK text, above U+3000, has neither.</summary>
    public static bool Dropped(char c) => c <= '\u3000' && (c < 128 ? c is ' ' or '"' or >= '\t' and <= '\r' : char.IsWhiteSpace(c) || c is '“' or '”');

    /// <summary>Writes s without whitespace and quotation marks into into; returns the length written.</summary>
    public static int Squeeze(ReadOnlySpan<char> s, Span<char> into)
    {
        int k = 0;
        foreach (var c in s) if (!Dropped(c)) into[k++] = c;
        return k;
    }
}
