using System.Text;
using Dapper;

namespace Ogi.Store;

/// <summary>A <see cref="ReportFilter"/> as a SQL condition on the current parse <c>p</c> and its agency <c>a</c>; the same text for both databases.</summary>
static class ReportFilterSql
{
    /// <summary>A finding of the parse that no review of the same finding, made on the same evidence, covers.</summary>
    const string Unreviewed = """
        SELECT 1 FROM findings f WHERE f.parse_id = p.id AND NOT EXISTS (
            SELECT 1 FROM reviews r WHERE r.document_id = p.document_id AND r.rule = f.rule AND r.fields = f.fields
              AND r.related_document_id = COALESCE(f.related_document_id, 0) AND r.evidence = f.evidence)
        """;

    public static string Where(ReportFilter filter, DynamicParameters args, Func<string, int?> fieldId, Func<int, string, string> fieldComparison)
    {
        var sql = new StringBuilder();
        if (filter.Agency is { Length: > 0 } agency)
        {
            sql.Append(" AND COALESCE(a.name, p.agency_printed) LIKE @agency ESCAPE '\\'");
            args.Add("agency", "%" + EscapeLike(agency) + "%");
        }
        if (filter.Place is { Length: > 0 } place)
        {
            // Unknown places take nothing, rather than everything.
            // Inside a division: what the catalogue puts below it (old codes too), else what its code's prefix holds.
            var code = AgencyPlacing.DivisionCodeOf(place);
            // As the agencies (of the series) that lie inside, so that the database reads only their parses (by the
            // index on parses' agency) rather than joining every report of the corpus to its agency to test it; found
            // from the division index (agencies_by_division, migration 0007) to the agencies of each series inside — the
            // series' head and those merged into it — rather than testing every agency of the corpus: the code's prefix as
            // a range (codes are digits, which every collation orders alike), LIKE only for a prefix of nines.
            var prefix = code is null ? "\u0001" : CodePrefix(code);
            var upTo = Answers.DivisionCode.NextPrefix(prefix);
            sql.Append(" AND p.agency_id IN (SELECT m.id FROM agencies h JOIN agencies m ON (m.id = h.id AND m.merged_into IS NULL) OR m.merged_into = h.id"
                + (upTo is null ? " WHERE (h.division_code LIKE @place" : " WHERE ((h.division_code >= @place AND h.division_code < @placeUpTo)")
                + " OR h.division_code IN @placeCodes))");
            args.Add("place", upTo is null ? prefix + "%" : prefix);
            if (upTo is not null) args.Add("placeUpTo", upTo);
            // Only the codes the prefix does not already take (a division that moved under another parent): a province
            // holds a thousand codes, and a thousand parameters on every query of a web page cost more than the query.
            args.Add("placeCodes", code is null ? [] : AgencyPlacing.CodesWithin(code).Where(c => !c.StartsWith(prefix, StringComparison.Ordinal)).ToList());
        }
        if (filter.Level is { Length: > 0 } level)
        {
            if (level == "department") sql.Append(" AND a.is_department");
            else { sql.Append(" AND a.level = @level AND NOT a.is_department"); args.Add("level", level); }
        }
        if (filter.YearFrom is int from) { sql.Append(" AND p.year >= @yearFrom"); args.Add("yearFrom", from); }
        if (filter.YearTo is int to) { sql.Append(" AND p.year <= @yearTo"); args.Add("yearTo", to); }
        if (filter.Template is { Length: > 0 } template) { sql.Append(" AND p.template = @template"); args.Add("template", template); }
        if (filter.Rule is { Length: > 0 } rule)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM findings fr WHERE fr.parse_id = p.id AND fr.rule = @rule)");
            args.Add("rule", rule);
        }
        if (filter.Late is bool late)
            sql.Append(late ? " AND " : " AND NOT ").Append("EXISTS (SELECT 1 FROM findings fl WHERE fl.parse_id = p.id AND fl.rule = 'P1')");
        if (filter.Reviewed is bool reviewed)
            sql.Append(reviewed
                ? $" AND EXISTS (SELECT 1 FROM findings fa WHERE fa.parse_id = p.id) AND NOT EXISTS ({Unreviewed})"
                : $" AND EXISTS ({Unreviewed})");
        for (int i = 0; i < filter.Comparisons.Count; i++)
        {
            var c = filter.Comparisons[i];
            string op = c.Operator switch
            {
                ComparisonOperator.Equal => "=", ComparisonOperator.NotEqual => "<>", ComparisonOperator.Less => "<",
                ComparisonOperator.LessOrEqual => "<=", ComparisonOperator.Greater => ">", _ => ">=",
            };
            sql.Append(" AND ").Append(fieldComparison(i, op));
            args.Add($"field{i}", fieldId(c.Field) ?? -1);
            args.Add($"value{i}", c.Value);
        }
        return sql.ToString();
    }

    /// <summary>GB/T 2260: 350000 is the province 35, 350500 the city 3505; everything inside a division starts with its prefix.</summary>
    public static string CodePrefix(string code)
    {
        if (code.Length == 6 && code.EndsWith("0000", StringComparison.Ordinal)) return code[..2];
        if (code.Length == 6 && code.EndsWith("00", StringComparison.Ordinal)) return code[..4];
        return code;
    }

    public static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
