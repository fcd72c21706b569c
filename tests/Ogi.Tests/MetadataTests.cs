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
