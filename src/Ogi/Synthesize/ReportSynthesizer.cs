using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ogi.Normalize;
using Ogi.Render;
using Ogi.Templates;

namespace Ogi.Synthesize;

/// <summary>One synthetic report: the file's bytes and the gold the parse of it must give (../shared/gold's format).</summary>
public sealed record SyntheticReport(string Name, string Extension, byte[] Bytes, JsonObject Gold, SynthLayout Layout)
{
    public string FileName => Name + "." + Extension;
}

/// <summary>
/// Makes up a report and writes it in one layout: an agency, a year and its template, consistent statistics (a chosen
/// share breaking one rule, the broken rule then expected as a finding), the narrative sections, and the page around
/// it. Deterministic: the same seed and index give the same bytes on every machine.
/// </summary>
public static class ReportSynthesizer
{
    public static SyntheticReport Generate(int seed, int index, SynthLayout layout, double brokenShare = 0.1)
    {
        var rng = new Random(unchecked((int)((uint)seed * 2654435761u ^ (uint)index * 40503u)));
        var agency = AgencyGenerator.Next(rng);
        int year = rng.Next(2012, 2026);
        var template = TemplateCatalog.ForYear(year)!;
        // Towns kept the 2019 form for years after 2021's came into force: read by its content, F1 expected (a draw of its own).
        bool outdated = year >= 2021 && new Random(unchecked(seed * 6689 + index)).Next(10) == 0;
        if (outdated) template = TemplateCatalog.Get("gov2019");
        var values = new ValueGenerator(rng, agency.Level).Generate(template, year);
        var tables = template.TablesFor(values);
        var equations = tables.SelectMany(t => t.Equations).ToList();
        if (equations.FirstOrDefault(e => !GlueOracle.Holds(e, values)) is { } bad)
            throw new InvalidOperationException($"synth made a table that breaks {bad.RuleId} ({bad.Where}); a generator bug");

        if (rng.NextDouble() < brokenShare) BreakOneRule(rng, equations, values);
        // Page breaks come in every flattening: a print view's pipes, a PDF's lines or space runs.
        var pageLayout = rng.Next(3) switch { 0 => TextTableLayout.Lines, 1 => TextTableLayout.Spaces, _ => TextTableLayout.Pipes };
        // Stacked headings: how (a draw of its own); the legacy table in halves: printed how (a draw of its own).
        var stack = layout == SynthLayout.Stacked ? StackOf(new Random(unchecked(seed * 7307 + index))) : null;
        int halvesAs = layout == SynthLayout.Halves ? new Random(unchecked(seed * 5023 + index)).Next(4) : -1;
        // Where cells are apart only by spaces (or nothing), a blank cell must be printed as a mark to be a cell at all.
        bool spacedLayout = layout is SynthLayout.Spaces or SynthLayout.Glued || layout == SynthLayout.PageBreaks && pageLayout == TextTableLayout.Spaces
            || stack is { Style: not HeadingStackStyle.OneCharPerLine } || halvesAs == 1 && template.Id == "legacy";
        // Some reports leave zero cells blank; a blank is then "the table's 0" or, if most cells are filled, a gap (B1).
        if (rng.Next(6) == 0)
        {
            var zeros = values.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList();
            int n = rng.Next(3) == 0 ? zeros.Count : Math.Min(zeros.Count, 1 + rng.Next(3));
            foreach (var f in zeros.OrderBy(_ => rng.Next()).Take(n)) values[f] = null;
        }

        var expected = new List<(string Rule, string Severity)>();
        if (outdated) expected.Add(("F1", "warning"));
        foreach (var e in equations.Where(e => e.RuleId.Length > 0 && !GlueOracle.Holds(e, values))) expected.Add((e.RuleId, e.Severity));
        foreach (var table in tables)
        {
            var fields = table.Fields.Where(values.ContainsKey).ToList();
            int blank = fields.Count(f => values[f] is null);
            if (blank > 0 && fields.Count - blank >= blank * 2) expected.Add(("B1", "warning"));
            // Every cell blank: no reader can tell zeros left blank from values lost (V1).
            if (fields.Count > 0 && blank == fields.Count) expected.Add(("V1", "warning"));
        }

        var deadline = year <= 2018 ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);
        DateOnly? published = rng.Next(8) == 0 ? null
            : rng.Next(10) == 0 ? deadline.AddDays(1 + rng.Next(120))
            : new DateOnly(year + 1, 1, 5).AddDays(rng.Next(deadline.DayNumber - new DateOnly(year + 1, 1, 5).DayNumber + 1));
        if (published > deadline) expected.Add(("P1", "warning"));

