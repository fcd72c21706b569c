using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ogi.Render;

/// <summary>
/// The report as a Word document with real tables: merged cells as Word merges them (w:gridSpan across,
/// w:vMerge restart/continue down), fonts, sizes, margins and table width as the format's own Word file has them, A4.
/// </summary>
public static class DocxReportWriter
{
    // The format's own Word file: 宋体 throughout, title 18 pt bold, text 12 pt, tables 10 pt, Word's default margins.
    const string Font = "宋体";
    const int TitleSize = 36, TextSize = 24, TableSize = 20; // half-points
    const int TableWidth = 9740; // twips, as the format's tables

    public static byte[] Write(RenderedReport report)
    {
        var body = new Body();
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case TitleBlock t: body.Append(Para(t.Text, TitleSize, bold: true, justify: JustificationValues.Center)); break;
                case HeadingBlock h: body.Append(Para(h.Text, TextSize, bold: true, indent: true)); break;
                case ParagraphBlock p: body.Append(Para(p.Text, TextSize, indent: true)); break;
                case MetaLineBlock m: body.Append(Para(m.Text, TextSize, justify: m.Signature ? JustificationValues.Right : null)); break;
                case TableBlock tb: body.Append(Table(tb.Table)); body.Append(new Paragraph()); break;
            }
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1800, Right = 1800, Header = 851, Footer = 992, Gutter = 0 }));
        return Package(new Document(body).OuterXml);
    }

    const string ContentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "</Types>";

    const string Relationships = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "</Relationships>";

    /// <summary>
    /// The document built with the SDK's typed model, packaged as the three parts a Word file needs. Written here
    /// rather than by the SDK's package writer: that one stamps entries with the current time and draws random
    /// relationship ids, and the same report must give the same bytes (synth is deterministic); it is also most of
    /// the cost.
    /// </summary>
    static byte[] Package(string documentXml)
    {
        var fixedTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var output = new MemoryStream(documentXml.Length / 2);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in new[] { ("[Content_Types].xml", ContentTypes), ("_rels/.rels", Relationships),
                         ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + documentXml) })
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = fixedTime;
                using var stream = entry.Open();
                stream.Write(new UTF8Encoding(false).GetBytes(xml));
            }
        }
        return output.ToArray();
    }

    static Paragraph Para(string text, int size, bool bold = false, JustificationValues? justify = null, bool indent = false)
    {
        var props = new ParagraphProperties();
        if (justify is JustificationValues j) props.Append(new Justification { Val = j });
        if (indent) props.Append(new Indentation { FirstLine = "480" });
        return new Paragraph(props, Run(text, size, bold));
    }

    static Run Run(string text, int size, bool bold = false)
    {
        var rp = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font });
        if (bold) rp.Append(new Bold());
        rp.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    static Table Table(GridTable table)
    {
        const int total = TableWidth;
        var weights = table.Widths ?? Enumerable.Repeat(1, table.Width).ToArray();
        int sum = weights.Sum();
        var widths = weights.Select(w => total * w / sum).ToArray();
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var t = new Table(new TableProperties(new TableWidth { Width = total.ToString(), Type = TableWidthUnitValues.Dxa }, border,
            new TableLayout { Type = TableLayoutValues.Fixed }, new TableJustification { Val = TableRowAlignmentValues.Center }));
        var grid = new TableGrid();
        foreach (var w in widths) grid.Append(new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        t.Append(grid);
        var positions = table.Positions();
        for (int r = 0; r < table.Rows.Count; r++)
        {
            var tr = new TableRow();
            if (r < table.HeaderRows) tr.Append(new TableRowProperties(new TableHeader()));
            for (int c = 0; c < table.Width;)
            {
                var (cell, origin) = positions[r, c];
                // Word draws a vertically merged cell as one cell per row: the first restarts the merge, the others continue it.
                bool startsHere = origin;
                bool mergedDown = cell.RowSpan > 1;
                int width = widths.Skip(c).Take(cell.ColSpan).Sum();
                var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (cell.ColSpan > 1) props.Append(new GridSpan { Val = cell.ColSpan });
                if (mergedDown) props.Append(new VerticalMerge { Val = startsHere ? MergedCellValues.Restart : MergedCellValues.Continue });
                props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                // Headings and values centred, row labels to the left, as the format has them.
                bool label = cell.Field is null && !cell.Heading;
                var para = new Paragraph(new ParagraphProperties(new Justification { Val = label ? JustificationValues.Left : JustificationValues.Center }));
                if (startsHere && cell.Text.Length > 0) para.Append(Run(cell.Text, TableSize));
                tr.Append(new TableCell(props, para));
                c += cell.ColSpan;
            }
            t.Append(tr);
        }
        return t;
    }
}
