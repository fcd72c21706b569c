using System.Globalization;
using Ogi.Render;
using Ogi.Templates;
using Ogi.Web.Localization;

namespace Ogi.Web.Services;

/// <summary>A finding as the page lists it: a stored one has its id (to review it) and its review; a fresh upload's has none.</summary>
public sealed record FindingView(long? Id, string Rule, string Severity, string Message, IReadOnlyList<string> Fields,
    long? RelatedReportId = null, string? Review = null, string? ReviewNote = null, bool ReviewStale = false);

/// <summary>A value cell of a drawn table: its text as the form prints it, its provenance, the findings on it.</summary>
public sealed class CellView
{
    /// <summary>What <c>?cell=</c> names: the field for the main table, "N:field" for the document's further table N.</summary>
    public required string Key { get; init; }
    public required string Field { get; init; }
    public required string Text { get; init; }
    /// <summary>Where the form prints it, in the form's words: the row's labels and the column's headings.</summary>
    public string Caption { get; init; } = "";
    /// <summary>The report prints the row (the value may still be blank); false: the row is not in the report at all.</summary>
    public required bool Printed { get; init; }
    public ParseCell? Source { get; init; }
    public IReadOnlyList<FindingView> Findings { get; init; } = [];
    public bool Selected { get; init; }
    public bool Doubtful => Source is { Confidence: < 1 };
    public bool Glued => Source is { Glued: true };
    public IReadOnlyList<decimal?> Alternatives => Source?.Alternatives ?? [];
    /// <summary>The worst severity among the findings on it (error, warning, info), or null.</summary>
    public string? Severity => Findings.Select(f => f.Severity).OrderBy(ReportView.Rank).FirstOrDefault();
    public string Classes { get; init; } = "";
    public string Title { get; init; } = "";
    public string Href { get; init; } = "";
}

/// <summary>A grid position that starts a cell: heading, label, or value (with <see cref="Value"/>).</summary>
public sealed record GridCellView(string Text, int ColSpan, int RowSpan, bool Heading, CellView? Value);

public sealed class TableView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required int HeaderRows { get; init; }
    /// <summary>Each grid column's share of the width in percent, as the format's Word file draws it; null: as the browser lays it out.</summary>
    public int[]? WidthPercents { get; init; }
    public required List<List<GridCellView>> Rows { get; init; }
}

/// <summary>The decoded text cut around the selected cell's span (all of it in Before when none is selected).</summary>
public sealed record SourceView(string Before, string Marked, string After);

/// <summary>
/// What the report page shows, built from the engine's output (the OUTPUT.md document and the decoded text): the
/// tables drawn by <see cref="OfficialTableBuilder"/> from the template's own layout data, every value cell with its
/// provenance, the findings marked on the cells they name, the source with the selected cell's span.
/// </summary>
public sealed class ReportView
{
    public required ParseDocument Document { get; init; }
    public required string Text { get; init; }
    public string? TemplateName { get; init; }
    public required List<TableView> Tables { get; init; }
    public required List<FindingView> Findings { get; init; }
    public CellView? Selected { get; init; }
    public required SourceView Source { get; init; }
    /// <summary>The selected PDF cell's page image with its box (an SVG served by the API), or null.</summary>
    public string? PageImage { get; init; }
    /// <summary>Where a cell's page image is served: this + "{page}.svg?box=…" (null when the report is no PDF).</summary>
    public string? PageImageBase { get; init; }

    /// <summary>The query this page's own links start with ("?" or "?u=SHA&amp;").</summary>
    public required string LinkBase { get; init; }

    public bool IsPdf => Document.Source.Format == "pdf";

    public string CellHref(string key) => $"{LinkBase}cell={Uri.EscapeDataString(key)}#source";

    public static int Rank(string severity) => severity switch { "error" => 0, "warning" => 1, "info" => 2, _ => 3 };

