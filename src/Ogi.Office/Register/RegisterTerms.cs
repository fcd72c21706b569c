using Ogi.Templates;

namespace Ogi.Office.Register;

/// <summary>A term of the register: its key (the canonical field's part, e.g. natural, granted) and its Chinese names.</summary>
public sealed record Term(string Key, string Name, IReadOnlyList<string> Names);

/// <summary>
/// The register's closed vocabularies: applicant types (the six columns of table 三), channels (第三十一条), reply
/// outcomes (table 三's result rows, read from the gov2021 template data), appeal routes and results (table 四).
/// A term is given by its key or any of its Chinese names.
/// </summary>
public static class RegisterTerms
{
    public static readonly IReadOnlyList<Term> ApplicantTypes =
    [
        new("natural", "自然人", ["自然人", "个人", "公民"]),
        new("commercial", "商业企业", ["商业企业", "企业"]),
        new("research", "科研机构", ["科研机构"]),
        new("nonprofit", "社会公益组织", ["社会公益组织", "公益组织"]),
        new("legal", "法律服务机构", ["法律服务机构", "律师事务所"]),
        new("other_org", "其他", ["其他", "其他组织", "其他法人或其他组织"]),
    ];

    public static readonly IReadOnlyList<Term> Channels =
    [
        new("in_person", "当面", ["当面", "当面申请", "现场"]),
        new("online", "网络", ["网络", "网上", "互联网", "网上申请", "在线"]),
        new("letter", "信函", ["信函", "邮寄", "信件"]),
        new("fax", "传真", ["传真"]),
        new("other", "其他", ["其他"]),
    ];

    public static readonly IReadOnlyList<Term> AppealRoutes =
    [
        new("review", "行政复议", ["行政复议", "复议"]),
        new("litigation_direct", "未经复议直接起诉", ["未经复议直接起诉", "直接起诉", "direct"]),
        new("litigation_after_review", "复议后起诉", ["复议后起诉", "after-review", "after_review"]),
    ];

    public static readonly IReadOnlyList<Term> AppealResults =
    [
        new("upheld", "维持", ["维持", "结果维持"]),
        new("corrected", "纠正", ["纠正", "结果纠正"]),
        new("other", "其他", ["其他", "其他结果"]),
    ];

    /// <summary>The outcomes of a reply: every result row of gov2021's table 三 (予以公开 … 其他处理·其他), named with its group.</summary>
    public static readonly IReadOnlyList<Term> Outcomes = LoadOutcomes();

    static List<Term> LoadOutcomes()
    {
        var rows = TemplateCatalog.Get("gov2021").Definition.Tables.First(t => t.Id == "applications").Rows;
        int first = rows.FindIndex(r => r.Id == "applications.granted"), last = rows.FindIndex(r => r.Id == "applications.total");
        var outcomes = new List<Term>();
        string? group = null;
        foreach (var row in rows.Skip(first).Take(last - first))
        {
            if (row.Group) { group = row.Labels[0]; continue; }
            if (row.Numbering != "arabic") group = null;
            var label = row.Official ?? row.Labels[0];
            var name = group is null ? row.Labels[0] : $"{group}·{label}";
            var names = new List<string> { name };
            foreach (var l in row.Labels) { names.Add(l); if (group is not null) names.AddRange([$"{group}·{l}", $"{group}/{l}", $"{group}-{l}", group + l]); }
            outcomes.Add(new Term(row.Id!["applications.".Length..], name, names.Distinct().ToList()));
        }
        return outcomes;
    }

    /// <summary>The term a word names (key or Chinese name, spaces and brackets aside), or null.</summary>
    public static Term? Find(IReadOnlyList<Term> terms, string? word)
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        var w = Fold(word);
        var byKey = terms.FirstOrDefault(t => string.Equals(t.Key, word.Trim(), StringComparison.OrdinalIgnoreCase));
        if (byKey is not null) return byKey;
        var exact = terms.Where(t => t.Names.Any(n => Fold(n) == w)).ToList();
        if (exact.Count == 1) return exact[0];
        // 其他处理 alone (the gov2019 row, or an office's register that does not say which): its catch-all.
        if (terms == Outcomes && w == "其他处理") return terms.First(t => t.Key == "other_handling.misc");
        return exact.Count > 1 ? exact.OrderBy(t => t.Name.Length).First() : null;
    }

    /// <summary>The term, or a one-line error naming what is accepted.</summary>
    public static Term Require(IReadOnlyList<Term> terms, string? word, string what) =>
        Find(terms, word) ?? throw new RegisterException($"{what} '{word}' is none of: {string.Join(", ", terms.Select(t => t.Name))}");

    static string Fold(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '（' or '）' or '(' or ')')).ToArray());
}

/// <summary>A request the register refuses (an unknown application, a reply before receipt…); one line, fit for a user.</summary>
public sealed class RegisterException(string message) : Exception(message);
