using Ogi.Cells;
using Ogi.Parsing;
using Ogi.Resolve;
using Ogi.Segment;
using Ogi.Templates;
using Ogi.Validate;

namespace Ogi.Recognize;

/// <summary>
/// Reads the values of one copy of a report's tables: for each matched row, its region's cells (cell grammar),
/// their possible readings (row splitter), then one reading per row for the whole table (resolver).
/// </summary>
public static partial class TableReader
{
    public static ParsedTable Read(LayoutText text, IReadOnlyList<TableMatch> copy, IReadOnlyDictionary<string, decimal> narrative, List<Finding> findings)
    {
        // One table in the copy (the common case): its cells list is the table's, not copied.
        List<CellValue>? cells = null;
        var definitions = new List<CompiledTable>(copy.Count);
        foreach (var match in copy)
        {
            var read = ReadTable(text, match, narrative, findings);
            if (cells is null) cells = read; else cells.AddRange(read);
            definitions.Add(match.Table);
        }
        cells ??= [];
        var label = copy.Count > 0 ? copy[0].Table.Definition.Title : "";
        return new ParsedTable { Label = label, Cells = cells, Definitions = definitions };
    }

    static List<CellValue> ReadTable(LayoutText text, TableMatch match, IReadOnlyDictionary<string, decimal> narrative, List<Finding> findings)
    {
        var table = match.Table;
        int spanStart = text.SourceStart(match.CompactStart);
        int spanEnd = Math.Min(text.Source.Length, text.SourceEnd(match.CompactEnd) + 300);
        var layout = RegionReader.DetectLayout(text, spanStart, spanEnd);
        // One cell a line, with or without a blank line after each: where many cells are empty the two look alike;
        // the reading that gives the rows their number of cells is the table's.
        // Each row's cells in the chosen reading are read once, here, and kept for the rows below.
        List<CellToken>?[]? read = null;
        (int Start, int End)[]? regions = null;
        if (layout is CellLayout.Lines or CellLayout.BlankLines)
        {
            var other = layout == CellLayout.Lines ? CellLayout.BlankLines : CellLayout.Lines;
            (read, regions) = ReadRows(text, match, layout);
            int fitting = RowsFitting(match, read);
            // Where every row already has its number of cells the other reading cannot do better: it is not read.
            // The rows' regions are the same in both (only their cells are cut otherwise).
            if (fitting < ValueRows(match) && ReadRows(text, match, other, regions, read) is var theirs && RowsFitting(match, theirs.Read) > fitting)
            { layout = other; (read, regions) = theirs; }
        }
        var rowTokens = new List<ColumnGrid.Row>(match.Rows.Count);
        List<CellValue>? unknown = null;
        var unknownPrefix = table.Definition.UnknownRowPrefix;
        var rows = match.Rows;
        List<CompiledRow>? placedByOrder = null, placedByColumnOrder = null;
        for (int i = 0; i < rows.Count; i++)
        {
            var rm = rows[i];
            // Rows with values were given their regions when they were read above; heading rows are not read.
            var (start, end) = regions is not null && read![i] is not null ? regions[i] : Region(text, match, i, layout);
            // Rows whose labels were cut short or dropped, between this row and the next found.
            if (layout == CellLayout.Pipes && UnlabelledRowReader.Read(text, match, i, start, end, out int ownEnd) is { } unlabelled)
            {
                end = ownEnd;
                foreach (var (row, placed) in unlabelled)
                {
                    rowTokens.Add(new ColumnGrid.Row { Template = row, Tokens = placed });
                    (placedByOrder ??= []).Add(row);
                }
            }
            if (rm.Row.Group && (unknownPrefix is null || i + 1 == rows.Count)) continue;
            var cells = read?[i] ?? RegionReader.ReadCells(text, start, end, layout);
            // Words after the values, before the next known row: perhaps a row the template does not know.
            if (unknownPrefix is not null && i + 1 < rows.Count && cells.Count > 0 && cells[^1].Kind == CellKind.Text && DigitsAfterWords(text, cells, end))
                (unknown ??= []).AddRange(UnknownRows(text, start, end, layout, unknownPrefix, table, rm.Row.Group ? null : rm.Row.Columns));
            if (rm.Row.Group) continue;
            if (rm.ByTitle && HeadinglessRowReader.Values(text, rm) is { } byColumnOrder)
            {
                rowTokens.Add(new ColumnGrid.Row { Template = rm.Row, Tokens = byColumnOrder });
                (placedByColumnOrder ??= []).Add(rm.Row);
                continue;
            }
            var tokens = ValueTokens(cells, rm.Row.Columns.Length);
            // Table 四's headings may end with unused empty cells (one a line once flattened): blanks beyond the row's
            // cells, before its values, are theirs.
            if (rm.Row.Definition.AfterHeaders)
                while (tokens.Count > rm.Row.Columns.Length && tokens[0].Kind == CellKind.Blank) tokens.RemoveAt(0);
            // Column groups printed as tables of their own (table 四 under three headings).
            if (tokens.Count < rm.Row.Columns.Length && rm.Row.Definition.Parts is not null
                && (PartedRowReader.Read(text, table, rm, end, layout, ValueTokens) ?? TransposedRowReader.Read(text, rm, text.SourceEnd(rm.CompactEnd), Math.Min(text.Source.Length, start + 600), layout)) is { } parted) tokens = parted;
            rowTokens.Add(new ColumnGrid.Row { Template = rm.Row, Tokens = tokens });
        }
        // Values apart by spaces (a PDF's text, a fixed-width export) may stand in columns that show their empty cells.
        if (layout != CellLayout.Pipes) ColumnGrid.PlaceShortRows(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rowTokens));
        // Every reading of a row has a cell for each of its columns: the table's cells are laid out in row order
        // before any is read, and a row of one reading (most rows) writes its cells in place, with no reading made.
        int cellCount = unknown?.Count ?? 0;
        foreach (var r in rowTokens) cellCount += r.Template.Columns.Length;
        var result = new List<CellValue>(cellCount);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(result, cellCount - (unknown?.Count ?? 0));
        var laidOut = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result);
        // The readings of each row that has several (null for a row of one), only when one row has.
        List<RowReading>?[]? several = null;
        for (int r = 0, at = 0; r < rowTokens.Count; at += rowTokens[r].Template.Columns.Length, r++)
        {
            var (row, tokens) = (rowTokens[r].Template, rowTokens[r].Tokens);
            var own = laidOut.Slice(at, row.Columns.Length);
            // As many tokens as columns: one cell each, nothing to split.
            if (tokens.Count >= row.Columns.Length) { RowSplitter.OneCellPerToken(text, row.Columns, tokens, own); continue; }
            var readings = RowSplitter.Readings(text, row, tokens, table.RowChecks[row.Index]);
            if (!rowTokens[r].Placed && tokens.Count > 0 && (layout == CellLayout.Runs || layout != CellLayout.Pipes && SharesLine(text, tokens)))
            {
                // Values apart by spaces that no split of their digits reads by the row's rules are whole values with
                // empty cells between them, not digits run together.
                if (tokens.Count >= 2 && AllBreakRowRules(readings)) readings = [RowSplitter.OneCellPerToken(text, row.Columns, tokens)];
                readings = Unplaced(row, tokens, readings, findings);
            }
            if (readings.Count == 1) readings[0].Cells.CopyTo(own);
            else (several ??= new List<RowReading>?[rowTokens.Count])[r] = readings;
        }
        if (several is not null) Resolve(rowTokens, several, laidOut, table, narrative, findings);
        if (placedByOrder is not null)
            foreach (var row in placedByOrder)
                Doubtful(row, result, findings, $"{row.Label}：标签缺失或不完整，按模板的行序放置",
                $"{row.Label}: its label is missing or cut short; the values are placed by the template's row order");
        if (placedByColumnOrder is not null)
            foreach (var row in placedByColumnOrder)
                Doubtful(row, result, findings, $"{table.Definition.Title}：列标题未能识别，数值按表格的列序放置",
                $"{table.Definition.Title}: the column headings were not recognized; the values are placed by the form's column order");
        if (unknown is not null) result.AddRange(unknown);
        return result;
    }

    /// <summary>
    /// A table with rows of several readings: every row becomes a choice for the resolver (the rows of one reading
    /// too, since the table's equations read them), and the cells of the readings chosen take their places.
    /// </summary>
    static void Resolve(List<ColumnGrid.Row> rowTokens, List<RowReading>?[] several, Span<CellValue> laidOut, CompiledTable table,
        IReadOnlyDictionary<string, decimal> narrative, List<Finding> findings)
    {
        var choices = new List<RowChoice>(rowTokens.Count);
        for (int r = 0, at = 0; r < rowTokens.Count; at += rowTokens[r].Template.Columns.Length, r++)
            choices.Add(new RowChoice
            {
                Row = rowTokens[r].Template,
                Readings = several[r] ?? [new RowReading { Cells = laidOut.Slice(at, rowTokens[r].Template.Columns.Length).ToArray() }],
            });
        GluedDigitsResolver.Resolve(choices, table, narrative);
        for (int r = 0, at = 0; r < rowTokens.Count; at += rowTokens[r].Template.Columns.Length, r++)
            if (several[r] is not null) ChosenCells(choices[r], narrative, findings, laidOut.Slice(at, rowTokens[r].Template.Columns.Length));
    }

    static bool AllBreakRowRules(List<RowReading> readings)
    {
        foreach (var r in readings) if (!r.BreaksRowRules) return false;
        return true;
    }

    /// <summary>A row placed by the form's order rather than by its label or headings: confidence at most 0.8, and a G1 finding.</summary>
    static void Doubtful(CompiledRow row, List<CellValue> result, List<Finding> findings, string zh, string en)
    {
        var fields = row.Columns.Select(c => c.Field).ToHashSet();
        for (int k = 0; k < result.Count; k++)
            if (fields.Contains(result[k].Field) && result[k].Confidence > 0.8) result[k] = result[k] with { Confidence = 0.8 };
        findings.Add(new Finding("G1", Severity.Info, zh, en, fields.ToList()));
    }

    /// <summary>
    /// A row apart by spaces with fewer values than columns, none of them run together: its empty cells were only
    /// wider gaps, and where the table's columns give no positions the values are not known to stand in the first
    /// columns. They are read so, with half confidence and a G1 finding.
    /// </summary>
    static List<RowReading> Unplaced(CompiledRow row, List<CellToken> tokens, List<RowReading> readings, List<Finding> findings)
    {
        if (readings.Count != 1 || tokens.Count >= row.Columns.Length || tokens.Count == 0) return readings;
        var cells = readings[0].Cells;
        if (cells.Any(c => c.FromGluedDigits)) return readings;
        var doubtful = new List<string>();
        for (int c = 0; c < cells.Length; c++)
            if (cells[c].Start >= 0 && cells[c].Confidence > 0.5) { cells[c] = cells[c] with { Confidence = 0.5 }; doubtful.Add(cells[c].Field); }
        if (doubtful.Count > 0)
            findings.Add(new Finding("G1", Severity.Info,
                $"{row.Label}：以空格分隔的行只有 {tokens.Count} 个数值，少于 {row.Columns.Length} 列，空单元格的位置无法确定，按从左起读",
                $"{row.Label}: a row apart by spaces has {tokens.Count} values for {row.Columns.Length} columns; where its empty cells stand is unknown, read from the left",
                doubtful));
        return readings;
    }

    /// <summary>Whether two of the values stand on one line, apart by spaces.</summary>
    static bool SharesLine(LayoutText text, List<CellToken> tokens)
    {
        for (int k = 1; k < tokens.Count; k++)
            if (tokens[k - 1].Length > 0 && tokens[k].Length > 0 && text.Folded.IndexOf('\n', tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End) < 0)
                return true;
        return false;
    }

    /// <summary>The source range holding row i's values: after its label (or table 四's headings), up to the next row's numbering.</summary>
    static (int Start, int End) Region(LayoutText text, TableMatch match, int i, CellLayout layout)
    {
        var rows = match.Rows;
        var rm = rows[i];
        int labelEnd = i + 1 < rows.Count ? LastOwnLabel(text, rm, rows[i + 1].CompactStart) : rm.CompactEnd;
        int start = rm.Row.Definition.AfterHeaders
            ? RegionReader.AfterHeaders(text, labelEnd, match.Table.FoldedHeaders, layout)
            : RegionReader.AfterLabel(text, labelEnd);
        int end = i + 1 < rows.Count ? text.SourceStart(rows[i + 1].CompactStart) : Math.Min(text.Source.Length, start + 600);
        if (end < start) end = start;
        end = RegionReader.TrimNextNumbering(text, start, end, i + 1 < rows.Count ? rows[i + 1].Row : null, layout);
        return (start, end);
    }

    /// <summary>
    /// A row's label printed again before its values: a page break repeats the headings, and the last heading (其他)
    /// is the next row's own label (3.其他). The values follow the last of them, so the region starts there.
    /// </summary>
    static int LastOwnLabel(LayoutText text, RowMatch rm, int nextStart)
    {
        var c = text.Compact;
        int end = rm.CompactEnd;
        for (bool moved = true; moved;)
        {
            moved = false;
            foreach (var label in rm.Row.FoldedLabels)
            {
                // Mostly the values stand between the two, fewer characters than a label has: nothing to search.
                if (label.Length > nextStart - end) continue;
                int at = c.IndexOf(label, end, nextStart - end, StringComparison.Ordinal);
                if (at < 0 || at + label.Length > nextStart) continue;
                // Values between the two are the first one's; the numbering of the second (3、其他) is not.
                bool values = false;
                for (int k = end; k < at && !values; k++) values = char.IsAsciiDigit(c[k]) && TableAligner.ValuesFollow(c, k) && (k == 0 || !char.IsAsciiDigit(c[k - 1]));
                if (!values) { end = at + label.Length; moved = true; break; }
            }
        }
        return end;
    }

    /// <summary>
    /// The cells of every row with values (null for heading rows) in one layout, and their regions (found, or given).
    /// Read again in the other one-cell-a-line layout, a region that reads alike in both keeps the cells read before
    /// (<paramref name="before"/>: a glued table reads most of its rows twice otherwise).
    /// </summary>
    static (List<CellToken>?[] Read, (int Start, int End)[] Regions) ReadRows(LayoutText text, TableMatch match, CellLayout layout,
        (int Start, int End)[]? found = null, List<CellToken>?[]? before = null)
    {
        var read = new List<CellToken>?[match.Rows.Count];
        var regions = found ?? new (int Start, int End)[match.Rows.Count];
        for (int i = 0; i < match.Rows.Count; i++)
        {
            if (match.Rows[i].Row.Group) continue;
            var (start, end) = found is null ? regions[i] = Region(text, match, i, layout) : regions[i];
            read[i] = before?[i] is { } same && RegionReader.SameInLineLayouts(text, start, end) ? same : RegionReader.ReadCells(text, start, end, layout);
        }
        return (read, regions);
    }

    static int ValueRows(TableMatch match)
    {
        int n = 0;
        foreach (var r in match.Rows) if (!r.Row.Group) n++;
        return n;
    }

    /// <summary>How many rows the layout reads with exactly as many cells as the row has columns.</summary>
    static int RowsFitting(TableMatch match, List<CellToken>?[] read)
    {
        int fit = 0;
        for (int i = 0; i < match.Rows.Count; i++)
        {
            var row = match.Rows[i].Row;
            if (read[i] is { } cells && ValueCount(cells, row.Columns.Length) == row.Columns.Length) fit++;
        }
        return fit;
    }

    /// <summary>How many value cells <see cref="ValueTokens"/> would leave of a region's cells, counted without making them.</summary>
    static int ValueCount(List<CellToken> cells, int expected)
    {
        int values = 0, stop = cells.Count;
        bool onlyValues = true;
        for (int k = 0; k < cells.Count; k++)
        {
            var kind = cells[k].Kind;
            if (kind == CellKind.Text) { stop = k; onlyValues = false; break; }
            if (kind == CellKind.Unit) { onlyValues = false; continue; }
            values++;
        }
        if (onlyValues && (cells.Count <= expected || cells[^1].Kind != CellKind.Blank)) return cells.Count;
        // The empty cells after the expected ones are dropped (those of empty lines before prose among them).
        for (int k = stop - 1; k >= 0 && values > expected; k--)
        {
            var kind = cells[k].Kind;
            if (kind == CellKind.Unit) continue;
            if (kind != CellKind.Blank) break;
            values--;
        }
        return values;
    }

    /// <summary>
    /// The chosen reading's cells. Where other readings remained as good, the cells they disagree on get a lower
    /// confidence and their alternatives, and a G1 finding names the other readings.
    /// </summary>
    static void ChosenCells(RowChoice choice, IReadOnlyDictionary<string, decimal> narrative, List<Finding> findings, Span<CellValue> into)
    {
        var chosen = choice.Chosen!;
        var tied = choice.Tied.Count > 1 ? choice.Tied : choice.Readings.Count > 1 && choice.Tied.Count == 0 ? choice.Readings : null;
        if (tied is null)
        {
            // One reading: its cells as they are.
            chosen.Cells.CopyTo(into);
            return;
        }
        var doubtful = new List<string>();
        for (int c = 0; c < chosen.Cells.Length; c++)
        {
            var cell = chosen.Cells[c];
            var values = TiedValues(tied, c);
            if (values is { Count: > 1 })
            {
                bool saidSo = cell.Value is decimal v && narrative.TryGetValue(cell.Field, out var n) && n == v;
                var own = cell.Value;
                cell = cell with { Confidence = saidSo ? 0.8 : Math.Round(1.0 / values.Count, 3), Alternatives = values.Where(x => x != own).ToList() };
                doubtful.Add(cell.Field);
            }
            into[c] = cell;
        }
        if (doubtful.Count > 0) ReadingsFinding(choice.Row, chosen, tied, doubtful, findings);
    }

    /// <summary>The G1 finding of a row whose digits allow several readings: the chosen one and up to five others.</summary>
    static void ReadingsFinding(CompiledRow row, RowReading chosen, IReadOnlyList<RowReading> tied, List<string> doubtful, List<Finding> findings)
    {
        static string Show(RowReading r) => string.Join(" | ", r.Cells.Select(x => x.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"));
        var others = tied.Where(r => r != chosen).Take(5).Select(Show);
        findings.Add(new Finding("G1", Severity.Info,
            $"{row.Label}：连写数字有多种符合表内规则的读法，取 {Show(chosen)}；其他读法：{string.Join("；", others)}",
            $"{row.Label}: digits run together allow several readings that satisfy the table rules; chose {Show(chosen)}; others: {string.Join("; ", others)}",
            doubtful));
    }

    /// <summary>The distinct values the tied readings give column c, in the order first met.</summary>
    static List<decimal?> TiedValues(IReadOnlyList<RowReading> tied, int c) => tied.Select(r => r.Cells[c].Value).Distinct().ToList();

    /// <summary>
    /// Rows the template does not define, printed between two known rows (an older table's 依申请公开信息数, a
    /// province's own row): a label, perhaps a unit, then values. Kept under the table's prefix with the label as slug.
    /// </summary>
    static List<CellValue> UnknownRows(LayoutText text, int start, int end, CellLayout layout, string prefix, CompiledTable table, CompiledColumn[]? block)
    {
        var found = new List<CellValue>();
        // A row of the block it stands in has that block's columns (table 二's 其他主动公开文件 under 规章's three).
        var columns = block ?? FirstValueRow(table).Columns;
        int yearColumns = 0;
        foreach (var c in columns) if (!c.Cumulative) yearColumns++;
        bool perColumn = yearColumns > 1;
        var tokens = RegionReader.ReadCells(text, start, end, layout, stopAtText: false);
        int k = 0;
        while (k < tokens.Count && tokens[k].Kind != CellKind.Text) k++; // the known row's own values
        while (k < tokens.Count)
        {
            int labelStart = k;
            while (k < tokens.Count && tokens[k].Kind == CellKind.Text) k++;
            int labelEnd = k;
            string? unit = null;
            var values = new List<CellToken>();
            bool anyNumber = false;
            while (k < tokens.Count && tokens[k].Kind != CellKind.Text)
            {
                if (tokens[k].Kind == CellKind.Unit) unit = tokens[k].Unit; else { values.Add(tokens[k]); anyNumber |= tokens[k].Kind == CellKind.Number; }
                k++;
            }
            // Words with no value after them are prose, not a row: their label is not made.
            if (!anyNumber) continue;
            var slug = Slug(string.Concat(tokens.Skip(labelStart).Take(labelEnd - labelStart).Select(t => t.RawIn(text.Source))));
            if (slug.Length < 2) continue;
            // The table's headings again after a page break (指标名称 | 计量单位 | 2015年度) are no row.
            if (AllHeadings(slug, table.FoldedHeaders)) continue;
            for (int c = 0; c < columns.Length && c < values.Count; c++)
            {
                var t = values[c];
                string field = columns[c].Cumulative ? prefix + "cumulative.extra." + slug : perColumn ? prefix + slug + "." + columns[c].Id : prefix + slug;
                decimal? v = t.ValueIn(text.Folded);
                string? u = t.Unit ?? unit;
                if (v is decimal money && u is "元" or "亿元") v = CellGrammar.ToWanYuan(money, u);
                found.Add(new CellValue { Field = field, Value = v, Raw = t.RawIn(text.Source), Start = t.Start, End = t.End, Unit = u, Note = t.NoteIn(text.Source) });
            }
        }
        return found;
    }

    static CompiledRow FirstValueRow(CompiledTable table)
    {
        foreach (var r in table.Rows) if (!r.Group) return r;
        throw new InvalidOperationException($"table {table.Id} has no row of values");
    }

    /// <summary>Whether a digit follows the region's first words: an unknown row needs a value, and a value a digit.</summary>
    static bool DigitsAfterWords(LayoutText text, List<CellToken> cells, int end)
    {
        int words = cells.FindIndex(t => t.Kind == CellKind.Text);
        return words >= 0 && text.Folded.AsSpan(cells[words].Start, Math.Max(0, end - cells[words].Start)).IndexOfAnyInRange('0', '9') >= 0;
    }

    /// <summary>Whether the words are the table's column headings one after another.</summary>
    static bool AllHeadings(string words, string[] headings)
    {
        int p = 0;
        while (p < words.Length)
        {
            int next = -1;
            foreach (var h in headings)
                if (h.Length > 0 && string.CompareOrdinal(words, p, h, 0, h.Length) == 0) { next = p + h.Length; break; }
            if (next < 0) return false;
            p = next;
        }
        return words.Length > 0;
    }

    /// <summary>A label without its numbering, spaces and punctuation: 3.电子邮件申请数 → 电子邮件申请数.</summary>
    static string Slug(string label)
    {
        var folded = LeadingNumbering().Replace(Normalize.TextNormalizer.Fold(label).Trim(), "");
        var sb = new System.Text.StringBuilder();
        foreach (var ch in folded)
            if (ch >= 0x4E00 && ch <= 0x9FFF || char.IsAsciiLetter(ch)) sb.Append(ch);
        return sb.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:其中[:：]?\s*)?(?:\(?[一二三四五六七八九十\d]{1,3}\)?\s*[、.．,，]?\s*)?(?:其中[:：]?)?")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumbering();

    /// <summary>
    /// The value cells of a region: up to the first words that are not a value, units dropped (kept on the value).
    /// The region's cells are made its values in place: they are read for nothing else afterwards.
    /// </summary>
    static List<CellToken> ValueTokens(List<CellToken> cells, int expected)
    {
        // Only values, and no empty cell to drop at the end: the cells are the values as they are.
        bool onlyValues = cells.Count <= expected || cells[^1].Kind != CellKind.Blank;
        for (int k = 0; k < cells.Count && onlyValues; k++) onlyValues = cells[k].Kind is CellKind.Number or CellKind.Blank;
        if (onlyValues) return cells;
        // In place, each value is written at or before where it was read.
        byte unit = 0;
        int values = 0;
        for (int k = 0; k < cells.Count; k++)
        {
            var t = cells[k];
            if (t.Kind == CellKind.Text) break;
            if (t.Kind == CellKind.Unit) { unit = t.UnitCode; continue; }
            var value = t.Kind == CellKind.Number && t.UnitCode == 0 && unit != 0 ? t with { UnitCode = unit } : t;
            cells[values++] = value;
        }
        cells.RemoveRange(values, cells.Count - values);
        // Empty cells after the expected ones are the table's unused columns, or empty lines between the values and
        // the prose that follows them (layout, not cells); the row's own last cells may be empty.
        while (cells.Count > expected && cells[^1].Kind == CellKind.Blank) cells.RemoveAt(cells.Count - 1);
        return cells;
    }
}
