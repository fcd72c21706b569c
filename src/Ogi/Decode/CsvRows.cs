using System.Text;

namespace Ogi.Decode;

/// <summary>
/// A table written as CSV records inside a text (an export, a converter's output): each record becomes a row of
/// pipe cells ("cell | cell |"), the shape every other flattened table reaches the reader in. A line is a record
/// when it splits at commas outside quotes (RFC 4180: "1,234" is one field, "" a quote) into two or more fields
/// and holds no pipe, tab or 。 (prose has them), nor is one number with thousands separators (1,105); a text needs
/// a few such lines holding numbers, or more of them, to be a table.
/// </summary>
public static class CsvRows
{
    const int MinimumRecords = 4;

    public static string ToPipeRows(string text)
    {
        if (text.IndexOf(',') < 0) return text;
        // The lines are read in place: only a line with a comma is looked at, and only a record becomes strings.
        List<(int Start, int Length, List<string> Fields)>? records = null;
        int withNumbers = 0;
        for (int start = 0; ;)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(start, end - start);
            if (line.Contains(',') && Fields(line.TrimEnd('\r')) is { } fields)
            {
                (records ??= []).Add((start, end - start, fields));
                foreach (var f in fields) if (IsNumber(f)) { withNumbers++; break; }
            }
            if (newline < 0) break;
            start = newline + 1;
        }
        // A table left blank (zeros not printed) still has its rows.
        if (records is null || withNumbers < MinimumRecords && records.Count < 2 * MinimumRecords) return text;
        var sb = new StringBuilder(text.Length + text.Length / 4);
        int copied = 0;
        foreach (var (start, length, fields) in records)
        {
            sb.Append(text, copied, start - copied);
            foreach (var f in fields) sb.Append(f).Append(" | ");
            sb.Length--;
            copied = start + length;
        }
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    /// <summary>The fields of a CSV record, or null when the line is not one.</summary>
    static List<string>? Fields(ReadOnlySpan<char> line)
    {
        // A line without a comma is no record (most of a text that has a comma somewhere): no regex, no field copies.
        if (line.Length < 3 || line.IndexOf(',') < 0 || line.IndexOfAny("|\t。") >= 0 || IsGroupedNumber(line)) return null;
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

    /// <summary>
    /// 1,105 or 12,345.6 on a line of its own (spaces around it): one number with thousands separators, no record. A
    /// scan, not a regex, since it runs in every process that reads a text with a comma (the regex's set-up cost a
    /// cold file more than its whole parse); its digits are any decimal digits, as the pattern's \d were.
    /// </summary>
    static bool IsGroupedNumber(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        int i = s.Length > 0 && s[0] is '-' or '+' ? 1 : 0;
        int lead = i;
        while (i < s.Length && char.IsDigit(s[i])) i++;
        if (i - lead is < 1 or > 3) return false;
        int groups = 0;
        for (; i < s.Length && s[i] == ','; i += 4, groups++)
            if (i + 3 >= s.Length || !char.IsDigit(s[i + 1]) || !char.IsDigit(s[i + 2]) || !char.IsDigit(s[i + 3])) return false;
        if (groups == 0) return false;
        if (i < s.Length && s[i] == '.')
        {
            int fraction = ++i;
            while (i < s.Length && char.IsDigit(s[i])) i++;
            if (i == fraction) return false;
        }
        return i == s.Length;
    }

    static bool IsNumber(string field) =>
        field.Length > 0 && char.IsAsciiDigit(field[^1]) && field.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-' or '+');
}
