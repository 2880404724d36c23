using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServicePlan.Tests.Import;

/// <summary>
/// Builds a small .xlsx in memory so a test shows the cells it is about rather than a binary file:
/// <code>
/// new TestWorkbook()
///     .Sheet("Plan", s => s
///         .Row(5, "Why?", "Who?", "Does what?")
///         .Cell("G7", fill: "#00B050")
///         .Merge("A7:A9"))
///     .ToBytes();
/// </code>
/// Strings go to the shared string table unless <c>inline</c>; numbers, booleans and dates (DateOnly, format 14 unless
/// given) are written as Excel writes them. For a sheet too large to build as a DOM, <see cref="FromSheetXml"/> writes
/// the sheet's rows as raw XML.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, TestSheet Sheet, TestSheetState State)> sheets = [];
    private string[]? indexedColours;
    private string[]? themeColours;
    private bool date1904;

    public TestWorkbook Sheet(string name, Action<TestSheet> build, TestSheetState state = TestSheetState.Visible)
    {
        var sheet = new TestSheet();
        build(sheet);
        sheets.Add((name, sheet, state));
        return this;
    }

    public TestWorkbook Date1904()
    {
        date1904 = true;
        return this;
    }

    /// <summary>Replaces Excel's default palette of indexed colours, as LibreOffice and old workbooks do.</summary>
    public TestWorkbook IndexedColours(params string[] rgb)
    {
        indexedColours = rgb;
        return this;
    }

    /// <summary>Adds a theme part with these twelve colours, in the theme's own order: dk1, lt1, dk2, lt2, accent1-6, hlink, folHlink.</summary>
    public TestWorkbook Theme(params string[] colours)
    {
        if (colours.Length != 12)
            throw new ArgumentException("A theme has twelve colours.", nameof(colours));
        themeColours = colours;
        return this;
    }

    public MemoryStream ToStream() => new(ToBytes());

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = new StyleBuilder();
            var strings = new SharedStrings();

            var sheetList = new Sheets();
            uint sheetId = 1;
            foreach (var (name, sheet, state) in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = sheet.Build(styles, strings, date1904);
                var entry = new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(worksheetPart) };
                if (state != TestSheetState.Visible)
                    entry.State = state == TestSheetState.Hidden ? SheetStateValues.Hidden : SheetStateValues.VeryHidden;
                sheetList.Append(entry);
            }

            workbookPart.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 ? true : null }, sheetList);
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Build(indexedColours);
            if (strings.Table.HasChildren)
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table;
            if (themeColours is not null)
            {
                using var theme = new MemoryStream(Encoding.UTF8.GetBytes(ThemeXml(themeColours)));
                workbookPart.AddNewPart<ThemePart>().FeedData(theme);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// A one-sheet workbook ("Sheet1") whose &lt;sheetData&gt; content is written by <paramref name="writeRows"/>, streamed
    /// straight into the zip: for sheets of many thousands of rows, and for parts no well-behaved writer would produce.
    /// <paramref name="stylesXml"/>, when given, is the whole styles.xml.
    /// </summary>
    public static byte[] FromSheetXml(Action<TextWriter> writeRows, CompressionLevel compression = CompressionLevel.Fastest, string? stylesXml = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, Action<TextWriter> write)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path, compression).Open(), new UTF8Encoding(false));
                write(writer);
            }

            const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            const string rels = "http://schemas.openxmlformats.org/package/2006/relationships";
            const string officeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            Add("[Content_Types].xml", w => w.Write(
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>"));
            Add("_rels/.rels", w => w.Write(
                $"<Relationships xmlns=\"{rels}\"><Relationship Id=\"rId1\" Type=\"{officeRels}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Add("xl/workbook.xml", w => w.Write(
                $"<workbook xmlns=\"{main}\" xmlns:r=\"{officeRels}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            var stylesRelationship = stylesXml is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{officeRels}/styles\" Target=\"styles.xml\"/>";
            Add("xl/_rels/workbook.xml.rels", w => w.Write(
                $"<Relationships xmlns=\"{rels}\"><Relationship Id=\"rId1\" Type=\"{officeRels}/worksheet\" Target=\"worksheets/sheet1.xml\"/>{stylesRelationship}</Relationships>"));
            if (stylesXml is not null)
                Add("xl/styles.xml", w => w.Write(stylesXml));
            Add("xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<worksheet xmlns=\"{main}\"><sheetData>");
                writeRows(w);
                w.Write("</sheetData></worksheet>");
            });
        }

        return output.ToArray();
    }

    private static string ThemeXml(string[] colours)
    {
        string[] slots = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];
        var scheme = new StringBuilder();
        for (var i = 0; i < slots.Length; i++)
        {
            var hex = colours[i].TrimStart('#');
            // dk1 and lt1 are system colours in Excel's own themes; the reader must take their lastClr.
            scheme.Append(i switch
            {
                0 => $"<a:dk1><a:sysClr val=\"windowText\" lastClr=\"{hex}\"/></a:dk1>",
                1 => $"<a:lt1><a:sysClr val=\"window\" lastClr=\"{hex}\"/></a:lt1>",
                _ => $"<a:{slots[i]}><a:srgbClr val=\"{hex}\"/></a:{slots[i]}>",
            });
        }

        return "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Test\"><a:themeElements>"
            + $"<a:clrScheme name=\"Test\">{scheme}</a:clrScheme>"
            + "<a:fmtScheme name=\"Test\"><a:fillStyleLst><a:solidFill><a:srgbClr val=\"123456\"/></a:solidFill></a:fillStyleLst></a:fmtScheme>"
            + "</a:themeElements></a:theme>";
    }
}

