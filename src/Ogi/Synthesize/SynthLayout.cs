namespace Ogi.Synthesize;

/// <summary>The shapes real reports reach ogi in; `ogi synth --layouts` takes these names.</summary>
public enum SynthLayout
{
    /// <summary>An HTML page with the tables as real grids (rowspan/colspan).</summary>
    Html,
    /// <summary>Word's "save as web page" inside a government site's chrome: MsoNormal paragraphs, o:p, spans in every cell.</summary>
    WordHtml,
    /// <summary>GB18030 bytes (an HTML page declaring gb2312/gbk, or bare text).</summary>
    Gb18030,
    Lines,
    Pipes,
    BlankLines,
    Spaces,
    Glued,
    PageBreaks,
    /// <summary>Traditional characters throughout.</summary>
    Traditional,
    /// <summary>Full-width digits and punctuation (１２３４．５).</summary>
    FullWidth,
    /// <summary>A Word document with real merged tables.</summary>
    Docx,
    /// <summary>Markdown as PDF converters and OCR tools write it: GFM tables (| --- | or |---|), table 四 at times split into one table per column group under ### headings.</summary>
    Markdown,
    /// <summary>Tables as CSV records inside the text (an export or converter's output).</summary>
    Csv,
    /// <summary>A PDF's or flipbook's text: narrow columns' headings printed one character per line across the columns (结 结 其 尚 / 果 果 他 未…), or each heading's characters on lines of their own.</summary>
    Stacked,
    /// <summary>The legacy 统计表 printed as two halves side by side (pipes, spaces, HTML or Word); the national forms of 2019 and 2021 as HTML.</summary>
    Halves,
}

public static class SynthLayouts
{
    public static readonly IReadOnlyList<SynthLayout> All = Enum.GetValues<SynthLayout>();

    public static string Name(SynthLayout layout) => layout switch
    {
        SynthLayout.Html => "html",
        SynthLayout.WordHtml => "word-html",
        SynthLayout.Gb18030 => "gb18030",
        SynthLayout.Lines => "lines",
        SynthLayout.Pipes => "pipes",
        SynthLayout.BlankLines => "blank-lines",
        SynthLayout.Spaces => "spaces",
        SynthLayout.Glued => "glued",
        SynthLayout.PageBreaks => "page-breaks",
        SynthLayout.Traditional => "traditional",
        SynthLayout.FullWidth => "full-width",
        SynthLayout.Docx => "docx",
        SynthLayout.Markdown => "markdown",
        SynthLayout.Csv => "csv",
        SynthLayout.Stacked => "stacked",
        SynthLayout.Halves => "halves",
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    public static bool TryParse(string name, out SynthLayout layout)
    {
        foreach (var l in All)
            if (string.Equals(Name(l), name.Trim(), StringComparison.OrdinalIgnoreCase)) { layout = l; return true; }
        layout = default;
        return false;
    }
}
