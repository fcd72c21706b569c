using Xunit;

namespace Ogi.Tests;

/// <summary>
/// Import of the registers offices keep, written here as a real XLSX (MiniExcel) and a CSV: a title row above the
/// header, office column names, dates as Excel dates, serials and text, blank and repeated rows. Bad rows: each is
/// reported by its row number and nothing is imported; once they are put right, every row is.
/// </summary>
public class RegisterImportTests
{
    static readonly string[] Header = ["序号", "申请人姓名", "申请人类型", "申请方式", "收到申请日期", "申请内容", "答复日期", "处理结果"];

    static object[][] Rows(bool withBad) =>
    [
        ["2024-001", "张三", "自然人", "网络", new DateTime(2024, 1, 8), "拆迁补偿", new DateTime(2024, 1, 30), "予以公开"],
        ["2024-002", "某公司", "企业", "信函", 45310d, "规划许可", "2024/2/20", "部分公开"],           // 45310 = 2024-01-19
        [null!, null!, null!, null!, null!, null!, null!, null!],                                         // blank
        ["2024-003", "李四", "自然人", "当面", "2024年3月1日", "低保名单", "", ""],                          // open
        ["2024-002", "某公司", "企业", "信函", 45310d, "规划许可", "2024/2/20", "部分公开"],           // a repeat: skipped
        ["2024-004", "王五", withBad ? "外国人" : "其他", "传真", withBad ? "2024-13-01" : "2024-03-05", "x", "2024-03-20", withBad ? "同意" : "不予处理·重复申请"],
        ["2024-005", "赵六", "法律服务机构", "网络", "20240310", "y", withBad ? "2024-03-01" : "2024-03-11", "无法提供·本机关不掌握相关政府信息"],
    ];

    static string Xlsx(string dir, bool withBad)
    {
        var path = Path.Combine(dir, withBad ? "bad.xlsx" : "good.xlsx");
        var sheet = new List<Dictionary<string, object?>>
        {
            Row(["某某局政府信息公开申请登记表", "", "", "", "", "", "", ""]),
            Row(Header),
        };
        sheet.AddRange(Rows(withBad).Select(Row));
        File.Delete(path); // written again for the second import
        MiniExcelLibs.MiniExcel.SaveAs(path, sheet, printHeader: false);
        return path;
    }

    static Dictionary<string, object?> Row(object?[] cells) => cells.Select((c, i) => (Key: ((char)('A' + i)).ToString(), c)).ToDictionary(x => x.Key, x => x.c);

    static string Csv(string dir, bool withBad)
    {
        static string Text(object? c) => c switch { null => "", DateTime d => d.ToString("yyyy-MM-dd"), double x => DateTime.FromOADate(x).ToString("yyyy.M.d"), _ => c.ToString()! };
        var lines = new List<string> { string.Join(',', Header) };
        lines.AddRange(Rows(withBad).Select(r => string.Join(',', r.Select(c => "\"" + Text(c).Replace("\"", "\"\"") + "\""))));
        var path = Path.Combine(dir, withBad ? "bad.csv" : "good.csv");
        File.WriteAllText(path, "\uFEFF" + string.Join("\r\n", lines) + "\r\n");
        return path;
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public void Bad_rows_are_each_reported_and_nothing_is_imported_until_they_are_right(string format)
    {
        var dir = Directory.CreateTempSubdirectory("ogi-import-").FullName;
        var db = Path.Combine(dir, "r.db");
        (int Exit, string Out, string Err) Run(params string[] args) => CommandLineTests.RunIn(dir, [.. args, "--db", db]);
        string Make(bool bad) => format == "xlsx" ? Xlsx(dir, bad) : Csv(dir, bad);
        // Header row in the XLSX is its second row (a title above it); in the CSV its first.
        int offset = format == "xlsx" ? 2 : 1;

        var bad = Run("register", "import", Make(true), "--agency", "福建省平潭县人民政府");
        Assert.Equal(2, bad.Exit);
        Assert.Contains($"row {offset + 6}: received '2024-13-01' is no date", bad.Err);
        Assert.Contains($"row {offset + 7}: replied on 2024-03-01, before it was received", bad.Err);
        Assert.Contains($"skipped row {offset + 5}: a repeat of row {offset + 2}", bad.Err);
        Assert.Contains("nothing imported", bad.Err);
        var list = Run("register", "list");
        Assert.Equal(0, list.Exit);
        Assert.Single(list.Out.Trim().Split('\n')); // the heading only

        var preview = Run("register", "import", Make(false), "--agency", "福建省平潭县人民政府", "--preview");
        Assert.Equal(0, preview.Exit);
        Assert.Contains("nothing recorded", preview.Err);
        Assert.Single(Run("register", "list").Out.Trim().Split('\n'));

        var good = Run("register", "import", Make(false), "--agency", "福建省平潭县人民政府", "--by", "导入");
        Assert.Equal(0, good.Exit);
        Assert.Contains("5 application(s) recorded", good.Err);
        var rows = Run("register", "list").Out.Trim().Split('\n').Skip(1).Select(l => l.Split('\t')).ToDictionary(c => c[0]);
        Assert.Equal(["2024-001", "2024-002", "2024-003", "2024-004", "2024-005"], rows.Keys.Order());
        Assert.Equal(("2024-01-19", "商业企业", "信函", "2024-02-20", "部分公开"), (rows["2024-002"][2], rows["2024-002"][3], rows["2024-002"][4], rows["2024-002"][6], rows["2024-002"][7]));
        Assert.Equal(("2024-01-08", "replied"), (rows["2024-001"][2], rows["2024-001"][5]));
        Assert.Equal("open", rows["2024-003"][5]);
        Assert.Equal("不予处理·重复申请", rows["2024-004"][7]);
        // Imported again: every row is in the register already — refused, nothing doubled.
        var again = Run("register", "import", Make(false), "--agency", "福建省平潭县人民政府");
        Assert.Equal(2, again.Exit);
        Assert.Contains("in the register already", again.Err);
        Directory.Delete(dir, true);
    }
}