public enum TestSheetState
{
    Visible,
    Hidden,
    VeryHidden,
}

/// <summary>A cell fill: an RGB string converts to one, as in <c>fill: "#0070C0"</c>.</summary>
public sealed record TestFill(string? Rgb = null, uint? Indexed = null, uint? Theme = null, double Tint = 0)
{
    public static TestFill FromRgb(string hex) => new(Rgb: hex);

    public static TestFill FromIndex(uint index) => new(Indexed: index);

    public static TestFill FromTheme(uint index, double tint = 0) => new(Theme: index, Tint: tint);

    public static implicit operator TestFill(string hex) => FromRgb(hex);

    internal ForegroundColor ToColour()
    {
        var colour = new ForegroundColor();
        if (Rgb is not null)
            colour.Rgb = "FF" + Rgb.TrimStart('#');
        if (Indexed is not null)
            colour.Indexed = Indexed;
        if (Theme is not null)
            colour.Theme = Theme;
        if (Tint != 0)
            colour.Tint = Tint;
        return colour;
    }
}

public sealed class TestSheet
{
    private readonly SortedDictionary<(int Row, int Column), Func<Context, Cell>> cells = [];
    private readonly List<string> merges = [];

    /// <summary>Values into columns A, B, C… of the row; null leaves a cell out.</summary>
    public TestSheet Row(int number, params object?[] values)
    {
        for (var column = 0; column < values.Length; column++)
        {
            if (values[column] is { } value)
                Cell(ColumnName(column) + number.ToString(CultureInfo.InvariantCulture), value);
        }

        return this;
    }

