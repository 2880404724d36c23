using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Progress;

namespace ServicePlan.Export;

/// <summary>
/// Writes a plan as the committee appendix a council would lay out in Excel: the header block, a frozen and filtered
/// header row, section heading rows, and the rating as text on its colour. The importer reads this layout back.
/// </summary>
public static class XlsxPlanWriter
{
    public const string SheetName = "Plan";

    /// <summary>The style indices (cellXfs) of <see cref="BuildStylesheet"/>.</summary>
    public static class Styles
    {
        public const uint Default = 0;
        public const uint Title = 1;
        public const uint Label = 2;
        public const uint Value = 3;
        public const uint Header = 4;
        public const uint SectionHeading = 5;
        public const uint Cell = 6;
        public const uint Blue = 7;
        public const uint Red = 8;
        public const uint Amber = 9;
        public const uint Green = 10;
        public const uint SectionHeadingMiddle = 11;
        public const uint SectionHeadingEnd = 12;
    }

    // Widths in Excel's units (characters of the default font). Ref is wider than its values need because the header
    // block's labels ("Implementation date:") share column A.
    private static readonly double[] ColumnWidths = [14, 34, 12, 36, 10, 30, 30, 11, 40];

    private const int ColumnCount = 9;
    private const string LastColumn = "I";
    private static readonly int RatingColumn = PlanColumn.Rating.IndexInTable();

    // Excel refuses (repairs) a cell holding more than this.
    private const int MaxCellLength = 32_767;

    public static void Write(PlanTable plan, Stream output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);

