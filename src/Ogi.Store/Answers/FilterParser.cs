using System.Globalization;
using System.Text.RegularExpressions;

namespace Ogi.Store.Answers;

/// <summary>The filter options as the user typed them (every one optional), before they are checked.</summary>
public sealed record FilterText
{
    public string? Agency { get; init; }
    public string? Place { get; init; }
    public string? Level { get; init; }
    /// <summary>2021, 2019-2021, 2019- (from) or -2018 (up to).</summary>
    public string? Year { get; init; }
    public string? Template { get; init; }
    public string? Rule { get; init; }
    public bool? Reviewed { get; init; }
    public bool? Late { get; init; }
    /// <summary>Field comparisons such as applications.new.total&gt;100, all of which must hold.</summary>
    public IReadOnlyList<string> Where { get; init; } = [];
}

/// <summary>
/// Turns the filter options into a <see cref="ReportFilter"/>, refusing what cannot be meant with one line: a field
/// no template has (naming the nearest one), a level or template that does not exist, a year range backwards.
/// </summary>
public static partial class FilterParser
{
    public static readonly string[] Levels = ["province", "city", "county", "township", "department"];
    public static readonly string[] Templates = ["gov2021", "gov2019", "legacy", "unknown"];

    public static ReportFilter Parse(FilterText text)
    {
        var (from, to) = text.Year is { } y ? ParseYears(y) : (null, null);
        return new ReportFilter
        {
            Agency = Blank(text.Agency),
            Place = Blank(text.Place) is { } place ? RequirePlace(place) : null,
            Level = Blank(text.Level) is { } level ? OneOf(level.ToLowerInvariant(), Levels, "level") : null,
            YearFrom = from,
            YearTo = to,
            Template = Blank(text.Template) is { } t ? OneOf(t.ToLowerInvariant(), Templates, "template") : null,
            Rule = Blank(text.Rule)?.ToUpperInvariant(),
            Reviewed = text.Reviewed,
            Late = text.Late,
            Comparisons = text.Where.Select(ParseComparison).ToList(),
        };
    }

    /// <summary><c>applications.new.total&gt;100</c>, with &gt;, &gt;=, &lt;, &lt;=, =, != (spaces allowed around the operator).</summary>
    public static FieldComparison ParseComparison(string text)
    {
        var m = ComparisonPattern().Match(text);
        if (!m.Success)
            throw new AnswerException($"cannot read the comparison '{text}' (write it as FIELD>NUMBER, with > >= < <= = or !=)");
        if (!decimal.TryParse(m.Groups["value"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new AnswerException($"cannot read the number in '{text}'");
        var op = m.Groups["op"].Value switch
        {
            ">" => ComparisonOperator.Greater,
            ">=" => ComparisonOperator.GreaterOrEqual,
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            "!=" => ComparisonOperator.NotEqual,
            _ => ComparisonOperator.Equal,
        };
        return new FieldComparison(FieldCatalog.Require(m.Groups["field"].Value), op, value);
    }

    public static (int? From, int? To) ParseYears(string text)
    {
        var m = YearPattern().Match(text.Trim());
        if (!m.Success || (!m.Groups["from"].Success && !m.Groups["to"].Success) || (!m.Groups["dash"].Success && m.Groups["to"].Success))
            throw new AnswerException($"cannot read the year '{text}' (2021, 2019-2021, 2019- or -2018)");
        int? from = m.Groups["from"].Success ? int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture) : null;
        int? to = m.Groups["to"].Success ? int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) : null;
        if (!m.Groups["dash"].Success) to = from;
        if (from > to) throw new AnswerException($"the year range '{text}' ends before it starts");
        return (from, to);
    }

    /// <summary>Whether a value satisfies a comparison; a blank or unprinted value never does (the contract of <see cref="FieldComparison"/>).</summary>
    public static bool Holds(FieldComparison comparison, decimal? value) => value is { } v && comparison.Operator switch
    {
        ComparisonOperator.Equal => v == comparison.Value,
        ComparisonOperator.NotEqual => v != comparison.Value,
        ComparisonOperator.Less => v < comparison.Value,
        ComparisonOperator.LessOrEqual => v <= comparison.Value,
        ComparisonOperator.Greater => v > comparison.Value,
        _ => v >= comparison.Value,
    };

    /// <summary>
    /// A place the divisions know: a code (or a code's prefix, 35 / 3505), a name one division has, or a name with the
    /// divisions above it (江苏省淮安市). An unknown or ambiguous name is refused in one line rather than taking nothing.
    /// </summary>
    static string RequirePlace(string place)
    {
        var catalog = Places.DivisionCatalog.Default;
        if (place.All(char.IsAsciiDigit))
        {
            if (place.Length is not (2 or 4 or 6 or 9 or 12)) throw new AnswerException($"unknown place '{place}' (a division code has 2, 4, 6, 9 or 12 digits)");
            var prefix = DivisionCode.Prefix(place);
            if (!catalog.Divisions.Any(d => d.Code.StartsWith(prefix, StringComparison.Ordinal)))
                throw new AnswerException($"unknown place '{place}' (no division has that code)");
            return place;
        }
        var codes = AgencyPlacing.DivisionCodesNamed(place);
        // A name the database's own lookup reads stays as given; a name with the divisions above it becomes its code.
        if (codes.Count == 1) return AgencyPlacing.DivisionCodeOf(place) is null ? codes[0] : place;
        if (codes.Count > 1)
            throw new AnswerException($"place '{place}' names {codes.Count} divisions ({string.Join(", ", codes.Take(5).Select(c => $"{c} {string.Join("", catalog.PathTo(c).Select(d => d.Name))}"))}{(codes.Count > 5 ? ", …" : "")}): give the code, or the province and city before it");
        throw new AnswerException($"unknown place '{place}' (no division of that name)");
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string OneOf(string value, string[] allowed, string what) =>
        allowed.Contains(value) ? value : throw new AnswerException($"unknown {what} '{value}' (one of {string.Join(", ", allowed)})");

    [GeneratedRegex(@"^\s*(?<field>[A-Za-z0-9_.]+)\s*(?<op>>=|<=|!=|==|=|>|<)\s*(?<value>[+-]?\d+(\.\d+)?)\s*$")]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"^(?<from>\d{4})?(?<dash>\s*[-–~]\s*)?(?<to>\d{4})?$")]
    private static partial Regex YearPattern();
}
