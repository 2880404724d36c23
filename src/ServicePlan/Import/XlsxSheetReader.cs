using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace ServicePlan.Import;

/// <summary>
/// Streams one worksheet's XML (no DOM, so a large sheet costs only its cells) into rows of cells, then copies vertically
/// merged values down their first column so a merged Section column reads as filled on every row it spans.
/// Rows that are blank (no text and no fill) are left out; the row numbers of the rest are Excel's.
/// </summary>
internal static class XlsxSheetReader
{
    private const int MaxColumns = 16_384;
    private const int MaxRowNumber = 1_048_576;

    public static Sheet Read(
        WorksheetPart part, string name, bool hidden, IReadOnlyList<string> sharedStrings, XlsxStyles styles, bool date1904,
        ReadLimits limits)
    {
        var sheet = new SheetBuilder(name, sharedStrings, styles, date1904, limits);
        using var reader = XlsxReader.OpenPart(part, limits);
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                // Empty elements (<c r="B1" s="2"/>, <row r="9"/>) have no end element, so they are closed here.
                switch (reader.LocalName)
                {
                    case "row":
                        sheet.StartRow(XlsxStylesReader.Int(reader, "r"));
                        if (reader.IsEmptyElement)
                            sheet.EndRow();
                        break;
                    case "c":
                        sheet.StartCell(reader.GetAttribute("r"), reader.GetAttribute("t"), XlsxStylesReader.Int(reader, "s") ?? 0);
                        if (reader.IsEmptyElement)
                            sheet.EndCell();
                        break;
                    case "v" when sheet.InCell:
                        // Reads the text and moves past the element, so the loop must not read again.
                        sheet.Value = reader.ReadElementContentAsString();
                        continue;
                    case "is" when sheet.InCell && !reader.IsEmptyElement:
                        sheet.InInline = true;
                        break;
                    case "rPh" when !reader.IsEmptyElement:
                        sheet.InPhonetic = true;
                        break;
                    case "t" when sheet.InInline && !sheet.InPhonetic:
                        sheet.AppendInline(reader.ReadElementContentAsString());
                        continue;
                    case "mergeCell":
                        sheet.AddMerge(reader.GetAttribute("ref"));
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                switch (reader.LocalName)
                {
                    case "c":
                        sheet.EndCell();
                        break;
                    case "is":
                        sheet.InInline = false;
                        break;
                    case "rPh":
                        sheet.InPhonetic = false;
                        break;
                    case "row":
                        sheet.EndRow();
                        break;
                }
            }

            reader.Read();
        }

