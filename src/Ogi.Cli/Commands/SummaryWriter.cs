using System.Globalization;
using Ogi.Parsing;
using Ogi.Templates;

namespace Ogi.Cli;

/// <summary>The readable form of a parse: metadata, each table laid out in the official rows and columns, the findings.</summary>
public static class SummaryWriter
{
    public static void Write(TextWriter w, ParsedReport r, string path)
    {
        var m = r.Metadata;
        w.WriteLine($"== {path}");
        w.WriteLine($"模板 template : {r.Template}");
        w.WriteLine($"标题 title    : {m.Title ?? "—"}");
        w.WriteLine($"机关 agency   : {m.Agency ?? "—"}");
        w.WriteLine($"年度 year     : {m.Year?.ToString(CultureInfo.InvariantCulture) ?? "—"}");
        w.WriteLine($"发布 published: {m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"}");
        if (m.Contact is { } c)
            w.WriteLine($"联系 contact  : {string.Join("  ", new[] { c.Phone is null ? null : "电话 " + c.Phone, c.Fax is null ? null : "传真 " + c.Fax, c.Postcode is null ? null : "邮编 " + c.Postcode, c.Email, c.Address }.Where(s => s is not null))}");
        for (int i = 0; i < r.Tables.Count; i++)
        {
            var t = r.Tables[i];
            var values = t.Cells.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.First());
            if (i > 0) w.WriteLine($"-- 表{i + 1}: {t.Label}");
            foreach (var table in t.Definitions)
            {
                var rows = table.Rows.Where(row => row.Group || row.Columns.Any(col => values.ContainsKey(col.Field))).ToList();
                if (!rows.Any(row => !row.Group)) continue;
                w.WriteLine();
                w.WriteLine(table.Definition.Title + (table.Definition.Variant is { } v ? $" ({v})" : ""));
                foreach (var row in rows)
                {
                    if (row.Group) { w.WriteLine("  " + row.Label); continue; }
                    var cells = row.Columns.Select(col => values.TryGetValue(col.Field, out var cv) ? Show(cv.Value) + (cv.Confidence < 1 ? "?" : "") : "·");
                    w.WriteLine($"  {Pad(row.Label, 30)} {string.Join(" ", cells.Select(s => s.PadLeft(8)))}");
                }
            }
        }
        if (r.Tables.Count == 0) w.WriteLine(r.Template is "unknown" ? "（不是年度报告，或未找到统计表 — no statistics table found）" : "（未找到统计表 — no statistics table found）");
        w.WriteLine();
        if (r.Findings.Count == 0) w.WriteLine("发现 findings: none");
        else
        {
            w.WriteLine($"发现 findings ({r.Findings.Count}):");
            foreach (var f in r.Findings) w.WriteLine($"  [{f.Severity}] {f.Rule} {f.Message}");
        }
    }

    static string Show(decimal? v) => v is null ? "—" : Ogi.Output.JsonReportWriter.Trim(v.Value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Pads by display width: a CJK character takes two columns.</summary>
    static string Pad(string s, int width)
    {
        int w = 0;
        var sb = new System.Text.StringBuilder();
        foreach (var ch in s)
        {
            int cw = ch > 0x2E80 ? 2 : 1;
            if (w + cw > width) break;
            sb.Append(ch); w += cw;
        }
        return sb.Append(' ', Math.Max(0, width - w)).ToString();
    }
}
