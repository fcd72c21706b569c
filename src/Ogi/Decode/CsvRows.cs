using System.Text;

namespace Ogi.Decode;

/// <summary>
/// A table written as CSV records inside a text (an export, a converter's output): each record becomes a row of
/// pipe cells ("cell | cell |"), the shape every other flattened table reaches the reader in. A line is a record
/// when it splits at commas outside quotes (RFC 4180: "1,234" is one field, "" a quote) into two or more fields
/// and holds no pipe, tab or 。 (prose has them), nor is one number with thousands separators (1,105); a text needs
/// a few such lines holding numbers, or more of them, to be a table.
/// </summary>
public static partial class CsvRows
{
    /// <summary>1,105 or 12,345.6 on a line of its own: one number with thousands separators, no record.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex GroupedNumber();

    const int MinimumRecords = 4;

    public static string ToPipeRows(string text)
    {
        if (text.IndexOf(',') < 0) return text;
        var lines = text.Split('\n');
        var records = new List<string>?[lines.Length];
        int withNumbers = 0, count = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var fields = Fields(lines[i].TrimEnd('\r'));
            if (fields is null) continue;
            records[i] = fields;
            count++;
            if (fields.Any(IsNumber)) withNumbers++;
        }
        // A table left blank (zeros not printed) still has its rows.
        if (withNumbers < MinimumRecords && count < 2 * MinimumRecords) return text;
        var sb = new StringBuilder(text.Length + text.Length / 4);
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) sb.Append('\n');
            if (records[i] is { } fields)
            {
                foreach (var f in fields) sb.Append(f).Append(" | ");
                sb.Length--;
            }
            else sb.Append(lines[i]);
        }
        return sb.ToString();
    }

    /// <summary>The fields of a CSV record, or null when the line is not one.</summary>
    static List<string>? Fields(string line)
    {
        // A line without a comma is no record (most of a text that has a comma somewhere): no regex, no field copies.
        if (line.Length < 3 || line.IndexOf(',') < 0 || line.AsSpan().IndexOfAny("|\t。") >= 0 || GroupedNumber().IsMatch(line)) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, commas = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.ToString().Trim().Length == 0) { field.Clear(); quoted = true; }
            else if (c == ',') { fields.Add(field.ToString().Trim()); field.Clear(); commas = true; }
            else field.Append(c);
        }
        if (quoted || !commas) return null;
        fields.Add(field.ToString().Trim());
        return fields.Count >= 2 ? fields : null;
    }

    static bool IsNumber(string field) =>
        field.Length > 0 && char.IsAsciiDigit(field[^1]) && field.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-' or '+');
}
