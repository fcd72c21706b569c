using Ogi.Cells;
using Ogi.Normalize;
using Xunit;

namespace Ogi.Tests;

public class CellGrammarTests
{
    /// <summary>A token with what it reads as in its cell (a token keeps only offsets into the text it was read from).</summary>
    sealed record Token(CellKind Kind, decimal? Value, string? Note, string? Unit, bool MaybeGlued);

    static List<Token> Read(string cell, bool delimited = true)
    {
        var folded = TextNormalizer.Fold(cell);
        var list = new List<CellToken>();
        CellGrammar.Read(folded, 0, cell.Length, delimited, list);
        return list.ConvertAll(t => new Token(t.Kind, t.ValueIn(folded), t.NoteIn(cell), t.Unit, t.MaybeGlued));
    }

    [Theory]
    [InlineData("3.补正后申请内容仍不明确", true)]
    [InlineData("1.属于国家秘密", true)]
    [InlineData("1、属于国家秘密", true)]
    [InlineData("12.其他", true)]
    [InlineData("3.补正后申请内容仍不明确", false)]
    public void A_labels_numbering_is_never_a_value(string cell, bool delimited)
    {
        var t = Assert.Single(Read(cell, delimited));
        Assert.Equal(CellKind.Text, t.Kind);
        Assert.Null(t.Value);
    }

    [Theory]
    [InlineData("减89", -89)]
    [InlineData("增5", 5)]
    [InlineData("-15", -15)]
    [InlineData("10,690", 10690)]
    [InlineData("2131.212万元", 2131.212)]
    [InlineData("１２３４．５", 1234.5)]
    [InlineData("700余", 700)]
    [InlineData("0", 0)]
    public void Reads_a_number(string cell, double expected)
    {
        var t = Assert.Single(Read(cell));
        Assert.Equal(CellKind.Number, t.Kind);
        Assert.Equal((decimal)expected, t.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("—")]
    [InlineData("/")]
    [InlineData("无")]
    [InlineData("-")]
    public void Reads_blank_markers(string cell)
    {
        var tokens = Read(cell);
        Assert.True(tokens.Count == 0 || tokens.All(t => t.Kind == CellKind.Blank), cell);
    }

    [Fact]
    public void Keeps_the_note_of_a_cell()
    {
        var t = Assert.Single(Read("13准予撤诉"));
        Assert.Equal(13, t.Value);
        Assert.Equal("准予撤诉", t.Note);
        var u = Assert.Single(Read("2（含撤诉1件）"));
        Assert.Equal(2, u.Value);
        Assert.Equal("（含撤诉1件）", u.Note);
    }

    [Fact]
    public void Units_are_kept_for_conversion()
    {
        var t = Assert.Single(Read("251000元"));
        Assert.Equal("元", t.Unit);
        Assert.Equal(25.1m, CellGrammar.ToWanYuan(t.Value!.Value, t.Unit));
        Assert.Equal(700m, CellGrammar.ToWanYuan(700, "万元"));
    }

    [Fact]
    public void A_sign_inside_digits_starts_the_next_number()
    {
        var tokens = Read("2648-18538", delimited: false);
        Assert.Equal([2648m, -18538m], tokens.Select(t => t.Value!.Value));
        Assert.All(tokens, t => Assert.True(t.MaybeGlued));
    }

    [Fact]
    public void A_unit_glued_before_digits_is_the_unit_column()
    {
        var tokens = Read("条4251516", delimited: false);
        Assert.Equal(CellKind.Unit, tokens[0].Kind);
        Assert.Equal(4251516m, tokens[1].Value);
    }

    [Fact]
    public void Long_text_after_digits_is_not_a_note()
    {
        var tokens = Read("8855698第二十条第（五）项信息内容本年处理决定数量", delimited: false);
        Assert.Equal(CellKind.Number, tokens[0].Kind);
        Assert.Null(tokens[0].Note);
    }
}

public class LongRunTests
{
    [Fact]
    public void A_run_longer_than_any_number_is_split_not_overflowed()
    {
        // Seven four-digit cells glued: 28 digits, more than a decimal holds as one number.
        var row = "1200 | 300 | 400 | 500 | 600 | 700 | 3700";
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        var text = seed.Replace("一、本年新收政府信息公开申请数量 | 259 | 7 | 0 | 0 | 0 | 0 | 266 |", "一、本年新收政府信息公开申请数量 | " + row.Replace(" | ", "") + "1234567890123456789012345 |");
        var r = Ogi.Parsing.ReportParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal("gov2019", r.Template);
        Assert.True(TestData.Values(r.Main).ContainsKey("applications.new.total"));
    }

}
