using System.Globalization;

namespace Ogi.Validate;

/// <summary>
/// The cross-year rules of FIELDS.md, for one agency's series: X1 (this year's 上年结转 equals last year's 结转下年度),
/// X2 (gov2021: last year's 现行有效 plus this year's 制发 minus 废止 is this year's 现行有效), X3 (a year missing between
/// two published reports). The engine knows nothing of where the earlier report comes from: the store passes it in.
/// </summary>
public static class CrossYearValidator
{
    static readonly string[] ApplicantColumns = ["natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"];
    static readonly string[] DocumentRows = ["proactive.rules", "proactive.normative"];

    /// <summary>X1 and X2 for a report, given the same agency's report of the year before (values by canonical field).</summary>
    public static List<Finding> Check(int previousYear, IReadOnlyDictionary<string, decimal?> previous,
        int year, IReadOnlyDictionary<string, decimal?> current)
    {
        var findings = new List<Finding>();
        if (year != previousYear + 1) return findings;
        foreach (var column in ApplicantColumns)
        {
            string carriedOver = $"applications.carried_over.{column}", carriedForward = $"applications.carried_forward.{column}";
            if (!Comparable(current, carriedOver, previous, carriedForward, out var now, out var before) || now == before) continue;
            findings.Add(new Finding("X1", Severity.Error,
                $"{year}年上年结转（{column}）{Show(now)} ≠ {previousYear}年报告的结转下年度继续办理 {Show(before)}",
                $"carried over into {year} ({column}) is {Show(now)}, but the {previousYear} report carried {Show(before)} forward",
                [carriedOver]));
        }
        foreach (var row in DocumentRows)
        {
            if (!current.TryGetValue($"{row}.issued", out var issued) || !current.TryGetValue($"{row}.repealed", out var repealed)) continue;
            if (!Comparable(current, $"{row}.in_force", previous, $"{row}.in_force", out var inForce, out var before)) continue;
            decimal expected = before + (issued ?? 0) - (repealed ?? 0);
            if (expected == inForce) continue;
            findings.Add(new Finding("X2", Severity.Warning,
                $"{row}：上年现行有效 {Show(before)} + 本年制发 {Show(issued ?? 0)} − 本年废止 {Show(repealed ?? 0)} = {Show(expected)} ≠ 本年现行有效 {Show(inForce)}",
                $"{row}: last year's {Show(before)} in force + {Show(issued ?? 0)} issued − {Show(repealed ?? 0)} repealed = {Show(expected)}, but {Show(inForce)} are in force",
                [$"{row}.in_force", $"{row}.issued", $"{row}.repealed"]));
        }
        return findings;
    }

    /// <summary>X3: the years with no report between the first and the last year of a series.</summary>
    public static List<int> MissingYears(IEnumerable<int> years)
    {
        var set = new SortedSet<int>(years);
        var missing = new List<int>();
        if (set.Count < 2) return missing;
        for (int y = set.Min + 1; y < set.Max; y++)
            if (!set.Contains(y)) missing.Add(y);
        return missing;
    }

    /// <summary>The X3 finding for a report that follows a hole in its series.</summary>
    public static Finding MissingYearsFinding(IReadOnlyList<int> missing, int year) => new("X3", Severity.Warning,
        $"{year}年之前缺少 {string.Join("、", missing)} 年度的报告",
        $"the series has no report for {string.Join(", ", missing)} before {year}", []);

    /// <summary>Both fields printed and at least one of them holding a number (a blank beside a number is 0, as the forms mean it).</summary>
    static bool Comparable(IReadOnlyDictionary<string, decimal?> a, string fieldA, IReadOnlyDictionary<string, decimal?> b, string fieldB,
        out decimal valueA, out decimal valueB)
    {
        valueA = valueB = 0;
        if (!a.TryGetValue(fieldA, out var va) || !b.TryGetValue(fieldB, out var vb) || (va is null && vb is null)) return false;
        valueA = va ?? 0; valueB = vb ?? 0;
        return true;
    }

    static string Show(decimal v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}