        // The zip package needs to seek back and read; a web response body can do neither.
        if (!output.CanSeek || !output.CanRead)
        {
            using var buffer = new MemoryStream();
            WritePackage(plan, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        WritePackage(plan, output);
    }

    private static void WritePackage(PlanTable plan, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = Clean(plan.Header.Title).Replace('\n', ' ');
        document.PackageProperties.Creator = "ServicePlan";

        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = BuildStylesheet();

        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var strings = new SharedStrings();
        var layout = WriteWorksheet(plan, worksheetPart, strings);

        var sharedStringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        strings.WriteTo(sharedStringsPart);

        var tableRange = $"'{SheetName}'!$A${layout.HeaderRow}:${LastColumn}${layout.LastRow}";
        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(worksheetPart) }),
            new DefinedNames(
                // Excel keeps the autofilter's range under this hidden name and expects to find it.
                new DefinedName(tableRange) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
                new DefinedName($"'{SheetName}'!${layout.HeaderRow}:${layout.HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
    }

    private sealed record Layout(int HeaderRow, int LastRow);

    private static Layout WriteWorksheet(PlanTable plan, WorksheetPart part, SharedStrings strings)
    {
        var headerBlock = HeaderBlock(plan);

        // Title, the label rows, one blank row, then the table's header row.
        var headerRow = 1 + headerBlock.Count + 2;
        var lastRow = headerRow + plan.Sections.Sum(section => 1 + section.Rows.Count);
        var merges = new List<string>();

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetDimension { Reference = $"A1:{LastColumn}{lastRow}" });
        writer.WriteElement(FrozenHeaderView(headerRow));
        writer.WriteElement(ColumnDefinitions());

        writer.WriteStartElement(new SheetData());

        var title = Clean(plan.Header.Title);
        WriteRow(writer, 1, 21, [TextCell("A1", title, Styles.Title, strings)], fixedHeight: true);
        merges.Add($"A1:{LastColumn}1");

        var rowIndex = 2;
        foreach (var (label, value) in headerBlock)
        {
            var text = Clean(value);
            var lines = Math.Max(
                ExportRowHeights.Lines(label, ColumnWidths[0], bold: true),
                ExportRowHeights.Lines(text, ColumnWidths.Skip(1).Sum()));
            WriteRow(writer, rowIndex, ExportRowHeights.Points(lines),
            [
                TextCell($"A{rowIndex}", label, Styles.Label, strings),
                TextCell($"B{rowIndex}", text, Styles.Value, strings),
            ], fixedHeight: true);
            merges.Add($"B{rowIndex}:{LastColumn}{rowIndex}");
            rowIndex++;
        }

        rowIndex = headerRow;
        WriteRow(writer, rowIndex, TableRowHeight(PlanTable.Columns, bold: _ => true), PlanTable.Columns.Select((heading, column) =>
            TextCell(Reference(column, rowIndex), heading, Styles.Header, strings)));
        rowIndex++;

        foreach (var section in plan.Sections)
        {
            // Only column A holds text, so the importer sees a section heading. The title runs on over the empty cells
            // beside it, which share its fill and have no side borders to cross it out; a merge would do the same but
            // could lead a reader that fills merged cells to see the title in every column.
            var headingRow = rowIndex;
            WriteRow(writer, headingRow, ExportRowHeights.Points(1), Enumerable.Range(0, ColumnCount).Select(column => column switch
            {
                0 => TextCell(Reference(column, headingRow), Clean(section.Title), Styles.SectionHeading, strings),
                ColumnCount - 1 => EmptyCell(Reference(column, headingRow), Styles.SectionHeadingEnd),
                _ => EmptyCell(Reference(column, headingRow), Styles.SectionHeadingMiddle),
            }));
            rowIndex++;

            foreach (var row in section.Rows)
            {
                var actionRow = rowIndex;
                var cells = row.Cells.Select(Clean).ToList();
                var height = TableRowHeight(cells, bold: column => column == RatingColumn);
                WriteRow(writer, actionRow, height, cells.Select((cell, column) =>
                {
                    var style = column == RatingColumn ? RatingStyle(row.Rating) : Styles.Cell;
                    return TextCell(Reference(column, actionRow), cell, style, strings);
                }));
                rowIndex++;
            }
        }

        writer.WriteEndElement();

        writer.WriteElement(new AutoFilter { Reference = $"A{headerRow}:{LastColumn}{lastRow}" });
        writer.WriteElement(new MergeCells(merges.Select(reference => new MergeCell { Reference = reference })) { Count = (uint)merges.Count });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.55, Bottom = 0.55, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup
        {
            // A4 in the SpreadsheetML paper size list; without it Excel falls back to the printer's default, Letter in the US.
            PaperSize = 9,
            Orientation = OrientationValues.Landscape,
            FitToWidth = 1,
            // 0: as many pages tall as the plan needs.
            FitToHeight = 0,
        });
        // The size code comes before the font code: digits straight after "&8" would be read as part of the size.
        const string small = "&8&\"Arial,Regular\"";
        writer.WriteElement(new HeaderFooter(new OddFooter($"&L{small}{(plan.IsPublic ? "" : Schedule12A.NotForPublication + " – ")}{FooterText(title)}&R{small}Page &P of &N")));

