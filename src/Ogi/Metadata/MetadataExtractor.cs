using System.Text.RegularExpressions;
using Ogi.Segment;

namespace Ogi.Metadata;

/// <summary>
/// Title, reporting body, report year, publication date and contact details. The title is the line that reads
/// "…{year}年(度)…信息公开…报告" (a title broken over two lines is joined); the agency is the words next to the year;
/// a 发布机构/来源 line replaces it only where it names the same body more fully (a place prefix, the organ type).
/// </summary>
public static partial class MetadataExtractor
{
    [GeneratedRegex(@"^(?<pre>.*?)(?<year>(?:19|20)[0-9]{2})年(?:度)?(?<post>.*?)(?:政府|政务)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报|工作报告)(?:\(.*\))?$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"(?<year>(?:19|20)[0-9]{2})年(?:度)?(?<post>[^,，。;；:：()、\|《》""]{2,30}?)(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)")]
    private static partial Regex TitleInSentenceAfterYear();

    [GeneratedRegex(@"(?<year>(?:19|20)[0-9]{2})年(?:度)?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)")]
    private static partial Regex TitlePhraseAtYear();

    // The date and publisher lines are matched only where their labels stand (\G: at the place given), found by
    // looking for the labels' words: the labels start with characters that Chinese prose is full of (公, 时, 日, 信).
    [GeneratedRegex(@"\G(?<=^|[\s|])(?<label>发布时间|发布日期|发文日期|公开日期|公开时间|生成日期|成文日期|印发日期|发布于|时间|日期)[ \t]{0,3}[:：]?[ \t]{0,3}\|?[ \t]{0,3}(?:\n[ \t]{0,3}\|?[ \t]{0,3}){0,2}(?<date>[^\n|]{6,24})")]
    private static partial Regex DateLineHere();

    /// <summary>Where a label of <see cref="DateLineHere"/> can start: a word every label ends with, and how far before it the label starts.</summary>
    static readonly (string Word, int[] Backs)[] DateLabelWords = [("时间", [0, 2]), ("日期", [0, 2]), ("发布于", [0])];

    [GeneratedRegex(@"\G(?<=^|[\s|-])(?<label>发布机构|来源|发布单位|信息来源)[ \t]{0,3}[:：][ \t]{0,3}\|?[ \t]{0,3}(?:\n[ \t]{0,3}\|?[ \t]{0,3}){0,2}(?<name>[^\s|:：]{2,40})")]
    private static partial Regex PublisherLineHere();

    static readonly (string Word, int[] Backs)[] PublisherLabelWords = [("来源", [0, 2]), ("发布机构", [0]), ("发布单位", [0])];

    /// <summary>
    /// The heading of a document about the report, not the report: a notice, plan, letter… whose words go on past
    /// 年度报告 (关于做好2022年度政府信息公开工作年度报告编制发布工作的通知).
    /// </summary>
    [GeneratedRegex(@"(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报).{0,30}(?:通知|方案|函|计划|要点|意见|公告|通报|批复|请示|决定|办法|安排|说明|目录|清单|公示|评估|考核)$")]
    private static partial Regex OtherDocumentHeading();

    [GeneratedRegex(@"(?:印发|公布|发布)[^的]{0,40}(?:报告|年报)的通知$")]
    private static partial Regex PublishingNotice();

    /// <summary>A publication date printed under the title in brackets: （2021年1月29日）.</summary>
    [GeneratedRegex(@"(?<=^|\n)[ \t]*\([ \t]*(?<date>[^\n()]{6,20}?)[ \t]*\)[ \t]*(?=\n|$)")]
    private static partial Regex BracketedDateLine();

    [GeneratedRegex(@"统计(?:期限|时限|时间|区间)[^0-9]{0,12}(?<year>(?:19|20)[0-9]{2})")]
    private static partial Regex StatisticsPeriod();

    [GeneratedRegex(@"(?<=^|[\s。；;])(?:[^\s。；;,，0-9]{0,6})?(?<year>(?:19|20)[0-9]{2})年(?:度)?(?:[,，]|以来|[^\s0-9月]{0,3}(?:全年|共|在))")]
    private static partial Regex ProseYear();

    [GeneratedRegex(@"(?:联系电话|咨询电话|电话)[ \t]{0,3}[:：]?[ \t]{0,3}(?<v>(?:\(?0[0-9]{2,3}\)?[-－]?)?[0-9]{7,8}(?:[-－][0-9]{1,4})?|1[3-9][0-9]{9})")]
    private static partial Regex Phone();

    [GeneratedRegex(@"传真(?:号码|电话)?[ \t]{0,3}[:：]?[ \t]{0,3}(?<v>(?:\(?0[0-9]{2,3}\)?[-－]?)?[0-9]{7,8})")]
    private static partial Regex Fax();

    [GeneratedRegex(@"(?:邮编|邮政编码)[ \t]{0,3}[:：]?[ \t]{0,3}(?<v>[0-9]{6})(?![0-9])")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"(?<v>[A-Za-z0-9._\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")]
    private static partial Regex Email();

    [GeneratedRegex(@"地址[ \t]{0,3}[:：][ \t]{0,3}(?<v>[^,，;；。)）\n|]{4,60})")]
    private static partial Regex Address();

    static readonly string[] SentencePrefixes = ["特向社会公布", "现予以公布", "关于印发", "特编制", "现公布", "公布", "编制", "印发", "发布", "特此", "现将", "根据", "关于"];
    static readonly string[] OrganSuffixes = ["人民政府", "政府", "管委会", "管理委员会", "党工委管委会"];

    public static ReportMetadata Extract(LayoutText text)
    {
        var folded = text.HasGlosses ? Normalize.TextNormalizer.WithoutGlosses(text.Source, text.Folded) : text.Folded;
        var lines = HeadLines.For(folded, 150);
        if (IsOtherDocument(lines))
            return new ReportMetadata(null, null, null, null, FindContact(folded), false);
        var (title, titleYear, titleAgency) = FindTitle(lines, folded);
        int? year = titleYear;
        if (year is null)
        {
            var m = StatisticsPeriod().Match(folded);
            // Else the year the prose opens its account with (2019年，我局… / 2019年度，…).
            if (!m.Success) m = ProseYear().Match(folded, 0, HeadLength(folded, 6000));
            if (m.Success) year = ParseInt(m.Groups["year"].Value);
        }
        string? agency = titleAgency;
        // A publisher line only ever names an agency found in the title more fully.
        if (agency is not null)
            foreach (var m in MatchesAtLabels(PublisherLineHere(), Head(folded, 4000), PublisherLabelWords))
            {
                var name = Clean(m.Groups["name"].Value);
                if (IsFullerName(name, agency)) { agency = name; break; }
            }
        var published = FindPublished(folded, year);
        bool looksLike = title is not null || folded.Contains("信息公开") && (folded.Contains("年度报告") || folded.Contains("年报"));
        // Title and agency come from the folded text: already simplified, ASCII digits.
        return new ReportMetadata(title?.Trim(), agency?.Trim(), year, published,
            FindContact(folded), looksLike);
    }

    /// <summary>Whether the document's heading, the first line that names the report, is that of another document about it.</summary>
    static bool IsOtherDocument(HeadLines lines)
    {
        for (int i = 0; lines.Has(i); i++)
        {
            var squeezed = lines.Squeezed(i);
            if (squeezed.Length < 8 || squeezed.Length > 100 || !HeadLines.MayNameReport(squeezed)) continue;
            var l = lines.SqueezedText(i);
            // 关于印发…年度报告的通知 carries the report itself.
            if (OtherDocumentHeading().IsMatch(l)) return !PublishingNotice().IsMatch(l);
            if (lines.Title(i, MatchTitle) is not null) return false;
        }
        return false;
    }

    static (string? Title, int? Year, string? Agency) FindTitle(HeadLines lines, string folded)
    {
        // An explicit "标题:" line wins (folding made a full-width 标题： one 标题: too; the line itself is the source's).
        bool labelled = folded.Contains("标题:", StringComparison.Ordinal);
        for (int i = 0; labelled && lines.Has(i); i++)
        {
            var l = lines.Line(i).Trim();
            if (l.StartsWith("标题:", StringComparison.Ordinal) || l.StartsWith("标题：", StringComparison.Ordinal))
            {
                var t = Squeeze(l[3..].ToString());
                if (MatchTitle(t) is { } r) return r;
            }
        }
        for (int i = 0; lines.Has(i); i++)
        {
            var l = lines.Squeezed(i);
            if (l.Length > 80) continue;
            if (l.Length >= 8 && lines.Title(i, MatchTitle) is { } r)
            {
                // "平潭综合实验区" on its own line above "2022年度政府信息公开工作年度报告" (a <br> or a second paragraph).
                if (r.Item3 is null && AgencyLineAbove(lines, i) is string above && MatchTitle(above + lines.SqueezedText(i)) is { Item3: not null } withAgency) return withAgency;
                return r;
            }
            // A title broken over two lines; but a breadcrumb line followed by the whole title is no fragment.
            if (lines.Has(i + 1) && lines.Title(i + 1, MatchTitle) is null && TryJoin(lines, i) is { } j) return j;
        }
        // A title phrase inside a sentence ("特向社会公布2017年岭东区政府信息公开工作年度报告").
        // The title of a document the report cites (《关于做好…年度报告…的通知》) is not the report's.
        var head = WithoutCitations(Squeeze(folded.Length > 6000 ? folded[..6000] : folded));
        var a = TitleInSentenceAfterYear().Match(head);
        var b = TitlePhraseAtYear().Match(head);
        // The agency before the year: the words back to the previous punctuation.
        string? pre = null;
        if (b.Success)
        {
            int s = b.Index;
            while (s > 0 && b.Index - s < 30 && !IsBreak(head[s - 1])) s--;
            pre = StripSentencePrefix(head[s..b.Index]);
            if (pre.Length < 2) pre = null;
        }
        if (a.Success && (pre is null || a.Index <= b.Index))
        {
            var post = a.Groups["post"].Value;
            if (post.Length >= 2 && post is not ("政府" or "政务")) return (a.Value, ParseInt(a.Groups["year"].Value), post);
        }
        if (b.Success && pre is not null) return (pre + b.Value, ParseInt(b.Groups["year"].Value), pre);
        return (null, null, null);
    }

    [GeneratedRegex(@"《[^《》]{0,80}》")]
    private static partial Regex Citation();

    static string WithoutCitations(string s) => s.Contains('《') ? Citation().Replace(s, "，") : s;

    static readonly string[] NotAgency = ["网站", "首页", "位置", "栏目", "专栏", "信息公开", "当前", "导航", "来源", "发布", "时间", "日期"];

    /// <summary>The nearest non-empty line above, when it can be a body's name: short words without punctuation or digits.</summary>
    static string? AgencyLineAbove(HeadLines lines, int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 2; k--)
        {
            var l = lines.SqueezedText(k);
            if (l.Length == 0) continue;
            if (l.Length < 2 || l.Length > 30 || l.Any(IsBreak) || l.Any(c => c is '>' or '»' or '/' or '\\' or '-' or '.' or '!' or '?' or '！' or '？')) return null;
            foreach (var w in NotAgency) if (l.Contains(w, StringComparison.Ordinal)) return null;
            return l;
        }
        return null;
    }

