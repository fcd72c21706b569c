using System.Globalization;
using System.Reflection;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Ogi.Office.Register;

/// <summary>A row of an office's register that cannot be read, by its row number in the file (1 = the first line).</summary>
public sealed record BadRow(int Row, string Reason);

/// <summary>What an import would record: its events (all or none), the rows read, skipped and refused.</summary>
public sealed record ImportPlan(IReadOnlyList<NewEvent> Events, int Applications, IReadOnlyList<BadRow> Bad, IReadOnlyList<string> Skipped,
    IReadOnlyDictionary<string, string> Columns);

/// <summary>
/// Reads the Excel or CSV register an office keeps: its header row is found by the column names it knows
/// (Data/columns.tsv, plus the user's --map), a header merged over two rows is read as one, dates are read as Excel
/// serials, dates or text (2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105); blank rows and exact repeats are
/// skipped (and said), and every other row that cannot be read is reported. Nothing is recorded while any row is bad.
/// </summary>
public static class RegisterImport
{
    static readonly string[] Required = ["reference", "applicant", "channel", "received"];

    public static IReadOnlyDictionary<string, string[]> KnownColumns { get; } = LoadColumns();

    static Dictionary<string, string[]> LoadColumns()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ogi.Office.Register.Data.columns.tsv")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1].Split('|').Select(Fold).ToArray());
    }

    /// <summary>The rows of a CSV or XLSX file as text cells (merged cells filled), or a one-line error.</summary>
    public static List<string[]> ReadRows(string path)
    {
        if (!File.Exists(path)) throw new RegisterException($"{path}: no such file");
        try
        {
            if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                var config = new OpenXmlConfiguration { FillMergedCells = true };
                return MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: false, configuration: config)
                    .Select(r => ((IDictionary<string, object?>)r).Values.Select(Cell).ToArray()).ToList();
            }
            var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false });
            var rows = new List<string[]>();
            foreach (var row in csv) rows.Add(row.ToArray().Select(c => c?.ToString() ?? "").ToArray());
            return rows;
        }
        catch (Exception e) when (e is not RegisterException && e is IOException or InvalidDataException or InvalidOperationException or CsvFormatException or System.Xml.XmlException)
        {
            throw new RegisterException($"{path}: cannot read it as {(path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "an Excel file" : "CSV")}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>An Excel date stays a date; a number keeps its invariant digits (a serial date is read as a date later).</summary>
    static string Cell(object? v) => v switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>Plans the import of these rows into an agency's register; <paramref name="existing"/> are references already in it.</summary>
    public static ImportPlan Plan(List<string[]> rows, long agencyId, IReadOnlyDictionary<string, string> map, ISet<string> existing)
    {
        var known = KnownColumns.ToDictionary(k => k.Key, k => k.Value.ToList());
        foreach (var (name, field) in map)
        {
            if (!known.ContainsKey(field)) throw new RegisterException($"--map {name}={field}: {field} is none of {string.Join(", ", known.Keys)}");
            foreach (var k in known.Values) k.Remove(Fold(name));
            known[field].Insert(0, Fold(name));
        }
        string? FieldOf(string name) => name.Length == 0 ? null : known.FirstOrDefault(k => k.Value.Contains(Fold(name))).Key;
        // The header: of the first rows, the one naming most known columns; a header cell merged above (申请人 over 类型, 姓名) is tried with it.
        int header = -1;
        Dictionary<int, string> columns = [];
        for (int r = 0; r < Math.Min(rows.Count, 10); r++)
        {
            var found = new Dictionary<int, string>();
            for (int c = 0; c < rows[r].Length; c++)
            {
                var above = r > 0 && c < rows[r - 1].Length ? rows[r - 1][c] : "";
                var field = FieldOf(above + rows[r][c]) ?? FieldOf(rows[r][c]);
                if (field is not null && !found.ContainsValue(field)) found[c] = field;
            }
            if (found.Count > columns.Count) { header = r; columns = found; }
        }
        var missing = Required.Where(f => !columns.ContainsValue(f)).ToList();
        if (header < 0 || missing.Count > 0)
            throw new RegisterException($"no header row names the columns {string.Join(", ", missing)} (known names in columns.tsv; add yours with --map 列名=field)");

        var bad = new List<BadRow>();
        var skipped = new List<string>();
        var events = new List<NewEvent>();
        var seen = new Dictionary<string, (int Row, string Content)>(StringComparer.Ordinal);
        int applications = 0;
        for (int r = header + 1; r < rows.Count; r++)
        {
            int rowNo = r + 1;
            var cells = columns.ToDictionary(c => c.Value, c => c.Key < rows[r].Length ? rows[r][c.Key].Trim() : "");
            if (cells.Values.All(v => v.Length == 0)) continue;
            var content = string.Join("\u001f", cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value));
            var reference = cells["reference"];
            if (reference.Length == 0) { bad.Add(new BadRow(rowNo, "no reference (申请编号)")); continue; }
            if (seen.TryGetValue(reference, out var earlier))
            {
                if (earlier.Content == content) skipped.Add($"row {rowNo}: a repeat of row {earlier.Row}");
                else bad.Add(new BadRow(rowNo, $"reference {reference} is also row {earlier.Row}, with other content"));
                continue;
            }
            seen[reference] = (rowNo, content);
            if (existing.Contains(reference)) { bad.Add(new BadRow(rowNo, $"{reference} is in the register already")); continue; }
            try
            {
                var received = Date(cells["received"], "received");
                var data = new Dictionary<string, string>
                {
                    ["applicant"] = RegisterTerms.Require(RegisterTerms.ApplicantTypes, cells["applicant"], "applicant type").Key,
                    ["channel"] = RegisterTerms.Require(RegisterTerms.Channels, cells["channel"], "channel").Key,
                    ["subject"] = cells.GetValueOrDefault("subject") ?? "",
                };
                foreach (var f in new[] { "applicant_name", "unit" }) if (cells.GetValueOrDefault(f) is { Length: > 0 } v) data[f] = v;
                var list = new List<RegisterEvent> { new(EventKind.Received, received, data) };
                var repliedText = cells.GetValueOrDefault("replied") ?? "";
                var outcomeText = cells.GetValueOrDefault("outcome") ?? "";
                if (repliedText.Length > 0 || outcomeText.Length > 0)
                {
                    if (repliedText.Length == 0 || outcomeText.Length == 0) throw new RegisterException("a reply needs both its date and its outcome");
                    var reply = new Dictionary<string, string> { ["outcome"] = RegisterTerms.Require(RegisterTerms.Outcomes, outcomeText, "outcome").Key };
                    if (cells.GetValueOrDefault("reason") is { Length: > 0 } why) reply["reason"] = why;
                    list.Add(new RegisterEvent(EventKind.Replied, Date(repliedText, "replied"), reply));
                }
                var state = new ApplicationState { Reference = reference };
                foreach (var e in list) state.Apply(e);
                events.AddRange(list.Select(e => new NewEvent(agencyId, reference, e)));
                applications++;
            }
            catch (RegisterException e) { bad.Add(new BadRow(rowNo, e.Message.Replace($"application {reference}: ", ""))); }
        }
        return new ImportPlan(events, applications, bad, skipped, columns.ToDictionary(c => rows[header][c.Key], c => c.Value));
    }

    static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm"];

    /// <summary>A date as offices write it, or an Excel serial (days since 1899-12-30).</summary>
    public static DateOnly Date(string text, string what)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return DateOnly.FromDateTime(d);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        throw new RegisterException(text.Length == 0 ? $"no {what} date" : $"{what} '{text}' is no date");
    }

    static string Fold(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && c is not ('（' or '）' or '(' or ')' or '*' or ':' or '：')).ToArray());
}