    /// <param name="selected">the <c>?cell=</c> key, or null</param>
    /// <param name="linkBase">the query the page's own links start with ("?" or "?u=SHA&amp;")</param>
    /// <param name="pageImageBase">"/api/reports/KEY/pages/" for a PDF, else null</param>
    public static ReportView Build(ParseDocument doc, string text, IReadOnlyList<FindingView> findings, string? selected,
        string linkBase, string? pageImageBase, Text t)
    {
        var template = TemplateCatalog.All.FirstOrDefault(x => x.Id == doc.Template);
        var byField = new Dictionary<string, List<FindingView>>(StringComparer.Ordinal);
        foreach (var f in findings)
            foreach (var field in f.Fields)
            {
                if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
                list.Add(f);
            }
        var tables = new List<TableView>();
        CellView? chosen = null;
        if (template is not null)
        {
            var parts = new List<(string Prefix, string? Label, Dictionary<string, decimal?> Values, List<ParseCell> Cells)>
                { ("", null, doc.Values, doc.Cells) };
            for (int i = 0; i < doc.Tables.Count; i++) parts.Add(($"{i + 1}:", doc.Tables[i].Label, doc.Tables[i].Values, doc.Tables[i].Cells));
            foreach (var (prefix, label, values, cells) in parts)
            {
                var sources = cells.GroupBy(c => c.Field).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                // Findings name the main table's fields; a further table is the document's, shown without them.
                var marks = prefix.Length == 0 ? byField : [];
                foreach (var grid in OfficialTableBuilder.Build(template, values, year: doc.Metadata.Year))
                {
                    var captions = Captions(grid);
                    var rows = new List<List<GridCellView>>();
                    foreach (var row in grid.Rows)
                    {
                        var line = new List<GridCellView>(row.Count);
                        foreach (var cell in row)
                        {
                            CellView? value = null;
                            if (cell.Field is string field)
                            {
                                value = Cell(prefix + field, field, cell.Text, captions.GetValueOrDefault(cell, ""), values.ContainsKey(field),
                                    sources.GetValueOrDefault(field), marks.TryGetValue(field, out var fs) ? fs : [], selected, linkBase, t);
                                if (value.Selected) chosen = value;
                            }
                            line.Add(new GridCellView(cell.Text, cell.ColSpan, cell.RowSpan, cell.Heading, value));
                        }
                        rows.Add(line);
                    }
                    tables.Add(new TableView
                    {
                        Id = grid.Id, Title = label is null ? grid.Title : $"{grid.Title}（{label}）", HeaderRows = grid.HeaderRows, Rows = rows,
                        WidthPercents = grid.Widths is { } w ? w.Select(x => (int)Math.Round(100.0 * x / w.Sum())).ToArray() : null,
                    });
                }
            }
        }
        var source = new SourceView(text, "", "");
        if (chosen?.Source is { } s && s.Start >= 0 && s.End > s.Start && s.End <= text.Length)
            source = new SourceView(text[..s.Start], text[s.Start..s.End], text[s.End..]);
        string? image = null;
        if (pageImageBase is not null && chosen?.Source is { Page: int page, Box: { Length: 4 } box })
            image = PageImageUrl(pageImageBase, page, box);
        return new ReportView
        {
            Document = doc, Text = text, TemplateName = template?.Definition.Name, Tables = tables,
            Findings = findings.OrderBy(f => Rank(f.Severity)).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList(),
            Selected = chosen, Source = source, LinkBase = linkBase, PageImage = image, PageImageBase = doc.Source.Format == "pdf" ? pageImageBase : null,
        };
    }

    public static string PageImageUrl(string pageImageBase, int page, double[] box) =>
        $"{pageImageBase}{page}.svg?box={string.Join(",", box.Select(b => b.ToString("0.##", CultureInfo.InvariantCulture)))}";

    /// <summary>The findings of the engine's own output (a fresh upload: not stored, no ids, no reviews).</summary>
    public static List<FindingView> FindingsOf(ParseDocument doc, Text t) =>
        doc.Findings.Select(f => new FindingView(null, f.Rule, f.Severity, t.IsEnglish ? f.MessageEn ?? f.Message : f.Message, f.Fields)).ToList();

