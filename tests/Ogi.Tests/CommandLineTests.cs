using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Ogi.Tests;

/// <summary>The ogi program as a user runs it: exit codes, one-line errors, JSON Lines, batches past bad files.</summary>
public class CommandLineTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("ogi-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    internal static (int Exit, string Out, string Err) Run(params string[] args) => RunIn(null, args);

    /// <summary>ogi started from another folder (null: this process's), left to find ../shared on its own (no OGI_SHARED).</summary>
    internal static (int Exit, string Out, string Err) RunIn(string? folder, params string[] args) => RunOgi(folder, null, TimeSpan.FromSeconds(120), args);

    /// <summary>ogi as a process: from <paramref name="folder"/> (null: this process's), with only the programs in
    /// <paramref name="path"/> on PATH (null: this process's PATH; dotnet is then taken from there too); <paramref name="input"/>, when given, is its standard input;
    /// <paramref name="environment"/>, variables set for it (TZ, …).</summary>
    internal static (int Exit, string Out, string Err) RunOgi(string? folder, string? path, TimeSpan limit, string[] args, string? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(path is null ? "dotnet" : Path.Combine(path, "dotnet")) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        if (folder is not null) { psi.WorkingDirectory = folder; psi.Environment.Remove("OGI_SHARED"); }
        if (path is not null) psi.Environment["PATH"] = path;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ogi.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (input is not null) { p.StandardInput.Write(input); p.StandardInput.Close(); }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(limit), "ogi did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    string Write(string name, byte[] bytes) { var path = Path.Combine(_dir, name); File.WriteAllBytes(path, bytes); return path; }

    [Fact]
    public void Parse_json_follows_the_contract()
    {
        var (exit, output, _) = Run("parse", TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"), "--json");
        Assert.Equal(0, exit);
        var doc = JsonDocument.Parse(output).RootElement;
        Assert.Equal("gov2019", doc.GetProperty("template").GetString());
        Assert.Equal("湖州市南浔区人民政府", doc.GetProperty("metadata").GetProperty("agency").GetString());
        Assert.Equal(259, doc.GetProperty("values").GetProperty("applications.new.natural").GetInt32());
        var note = doc.GetProperty("cells").EnumerateArray().First(c => c.GetProperty("field").GetString() == "appeals.litigation_direct.other");
        Assert.Equal("准予撤诉", note.GetProperty("note").GetString());
        Assert.Contains(doc.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "R1");
    }

    [Fact]
    public void Readable_summary_lays_out_the_tables()
    {
        var (exit, output, _) = Run("parse", TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        Assert.Equal(0, exit);
        Assert.Contains("湖州市南浔区人民政府", output);
        Assert.Contains("三、收到和处理政府信息公开申请情况", output);
        Assert.Contains("R1", output);
    }

    [Fact]
    public void Check_exits_one_on_a_broken_rule_and_zero_otherwise()
    {
        var broken = Run("check", TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        Assert.Equal(1, broken.Exit);
        Assert.Contains("\tR1\terror\t", broken.Out);
        Assert.Contains("new plus carried over", broken.Out);
        var fine = Run("check", TestData.Document(TestData.Seeds, "000_c0b7254846a238aa"));
        Assert.Equal(0, fine.Exit);
        // A report of which no table was read (U1) is no clean result either.
        var dir = Directory.CreateTempSubdirectory("ogi-check-").FullName;
        var seed = File.ReadAllLines(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        var prose = Path.Combine(dir, "prose.txt");
        File.WriteAllLines(prose, seed.Where(l => !l.Contains('|')));
        var unread = Run("check", prose);
        Assert.Equal(1, unread.Exit);
        Assert.Contains("\tU1\twarning\t", unread.Out);
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty")]
    [InlineData("binary.txt", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 9, 9 }, "binary")]
    [InlineData("report.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    public void Bad_input_gets_one_line_and_a_non_zero_exit(string name, byte[] bytes, string reason)
    {
        var (exit, output, error) = Run("parse", Write(name, bytes), "--json");
        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(reason, line);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Parse_and_check_read_the_reports_inside_a_zip_archive_as_ingest_does()
    {
        // Reports are often collected as archives: parse and check take them as ingest does, entry by entry.
        var seeds = new[] { "003_e2088ef8146a25db", "000_c0b7254846a238aa" };
        var archive = Path.Combine(_dir, "reports.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(archive, System.IO.Compression.ZipArchiveMode.Create))
            foreach (var seed in seeds) System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(zip, TestData.Document(TestData.Seeds, seed), "2021/" + Path.GetFileName(TestData.Document(TestData.Seeds, seed)));
        var (exit, output, _) = Run("parse", archive, "--json");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        // Each entry gives what the file itself gives, with archive!entry as its origin.
        foreach (var (seed, line) in seeds.Order(StringComparer.Ordinal).Zip(lines))
        {
            var alone = JsonDocument.Parse(Run("parse", TestData.Document(TestData.Seeds, seed), "--json").Out).RootElement;
            Assert.EndsWith("reports.zip!2021/" + Path.GetFileName(TestData.Document(TestData.Seeds, seed)), line.GetProperty("file").GetString());
            Assert.Equal(alone.GetProperty("values").GetRawText(), line.GetProperty("values").GetRawText());
        }
        var check = Run("check", archive);
        Assert.Equal(1, check.Exit);
        Assert.Contains("reports.zip!2021/003_e2088ef8146a25db", check.Out);
        Assert.Contains("\tR1\terror\t", check.Out);
        // --out names each result after the entry, not the archive.
        var results = Path.Combine(_dir, "results");
        Assert.Equal(0, Run("parse", archive, "--out", results).Exit);
        Assert.Equal(seeds.Select(s => Path.GetFileName(TestData.Document(TestData.Seeds, s)).Replace(".txt", ".json")).Order(),
            Directory.GetFiles(results).Select(Path.GetFileName).Order());
        // A damaged archive is one line and exit 2.
        var bad = Write("damaged.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        var broken = Run("parse", bad);
        Assert.Equal(2, broken.Exit);
        Assert.Contains("not a readable ZIP archive", broken.Err);
        Assert.Single(broken.Err.Trim().Split('\n'));
    }

    [Fact]
    public void Missing_file()
    {
        var (exit, output, error) = Run("parse", Path.Combine(_dir, "nope.txt"));
        Assert.NotEqual(0, exit);
        Assert.Equal("", output);
        Assert.Contains("no such file", error);
    }

    [Fact]
    public void A_huge_file_is_refused_without_reading_it()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var fs = File.Create(path)) fs.SetLength(200L * 1024 * 1024);
        var sw = Stopwatch.StartNew();
        var (exit, _, error) = Run("parse", path);
        Assert.NotEqual(0, exit);
        Assert.Contains("too large", error);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_wrong_extension_does_not_matter()
    {
        var path = Write("report.pdf.txt", File.ReadAllBytes(Path.Combine(TestData.Corpus, "shanghai-govoffice-2019.html")));
        var (exit, output, _) = Run("parse", path, "--json");
        Assert.Equal(0, exit);
        Assert.Equal("gov2019", JsonDocument.Parse(output).RootElement.GetProperty("template").GetString());
    }

    [Fact]
    public void A_folder_with_one_bad_file_still_parses_the_others()
    {
        foreach (var f in Directory.GetFiles(TestData.Seeds)) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
        Write("broken.txt", [0, 1, 2, 3, 0, 0, 0, 0]);
        var (exit, output, error) = Run("parse", _dir, "--json");
        Assert.Equal(2, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, l => Assert.NotEqual("unknown", JsonDocument.Parse(l).RootElement.GetProperty("template").GetString()));
        Assert.Contains("broken.txt", error);
        Assert.Contains("1 of 6", error);
    }

    [Fact]
    public void A_letter_that_is_not_a_report_is_no_error()
    {
        var path = Write("letter.txt", System.Text.Encoding.UTF8.GetBytes("关于召开2021年全市工作会议的通知\n各单位：\n定于3月1日召开会议，请准时参加。\n市政府办公室\n2021年2月20日"));
        var (exit, output, _) = Run("parse", path, "--json");
        Assert.Equal(0, exit);
        var doc = JsonDocument.Parse(output).RootElement;
        Assert.Equal("unknown", doc.GetProperty("template").GetString());
        Assert.Empty(doc.GetProperty("values").EnumerateObject());
    }
}

/// <summary>The command line a newcomer meets: mistakes get one line, the nearest name and exit 2, before anything runs.</summary>
public class CommandLineMistakeTests
{
    static void OneLine((int Exit, string Out, string Err) run, string expected)
    {
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Equal(expected, Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_mistyped_option_is_not_taken_for_a_file()
    {
        // Before the check `--jsno` was a file name, and the folder was parsed into the readable summary.
        OneLine(CommandLineTests.Run("parse", TestData.Seeds, "--jsno"), "ogi parse: unknown option '--jsno' (did you mean --json?)");
        OneLine(CommandLineTests.Run("check", "--thread", "2", TestData.Seeds), "ogi check: unknown option '--thread' (did you mean --threads?)");
        OneLine(CommandLineTests.Run("render", "x.json", "--formt", "txt"), "ogi render: unknown option '--formt' (did you mean --format?)");
        OneLine(CommandLineTests.Run("synth", "--out", "x", "--layout", "html"), "ogi synth: unknown option '--layout' (did you mean --layouts?)");
    }

    /// <summary>A user's correction names a division the catalogue knows, and its level follows from it: a mistyped code is refused, not stored.</summary>
    [Fact]
    public void Agency_corrections_name_known_divisions()
    {
        var dir = Directory.CreateTempSubdirectory("ogi-agency-set-").FullName;
        var db = Path.Combine(dir, "ogi.db");
        Assert.Equal(0, CommandLineTests.Run("ingest", Path.Combine(TestData.Seeds, "000_c0b7254846a238aa.txt"), "--db", db).Exit);
        OneLine(CommandLineTests.Run("agency", "set", "湖南城陵矶新港区", "--place", "999999", "--db", db), "ogi agency set: --place 999999: no division has that code");
        OneLine(CommandLineTests.Run("agency", "set", "湖南城陵矶新港区", "--place", "430600", "--level", "county", "--db", db), "ogi agency set: --level county: 430600 岳阳市 is a city");
        OneLine(CommandLineTests.Run("agency", "set", "湖南城陵矶新港区", "--place", "鼓楼区", "--db", db), "ogi agency set: --place 鼓楼区: 4 divisions have that name (320106, 320302, 350102, 410204); give the code");
        var set = CommandLineTests.Run("agency", "set", "湖南城陵矶新港区", "--place", "岳阳楼区", "--db", db);
        Assert.Equal(0, set.Exit);
        Assert.Contains("430602 county (corrected)\t1 report, 2018", set.Out);
        Directory.Delete(dir, true);
    }

    /// <summary>A command that only reads never turns a file into a database: an empty file, another file or a folder is refused in one line.</summary>
    [Fact]
    public void Reading_commands_never_create_or_change_a_database()
    {
        var dir = Directory.CreateTempSubdirectory("ogi-db-refused-").FullName;
        var empty = Path.Combine(dir, "empty.txt");
        File.WriteAllBytes(empty, []);
        var text = Path.Combine(dir, "notes.db");
        File.WriteAllText(text, "not a database at all, just words");
        OneLine(CommandLineTests.Run("query", "--db", empty), $"ogi query: {empty}: not an ogi database (ogi ingest creates one)");
        OneLine(CommandLineTests.Run("stats", "applications.new.total", "--db", empty), $"ogi stats: {empty}: not an ogi database (ogi ingest creates one)");
        OneLine(CommandLineTests.Run("agencies", "--db", empty), $"ogi agencies: {empty}: not an ogi database (ogi ingest creates one)");
        Assert.Equal(0, new FileInfo(empty).Length);
        OneLine(CommandLineTests.Run("query", "--db", text), $"ogi query: {text}: not an ogi database (not a SQLite file)");
        OneLine(CommandLineTests.Run("query", "--db", dir), $"ogi query: {dir}: is a folder, not a database file");
        OneLine(CommandLineTests.Run("ingest", TestData.Seeds, "--db", dir), $"ogi ingest: {dir}: is a folder, not a database file");
        Directory.Delete(dir, true);
    }

    [Fact]
    public void An_unknown_command_gets_one_line_with_the_nearest_command()
    {
        var run = CommandLineTests.Run("pasre", TestData.Seeds);
        OneLine(run, "ogi: unknown command 'pasre' (did you mean parse?); the commands: parse, check, text, bench, render, synth, ingest, reparse, agencies, agency, review, bench-store, bench-web, query, stats, compare, export, register, compile, serve, calendar, rollup, user");
    }

    /// <summary>A command line builds only the command its first word names, found by the name in the table.</summary>
    [Fact]
    public void Each_command_is_built_by_its_own_name()
    {
        foreach (var (name, create) in Ogi.Cli.OgiCommands.All) Assert.Equal(name, create().Name);
        var parse = Assert.Single(Ogi.Cli.OgiCommands.Root(["parse", "x.txt"]).Subcommands);
        Assert.Equal("parse", parse.Name);
        Assert.Equal(Ogi.Cli.OgiCommands.All.Length, Ogi.Cli.OgiCommands.Root(["pasre"]).Subcommands.Count);
    }

    [Fact]
    public void Ogi_alone_lists_its_commands()
    {
        var (exit, output, error) = CommandLineTests.Run();
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("Commands:", output);
        foreach (var command in new[] { "parse", "check", "ingest", "query", "stats", "export" }) Assert.Contains("  " + command, output);
    }

    [Fact]
    public void Missing_arguments_and_bad_values_get_one_line_not_the_help()
    {
        var parse = CommandLineTests.Run("parse");
        Assert.Equal(2, parse.Exit);
        Assert.StartsWith("ogi parse: missing <files>: report files or folders", Assert.Single(parse.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        OneLine(CommandLineTests.Run("synth", "--count", "3"), "ogi synth: missing --out: the folder to write NAME.ext and NAME.json (gold) into");
        OneLine(CommandLineTests.Run("synth", "--count", "many", "--out", "x"), "ogi synth: --count takes a whole number, not 'many'");
        OneLine(CommandLineTests.Run("render", "x.json", "--format"), "ogi render: --format needs a value: html | md | txt | docx");
        OneLine(CommandLineTests.Run("render", "a.json", "b.json"), "ogi render: unexpected argument 'b.json' (see ogi render --help)");
    }

    [Fact]
    public void A_file_named_like_an_option_is_read_after_a_double_dash()
    {
        var run = CommandLineTests.Run("parse", "--json", "--", "-x");
        Assert.Equal(2, run.Exit);
        Assert.Equal("ogi: -x: no such file or folder", run.Err.Trim());
    }

    [Fact]
    public void Render_says_in_words_what_it_was_given()
    {
        OneLine(CommandLineTests.Run("render", TestData.Seeds), $"ogi render: {TestData.Seeds} is a folder; render reads one JSON file, what `ogi parse --json` writes");
        var report = TestData.Document(TestData.Seeds, "003_e2088ef8146a25db");
        OneLine(CommandLineTests.Run("render", report), $"ogi render: {report} is not JSON; render reads the JSON `ogi parse --json` writes (to read a report, use ogi parse)");
    }

    [Fact]
    public void Check_ends_with_a_count_and_says_which_exit_status_wins()
    {
        var broken = CommandLineTests.Run("check", TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        Assert.Equal(1, broken.Exit);
        Assert.Matches(@"^ogi check: 1 report, \d+ findings; exit 1: 1 report breaking a consistency rule or not fully read \(U1, V1\)$", broken.Err.Trim());
        var dir = Directory.CreateTempSubdirectory("ogi-check-").FullName;
        try
        {
            File.Copy(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"), Path.Combine(dir, "a.txt"));
            File.WriteAllBytes(Path.Combine(dir, "b.txt"), [0, 1, 2, 3, 0, 0]);
            var both = CommandLineTests.Run("check", dir);
            Assert.Equal(2, both.Exit);
            Assert.Matches(@"ogi check: 1 report, \d+ findings; exit 2: 1 file could not be read \(this wins over exit 1 for the 1 report breaking a rule or not fully read\)\n$", both.Err);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_summary_shows_headings_whole_labels_units_and_its_marks()
    {
        var (exit, output, _) = CommandLineTests.Run("parse", TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"));
        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("自然人") && l.Contains("商业企业") && l.TrimEnd().EndsWith("总计"));
        // The longest label of table 三, once cut at 30 columns.
        Assert.Contains(lines, l => l.Contains("要求行政机关确认或重新出具已获取信息"));
        Assert.Contains(lines, l => l.Contains("采购总金额（单位：万元）"));
        Assert.Contains(lines, l => l.Contains("? 读数存疑") && l.Contains("not printed"));
        var legacy = CommandLineTests.Run("parse", Path.Combine(TestData.Corpus, "pingtan-zone-2012.txt"));
        Assert.Contains(legacy.Out.Split('\n'), l => l.Contains("单位") && l.Contains("2012年度") && l.Contains("历年累计"));
        Assert.Contains(legacy.Out.Split('\n'), l => l.Contains("主动公开信息数") && l.Contains(" 条 "));
    }

    [Fact]
    public void Bench_finds_the_floor_beside_the_repository_from_any_folder()
    {
        // Started from the root folder, where no ../shared is: the floor is found from where ogi is.
        var (exit, output, err) = CommandLineTests.RunIn("/", "bench", "--files", "24", "--count", "48", "--rounds", "2");
        Assert.True(exit == 0, err);
        // Two rounds: three floors (before, between, after), each round's ratio beside the median's.
        Assert.Matches(@"floor +: [\d,]+ docs/s \(\.\./shared/tools/floor/run, median of 3 runs before, between and after the rounds: [\d,]+, [\d,]+, [\d,]+\)", output);
        Assert.Matches(@"whole process +: +[\d,]+ reports/s .*, the median of 2 rounds", output);
        Assert.Matches(@"ratio to the floor \d\.\d{3}; by round \d\.\d{3}, \d\.\d{3} \(target ≥ 0\.12\)", output);
        Assert.Matches(@"ratio to the floor \d\.\d{3}; by round \d\.\d{3}, \d\.\d{3} \(target ≥ 0\.2\)", output);
        Assert.Matches(@"cold file +: [\d,]+ ms", output);
        Assert.Contains("stages", output);
    }

    [Fact]
    public void Help_names_every_format_a_command_reads()
    {
        foreach (var command in new[] { "parse", "check", "text" })
        {
            var help = CommandLineTests.Run(command, "--help").Out;
            foreach (var format in new[] { "text", "HTML", "Word" }) Assert.Contains(format, help, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public class TextCommandTests
{
    [Fact]
    public void Offsets_of_parse_point_into_the_text_command_output()
    {
        var file = Path.Combine(TestData.Corpus, "shanghai-govoffice-2019.html");
        var (exit, text, _) = CommandLineTests.Run("text", file);
        Assert.Equal(0, exit);
        var report = TestData.Parse(file);
        Assert.All(report.Main!.Cells.Where(c => c.Value is not null), c => Assert.Equal(c.Raw, text[c.Start..c.End]));
    }
}

/// <summary>`ogi render` and `ogi synth` as a user runs them.</summary>
public class RenderSynthCommandLineTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("ogi-rs-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Render_warns_of_a_broken_rule_and_writes_the_report_as_given()
    {
        var data = Path.Combine(TestData.SeedGold, "003_e2088ef8146a25db.json");
        var (exit, output, err) = CommandLineTests.Run("render", data, "--format", "txt");
        Assert.Equal(0, exit);
        Assert.Contains("warning: R1", err);
        Assert.Contains("湖州市南浔区人民政府2020年度政府信息公开工作年度报告", output);
        Assert.Contains("一、本年新收政府信息公开申请数量 | 259 |", output);
        var docx = Path.Combine(_dir, "r.docx");
        var w = CommandLineTests.Run("render", data, "--format", "docx", "--out", docx);
        Assert.Equal(0, w.Exit);
        var back = CommandLineTests.Run("parse", docx, "--json");
        Assert.Equal(0, back.Exit);
        Assert.Equal(259, JsonDocument.Parse(back.Out).RootElement.GetProperty("values").GetProperty("applications.new.natural").GetInt32());
    }

    [Fact]
    public void Render_refuses_bad_input_in_one_line()
    {
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{ not json");
        foreach (var args in new[] { new[] { "render", bad }, ["render", Path.Combine(_dir, "missing.json")], ["render", bad, "--format", "pdf"], ["render", bad, "--template", "gov1999"] })
        {
            var (exit, output, err) = CommandLineTests.Run(args);
            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Single(err.Trim().Split('\n'));
            Assert.StartsWith("ogi render: ", err);
        }
    }

    [Fact]
    public void Synth_writes_reports_with_gold_that_parse_back_to_it()
    {
        var corpus = Path.Combine(_dir, "synth");
        var pred = Path.Combine(_dir, "pred");
        var (exit, _, err) = CommandLineTests.Run("synth", "--count", "36", "--out", corpus, "--seed", "11");
        Assert.Equal(0, exit);
        Assert.Contains("36 reports", err);
        var gold = Directory.GetFiles(corpus, "*.json");
        Assert.Equal(36, gold.Length);
        Assert.Equal(72, Directory.GetFiles(corpus).Length);
        Assert.Equal(Ogi.Synthesize.SynthLayouts.All.Count, gold.Select(g => JsonDocument.Parse(File.ReadAllText(g)).RootElement.GetProperty("layout").GetString()).Distinct().Count());
        var parsed = CommandLineTests.Run("parse", corpus, "--out", pred);
        Assert.Equal(0, parsed.Exit);
        foreach (var g in gold)
        {
            var want = JsonDocument.Parse(File.ReadAllText(g)).RootElement;
            var got = JsonDocument.Parse(File.ReadAllText(Path.Combine(pred, Path.GetFileName(g)))).RootElement;
            Assert.Equal(want.GetProperty("template").GetString(), got.GetProperty("template").GetString());
            // A map: the same fields and values (a row placed by the template's order may stand before the row above it).
            static SortedDictionary<string, string> Map(JsonElement values) => new(values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText()), StringComparer.Ordinal);
            Assert.Equal(Map(want.GetProperty("values")), Map(got.GetProperty("values")));
        }
    }

    [Fact]
    public void Render_never_writes_over_an_existing_file_unasked()
    {
        var data = Path.Combine(_dir, "report.json");
        File.Copy(Path.Combine(TestData.SeedGold, "003_e2088ef8146a25db.json"), data);
        var original = Path.Combine(_dir, "report.docx");
        File.WriteAllText(original, "the agency's own report");
        var (exit, _, err) = CommandLineTests.Run("render", data, "--format", "docx");
        Assert.Equal(2, exit);
        Assert.Contains("exists", err);
        Assert.Equal("the agency's own report", File.ReadAllText(original));
        Assert.Equal(2, CommandLineTests.Run("render", data, "--format", "txt", "--out", data).Exit);
        var unknown = Path.Combine(_dir, "unknown.json");
        File.WriteAllText(unknown, "{\"template\": \"gov2025\", \"values\": {}}");
        var u = CommandLineTests.Run("render", unknown);
        Assert.Equal(2, u.Exit);
        Assert.Single(u.Err.Trim().Split('\n'));
    }

    [Fact]
    public void Parse_out_keeps_every_result_or_says_why_not()
    {
        var a = Directory.CreateDirectory(Path.Combine(_dir, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(_dir, "b")).FullName;
        File.Copy(TestData.Document(TestData.Seeds, "003_e2088ef8146a25db"), Path.Combine(a, "r.txt"));
        File.Copy(TestData.Document(TestData.Seeds, "000_c0b7254846a238aa"), Path.Combine(b, "r.txt"));
        var pred = Path.Combine(_dir, "pred");
        var (exit, _, err) = CommandLineTests.Run("parse", a, b, "--out", pred);
        Assert.Equal(2, exit);
        Assert.Contains("already holds the result of", err);
        Assert.Single(Directory.GetFiles(pred));
        var same = CommandLineTests.Run("parse", a, "--out", a);
        Assert.Equal(2, same.Exit);
        Assert.Contains("input folders", same.Err);
    }

    [Fact]
    public void Synth_refuses_an_unknown_layout_and_a_bad_share()
    {
        var a = CommandLineTests.Run("synth", "--count", "3", "--out", Path.Combine(_dir, "x"), "--layouts", "html,fax");
        Assert.Equal(2, a.Exit);
        Assert.Contains("unknown layout fax", a.Err);
        var b = CommandLineTests.Run("synth", "--count", "3", "--out", Path.Combine(_dir, "y"), "--broken", "1.5");
        Assert.Equal(2, b.Exit);
        Assert.Equal(2, CommandLineTests.Run("synth", "--count", "3", "--out", Path.Combine(_dir, "z"), "--broken", "NaN").Exit);
    }
}