    /// <summary>Line i and the next read as one title.</summary>
    static (string, int?, string?)? TryJoin(HeadLines lines, int i)
    {
        ReadOnlySpan<char> l = lines.Squeezed(i), next = lines.Squeezed(i + 1);
        if (l.Length + next.Length > 80 || l.EndsWith("报告", StringComparison.Ordinal)) return null;
        // Only a line that names 信息公开 can be a title, also where the break falls inside those words.
        if (!HeadLines.MayNameReport(l) && !HeadLines.MayNameReport(next) && !(l.EndsWith('公') && next.StartsWith('开'))) return null;
        return MatchTitle(string.Concat(l, next));
    }

    [GeneratedRegex(@"[二〇○OoО零一三四五六七八九]{4}(?=年)")]
    private static partial Regex ChineseYear();

    static (string, int?, string?)? MatchTitle(string line)
    {
        if (!HeadLines.MayNameReport(line)) return null;
        // 二〇二〇年 → 2020年: titles spell the year in Chinese numerals too.
        if (line.Contains('年')) line = ChineseYear().Replace(line, m => ChineseDate.YearOf(m.Value)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? m.Value);
        // The pattern needs a year in digits: a line without one (a breadcrumb, 首页>政务公开>…年报) is not tried.
        if (!line.AsSpan().ContainsAnyInRange('0', '9')) return null;
        var m = TitleLine().Match(line);
        if (!m.Success) return null;
        var pre = StripSentencePrefix(m.Groups["pre"].Value.Trim('-', ':', ' ', '|'));
        if (pre.EndsWith("关于", StringComparison.Ordinal)) pre = pre[..^2];
        var post = m.Groups["post"].Value;
        string? agency = pre.Length >= 2 ? pre : post.Length >= 2 && post is not ("政府" or "政务") ? post : null;
        if (agency is not null && (agency.Length > 40 || agency.AsSpan().IndexOfAny("。，,|:：;；!！?？>»/\\") >= 0)) return null;
        return (line, ParseInt(m.Groups["year"].Value), agency);
    }