        return sheet.Build(hidden);
    }

    /// <summary>The state of one sheet as its XML streams past: the row and cell being read, and the rows kept so far.</summary>
    private sealed class SheetBuilder(string name, IReadOnlyList<string> sharedStrings, XlsxStyles styles, bool date1904, ReadLimits limits)
    {
        private readonly List<RowData> rows = [];
        private readonly List<(int Top, int Bottom, int Column)> merges = [];
        private readonly List<SheetCell> cells = [];
        private readonly StringBuilder inline = new();
        private long cellCount;
        private bool inOrder = true;
        private int rowNumber;
        private int column = -1;
        private string? type;
        private int style;

        public bool InCell { get; private set; }

        public bool InInline { get; set; }

        public bool InPhonetic { get; set; }

        public string? Value { get; set; }

        public void StartRow(int? number)
        {
            var next = number ?? rowNumber + 1;
            if (next is < 1 or > MaxRowNumber)
                throw ReadMessages.Damaged($"the sheet '{name}' has a row numbered {next}");
            inOrder &= next > rowNumber;
            rowNumber = next;
            column = -1;
            cells.Clear();
        }

        public void StartCell(string? reference, string? cellType, int cellStyle)
        {
            column = reference is null ? column + 1 : ColumnOf(reference);
            if (column is < 0 or >= MaxColumns)
                throw ReadMessages.Damaged($"the sheet '{name}' has a cell at \"{reference}\", outside any sheet");
            type = cellType;
            style = cellStyle;
            Value = null;
            inline.Clear();
            InCell = true;
        }

        public void AppendInline(string text) => AppendCapped(inline, text, limits.MaxCellChars);

        public void EndCell()
        {
            if (!InCell)
                return;
            InCell = false;
            InInline = false;
            if (MakeCell(type, Value, inline, style, sharedStrings, styles, date1904, name, limits) is { } cell)
                Place(cells, column, cell);
        }

        public void EndRow()
        {
            if (!cells.Exists(c => !c.IsBlank))
                return;
            if (rows.Count == limits.MaxRows)
                throw ReadMessages.TooManyRows(name, limits.MaxRows);
            cellCount += cells.Count;
            if (cellCount > limits.MaxCellsPerSheet)
                throw ReadMessages.TooManyCells(name, limits.MaxCellsPerSheet);
            rows.Add(new RowData(rowNumber, [.. cells]));
            cells.Clear();
        }

        public void AddMerge(string? range)
        {
            if (ParseRange(range) is { } merge && merge.Bottom > merge.Top)
                merges.Add(merge);
        }

        public Sheet Build(bool hidden)
        {
            if (!inOrder)
                rows.Sort((a, b) => a.Number.CompareTo(b.Number));
            CopyMergedDown(rows, merges, name, limits, cellCount);
            return new Sheet(name, rows.ConvertAll(r => new SheetRow(r.Number, r.Cells)), hidden);
        }
    }

    /// <summary>
    /// Excel shows a merged range's top-left value across the whole range. Down the rows it matters (a Section column
    /// merged over its actions); across the columns it does not (a title merged over A-H is still the title in A).
    /// Rows are only created up to the sheet's last row with content, so a merge to the bottom of the sheet costs nothing.
    /// </summary>
    private static void CopyMergedDown(List<RowData> rows, List<(int Top, int Bottom, int Column)> merges, string name, ReadLimits limits, long cellCount)
    {
        if (merges.Count == 0 || rows.Count == 0)
            return;

        var byNumber = new Dictionary<int, RowData>(rows.Count);
        foreach (var row in rows)
            byNumber.TryAdd(row.Number, row);
        var lastRow = rows[^1].Number;
        var added = false;
        foreach (var (top, bottom, column) in merges)
        {
            if (!byNumber.TryGetValue(top, out var first) || first.Cells.Length <= column || first.Cells[column].IsBlank)
                continue;

            var source = first.Cells[column] with { FromMerge = true };
            for (var number = top + 1; number <= Math.Min(bottom, lastRow); number++)
            {
                if (!byNumber.TryGetValue(number, out var row))
                {
                    if (byNumber.Count == limits.MaxRows)
                        throw ReadMessages.TooManyRows(name, limits.MaxRows);
                    row = new RowData(number, []);
                    byNumber.Add(number, row);
                    rows.Add(row);
                    added = true;
                }

                // A merge down a far column would otherwise widen every row it spans: count what the copies cost.
                cellCount += Math.Max(0, column + 1 - row.Cells.Length);
                if (cellCount > limits.MaxCellsPerSheet)
                    throw ReadMessages.TooManyCells(name, limits.MaxCellsPerSheet);
                row.Set(column, source);
            }
        }

        if (added)
            rows.Sort((a, b) => a.Number.CompareTo(b.Number));
    }

    private static SheetCell? MakeCell(
        string? type, string? value, StringBuilder inline, int style, IReadOnlyList<string> sharedStrings, XlsxStyles styles,
        bool date1904, string sheet, ReadLimits limits)
    {
        var fill = styles.Fill(style);
        var cell = type switch
        {
            "s" when value is null => SheetCell.Empty,
            "s" => SheetCell.Of(SharedString(value, sharedStrings, sheet)),
            "inlineStr" => SheetCell.Of(CleanText(inline.ToString())),
            "str" => SheetCell.Of(CleanText(Capped(value ?? "", limits.MaxCellChars))),
            "b" => SheetCell.Of(value is null ? "" : value is "1" or "true" ? "TRUE" : "FALSE"),
            "e" => SheetCell.Of(value ?? ""),
            "d" => IsoDate(value),
            _ => Number(value, styles.IsDate(style), date1904),
        };

        if (cell.Text.Length == 0 && cell.Number is null && fill is null)
            return null;
        return fill is null ? cell : cell with { Fill = fill };
    }

    private static string SharedString(string value, IReadOnlyList<string> sharedStrings, string sheet) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count
            ? sharedStrings[index]
            : throw ReadMessages.Damaged($"the sheet '{sheet}' refers to text that is not in the file");

    private static SheetCell Number(string? value, bool isDateStyle, bool date1904)
    {
        if (string.IsNullOrEmpty(value))
            return SheetCell.Empty;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            return SheetCell.Of(value);
        if (isDateStyle && DateCell(date1904 ? number + Date1904Offset : number) is { } date)
            return date;
        // Fifteen significant digits, as Excel shows a General number: 0.1 + 0.2 is stored as 0.30000000000000004.
        return new SheetCell { Text = number.ToString("G15", CultureInfo.InvariantCulture), Number = number };
    }

    /// <summary>Days from 1900-01-00 to 1904-01-01: a 1904-system serial plus this is the 1900-system serial for the same day.</summary>
    private const double Date1904Offset = 1462;

    /// <summary>
    /// A date in the 1900 date system, Number its serial. Excel counts a 29 February 1900 that never was (serial 60), so
    /// serials before it are a day off from OLE automation dates.
    /// </summary>
    private static SheetCell? DateCell(double serial)
    {
        if (serial is < 0 or >= 2_958_466)
            return null;
        var day = Math.Floor(serial);
        var text = day switch
        {
            60 => "1900-02-29",
            < 60 => new DateTime(1899, 12, 31).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => new DateTime(1899, 12, 30).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return new SheetCell { Text = text, Number = serial, IsDate = true };
    }

    private static SheetCell IsoDate(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
        && date >= new DateTime(1900, 3, 1)
            ? DateCell(date.ToOADate()) ?? SheetCell.Of(value!)
            : SheetCell.Of(value ?? "");

    /// <summary>
    /// Cell text as the user typed it: XML cannot carry some characters, so OOXML escapes them as _xHHHH_ (Excel writes a
    /// carriage return as _x000D_), and a line break in a cell is "\n" whichever way it was stored.
    /// </summary>
    internal static string CleanText(string text)
    {
        if (text.Contains("_x", StringComparison.Ordinal))
            text = DecodeEscapes(text);
        // "_x0000_" decodes to a NUL, which no one means and PostgreSQL refuses to store (see DecodeEscapes for "_xD800_").
        if (text.Contains('\0', StringComparison.Ordinal))
            text = text.Replace("\0", "", StringComparison.Ordinal);
        return text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }

    private static string DecodeEscapes(string text)
    {
        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 6;
            }
            else
            {
                decoded.Append(text[i]);
            }
        }

        // "_xD800_" decodes to half a surrogate pair, which is not text: it could not be written as UTF-8 to PostgreSQL
        // or to an export. Replaced as a UTF-8 reader replaces a broken sequence.
        for (var i = 0; i < decoded.Length; i++)
        {
            if (char.IsHighSurrogate(decoded[i]) && i + 1 < decoded.Length && char.IsLowSurrogate(decoded[i + 1]))
                i++;
            else if (char.IsSurrogate(decoded[i]))
                decoded[i] = '\uFFFD';
        }

        return decoded.ToString();
    }

    internal static void AppendCapped(StringBuilder text, string more, int maxChars) =>
        text.Append(more.AsSpan(0, Math.Min(more.Length, Math.Max(0, maxChars - text.Length))));

    private static string Capped(string text, int maxChars) => text.Length <= maxChars ? text : text[..maxChars];

    private static void Place(List<SheetCell> cells, int column, SheetCell cell)
    {
        while (cells.Count < column)
            cells.Add(SheetCell.Empty);
        if (cells.Count == column)
            cells.Add(cell);
        else
            cells[column] = cell;
    }

    /// <summary>"AB12" → 27 (A = 0), or -1 when the reference has no column letters.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                if (++letters > 3)
                    return -1;
                column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return column - 1;
    }

    private static int RowOf(string reference)
    {
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : -1;
    }

    private static (int Top, int Bottom, int Column)? ParseRange(string? range)
    {
        var parts = range?.Replace("$", "", StringComparison.Ordinal).Split(':');
        if (parts is not { Length: 2 })
            return null;
        int top = RowOf(parts[0]), bottom = RowOf(parts[1]), column = ColumnOf(parts[0]);
        return top > 0 && bottom > 0 && column is >= 0 and < MaxColumns ? (top, bottom, column) : null;
    }

    private sealed class RowData(int number, SheetCell[] cells)
    {
        public int Number { get; } = number;

        public SheetCell[] Cells { get; private set; } = cells;

        public void Set(int column, SheetCell cell)
        {
            if (Cells.Length <= column)
            {
                var grown = new SheetCell[column + 1];
                Array.Fill(grown, SheetCell.Empty);
                Cells.CopyTo(grown, 0);
                Cells = grown;
            }

            Cells[column] = cell;
        }
    }
}