    /// <param name="format">A number format code for a number or date, e.g. "dd-mmm-yy"; a date without one gets format 14.</param>
    /// <param name="inline">Write a string as an inline string rather than into the shared string table.</param>
    public TestSheet Cell(string reference, object? value = null, TestFill? fill = null, string? format = null, bool inline = false) =>
        Put(reference, context =>
        {
            var cell = new Cell { CellReference = reference };
            switch (value)
            {
                case null:
                    break;
                case string text when inline:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                    break;
                case string text:
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue(context.SharedString(text));
                    break;
                case bool flag:
                    cell.DataType = CellValues.Boolean;
                    cell.CellValue = new CellValue(flag ? "1" : "0");
                    break;
                case DateOnly date:
                    var serial = date.ToDateTime(TimeOnly.MinValue).ToOADate() - (context.Date1904 ? 1462 : 0);
                    cell.CellValue = new CellValue(serial);
                    format ??= "14";
                    break;
                case IConvertible number:
                    cell.CellValue = new CellValue(number.ToDouble(CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"A cell cannot hold a {value.GetType().Name}.", nameof(value));
            }

            cell.StyleIndex = context.Styles.Index(format, fill);
            return cell;
        });

    /// <summary>A formula with the value Excel last calculated: a string cached value makes a t="str" cell.</summary>
    public TestSheet Formula(string reference, string formula, object cached, TestFill? fill = null) =>
        Put(reference, context => new Cell(new CellFormula(formula), new CellValue(Convert.ToString(cached, CultureInfo.InvariantCulture)!))
        {
            CellReference = reference,
            DataType = cached is string ? CellValues.String : null,
            StyleIndex = context.Styles.Index(null, fill),
        });

    /// <summary>A shared string made of formatted runs (the first bold), as Excel stores text with mixed formatting.</summary>
    public TestSheet RichText(string reference, params string[] runs) =>
        Put(reference, context =>
        {
            var item = new SharedStringItem();
            for (var i = 0; i < runs.Length; i++)
            {
                var run = new Run();
                if (i == 0)
                    run.Append(new RunProperties(new Bold()));
                run.Append(new Text(runs[i]) { Space = SpaceProcessingModeValues.Preserve });
                item.Append(run);
            }

            return new Cell(new CellValue(context.SharedItem(item))) { CellReference = reference, DataType = CellValues.SharedString };
        });

    public TestSheet Merge(string range)
    {
        merges.Add(range);
        return this;
    }

    internal Worksheet Build(StyleBuilder styles, SharedStrings strings, bool date1904)
    {
        var context = new Context(styles, strings, date1904);
        var data = new SheetData();
        foreach (var row in cells.GroupBy(c => c.Key.Row))
            data.Append(new Row(row.Select(c => c.Value(context))) { RowIndex = (uint)row.Key });

        var worksheet = new Worksheet(data);
        if (merges.Count > 0)
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        return worksheet;
    }

    private TestSheet Put(string reference, Func<Context, Cell> make)
    {
        var letters = reference.TakeWhile(char.IsLetter).Count();
        var column = reference[..letters].Aggregate(0, (n, c) => n * 26 + char.ToUpperInvariant(c) - 'A' + 1) - 1;
        cells[(int.Parse(reference[letters..], CultureInfo.InvariantCulture), column)] = make;
        return this;
    }

    private static string ColumnName(int column) =>
        column < 26 ? ((char)('A' + column)).ToString() : ColumnName(column / 26 - 1) + (char)('A' + column % 26);

    internal sealed record Context(StyleBuilder Styles, SharedStrings Strings, bool Date1904)
    {
        public string SharedString(string text) => Strings.Add(text).ToString(CultureInfo.InvariantCulture);

        public string SharedItem(SharedStringItem item) => Strings.Add(item).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>The shared string table, each plain string once.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> index = [];

    public SharedStringTable Table { get; } = new();

    public int Add(string text)
    {
        if (!index.TryGetValue(text, out var at))
        {
            at = Add(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            index.Add(text, at);
        }

        return at;
    }

    public int Add(SharedStringItem item)
    {
        Table.Append(item);
        return Table.ChildElements.Count - 1;
    }
}

/// <summary>Collects the distinct (number format, fill) pairs the cells use into cellXfs, as Excel does.</summary>
internal sealed class StyleBuilder
{
    private readonly List<string> customFormats = [];
    private readonly List<TestFill> fills = [];
    private readonly List<(uint Format, uint Fill)> cellFormats = [(0, 0)];

    public uint? Index(string? format, TestFill? fill)
    {
        if (format is null && fill is null)
            return null;

        uint formatId = 0;
        if (format is not null && !uint.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out formatId))
        {
            if (!customFormats.Contains(format))
                customFormats.Add(format);
            formatId = (uint)(164 + customFormats.IndexOf(format));
        }

        uint fillId = 0;
        if (fill is not null)
        {
            if (!fills.Contains(fill))
                fills.Add(fill);
            fillId = (uint)(2 + fills.IndexOf(fill));
        }

        if (!cellFormats.Contains((formatId, fillId)))
            cellFormats.Add((formatId, fillId));
        return (uint)cellFormats.IndexOf((formatId, fillId));
    }

    public Stylesheet Build(string[]? indexedColours)
    {
        var stylesheet = new Stylesheet();
        if (customFormats.Count > 0)
        {
            stylesheet.Append(new NumberingFormats(customFormats.Select((code, i) =>
                new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = code })));
        }

        stylesheet.Append(new Fonts(new Font()));
        stylesheet.Append(new Fills(
            new[]
            {
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            }.Concat(fills.Select(f => new Fill(new PatternFill(f.ToColour()) { PatternType = PatternValues.Solid })))));
        stylesheet.Append(new Borders(new Border()));
        stylesheet.Append(new CellStyleFormats(new CellFormat()));
        stylesheet.Append(new CellFormats(cellFormats.Select(f => new CellFormat
        {
            NumberFormatId = f.Format,
            FillId = f.Fill,
            ApplyNumberFormat = f.Format != 0 ? true : null,
            ApplyFill = f.Fill != 0 ? true : null,
        })));
        if (indexedColours is not null)
            stylesheet.Append(new Colors(new IndexedColors(indexedColours.Select(c => new RgbColor { Rgb = "FF" + c.TrimStart('#') }))));
        return stylesheet;
    }
}
