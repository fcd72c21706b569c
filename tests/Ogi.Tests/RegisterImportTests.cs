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

    // A header over two rows as offices draw it: 申请人 merged over 类型 and 姓名, 答复 over 日期 and 结果, the other
    // headings merged down both rows; then a serial date, dates as text, a blank row, a repeat, a row with two errors.
    static readonly string?[][] Merged =
    [
        ["序号", "申请人", null, "申请方式", "收到申请日期", "答复", null],
        [null, "类型", "姓名", null, null, "日期", "结果"],
        ["2024-101", "自然人", "张三", "网络", "45310", "2024年2月20日", "予以公开"],                 // 45310 = 2024-01-19
        [null, null, null, null, null, null, null],
        ["2024-102", "商业企业", "某公司", "信函", "2024/1/22", "", ""],
        ["2024-101", "自然人", "张三", "网络", "45310", "2024年2月20日", "予以公开"],                 // a repeat
        ["2024-103", "外国人", "李四", "当面", "2024-02-30", "2024-03-01", "部分公开"],                // two errors: the first reported
        ["2024-102", "商业企业", "某公司", "信函", "2024/1/23", "", ""],                             // same number, other content
    ];

    /// <summary>An XLSX written part by part, with real merged cells (MiniExcel writes none); a number cell for a serial.</summary>
    static string MergedXlsx(string path)
    {
        static string Col(int c) => ((char)('A' + c)).ToString();
        var rows = new System.Text.StringBuilder();
        for (int r = 0; r < Merged.Length; r++)
        {
            rows.Append($"<row r=\"{r + 1}\">");
            for (int c = 0; c < Merged[r].Length; c++)
            {
                if (Merged[r][c] is not { } v) continue;
                var at = $"{Col(c)}{r + 1}";
                rows.Append(v.All(char.IsAsciiDigit) && v.Length == 5 ? $"<c r=\"{at}\"><v>{v}</v></c>"
                    : $"<c r=\"{at}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(v)}</t></is></c>");
            }
            rows.Append("</row>");
        }
        string[] merges = ["A1:A2", "B1:C1", "D1:D2", "E1:E2", "F1:G1"];
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""",
            ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="登记表" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""",
            ["xl/worksheets/sheet1.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData><mergeCells count="{merges.Length}">{string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells></worksheet>""",
        };
        File.Delete(path);
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        foreach (var (name, xml) in parts)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new System.Text.UTF8Encoding(false));
            w.Write(xml);
        }
        return path;
    }

    /// <summary>The same as CSV, as Excel saves a merged header: the merged heading in its first cell, the others blank.</summary>
    static string MergedCsv(string path)
    {
        static string Text(string? c) => c is { Length: 5 } v && v.All(char.IsAsciiDigit) ? v : c ?? "";
        File.WriteAllText(path, "\uFEFF" + string.Join("\r\n", Merged.Select(r => string.Join(',', r.Select(c => "\"" + Text(c) + "\"")))) + "\r\n");
        return path;
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public void A_header_merged_over_two_rows_is_read_and_the_bad_rows_are_reported(string format)
    {
        var dir = Directory.CreateTempSubdirectory("ogi-import-merged-").FullName;
        var db = Path.Combine(dir, "r.db");
        (int Exit, string Out, string Err) Run(params string[] args) => CommandLineTests.RunIn(dir, [.. args, "--db", db]);
        var file = Path.Combine(dir, "register." + format);
        if (format == "xlsx") MergedXlsx(file); else MergedCsv(file);

        var bad = Run("register", "import", file, "--agency", "福建省平潭县人民政府");
        Assert.Equal(2, bad.Exit);
        // The header is the second row, each column named from both rows.
        Assert.True(bad.Err.Contains("序号 → reference, 申请人类型 → applicant, 申请人姓名 → applicant_name, 申请方式 → channel, 收到申请日期 → received, 答复日期 → replied, 答复结果 → outcome"), bad.Err);
        Assert.Contains("skipped row 6: a repeat of row 3", bad.Err);
        Assert.Contains("row 7: ", bad.Err);
        Assert.Contains("row 8: reference 2024-102 is also row 5, with other content", bad.Err);
        Assert.Contains("nothing imported", bad.Err);
        Assert.DoesNotContain("row 4", bad.Err); // the blank row
        Assert.Single(Run("register", "list").Out.Trim().Split('\n'));

        // The preview shows the good rows read right: the serial and the text dates.
        var preview = Run("register", "import", file, "--agency", "福建省平潭县人民政府", "--preview");
        Assert.Contains("2024-101\t2024-01-19 received applicant=natural applicant_name=张三 channel=online", preview.Out);
        Assert.Contains("2024-02-20 replied outcome=granted", preview.Out);
        Assert.Contains("2024-102\t2024-01-22 received applicant=commercial", preview.Out);
        Assert.Contains("2 application(s) readable, 2 bad row(s)", preview.Err);
        Directory.Delete(dir, true);
    }
}
