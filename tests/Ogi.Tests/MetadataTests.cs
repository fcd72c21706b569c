using Ogi.Metadata;
using Ogi.Segment;
using Xunit;

namespace Ogi.Tests;

public class MetadataTests
{
    static ReportMetadata Meta(string text) => MetadataExtractor.Extract(new LayoutText(text));

    [Fact]
    public void A_fuller_publisher_name_replaces_the_title_agency()
    {
        var m = Meta("发布机构: | 湖州市南浔区人民政府 | 发文日期: | 2021-02-18 |\n南浔区人民政府2020年政府信息公开工作年度报告\n正文");
        Assert.Equal("湖州市南浔区人民政府", m.Agency);
        Assert.Equal(2020, m.Year);
        Assert.Equal(new DateOnly(2021, 2, 18), m.Published);
    }

    [Fact]
    public void A_shorter_or_subordinate_publisher_does_not()
    {
        Assert.Equal("华容县北景港镇", Meta("- 发布机构:北景港镇\n华容县北景港镇2018年度政府\n信息公开工作年度报告\n").Agency);
        Assert.Equal("平潭综合实验区", Meta("标题: 平潭综合实验区2024年度政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会办公室\n").Agency);
    }

    [Fact]
    public void The_agency_may_follow_the_year()
    {
        var m = Meta("年 度 报 告\n根据《条例》要求,特向社会公布2017年岭东区政府信息公开工作年度报告。本报告统计数据时限为2017年1月1日至2017年12月31日。");
        Assert.Equal("岭东区", m.Agency);
        Assert.Equal(2017, m.Year);
        Assert.Null(m.Published);
    }

    [Fact]
    public void Traditional_characters_give_simplified_metadata()
    {
        var m = Meta("廣州市天河區2019年政府信息公開工作年度報告\n發布日期：2020-01-20\n");
        Assert.Equal("广州市天河区", m.Agency);
        Assert.Equal(new DateOnly(2020, 1, 20), m.Published);
    }

    [Fact]
    public void The_signature_date_is_used_when_no_date_line_exists()
    {
        var m = Meta("某某县2020年政府信息公开工作年度报告\n一、总体情况\n……\n六、其他需要报告的事项\n无\n某某县人民政府办公室\n2021 1 18 日印发\n");
        Assert.Equal(new DateOnly(2021, 1, 18), m.Published);
    }

    [Fact]
    public void Contact_details_are_read()
    {
        var m = Meta("X县2018年政府信息公开年度报告\n如有疑问请联系(地址:华容县北景港镇社区,邮编:414215,电话:0730-4500137,电子邮箱:1952846433@qq.com)。");
        Assert.Equal("0730-4500137", m.Contact?.Phone);
        Assert.Equal("414215", m.Contact?.Postcode);
        Assert.Equal("1952846433@qq.com", m.Contact?.Email);
        Assert.Equal("华容县北景港镇社区", m.Contact?.Address);
    }
}

public class HtmlMetadataTests
{
    [Fact]
    public void Cms_meta_tags_give_title_date_and_source()
    {
        var html = "<html><head><meta name=\"ArticleTitle\" content=\"某某县人民政府2021年政府信息公开工作年度报告\"><meta name=\"PubDate\" content=\"2022-01-25 09:30\">"
                   + "<meta name=\"ContentSource\" content=\"某市某某县人民政府\"></head><body><div>正文</div></body></html>";
        var r = Ogi.Parsing.ReportParser.Parse(System.Text.Encoding.UTF8.GetBytes(html));
        Assert.Equal("某市某某县人民政府", r.Metadata.Agency);
        Assert.Equal(2021, r.Metadata.Year);
        Assert.Equal(new DateOnly(2022, 1, 25), r.Metadata.Published);
    }
}

public class TitleVariantTests
{
    static Ogi.Metadata.ReportMetadata Meta(string text) => Ogi.Metadata.MetadataExtractor.Extract(new Ogi.Segment.LayoutText(text));

