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
/// (Data/columns.tsv, plus the user's --map), a header merged over two rows is read as one (merged cells filled in an
/// XLSX; in a CSV a heading over several columns carried right), dates are read as Excel
/// serials, dates or text (2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105); blank rows and exact repeats are
/// skipped (and said), and every other row that cannot be read is reported. Beside receipt and reply, the columns
/// <see cref="RegisterExport"/> writes (补正, consultations, extension, appeals) are read when present. Nothing is recorded while any row is bad.
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
        Dictionary<int, string> labels = []; // the heading each column was known by (merged with the one above it, or alone)
        for (int r = 0; r < Math.Min(rows.Count, 10); r++)
        {
            var found = new Dictionary<int, string>();
            var named = new Dictionary<int, string>();
            for (int c = 0; c < rows[r].Length; c++)
            {
                var above = r > 0 && c < rows[r - 1].Length ? rows[r - 1][c] : "";
                // A heading merged across columns is, in a CSV saved from Excel, in its first cell only: carried right.
                for (int left = c - 1; above.Length == 0 && rows[r][c].Length > 0 && r > 0 && left >= 0; left--)
                    if (left < rows[r - 1].Length) above = rows[r - 1][left];
                var (label, field) = FieldOf(above + rows[r][c]) is { } f ? (above + rows[r][c], f) : (rows[r][c], FieldOf(rows[r][c]));
                if (field is not null && !found.ContainsValue(field)) { found[c] = field; named[c] = label.Trim(); }
            }
            if (found.Count > columns.Count) { header = r; columns = found; labels = named; }
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
                string Cell(string field) => cells.GetValueOrDefault(field) ?? "";
                // Each strand of the application's life in its own order; merged by date below.
                var strands = new List<List<RegisterEvent>> { new() { new(EventKind.Received, received, data) } };
                strands.Add(Pairs(Cell("supplement_requested"), Cell("supplement_received"), EventKind.SupplementRequested, EventKind.SupplementReceived, "补正"));
                strands.Add(Pairs(Cell("consultation_started"), Cell("consultation_ended"), EventKind.ConsultationStarted, EventKind.ConsultationEnded, "consultation"));
                if (Cell("extended").Length > 0 || Cell("extension_days").Length > 0)
                {
                    if (Cell("extended").Length == 0) throw new RegisterException("an extension needs its date");
                    var extension = new Dictionary<string, string> { ["approved_by"] = Cell("approved_by") };
                    var regulation = Calendar.Regulation.InForceOn(received);
                    // An office's register that does not say how long: the most the regulation allows.
                    extension["days"] = Cell("extension_days").Length == 0 ? regulation.ExtensionDays.ToString(CultureInfo.InvariantCulture)
                        : int.TryParse(Cell("extension_days"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture)
                        : throw new RegisterException($"extension '{Cell("extension_days")}' is no number of working days");
                    strands.Add([new RegisterEvent(EventKind.Extended, Date(Cell("extended"), "extended"), extension)]);
                }
                var repliedText = Cell("replied");
                var outcomeText = Cell("outcome");
                if (repliedText.Length > 0 || outcomeText.Length > 0)
                {
                    if (repliedText.Length == 0 || outcomeText.Length == 0) throw new RegisterException("a reply needs both its date and its outcome");
                    var reply = new Dictionary<string, string> { ["outcome"] = RegisterTerms.Require(RegisterTerms.Outcomes, outcomeText, "outcome").Key };
                    if (Cell("reason") is { Length: > 0 } why) reply["reason"] = why;
                    strands.Add([new RegisterEvent(EventKind.Replied, Date(repliedText, "replied"), reply)]);
                }
                strands.AddRange(Appeals(Cell("appeals")));
                var list = Merge(strands);
                var state = new ApplicationState { Reference = reference };
                foreach (var e in list) state.Apply(e);
                events.AddRange(list.Select(e => new NewEvent(agencyId, reference, e)));
                applications++;
            }
            catch (RegisterException e) { bad.Add(new BadRow(rowNo, e.Message.Replace($"application {reference}: ", ""))); }
        }
        return new ImportPlan(events, applications, bad, skipped, columns.ToDictionary(c => labels[c.Key], c => c.Value));
    }

    static readonly string[] Separators = [RegisterExport.ListSeparator, ";", "，", ",", "\n"];

    static List<DateOnly> Dates(string cell, string what) =>
        cell.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => Date(d, what)).ToList();

    /// <summary>Begun and ended dates, matched in order: 补正 asked and supplied, a consultation begun and ended; the last may be open.</summary>
    static List<RegisterEvent> Pairs(string begun, string ended, string beginKind, string endKind, string what)
    {
        var (starts, ends) = (Dates(begun, beginKind), Dates(ended, endKind));
        if (ends.Count > starts.Count || starts.Count - ends.Count > 1)
            throw new RegisterException($"{what}: {starts.Count} begun and {ends.Count} ended dates do not pair up");
        var strand = new List<RegisterEvent>();
        for (int i = 0; i < starts.Count; i++)
        {
            strand.Add(new RegisterEvent(beginKind, starts[i], new Dictionary<string, string>()));
            if (i < ends.Count) strand.Add(new RegisterEvent(endKind, ends[i], new Dictionary<string, string>()));
        }
        return strand;
    }

    /// <summary>The appeals cell as export writes it: "case route filed [result decided]", cases separated by ；.</summary>
    static IEnumerable<List<RegisterEvent>> Appeals(string cell)
    {
        foreach (var part in cell.Split([RegisterExport.ListSeparator, ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var w = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (w.Length is not (3 or 5)) throw new RegisterException($"appeal '{part}': case, route and date filed, then its result and date decided");
            var strand = new List<RegisterEvent>
            {
                new(EventKind.AppealFiled, Date(w[2], "appeal filed"), new Dictionary<string, string> { ["case"] = w[0], ["route"] = RegisterTerms.Require(RegisterTerms.AppealRoutes, w[1], "route").Key }),
            };
            if (w.Length == 5)
                strand.Add(new(EventKind.AppealDecided, Date(w[4], "appeal decided"), new Dictionary<string, string> { ["case"] = w[0], ["result"] = RegisterTerms.Require(RegisterTerms.AppealResults, w[3], "result").Key }));
            yield return strand;
        }
    }

    /// <summary>
    /// The strands merged by date, each kept in its own order; on one day, in the order a life takes (EventKind.All).
    /// The receipt (the first strand) comes first whatever its date, so that an event dated before it is refused as such.
    /// </summary>
    static List<RegisterEvent> Merge(List<List<RegisterEvent>> strands)
    {
        var next = new int[strands.Count];
        next[0] = 1;
        var merged = new List<RegisterEvent> { strands[0][0] };
        while (true)
        {
            int best = -1;
            for (int i = 0; i < strands.Count; i++)
            {
                if (next[i] >= strands[i].Count) continue;
                var e = strands[i][next[i]];
                if (best < 0) { best = i; continue; }
                var b = strands[best][next[best]];
                if (e.On < b.On || (e.On == b.On && Rank(e.Kind) < Rank(b.Kind))) best = i;
            }
            if (best < 0) return merged;
            merged.Add(strands[best][next[best]++]);
        }
    }

    static int Rank(string kind)
    {
        for (int i = 0; i < EventKind.All.Count; i++) if (EventKind.All[i] == kind) return i;
        return int.MaxValue;
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