        var title = TitleOf(rng, agency.Name, year, template.Id);
        var sections = Narrative(rng, template, agency.Name, year, values);
        // Legacy prose that states the counts per channel, or that there was no review or suit (a draw of its own);
        // in some delimited reports it contradicts the table, and T1 is expected.
        if (template.Id == "legacy" && LegacyStatements(new Random(unchecked(seed * 4813 + index)), template, values, sections, DelimitedLayouts.Contains(layout)))
            expected.Add(("T1", "warning"));
        var content = new ReportContent
        {
            Template = template.Id,
            Agency = agency.Name,
            Year = year,
            Published = published,
            Values = values,
            Title = title,
            Sections = sections,
        };
        var style = Style(rng, layout, spacedLayout || layout == SynthLayout.PageBreaks && pageLayout == TextTableLayout.Spaces);
        var report = ReportComposer.Compose(content, style);
        // A title broken over two lines before its year (…松木塘镇人民政府 / 2022年…), in the text layouts (a draw of its own).
        string printedTitle = content.DisplayTitle;
        if (TextLayouts.Contains(layout) && new Random(unchecked(seed * 2969 + index)).Next(8) == 0
            && printedTitle.IndexOf(year + "年", StringComparison.Ordinal) is int cut and > 0)
        {
            printedTitle = printedTitle[..cut] + "\n" + printedTitle[cut..];
            report.Blocks[report.Blocks.FindIndex(b => b is TitleBlock)] = new TitleBlock(printedTitle);
        }
        // Provincial forms of table 二 (a longer 规章 label, a row of their own): a draw of its own, so that every other
        // report keeps its bytes.
        var provincial = ProvincialTableTwo(new Random(unchecked(seed * 7919 + index)), report, layout);
        // Table 四 on its side (groups as columns, outcomes as rows) in a sixth of the delimited reports of the national forms.
        if (DelimitedLayouts.Contains(layout) && layout != SynthLayout.Lines && new Random(unchecked(seed * 3571 + index)).Next(6) == 0)
            for (int b = 0; b < report.Blocks.Count; b++)
                if (report.Blocks[b] is TableBlock { Table.Id: "appeals" } four && four.Table.Transposed() is { } turned) report.Blocks[b] = new TableBlock(turned);

        if (halvesAs >= 0)
            for (int b = 0; b < report.Blocks.Count; b++)
                if (report.Blocks[b] is TableBlock { Table.Id: "statistics" } tall && tall.Table.SideBySide() is { } halves) report.Blocks[b] = new TableBlock(halves);

        // The page's own lines: a CMS breadcrumb, the posting date and source, share links; a footer.
        var sourceIsFull = rng.Next(3) == 0 && agency.FullName != agency.Name && layout != SynthLayout.Docx && !(halvesAs == 3 && template.Id == "legacy"); // a Word file has no page around it
        string source = sourceIsFull ? agency.FullName : rng.Next(2) == 0 ? agency.Name : "本网";
        var top = new List<string> { "首页 > 政务公开 > 政府信息公开 > 政府信息公开年报", printedTitle };
        if (published is DateOnly p)
            top.Add((rng.Next(2) == 0 ? "发布时间：" + p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + rng.Next(8, 18) + ":" + rng.Next(10, 60)
                : "发布日期：" + ReportComposer.ChineseDate(p)) + "　来源：" + source + "　浏览次数：" + rng.Next(20, 5000));
        else top.Add("来源：" + source);
        top.Add("【字体：大 中 小】 打印本页 关闭窗口");
        var bottom = new List<string> { "相关链接", "主办单位：" + agency.Name + "　网站标识码：" + rng.Next(100000000, 999999999) + "0", "ICP备案号：" + "地ICP备" + rng.Next(10000000, 99999999) + "号" };