    /// <summary>The findings of a stored report (the engine's and the cross-year ones the store computed), with their reviews.</summary>
    public static List<FindingView> FindingsOf(Ogi.Store.ReportRecord record, Text t) =>
        record.Findings.Select(f => new FindingView(f.Id, f.Rule, f.Severity, t.IsEnglish ? f.MessageEn ?? f.Message : f.Message, f.Fields,
            f.RelatedReportId, f.Review, f.ReviewNote, f.ReviewStale)).ToList();

    public static string Number(decimal? v, Text t) =>
        v is decimal d ? Ogi.Output.JsonReportWriter.Trim(d).ToString("0.######", CultureInfo.InvariantCulture) : t["report.cell.blank"];

    /// <summary>
    /// Each value cell's place in the form's words: the labels to its left in its row (merged labels too), then the
    /// headings above it in its column (the block's or the table's, nearest first upwards, read top-down).
    /// </summary>
    static Dictionary<GridCell, string> Captions(GridTable grid)
    {
        var at = grid.Positions();
        int rows = at.GetLength(0), cols = at.GetLength(1);
        var captions = new Dictionary<GridCell, string>(ReferenceEqualityComparer.Instance);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                var (cell, origin) = at[r, c];
                if (!origin || cell.Field is null) continue;
                var label = new List<string>();
                for (int x = 0; x < c; x++)
                    if (at[r, x].Cell is { Field: null, Heading: false, Text.Length: > 0 } l && (label.Count == 0 || label[^1] != l.Text)) label.Add(l.Text);
                var heads = new List<string>();
                bool found = false;
                for (int y = r - 1; y >= 0; y--)
                {
                    var h = at[y, c].Cell;
                    if (h.Heading && h.Text.Length > 0) { if (heads.Count == 0 || heads[^1] != h.Text) heads.Add(h.Text); found = true; }
                    else if (found) break;
                }
                heads.Reverse();
                captions[cell] = string.Join(" ", label) + (heads.Count > 0 ? " · " + string.Join(" ", heads) : "");
            }
        return captions;
    }

    static CellView Cell(string key, string field, string text, string caption, bool printed, ParseCell? source, IReadOnlyList<FindingView> findings,
        string? selected, string linkBase, Text t)
    {
        bool isSelected = selected == key;
        var classes = new List<string> { "v" };
        if (!printed) classes.Add("absent");
        else if (text.Length == 0) classes.Add("blank");
        if (source is { Confidence: < 1 }) classes.Add("doubt");
        if (source is { Glued: true }) classes.Add("glued");
        if (source is { Approximate: true }) classes.Add("approx");
        var severity = findings.Select(f => f.Severity).OrderBy(Rank).FirstOrDefault();
        if (severity is not null) classes.Add("f-" + severity);
        if (isSelected) classes.Add("sel");

        // The title says in words what the marks say in colour (and what a screen reader reads).
        var title = new List<string> { field };
        if (caption.Length > 0) title.Add(caption);
        if (!printed) title.Add(t["report.cell.absent"]);
        if (source is not null)
        {
            title.Add(t.Format("report.cell.raw", source.Raw));
            if (source.Confidence < 1) title.Add(t.Format("report.cell.confidence", source.Confidence.ToString("0.###", CultureInfo.InvariantCulture)));
            if (source.Glued) title.Add(t["report.cell.glued"]);
            if (source.Alternatives is { Count: > 0 } alts) title.Add(t.Format("report.cell.alternatives", string.Join(" · ", alts.Select(a => Number(a, t)))));
            if (source.Note is not null) title.Add(t.Format("report.cell.note", source.Note));
            if (source.Unit is not null) title.Add(t.Format("report.cell.unit", source.Unit));
        }
        foreach (var f in findings) title.Add($"{f.Rule}: {f.Message}");
        return new CellView
        {
            Key = key, Field = field, Text = text, Caption = caption, Printed = printed, Source = source, Findings = findings, Selected = isSelected,
            Classes = string.Join(' ', classes), Title = string.Join('\n', title),
            Href = $"{linkBase}cell={Uri.EscapeDataString(key)}#source",
        };
    }
}

/// <summary>What the report partial draws: the view, and either the stored report (its reviews) or the upload (its save button).</summary>
public sealed record ReportPageParts(ReportView View, Ogi.Store.ReportRecord? Stored, Upload? Upload, string? Notice = null);
