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
        var index = LabelScanner.Scan(text);
        var templates = TemplateCatalog.All;
        // Templates whose labels barely occur are not aligned at all: their score could not win.
        Span<int> evidence = stackalloc int[templates.Count];
        int most = 0;
        for (int t = 0; t < templates.Count; t++)
        {
            foreach (var table in templates[t].Tables)
                if (LabelScanner.WordsOf(table) is { } words) evidence[t] += index.HitCount(words.Index);
            most = Math.Max(most, evidence[t]);
        }
        CompiledTemplate? best = null;
        int bestScore = 0;
        List<List<TableAligner.Chain>> bestSlots = [];
        for (int t = 0; t < templates.Count; t++)
        {
            var template = templates[t];
            if (evidence[t] * 3 < most) continue;
            int score = 0;
            var perSlot = new List<List<TableAligner.Chain>>();
            foreach (var slot in template.Slots)
            {
                List<TableAligner.Chain>? bestVariant = null;
                int bestVariantScore = 0;
                foreach (var variant in slot)
                {
                    // Scoring needs only the chains; the fuzzy search for skipped rows is done for the winner alone.
                    var words = LabelScanner.WordsOf(variant)!;
                    var found = TableAligner.Align(index, variant, words);
                    if (found.Count == 0) continue;
                    int top = 0;
                    foreach (var f in found) top = Math.Max(top, f.Score);
                    int s = top + MarkerScore(index, variant, words);
                    if (s > bestVariantScore) { bestVariantScore = s; bestVariant = found; }
                }
                if (bestVariant is null) continue;
                score += bestVariantScore;
                perSlot.Add(bestVariant);
            }
            if (year is int y && template.Definition.CoversYear(y)) score += 6;
            if (best is null || score > bestScore) { best = template; bestScore = score; bestSlots = perSlot; }
        }
        if (best is null || bestScore < MinimumScore) return new Recognition(null, [], best is null ? 0 : bestScore);
        // The winner's chains are already aligned: only the rows they skipped are looked for now.
        var perTable = new List<List<TableMatch>>(bestSlots.Count);
        foreach (var chains in bestSlots) perTable.Add(TableAligner.FillGaps(index, chains));
        // A table with no label of its own (table 四's one row under its headings) whose headings were not read is
        // found by its title, in its place among the tables.
        foreach (var table in best.Tables)
            if (!perTable.Exists(chains => chains[0].Table.Id == table.Id) && HeadinglessRowReader.Find(text, table) is { } byTitle)
            {
                int at = perTable.FindIndex(chains => chains[0].CompactStart > byTitle.CompactStart);
                perTable.Insert(at < 0 ? perTable.Count : at, [byTitle]);
            }
        var copies = new List<List<TableMatch>>();
        for (int k = 0; ; k++)
        {
            List<TableMatch>? copy = null;
            foreach (var s in perTable)
                if (s.Count > k) (copy ??= new List<TableMatch>(perTable.Count)).Add(s[k]);
            if (copy is null) break;
            copies.Add(copy);
        }
        return new Recognition(best, copies, bestScore);
    }

    static int MarkerScore(LabelIndex index, CompiledTable table, LabelScanner.TableWords words)
    {
        int s = 0;
        var markers = table.FoldedMarkers;
        for (int k = 0; k < markers.Length; k++) if (index.Contains(words.Markers[k], markers[k])) s += markers[k].Length;
        return s;
    }
}
