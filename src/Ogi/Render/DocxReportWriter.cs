using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ogi.Render;

/// <summary>
/// The report as a Word document with real tables: merged cells as Word merges them (w:gridSpan across,
/// w:vMerge restart/continue down), the fonts Chinese government documents use, A4 pages.
/// </summary>
public static class DocxReportWriter
{
    public static byte[] Write(RenderedReport report)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            // A fixed relationship id: the SDK would draw a random one, and the same report must give the same bytes.
            var main = doc.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            var body = new Body();
            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case TitleBlock t: body.Append(Para(t.Text, size: 44, bold: true, font: "方正小标宋简体", justify: JustificationValues.Center)); break;
                    case HeadingBlock h: body.Append(Para(h.Text, size: 32, font: "黑体", indent: true)); break;
                    case ParagraphBlock p: body.Append(Para(p.Text, size: 32, font: "仿宋_GB2312", indent: true)); break;
                    case MetaLineBlock m: body.Append(Para(m.Text, size: 32, font: "仿宋_GB2312", justify: m.Signature ? JustificationValues.Right : null)); break;
                    case TableBlock tb: body.Append(Table(tb.Table)); body.Append(new Paragraph()); break;
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return Deterministic(ms);
    }

    /// <summary>
    /// The package writer stamps every ZIP entry with the current time; the same report must give the same bytes
    /// (synth is deterministic per seed), so the entries are rewritten with one fixed time.
    /// </summary>
    static byte[] Deterministic(MemoryStream package)
    {
        var fixedTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        package.Position = 0;
        using var output = new MemoryStream((int)package.Length + 1024);
        using (var source = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
                copy.LastWriteTime = fixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    static Paragraph Para(string text, int size, string font, bool bold = false, JustificationValues? justify = null, bool indent = false)
    {
        var props = new ParagraphProperties();
        if (justify is JustificationValues j) props.Append(new Justification { Val = j });
        if (indent) props.Append(new Indentation { FirstLine = "640" });
        return new Paragraph(props, Run(text, size, font, bold));
    }

    static Run Run(string text, int size, string font, bool bold = false)
    {
        var rp = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold) rp.Append(new Bold());
        rp.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    static Table Table(GridTable table)
    {
        const int total = 9000; // twips across the text width of an A4 page
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
                var para = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
                if (startsHere && cell.Text.Length > 0) para.Append(Run(cell.Text, 21, "宋体"));
                tr.Append(new TableCell(props, para));
                c += cell.ColSpan;
            }
            t.Append(tr);
        }
        return t;
    }
}