    static string StripSentencePrefix(string s)
    {
        foreach (var p in SentencePrefixes)
        {
            int at = s.LastIndexOf(p, StringComparison.Ordinal);
            if (at >= 0 && s.Length - (at + p.Length) >= 2) return s[(at + p.Length)..];
        }
        return s;
    }

    static bool IsBreak(char c) => c is ',' or '，' or '。' or ';' or '；' or ':' or '：' or '(' or ')' or '、' or '|' or '《' or '》' or '"' || char.IsAsciiDigit(c);

    static string Squeeze(string s)
    {
        var into = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        return new string(into[..HeadLines.Squeeze(s, into)]);
    }

    static string Clean(string s) => s.Trim().TrimEnd('|', ',', '，', '。');

    /// <summary>“湖州市南浔区人民政府” names “南浔区人民政府” more fully; “北景港镇” or “…办公室” does not.</summary>
    static bool IsFullerName(string name, string agency)
    {
        if (name.Length <= agency.Length) return false;
        int at = name.IndexOf(agency, StringComparison.Ordinal);
        if (at < 0) return false;
        var suffix = name[(at + agency.Length)..];
        return suffix.Length == 0 || OrganSuffixes.Contains(suffix);
    }

    /// <summary>Metadata lines stand in a page's header and the signature at its end: only those parts are searched.</summary>
    static string Head(string s, int n) => s.Length > n ? s[..n] : s;

