using Ogi.Metadata;
using Xunit;

namespace Ogi.Tests;

public class ChineseDateTests
{
    [Theory]
    [InlineData("发布时间:2021-01-18", "2021-01-18")]
    [InlineData("2021年1月18日", "2021-01-18")]
    [InlineData("2021 1 18 日印发", "2021-01-18")]
    [InlineData("20201231日", "2020-12-31")]
    [InlineData("二O一九年三月十一日", "2019-03-11")]
    [InlineData("二〇一三年一月二十日", "2013-01-20")]
    [InlineData("二○一二年二月二十日", "2012-02-20")]
    [InlineData("2013-02-25 00:00", "2013-02-25")]
    public void Reads_dates_as_reports_print_them(string text, string iso)
    {
        Assert.Equal(DateOnly.Parse(iso), ChineseDate.ParseFirst(text));
    }

    [Fact]
    public void Rejects_impossible_dates()
    {
        Assert.Null(ChineseDate.ParseFirst("2021年2月30日"));
        Assert.Null(ChineseDate.ParseFirst("第2021号"));
    }
}
