using CsvHelper;
using Ogi.Store.Answers;

namespace Ogi.Cli;

/// <summary>
/// Rows of an answer written as the user asked: an aligned table for reading (Chinese characters counted two columns
/// wide, numbers right-aligned), CSV (CsvHelper), or JSON Lines with the column ids as keys.
/// </summary>
public static class AnswerOutput
{
    public static readonly string[] Formats = ["table", "csv", "jsonl"];

    public static string Format(string format) =>
        Formats.Contains(format.ToLowerInvariant()) ? format.ToLowerInvariant() : throw new AnswerException($"unknown format '{format}' (table, csv or jsonl)");

    /// <param name="ids">Column ids: the CSV header and the JSON keys.</param>
    /// <param name="headers">What the table prints above each column.</param>
    /// <param name="rows">Cell values: string, decimal, long, double, bool or null.</param>
    public static void Write(string format, IReadOnlyList<string> ids, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, TextWriter output)
    {
        switch (format)
        {
            case "csv":
                using (var csv = CsvWriter.Create(output, null, true))
                {
                    foreach (var id in ids) csv.WriteField(id);
                    csv.EndRecord();
                    foreach (var row in rows)
                    {
                        foreach (var cell in row) csv.WriteField(Text(cell));
                        csv.EndRecord();
                    }
                }
                break;
            case "jsonl":
                using (var lines = new JsonLineWriter(output))
                    foreach (var row in rows)
                        lines.WriteLine(json =>
                        {
                            json.WriteStartObject();
                            for (int i = 0; i < ids.Count; i++)
                            {
                                json.WritePropertyName(ids[i]);
                                switch (row[i])
                                {
                                    case null: json.WriteNullValue(); break;
                                    case decimal d: json.WriteNumberValue(Decimals.Plain(d)); break;
                                    case long l: json.WriteNumberValue(l); break;
                                    case int n: json.WriteNumberValue(n); break;
                                    case double x: json.WriteNumberValue(x); break;
                                    case bool b: json.WriteBooleanValue(b); break;
                                    default: json.WriteStringValue(Text(row[i])); break;
                                }
                            }
                            json.WriteEndObject();
                        });
                break;
            default:
                WriteTable(headers, rows.Select(r => r.Select(Readable).ToArray()).ToList(), output);
                break;
        }
        output.Flush();
    }

    static void WriteTable(IReadOnlyList<string> headers, List<string[]> cells, TextWriter output)
    {
        var widths = headers.Select(Width).ToArray();
        var numeric = Enumerable.Repeat(true, headers.Count).ToArray();
        foreach (var row in cells)
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
                if (row[i].Length > 0 && !decimal.TryParse(row[i], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)) numeric[i] = false;
            }
        void Line(IReadOnlyList<string> row, bool header)
        {
            var parts = row.Select((c, i) => numeric[i] && !header ? Pad(c, widths[i], left: true) : Pad(c, widths[i], left: false));
            output.WriteLine(string.Join("  ", parts).TrimEnd());
        }
        Line(headers, header: true);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells) Line(row, header: false);
    }

    static string Pad(string s, int width, bool left)
    {
        var pad = new string(' ', Math.Max(0, width - Width(s)));
        return left ? pad + s : s + pad;
    }

    /// <summary>Display width: East Asian wide and full-width characters take two columns.</summary>
    public static int Width(string s)
    {
        int w = 0;
        foreach (var c in s)
            w += c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
                or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1;
        return w;
    }

    /// <summary>A cell of the table for reading: a mean of 95.666666666667 is shown as 95.67 (a share below 1 keeps four
    /// decimals, 0.3333); CSV and JSON Lines keep every decimal, for further computing.</summary>
    static string Readable(object? cell) => cell is decimal d && decimal.Round(d, Math.Abs(d) >= 1 ? 2 : 4, MidpointRounding.AwayFromZero) is var r && r != d
        ? Decimals.Text(r) : Text(cell);

    public static string Text(object? cell) => cell switch
    {
        null => "",
        decimal d => Decimals.Text(d),
        double x => x.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