    /// <summary>The length of <see cref="Head"/>, for searches over that range of the text itself (no copy).</summary>
    static int HeadLength(string s, int n) => Math.Min(s.Length, n);

    /// <summary>The labels of <see cref="DateLineHere"/>, the most telling first.</summary>
    static readonly string[] DateLabelPriority = ["发布时间", "发布日期", "发文日期", "公开日期", "公开时间", "生成日期", "成文日期", "印发日期", "发布于", "时间", "日期"];

    static DateOnly? FindPublished(string folded, int? year)
    {
        var priority = DateLabelPriority;
        DateOnly? best = null;
        int bestRank = int.MaxValue;
        var ends = folded.Length > 6000 ? string.Concat(folded.AsSpan(0, 4000), "\n", folded.AsSpan(folded.Length - 2000)) : folded;
        foreach (var m in MatchesAtLabels(DateLineHere(), ends, DateLabelWords))
        {
            int rank = Array.IndexOf(priority, m.Groups["label"].Value);
            if (rank < 0 || rank >= bestRank) continue;
            var d = ChineseDate.ParseFirst(m.Groups["date"].Value);
            if (d is null) continue;
            if (year is not null && d.Value.Year <= year.Value) continue; // a date inside the report year is not its publication
            best = d; bestRank = rank;
        }
        if (best is not null) return best;
        for (var m = BracketedDateLine().Match(folded, 0, HeadLength(folded, 4000)); m.Success; m = m.NextMatch())
            if (ChineseDate.ParseFirst(m.Groups["date"].Value) is DateOnly d && (year is null || d.Year > year.Value && d.Year <= year.Value + 2)) return d;
        // The date at the end of the report (its signature line).
        int tailStart = Math.Max(0, folded.Length - Math.Max(800, folded.Length / 4));
        var tail = folded[tailStart..];
        foreach (var f in ChineseDate.FindAll(tail).Reverse())
        {
            if (year is not null && (f.Date.Year <= year.Value || f.Date.Year > year.Value + 2)) continue;
            var before = tail[Math.Max(0, f.Start - 8)..f.Start];
            var after = tail[f.End..Math.Min(tail.Length, f.End + 3)];
            if (before.Contains("填报") || before.Contains('至') || after.StartsWith('至') || after.StartsWith("止", StringComparison.Ordinal)) continue;
            return f.Date;
        }
        return null;
    }