    [Fact]
    public void A_year_in_chinese_numerals()
    {
        var m = Meta("某某县人民政府二〇二〇年政府信息公开工作年度报告\n正文");
        Assert.Equal(2020, m.Year);
        Assert.Equal("某某县人民政府", m.Agency);
    }

    [Fact]
    public void A_title_that_begins_with_guanyu()
    {
        var m = Meta("某某区人民政府办公室关于2021年政府信息公开工作年度报告\n正文");
        Assert.Equal("某某区人民政府办公室", m.Agency);
        Assert.Equal(2021, m.Year);
    }
}

public class ReviewRegressionTests
{
    static Ogi.Parsing.ParsedReport Parse(string text) => Ogi.Parsing.ReportParser.Parse(System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_short_breadcrumb_line_is_not_glued_to_the_title()
    {
        Assert.Equal("某某区", Parse("首页\n某某区2019年政府信息公开工作年度报告\n正文").Metadata.Agency);
    }

    [Fact]
    public void Non_ascii_digits_do_not_break_dates_or_titles()
    {
        var r = Parse("某某区20١٩年度政府信息公开工作年度报告\n发布日期：2020年२月1日\n正文");
        Assert.Equal("unknown", r.Template);
    }

    [Fact]
    public void Runs_of_empty_lines_do_not_stall_the_date_patterns()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Parse("某某区2019年政府信息公开工作年度报告\n时间" + new string('\n', 6000) + "2020" + new string('\n', 100_000));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), sw.Elapsed.ToString());
    }

    [Fact]
    public void A_table_caption_is_kept()
    {
        var r = Ogi.Decode.DocumentDecoder.Decode(System.Text.Encoding.UTF8.GetBytes("<table><caption>附表标题</caption><tr><td>1</td><td>2</td></tr></table>"));
        Assert.Contains("附表标题", r.Text);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark()
    {
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "002_c307c34731f44548"));
        foreach (var enc in new System.Text.Encoding[] { System.Text.Encoding.Unicode, System.Text.Encoding.BigEndianUnicode })
        {
            var r = Ogi.Parsing.ReportParser.Parse(enc.GetBytes(seed));
            Assert.Equal("gov2019", r.Template);
            Assert.Equal("鄂州市临空经济区管理委员会", r.Metadata.Agency);
        }
    }

    [Fact]
    public void A_misleading_latin1_declaration_is_not_trusted()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var html = File.ReadAllText(Path.Combine(TestData.Corpus, "shanghai-govoffice-2019.html"));
        var bytes = System.Text.Encoding.GetEncoding("GB18030").GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body>" + html + "</body></html>");
        var r = Ogi.Parsing.ReportParser.Parse(bytes);
        Assert.Equal("gov2019", r.Template);
        Assert.Equal(859m, TestData.Values(r.Main)["applications.new.total"]);
    }

    [Fact]
    public void A_digit_run_longer_than_any_split_is_not_searched_forever()
    {
        var seed = File.ReadAllText(TestData.Document(TestData.Seeds, "002_c307c34731f44548"));
        int at = seed.IndexOf("尚未审结\n\n总计\n\n0", StringComparison.Ordinal);
        var text = seed[..(at + "尚未审结\n\n总计\n\n".Length)] + new string('1', 181) + "\n\n五、存在的主要问题及改进情况\n";
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = Parse(text);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), sw.Elapsed.ToString());
        Assert.Equal("gov2019", r.Template);
    }
}

public class NoticeTitleTests
{
    [Fact]
    public void A_notice_that_publishes_the_report()
    {
        var m = Ogi.Metadata.MetadataExtractor.Extract(new Ogi.Segment.LayoutText("关于印发某某区2020年政府信息公开工作年度报告的通知\n各单位：现将报告印发给你们。"));
        Assert.Equal("某某区", m.Agency);
        Assert.Equal(2020, m.Year);
    }
}
