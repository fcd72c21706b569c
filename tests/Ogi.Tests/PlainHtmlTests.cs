using Ogi.Decode;
using Ogi.Synthesize;
using Xunit;

namespace Ogi.Tests;

/// <summary>
/// The one-pass reader of plain pages (PlainHtmlReader) must give the text AngleSharp's tree gives, and must leave to
/// AngleSharp every page whose HTML5 tree is not the tree its tags spell.
/// </summary>
public class PlainHtmlTests
{
    static string Decoded(byte[] bytes)
    {
        var (text, _) = EncodingDetector.DetectAndDecode(bytes, looksLikeHtml: true);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    [Fact]
    public void Synthetic_pages_are_read_in_one_pass_to_the_text_AngleSharp_gives()
    {
        int pages = 0;
        foreach (var layout in new[] { SynthLayout.Html, SynthLayout.WordHtml, SynthLayout.Gb18030, SynthLayout.Traditional })
            for (int i = 0; i < 24; i++)
            {
                var report = ReportSynthesizer.Generate(2026, i, layout);
                if (!report.FileName.EndsWith(".html") && !report.FileName.EndsWith(".htm")) continue;
                var html = Decoded(report.Bytes);
                Assert.True(PlainHtmlReader.IsPlain(html), report.FileName);
                Assert.Equal(HtmlTextRenderer.RenderWithAngleSharp(html), HtmlTextRenderer.Render(html));
                pages++;
            }
        Assert.True(pages > 50);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>t &amp; u</title><meta name=\"PubDate\" content=\"2021-01-29\"></head><body><div>a&nbsp;b</div><table><tbody><tr><th>x</th><td>1</td></tr></tbody></table></body></html>")]
    [InlineData("only text, no tags")]
    [InlineData("<p>x</p>\n<!-- a comment --><p>y<br/>z</p><![if !supportLists]>1.<![endif]>")]
    [InlineData("<table><tr><td><p class=MsoNormal><span>12<o:p></o:p></span></p></td><td>a | b</td></tr></table>")]
    [InlineData("<table><caption>表</caption><tr><td><table><tr><td>内</td></tr></table></td></tr></table>")]
    [InlineData("<div>a &#20013; &#x6587; &lt;b&gt; x & y < z</div></body>\n</html>\n")]
    public void Plain_markup_is_read_in_one_pass(string html)
    {
        Assert.True(PlainHtmlReader.IsPlain(html));
        Assert.Equal(HtmlTextRenderer.RenderWithAngleSharp(html), HtmlTextRenderer.Render(html));
    }

    [Theory]
    [InlineData("<p>a<div>b</div></p>")]                               // a block closes the open p
    [InlineData("<ul><li>a<li>b</ul>")]                                // an li closes the open li
    [InlineData("<table><tr><td>1</td></tr>stray</table>")]            // text foster-parented before the table
    [InlineData("<table><td>1</td></table>")]                          // a cell implies its row
    [InlineData("<b><i>x</b></i>")]                                    // misnested formatting
    [InlineData("<div>&copy2020 &notit;</div>")]                        // references without semicolons
    [InlineData("<pre>\nx</pre>")]                                     // pre drops its first newline
    [InlineData("<p>a<table><tr><td>x</td></tr></table>")]             // quirks mode decides
    [InlineData("<div><span>x</div>")]                                 // an end tag that is not the last open element's
    public void Markup_whose_tree_differs_from_its_tags_is_left_to_AngleSharp(string html)
    {
        Assert.False(PlainHtmlReader.IsPlain(html));
        Assert.Equal(HtmlTextRenderer.RenderWithAngleSharp(html), HtmlTextRenderer.Render(html));
    }
}
