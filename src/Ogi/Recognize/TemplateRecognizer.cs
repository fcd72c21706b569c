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
        Recognition? best = null;
        foreach (var template in TemplateCatalog.All)
        {
            int score = 0;
            var perSlot = new List<List<TableMatch>>();
            foreach (var slot in template.Tables.GroupBy(t => t.Id))
            {
                List<TableMatch>? bestVariant = null;
                int bestScore = 0;
                foreach (var variant in slot)
                {
                    var found = TableAligner.Align(text, variant);
                    if (found.Count == 0) continue;
                    int s = found.Max(f => f.Score) + MarkerScore(text, variant);
                    if (s > bestScore) { bestScore = s; bestVariant = found; }
                }
                if (bestVariant is null) continue;
                score += bestScore;
                perSlot.Add(bestVariant);
            }
            if (year is int y && template.Definition.CoversYear(y)) score += 6;
            var copies = new List<List<TableMatch>>();
            for (int k = 0; perSlot.Any(s => s.Count > k); k++)
                copies.Add(perSlot.Where(s => s.Count > k).Select(s => s[k]).ToList());
            if (best is null || score > best.Score) best = new Recognition(template, copies, score);
        }
        if (best is null || best.Score < MinimumScore) return new Recognition(null, [], best?.Score ?? 0);
        return best;
    }

    static int MarkerScore(LayoutText text, CompiledTable table)
    {
        int s = 0;
        foreach (var m in table.FoldedMarkers) if (text.Compact.Contains(m, StringComparison.Ordinal)) s += m.Length;
        return s;
    }
}
