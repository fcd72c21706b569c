namespace Ogi.Synthesize;

public enum AgencyLevel { Province, City, County, Township, Department }

/// <summary>A reporting body: the name its title uses and the fuller name a 来源/发布机构 line may give.</summary>
public sealed record SyntheticAgency(AgencyLevel Level, string Name, string FullName);

/// <summary>
/// Plausible, invented agencies from township to province. Place names are drawn from characters that read the same
/// after folding (traditional and full-width forms fold back to them), so a gold name is what any layout gives back.
/// </summary>
public static class AgencyGenerator
{
    static readonly string[] Places =
    [
        "青川", "临江", "白沙", "东阳", "南屏", "西岭", "北塘", "安平", "永宁", "长乐", "清河", "石门", "桃源", "龙泉", "凤山",
        "云岭", "松溪", "柳营", "梅林", "桂阳", "新安", "太平", "万安", "兴隆", "和平", "金华", "玉山", "丰城", "宁远", "崇仁",
        "泰和", "嘉禾", "洪山", "明溪", "将乐", "建宁", "连城", "上杭", "武平", "浦城", "光泽", "政和", "屏南", "周宁", "寿宁",
    ];
    static readonly string[] Provinces = ["江南", "岭东", "海西", "河中", "山北", "湖西", "云中", "关西"];
    static readonly string[] Departments =
    [
        "教育局", "财政局", "民政局", "司法局", "生态环境局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局",
        "卫生健康委员会", "应急管理局", "审计局", "统计局", "医疗保障局", "住房和城乡建设局", "自然资源局", "人力资源和社会保障局",
    ];

    public static SyntheticAgency Next(Random rng)
    {
        string Pick(string[] a) => a[rng.Next(a.Length)];
        string province = Pick(Provinces) + "省";
        string city = Pick(Places) + "市";
        string county = Pick(Places) + (rng.Next(3) == 0 ? "区" : "县");
        string gov = "人民政府";
        int roll = rng.Next(100);
        var level = roll < 8 ? AgencyLevel.Province : roll < 25 ? AgencyLevel.City : roll < 55 ? AgencyLevel.County : roll < 75 ? AgencyLevel.Township : AgencyLevel.Department;
        bool withGov = rng.Next(2) == 0;
        return level switch
        {
            AgencyLevel.Province => new(level, province + (withGov ? gov : ""), province + (withGov ? gov : "")),
            AgencyLevel.City => new(level, city + (withGov ? gov : ""), province + city + (withGov ? gov : "")),
            AgencyLevel.County => new(level, county + (withGov ? gov : ""), city + county + (withGov ? gov : "")),
            AgencyLevel.Township => Township(rng, city, county, withGov),
            _ => Department(rng, city, county, Pick(Departments)),
        };
    }

    static SyntheticAgency Township(Random rng, string city, string county, bool withGov)
    {
        var place = Places[rng.Next(Places.Length)];
        string name = rng.Next(3) switch { 0 => place + "街道办事处", 1 => place + "乡" + (withGov ? "人民政府" : ""), _ => place + "镇" + (withGov ? "人民政府" : "") };
        return new(AgencyLevel.Township, county + name, city + county + name);
    }

    static SyntheticAgency Department(Random rng, string city, string county, string dept)
    {
        string parent = rng.Next(2) == 0 ? city : county;
        return new(AgencyLevel.Department, parent + dept, (parent == county ? city : "") + parent + dept);
    }
}