    static ContactDetails? FindContact(string folded)
    {
        // The head's first 5,000 characters, searched in place (a match over a range sees nothing beyond it, as over a substring).
        int head = HeadLength(folded, 5000);
        string? V(Regex r) { var m = r.Match(folded, 0, head); return m.Success ? m.Groups["v"].Value.Trim() : null; }
        // The e-mail pattern is costly on long digit runs: look only around an '@'.
        int at = folded.IndexOf('@', 0, head);
        string? email = null;
        if (at > 0)
        {
            var m = Email().Match(folded, Math.Max(0, at - 64), Math.Min(head, at + 64) - Math.Max(0, at - 64));
            if (m.Success) email = m.Groups["v"].Value;
        }
        var c = new ContactDetails(V(Phone()), V(Fax()), V(Address()), V(Postcode()), email);
        return c.Phone is null && c.Fax is null && c.Address is null && c.Postcode is null && c.Email is null ? null : c;
    }

    /// <summary>
    /// The matches <c>Regex.Matches</c> would give for a pattern that begins with a label, where <paramref name="here"/>
    /// is that pattern anchored with \G: tried only at the places a label can start (every match starts at one), in
    /// order, each after the end of the match before.
    /// </summary>
    static List<Match> MatchesAtLabels(Regex here, string s, (string Word, int[] Backs)[] labelWords)
    {
        var starts = new List<int>();
        // Each word is looked for once, however many labels end with it.
        foreach (var (word, backs) in labelWords)
            for (int at = s.IndexOf(word, StringComparison.Ordinal); at >= 0; at = s.IndexOf(word, at + 1, StringComparison.Ordinal))
                foreach (int back in backs)
                    if (at - back >= 0) starts.Add(at - back);
        var matches = new List<Match>();
        if (starts.Count == 0) return matches;
        Parsing.NumberSort.Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(starts));
        int end = 0;
        foreach (int start in starts)
        {
            if (start < end) continue;
            var m = here.Match(s, start);
            if (!m.Success) continue;
            matches.Add(m);
            end = m.Index + m.Length;
        }
        return matches;
    }

    static int ParseInt(string s) => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
}