        byte[] bytes;
        string ext;
        switch (layout)
        {
            case SynthLayout.Html:
                bytes = Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report, HtmlFlavor.Clean, "utf-8", top, bottom)); ext = "html"; break;
            case SynthLayout.WordHtml:
                bytes = Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report, HtmlFlavor.MsWord, rng.Next(2) == 0 ? "utf-8" : null, top, bottom)); ext = "htm"; break;
            case SynthLayout.Gb18030:
            {
                var gb = Decode.EncodingDetector.Gb18030;
                if (rng.Next(2) == 0)
                {
                    string[] declared = ["gb2312", "gbk", "GB18030"];
                    bytes = gb.GetBytes(HtmlReportWriter.Write(report, rng.Next(2) == 0 ? HtmlFlavor.MsWord : HtmlFlavor.Clean, declared[rng.Next(3)], top, bottom)); ext = "html";
                }
                else { bytes = gb.GetBytes(Text(report, rng, TextTableLayout.Pipes, top, bottom, null)); ext = "txt"; }
                break;
            }
            case SynthLayout.Docx:
                bytes = DocxReportWriter.Write(report); ext = "docx"; break;
            case SynthLayout.Markdown:
            {
                var options = new MarkdownOptions(CompactRules: rng.Next(2) == 0, SplitColumnGroups: rng.Next(2) == 0);
                if (rng.Next(3) == 0) LoseOneLabel(report, rng);
                var md = MarkdownReportWriter.Write(report, options);
                bytes = Encoding.UTF8.GetBytes(string.Join("\n", top) + "\n\n" + md + string.Join("\n", bottom) + "\n"); ext = "md";
                break;
            }
            case SynthLayout.Traditional:
            {
                string text = rng.Next(3) == 0 ? HtmlReportWriter.Write(report, HtmlFlavor.Clean, "utf-8", top, bottom)
                    : Text(report, rng, rng.Next(2) == 0 ? TextTableLayout.Pipes : TextTableLayout.Lines, top, bottom, null);
                var traditional = ChineseConverter.ToTraditional(text);
                // Some traditional pages gloss characters with pinyin (信息內(nèi)容, 鎮(zhèn)): a draw of its own.
                if (new Random(unchecked(seed * 104729 + index)).Next(3) == 0) traditional = Glossed(traditional);
                bytes = Encoding.UTF8.GetBytes(traditional); ext = text.StartsWith('<') ? "html" : "txt";
                break;
            }
            case SynthLayout.Stacked:
            {
                var options = new TextWriterOptions
                {
                    Layout = stack!.Style == HeadingStackStyle.OneCharPerLine ? TextTableLayout.Lines : TextTableLayout.Spaces,
                    StackHeadings = stack, PageTop = top, PageBottom = bottom, Gap = () => "  ",
                };
                bytes = Encoding.UTF8.GetBytes(TextReportWriter.Write(report, options)); ext = "txt";
                break;
            }
            case SynthLayout.Halves when template.Id == "legacy" && halvesAs != 2 && halvesAs != 3:
                bytes = Encoding.UTF8.GetBytes(Text(report, rng, halvesAs == 1 ? TextTableLayout.Spaces : TextTableLayout.Pipes, top, bottom, null)); ext = "txt"; break;
            case SynthLayout.Halves when template.Id == "legacy" && halvesAs == 3:
                bytes = DocxReportWriter.Write(report); ext = "docx"; break;
            case SynthLayout.Halves:
                bytes = Encoding.UTF8.GetBytes(HtmlReportWriter.Write(report, HtmlFlavor.Clean, "utf-8", top, bottom)); ext = "html"; break;
            case SynthLayout.FullWidth:
                bytes = Encoding.UTF8.GetBytes(FullWidth(Text(report, rng, rng.Next(2) == 0 ? TextTableLayout.Pipes : TextTableLayout.Lines, top, bottom, null))); ext = "txt"; break;
            default:
            {
                var tl = layout switch
                {
                    SynthLayout.Lines => TextTableLayout.Lines, SynthLayout.BlankLines => TextTableLayout.BlankLines, SynthLayout.Spaces => TextTableLayout.Spaces,
                    SynthLayout.Glued => TextTableLayout.Glued, SynthLayout.PageBreaks => TextTableLayout.PageBreaks, SynthLayout.Csv => TextTableLayout.Csv, _ => TextTableLayout.Pipes,
                };
                HashSet<(string, int)>? spaced = null;
                if (tl == TextTableLayout.Glued)
                    spaced = GlueOracle.AmbiguousRows(report.Blocks.OfType<TableBlock>().Select(b => b.Table).ToList(), template, values);
                // Space-aligned text from a PDF wraps long labels in a third of the reports (a draw of its own).
                int? wrap = layout == SynthLayout.Spaces && new Random(unchecked(seed * 6151 + index)).Next(3) == 0 ? 5 : null;
                bytes = Encoding.UTF8.GetBytes(Text(report, rng, tl, top, bottom, spaced, pageLayout, wrap)); ext = "txt";
                break;
            }
        }

        var gold = new JsonObject
        {
            ["template"] = template.Id,
            ["metadata"] = new JsonObject
            {
                ["title"] = content.DisplayTitle,
                ["agency"] = sourceIsFull ? agency.FullName : agency.Name,
                ["year"] = year,
                ["published"] = published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["values"] = Values(template, values, provincial),
            ["expect_findings"] = new JsonArray(expected.Distinct().Select(f => (JsonNode)new JsonObject { ["rule"] = f.Rule, ["severity"] = f.Severity }).ToArray()),
            ["layout"] = SynthLayouts.Name(layout),
            ["seed"] = seed,
        };
        return new SyntheticReport($"{index:D5}-{SynthLayouts.Name(layout)}-{template.Id}", ext, bytes, gold, layout);
    }

    /// <summary>
    /// A converter that cut one row's label short or dropped it (| 行政机关不再处理其政府信息公 | 40 |): the label cell of
    /// one row of values inside a table (not its first or last row) loses its head, its tail or all its words.
    /// </summary>
    static void LoseOneLabel(RenderedReport report, Random rng)
    {
        // Not in a table with a provincial row: that row's label is not the template's, so the order would not place it.
        var table = report.Blocks.OfType<TableBlock>().Select(b => b.Table)
            .Where(t => t.Rows.Count(IsValueRow) >= 4 && !t.Rows.Any(r => r.Any(c => c.Field?.Contains(".extra.", StringComparison.Ordinal) == true)))
            .OrderBy(_ => rng.Next()).FirstOrDefault();
        if (table is null) return;
        var rows = Enumerable.Range(0, table.Rows.Count).Where(r => IsValueRow(table.Rows[r])).ToList();
        int row = rows[1 + rng.Next(rows.Count - 2)];
        var cells = table.Rows[row];
        int label = cells.FindIndex(c => c.Field is not null) - 1;
        if (label < 0 || cells[label].Field is not null || cells[label].Text.Length < 6) return;
        var text = cells[label].Text;
        int keep = text.Length * 2 / 3;
        cells[label] = cells[label] with { Text = rng.Next(3) switch { 0 => "", 1 => text[^keep..], _ => text[..keep] } };

        static bool IsValueRow(List<GridCell> cells) => cells.Any(c => c.Field is not null);
    }

    /// <summary>Values in template order, as the parser writes them (blank cells as null).</summary>
    static JsonObject Values(CompiledTemplate template, Dictionary<string, decimal?> values, Dictionary<string, decimal> extra)
    {
        var o = new JsonObject();
        foreach (var f in template.TablesFor(values).SelectMany(t => t.Fields))
            if (values.TryGetValue(f, out var v)) o[f] = v is null ? null : v == decimal.Truncate(v.Value) && Math.Abs(v.Value) < long.MaxValue ? JsonValue.Create((long)v.Value) : JsonValue.Create(v.Value);
        foreach (var (f, v) in extra) o[f] = (long)v;
        return o;
    }

    static readonly (char Character, string Pinyin)[] Glosses = [('內', "nèi"), ('鎮', "zhèn"), ('縣', "xiàn"), ('政', "zhèng"), ('府', "fǔ"), ('許', "xǔ"), ('復', "fù")];

    /// <summary>Pinyin after some characters, in the page's own brackets: no part of any label or name.</summary>
    static string Glossed(string text)
    {
        var sb = new StringBuilder(text.Length + 512);
        foreach (var c in text)
        {
            sb.Append(c);
            foreach (var (character, pinyin) in Glosses)
                if (c == character) { sb.Append('(').Append(pinyin).Append(')'); break; }
        }
        return sb.ToString();
    }

    /// <summary>Layouts written as plain text by <see cref="TextReportWriter"/>, lines as they are (pipes keep their titles whole: tests look for them).</summary>
    static readonly SynthLayout[] TextLayouts = [SynthLayout.Lines, SynthLayout.BlankLines, SynthLayout.Spaces, SynthLayout.PageBreaks, SynthLayout.Csv, SynthLayout.Stacked];

    /// <summary>Layouts whose cells are delimited, so that a row the template does not know reads back cell by cell.</summary>
    static readonly SynthLayout[] DelimitedLayouts = [SynthLayout.Html, SynthLayout.WordHtml, SynthLayout.Pipes, SynthLayout.Lines, SynthLayout.Markdown, SynthLayout.Csv, SynthLayout.Docx];

    const string ProvincialRow = "其他主动公开文件";

    /// <summary>
    /// Some provinces print table 二 with 规章's longer label (设区的市、自治州人民政府应提供相关数据) and a row of their
    /// own after 规范性文件; the parser keeps such a row under proactive.extra.&lt;label&gt;.&lt;column&gt;.
    /// </summary>
    static Dictionary<string, decimal> ProvincialTableTwo(Random rng, RenderedReport report, SynthLayout layout)
    {
        var extra = new Dictionary<string, decimal>();
        var table = report.Blocks.OfType<TableBlock>().Select(b => b.Table).FirstOrDefault(t => t.Id == "proactive");
        if (table is null || !DelimitedLayouts.Contains(layout) || rng.Next(6) != 0) return extra;
        int Row(string field) => table.Rows.FindIndex(r => r.Any(c => c.Field?.StartsWith(field, StringComparison.Ordinal) == true));
        int rules = Row("proactive.rules."), normative = Row("proactive.normative.");
        if (rules < 0 || normative < 0) return extra;
        var label = table.Rows[rules].FindIndex(c => c.Text == "规章");
        if (label >= 0) table.Rows[rules][label] = table.Rows[rules][label] with { Text = "规章(设区的市、自治州人民政府应提供相关数据)" };
        var row = new List<GridCell>();
        foreach (var cell in table.Rows[normative])
        {
            if (cell.Field is null) { row.Add(cell with { Text = cell.Text.Length > 0 ? ProvincialRow : "" }); continue; }
            var field = "proactive.extra." + ProvincialRow + "." + cell.Field[(cell.Field.LastIndexOf('.') + 1)..];
            decimal v = rng.Next(3) == 0 ? 0 : rng.Next(1, 60);
            extra[field] = v;
            row.Add(cell with { Text = v.ToString(CultureInfo.InvariantCulture), Field = field });
        }
        table.Rows.Insert(normative + 1, row);
        return extra;
    }

    static void BreakOneRule(Random rng, List<Equation> equations, Dictionary<string, decimal?> values)
    {
        var candidates = equations.Where(e => e.RuleId.Length > 0 && e.Fields.All(values.ContainsKey) && e.Lhs.Length > 0).ToList();
        if (candidates.Count == 0) return;
        var e = candidates[rng.Next(candidates.Count)];
        // Make a part (or the total) larger: a typo, a late correction, a case counted twice.
        var field = rng.Next(2) == 0 ? e.Lhs[rng.Next(e.Lhs.Length)] : e.Rhs[rng.Next(e.Rhs.Length)];
        if (e.Relation == Relation.AtMost) field = e.Lhs[rng.Next(e.Lhs.Length)];
        decimal delta = e.Relation == Relation.AtMost
            ? e.Rhs.Sum(f => values[f] ?? 0) - e.Lhs.Sum(f => values[f] ?? 0) + 1 + rng.Next(3)
            : 1 + rng.Next(5);
        values[field] = (values[field] ?? 0) + delta;
    }

    static string TitleOf(Random rng, string agency, int year, string template) => (rng.Next(template == "legacy" ? 3 : 4)) switch
    {
        0 => $"{year}年{agency}政府信息公开工作年度报告",
        1 => $"{agency}{year}年政府信息公开工作年度报告",
        _ => $"{agency}{year}年度政府信息公开工作年度报告",
    };

    static Dictionary<string, string> Narrative(Random rng, CompiledTemplate template, string agency, int year, Dictionary<string, decimal?> v)
    {
        string n(string f) => (v.GetValueOrDefault(f) ?? 0).ToString("0.######", CultureInfo.InvariantCulture);
        var s = new Dictionary<string, string>();
        var headings = template.Definition.Headings.ToList();
        string[] openings =
        [
            $"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开标准化规范化建设。",
            $"{year}年，在上级政务公开主管部门的指导下，{agency}紧紧围绕中心工作，不断完善政府信息公开制度，提升公开质量和实效。",
        ];
        s[headings[0]] = openings[rng.Next(openings.Length)] + "\n（一）主动公开情况。依托政府门户网站、政务新媒体等平台，及时准确公开各类政府信息。\n（二）依申请公开情况。严格按照法定时限和程序办理政府信息公开申请。\n（三）平台建设情况。优化网站栏目设置，确保信息发布规范有序。";
        if (template.Id == "legacy")
        {
            s[headings[1]] = $"本年度主动公开政府信息{n("legacy.proactive.total")}条，其中通过政府网站公开{n("legacy.channels.website")}条。";
            s[headings[2]] = $"本年度共收到政府信息公开申请{n("legacy.requests.received")}件，均已按规定答复。";
            s[headings[3]] = "本年度依申请公开政府信息未收取任何费用。";
            s[headings[4]] = $"本年度因政府信息公开申请提起行政复议{n("legacy.review.total")}件，提起行政诉讼{n("legacy.litigation.total")}件。";
            s[headings[5]] = "一是公开内容的深度和广度有待加强；二是工作人员业务水平有待提高。下一步将加强培训，完善制度。";
            s[headings[6]] = "无。";
        }
        else
        {
            s[headings[4]] = "（一）存在的主要问题。一是公开质量有待提升；二是政策解读形式较为单一。\n（二）改进情况。加强业务培训，丰富解读形式，提升公开实效。";
            s[headings[5]] = rng.Next(2) == 0 ? "本年度未收取信息处理费。" : "无其他需要报告的事项。";
        }
        return s;
    }

    /// <summary>
    /// A legacy report's sentences about channels (其中当面申请5件、网络申请8件…) and about reviews and suits none of
    /// which was brought (未收到…行政复议申请): in two of three reports, from the table's values. With
    /// <paramref name="contradict"/>, one in eight of them states a channel's count wrong or "none" where the table has
    /// some: whether it did (T1 is then expected).
    /// </summary>
    static bool LegacyStatements(Random rng, CompiledTemplate template, Dictionary<string, decimal?> v, Dictionary<string, string> sections, bool contradict)
    {
        if (rng.Next(3) == 0) return false;
        var headings = template.Definition.Headings.ToList();
        (string Field, string Words)[] channels = [("legacy.requests.in_person", "当面申请"), ("legacy.requests.fax", "传真申请"), ("legacy.requests.online", "网络申请"), ("legacy.requests.letter", "信函申请")];
        var printed = channels.Where(c => v.ContainsKey(c.Field)).ToList();
        bool wrong = contradict && rng.Next(8) == 0;
        var off = wrong ? printed.Where(c => v[c.Field] is not null).OrderBy(_ => rng.Next()).FirstOrDefault().Field : null;
        string count(string field) => ((v.GetValueOrDefault(field) ?? 0) + (field == off ? 1 + rng.Next(3) : 0)).ToString("0.######", CultureInfo.InvariantCulture);
        if (printed.Count > 0)
        {
            var parts = string.Join("、", printed.Select(c => c.Words + count(c.Field) + "件"));
            sections[headings[2]] = rng.Next(2) == 0
                ? $"本年度共收到政府信息公开申请{count("legacy.requests.received")}件，其中{parts}，均已按规定答复。"
                : $"本年度通过{parts}。所有申请均已按规定答复。";
        }
        // No review and no suit: said in words; or, in a contradicting report without another error, where there was a review.
        decimal review = v.GetValueOrDefault("legacy.review.total") ?? 0, suits = v.GetValueOrDefault("legacy.litigation.total") ?? 0;
        bool sayNone = review == 0 && suits == 0 || wrong && off is null && review > 0 && v["legacy.review.total"] is not null;
        if (sayNone && v.ContainsKey("legacy.review.total") && v.ContainsKey("legacy.litigation.total"))
        {
            sections[headings[4]] = "本年度未收到因政府信息公开申请提起的行政复议申请，未发生因政府信息公开申请提起的行政诉讼。";
            return off is not null || review > 0;
        }
        return off is not null;
    }

    /// <summary>How this document writes its labels and numbers: one numbering style per document, as a real one has.</summary>
    static TableStyle Style(Random rng, SynthLayout layout, bool spacedLayout)
    {
        bool halfParen = rng.Next(4) == 0;
        bool numbered = rng.Next(8) != 0; // some reports print the labels without their numbers
        string arabicMark = rng.Next(3) switch { 0 => "、", 1 => "．", _ => "." };
        bool variants = rng.Next(3) == 0;
        bool separators = !spacedLayout && layout != SynthLayout.Glued && rng.Next(4) == 0;
        string blankMark = rng.Next(2) == 0 ? "—" : "/";
        int signStyle = rng.Next(3);
        int salt = rng.Next();
        return new TableStyle
        {
            Label = row =>
            {
                var d = row.Definition;
                string number = !numbered ? "" : d.Numbering switch
                {
                    "paren" => Numbering.Format("paren", d.Ord, halfParen),
                    "arabic" when d.Ord is int o => o + arabicMark,
                    _ => Numbering.Format(d.Numbering, d.Ord),
                };
                string label = d.Official ?? row.Label;
                // Now and then a listed variant instead of the official words (规范性文件 for 行政规范性文件, 政务 for 政府).
                if (variants && d.Labels.Length > 1 && (row.Index * 31 + salt) % 3 == 0) label = d.Labels[(row.Index + salt) % d.Labels.Length];
                return (d.Prefix ?? "") + number + label;
            },
            Value = (column, value) =>
            {
                if (value is null) return spacedLayout ? blankMark : "";
                var v = value.Value;
                string digits = Math.Abs(v).ToString(separators && Math.Abs(v) >= 1000 ? "#,0.######" : "0.######", CultureInfo.InvariantCulture);
                if (!column.Signed) return v < 0 ? "-" + digits : digits;
                return v < 0 ? (signStyle == 0 ? "减" : "-") + digits : v > 0 ? (signStyle == 0 ? "增" : signStyle == 1 ? "+" : "") + digits : "0";
            },
        };
    }

    static string Text(RenderedReport report, Random rng, TextTableLayout layout, List<string> top, List<string> bottom, HashSet<(string, int)>? spaced,
        TextTableLayout pageLayout = TextTableLayout.Pipes, int? wrapLabelsAt = null)
    {
        string[] gaps = ["  ", "   ", " ", "\t", "    "];
        int gapStyle = rng.Next(gaps.Length);
        bool rowBreaks = rng.Next(3) != 0; // some glued pages lose the row breaks too
        return TextReportWriter.Write(report, new TextWriterOptions
        {
            Layout = layout,
            PageRows = 8 + rng.Next(10),
            SpacedRow = spaced is null ? null : (t, r) => spaced.Contains((t.Id, r)),
            GluedRowBreaks = rowBreaks,
            PageLayout = pageLayout,
            Gap = () => gaps[gapStyle],
            PageTop = top,
            PageBottom = bottom,
            WrapLabelsAt = wrapLabelsAt,
        });
    }

    /// <summary>How a PDF's or flipbook's text stacks narrow headings: across the columns (single spaces or in place) or a character a line.</summary>
    static HeadingStack StackOf(Random rng) => new((HeadingStackStyle)rng.Next(3), rng.Next(3));

    /// <summary>Digits and ASCII punctuation as their full-width forms (１２３４．５), as some editors type them.</summary>
    static string FullWidth(string text) => string.Create(text.Length, text, static (span, src) =>
    {
        for (int i = 0; i < src.Length; i++)
        {
            char c = src[i];
            span[i] = char.IsAsciiDigit(c) || c is '.' or ',' or '(' or ')' or ':' or '/' or '+' or '-' ? (char)(c + 0xFEE0) : c;
        }
    });
}
