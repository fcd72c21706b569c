using Ogi.Segment;
using Ogi.Templates;

namespace Ogi.Recognize;

/// <summary>The template a report uses and where its tables stand.</summary>
public sealed record Recognition(CompiledTemplate? Template, List<List<TableMatch>> Copies, int Score);

/// <summary>
/// Detects the template from the content: every template's tables are aligned with the text and the one whose
/// labels cover most of it wins (variants of a table compete among themselves first). The report year only
/// breaks near-ties and names the template of a report that prints no table.
/// </summary>
public static class TemplateRecognizer
{
    const int MinimumScore = 30;

    public static Recognition Recognize(LayoutText text, int? year)
    {
        var scanned = LabelScanner.Scan(text);
        // Templates whose labels barely occur are not aligned at all: their score could not win.
        var evidence = TemplateCatalog.All.ToDictionary(t => t, t => t.Tables.Sum(table => scanned.TryGetValue(table, out var h) ? h.Count : 0));
        int most = evidence.Values.Max();
        Recognition? best = null;
        List<List<TableMatch>> bestSlots = [];
        foreach (var template in TemplateCatalog.All)
        {
            if (evidence[template] * 3 < most) continue;
            int score = 0;
            var perSlot = new List<List<TableMatch>>();
            foreach (var slot in template.Tables.GroupBy(t => t.Id))
            {
                List<TableMatch>? bestVariant = null;
                int bestScore = 0;
                foreach (var variant in slot)
                {
                    // Scoring needs only the chains; the fuzzy search for skipped rows is done for the winner alone.
                    var found = TableAligner.Align(text, variant, scanned.GetValueOrDefault(variant) ?? [], fillGaps: false);
                    if (found.Count == 0) continue;
                    int s = found.Max(f => f.Score) + MarkerScore(text, variant);
                    if (s > bestScore) { bestScore = s; bestVariant = found; }
                }
                if (bestVariant is null) continue;
                score += bestScore;
                perSlot.Add(bestVariant);
            }
            if (year is int y && template.Definition.CoversYear(y)) score += 6;
            if (best is null || score > best.Score) { best = new Recognition(template, [], score); bestSlots = perSlot; }
        }
        if (best is null || best.Score < MinimumScore) return new Recognition(null, [], best?.Score ?? 0);
        // The winner's chains are already aligned: only the rows they skipped are looked for now.
        var perTable = bestSlots.Select(chains => TableAligner.FillGaps(text, chains)).ToList();
        // A table with no label of its own (table 四's one row under its headings) whose headings were not read is
        // found by its title, in its place among the tables.
        foreach (var table in best.Template!.Tables)
            if (!perTable.Any(chains => chains[0].Table.Id == table.Id) && HeadinglessRowReader.Find(text, table) is { } byTitle)
            {
                int at = perTable.FindIndex(chains => chains[0].CompactStart > byTitle.CompactStart);
                perTable.Insert(at < 0 ? perTable.Count : at, [byTitle]);
            }
        var copies = new List<List<TableMatch>>();
        for (int k = 0; perTable.Any(s => s.Count > k); k++)
            copies.Add(perTable.Where(s => s.Count > k).Select(s => s[k]).ToList());
        return best with { Copies = copies };
    }

    static int MarkerScore(LayoutText text, CompiledTable table)
    {
        int s = 0;
        foreach (var m in table.FoldedMarkers) if (text.Compact.Contains(m, StringComparison.Ordinal)) s += m.Length;
        return s;
    }
}