        writer.WriteEndElement();
        return new Layout(headerRow, lastRow);
    }

    private static List<(string Label, string Value)> HeaderBlock(PlanTable plan)
    {
        var people = string.Join('\n', plan.People.Select(person =>
            string.IsNullOrWhiteSpace(person.Role)
                ? $"{person.Name} ({person.Initials})"
                : $"{person.Name} ({person.Initials}), {person.Role}"));

        (string Label, string? Value)[] fields =
        [
            (Schedule12A.NotForPublication, plan.NotForPublicationBecause),
            ("Service:", plan.Header.Service),
            ("Period:", plan.Header.Period.ToString()),
            ("Owner:", plan.Header.Owner),
            ("Monitoring board:", plan.Header.MonitoringBoard),
            ("Relevant strategies:", plan.Header.RelevantStrategies),
            ("Review frequency:", plan.Header.ReviewFrequency),
            ("Aims:", plan.Header.Aims),
            ("Created with ideas from:", plan.Header.CreatedWithIdeasFrom),
            ("Implementation date:", FormatDate(plan.Header.ImplementationDate)),
            ("Review date:", FormatDate(plan.Header.ReviewDate)),
            ("People:", people),
        ];

        return [.. fields
            .Where(field => !string.IsNullOrWhiteSpace(field.Value))
            .Select(field => (field.Label, field.Value!.Trim()))];
    }

    private static string? FormatDate(DateOnly? date) =>
        date?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    internal static SheetViews FrozenHeaderView(int headerRow)
    {
        var firstScrollingCell = $"A{headerRow + 1}";
        return new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = firstScrollingCell,
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection
            {
                Pane = PaneValues.BottomLeft,
                ActiveCell = firstScrollingCell,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = firstScrollingCell },
            })
        {
            TabSelected = true,
            WorkbookViewId = 0,
        });
    }

    private static Columns ColumnDefinitions() =>
        new(ColumnWidths.Select((width, index) => new Column
        {
            Min = (uint)index + 1,
            Max = (uint)index + 1,
            Width = width,
            CustomWidth = true,
        }));

    /// <summary>
    /// The handful of styles the appendix needs. Arial because UK councils' templates use it and LibreOffice has a
    /// metric-compatible substitute (Liberation Sans), so column widths and page breaks agree between the two.
    /// </summary>
    public static Stylesheet BuildStylesheet()
    {
        static Font Font(double size, bool bold = false, string? colour = null)
        {
            var font = new Font();
            if (bold)
                font.Append(new Bold());
            font.Append(new FontSize { Val = size });
            if (colour is not null)
                font.Append(new Color { Rgb = colour });
            font.Append(new FontName { Val = "Arial" });
            font.Append(new FontFamilyNumbering { Val = 2 });
            return font;
        }

        static Fill Solid(string colour) => new(new PatternFill(
            new ForegroundColor { Rgb = colour },
            new BackgroundColor { Indexed = 64 })
        { PatternType = PatternValues.Solid });

        static CellFormat Format(uint font, uint fill, uint border, bool wrap) => new(
            new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null })
        {
            NumberFormatId = 0,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
            ApplyAlignment = true,
        };

        const uint regular = 0, bold = 1, title = 2, boldWhite = 3;
        const uint noFill = 0, grey = 2, lightGrey = 3, blue = 4, red = 5, amber = 6, green = 7;
        const uint noBorder = 0, thin = 1, thinOpenRight = 2, thinOpenSides = 3, thinOpenLeft = 4;

        static Border Thin(bool left = true, bool right = true)
        {
            static T Edge<T>(bool drawn) where T : BorderPropertiesType, new() =>
                drawn ? new T { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } } : new T();

            return new Border(Edge<LeftBorder>(left), Edge<RightBorder>(right), Edge<TopBorder>(true), Edge<BottomBorder>(true), new DiagonalBorder());
        }

        var fonts = new Fonts(Font(10), Font(10, bold: true), Font(14, bold: true), Font(10, bold: true, colour: "FFFFFFFF"));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            // Excel requires the gray125 fill at index 1, whether used or not.
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"),
            Solid("FFF2F2F2"),
            Solid(RatingColours.Blue),
            Solid(RatingColours.Red),
            Solid(RatingColours.Amber),
            Solid(RatingColours.Green));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            Thin(),
            Thin(right: false),
            Thin(left: false, right: false),
            Thin(left: false));

        // Indexed as Styles: Default, Title, Label, Value, Header, SectionHeading, Cell, Blue, Red, Amber, Green,
        // SectionHeadingMiddle, SectionHeadingEnd.
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = regular, FillId = noFill, BorderId = noBorder, FormatId = 0 },
            Format(title, noFill, noBorder, wrap: false),
            Format(bold, noFill, noBorder, wrap: true),
            Format(regular, noFill, noBorder, wrap: true),
            Format(bold, grey, thin, wrap: true),
            Format(bold, lightGrey, thinOpenRight, wrap: false),
            Format(regular, noFill, thin, wrap: true),
            // White on blue and red, black on amber and green: each pair has a contrast ratio of at least 4.5:1.
            Format(boldWhite, blue, thin, wrap: true),
            Format(boldWhite, red, thin, wrap: true),
            Format(bold, amber, thin, wrap: true),
            Format(bold, green, thin, wrap: true),
            Format(bold, lightGrey, thinOpenSides, wrap: false),
            Format(bold, lightGrey, thinOpenLeft, wrap: false));

        return new Stylesheet(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = regular, FillId = noFill, BorderId = noBorder }),
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    /// <summary>The fills of the 2024-25 sheet, as ARGB.</summary>
    public static class RatingColours
    {
        public const string Blue = "FF0070C0";
        public const string Red = "FFC00000";
        public const string Amber = "FFFFC000";
        public const string Green = "FF00B050";
    }

    private static uint RatingStyle(Rating rating) => rating switch
    {
        Rating.Blue => Styles.Blue,
        Rating.Red => Styles.Red,
        Rating.Amber => Styles.Amber,
        Rating.Green => Styles.Green,
        _ => Styles.Cell,
    };

    private static double TableRowHeight(IReadOnlyList<string> cells, Func<int, bool> bold) =>
        ExportRowHeights.Points(cells.Select((cell, column) => ExportRowHeights.Lines(cell, ColumnWidths[column], bold(column))).Max());

    /// <summary>
    /// Writes a row of the estimated height. Only a fixed height survives Excel's resizing when a cell is edited, which
    /// merged cells need, since Excel cannot size them; other rows are left for Excel to fit to edited text.
    /// </summary>
    internal static void WriteRow(OpenXmlWriter writer, int rowIndex, double height, IEnumerable<Cell> cells, bool fixedHeight = false)
    {
        var row = new Row { RowIndex = (uint)rowIndex, Height = Math.Round(height, 2) };
        if (fixedHeight)
            row.CustomHeight = true;

        writer.WriteStartElement(row);
        foreach (var cell in cells)
            writer.WriteElement(cell);
        writer.WriteEndElement();
    }

    internal static Cell TextCell(string reference, string text, uint style, SharedStrings strings) =>
        text.Length == 0
            ? EmptyCell(reference, style)
            : new Cell
            {
                CellReference = reference,
                StyleIndex = style,
                DataType = CellValues.SharedString,
                CellValue = new CellValue(strings.IndexOf(text)),
            };

    internal static Cell EmptyCell(string reference, uint style) => new() { CellReference = reference, StyleIndex = style };

    internal static string Reference(int column, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + column)}{row}");

    /// <summary>Cell text as Excel stores it, no longer than a cell holds.</summary>
    private static string Clean(string? text) => OpenXmlText.Clean(text, maxLength: MaxCellLength);


    // In a header or footer "&" starts a code, and Excel caps the whole text at 255 characters.
    private static string FooterText(string title)
    {
        var escaped = title.Replace("\n", " ", StringComparison.Ordinal).Replace("&", "&&", StringComparison.Ordinal);
        return escaped.Length > 200 ? escaped[..200].TrimEnd('&') : escaped;
    }

    internal sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];
        private int _references;

        public int IndexOf(string text)
        {
            _references++;
            if (!_indices.TryGetValue(text, out var index))
            {
                index = _strings.Count;
                _indices.Add(text, index);
                _strings.Add(text);
            }

            return index;
        }

        public void WriteTo(SharedStringTablePart part)
        {
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartElement(new SharedStringTable { Count = (uint)_references, UniqueCount = (uint)_strings.Count });
            foreach (var text in _strings)
            {
                // Without "preserve", XML readers may drop leading and trailing spaces and line breaks.
                writer.WriteElement(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            writer.WriteEndElement();
        }
    }
}
