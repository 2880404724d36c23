using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServicePlan.Export;
using ServicePlan.Progress;
using static ServicePlan.Export.XlsxPlanWriter;

namespace ServicePlan.UpdateSheet;

/// <summary>
/// Writes a lead's update sheet: their actions in the open review, each with its previous rating and comment, and two
/// empty columns to fill in. The sheet is protected (without a password) so only those two columns take typing; what the
/// upload needs to match rows to actions is in hidden columns beside them and on a hidden sheet.
/// </summary>
public static class UpdateSheetWriter
{
    public const string SheetName = "Updates";

    /// <summary>The hidden sheet with the stamp: its first cell says what the file is.</summary>
    public const string StampSheetName = "ServicePlan";

    public const string Marker = "ServicePlan update sheet";

    /// <summary>The layout's version: a reader meeting a later one says so rather than misreading it.</summary>
    public const int FormatVersion = 1;

    public static class Headings
    {
        public const string Ref = "Ref";
        public const string Action = "Action";
        public const string Due = "Due";
        public const string PreviousRating = "Previous rating";
        public const string PreviousComment = "Previous comment";
        public const string Rating = "Rating";
        public const string Comment = ProgressEntry.CommentField;
        public const string ActionId = "Action id";
        public const string LatestUpdate = "Latest update";
        public const string LatestVersion = "Latest update version";
    }

    public static IReadOnlyList<string> Columns { get; } =
    [
        Headings.Ref, Headings.Action, Headings.Due, Headings.PreviousRating, Headings.PreviousComment, Headings.Rating,
        Headings.Comment, Headings.ActionId, Headings.LatestUpdate, Headings.LatestVersion,
    ];

    public const int HeaderRow = 7;
    public const int RatingColumn = 5;
    public const int CommentColumn = 6;
    private const int FirstHiddenColumn = 7;
    private const string LastVisibleColumn = "G";

    private static readonly double[] ColumnWidths = [10, 40, 14, 11, 40, 12, 50, 38, 38, 8];

    // The styles the update sheet adds after the export's (see BuildSheetStylesheet).
    private const uint Input = 13;

    private const int MaxCellLength = 32_767;

    /// <summary>The drop-down's words, in BRAG order as the committee reports give them.</summary>
    public static IReadOnlyList<string> RatingWords { get; } = [.. Ratings.All.Select(r => r.Name())];

    public static string FileName(UpdateSheetContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var safe = new string($"Update sheet {content.LeadName} {content.ReviewLabel}".Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : ' ').ToArray());
        return string.Join('-', safe.Split(' ', StringSplitOptions.RemoveEmptyEntries)) + ".xlsx";
    }

    public static void Write(UpdateSheetContent content, Stream output)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);

        // The zip package needs to seek back and read; a web response body can do neither.
        if (!output.CanSeek || !output.CanRead)
        {
            using var buffer = new MemoryStream();
            WritePackage(content, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        WritePackage(content, output);
    }

    private static void WritePackage(UpdateSheetContent content, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = Clean($"Update sheet: {content.PlanTitle}").Replace('\n', ' ');
        document.PackageProperties.Creator = "ServicePlan";

        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = BuildSheetStylesheet();

        var strings = new SharedStrings();
        var updates = workbookPart.AddNewPart<WorksheetPart>();
        var lastRow = WriteUpdates(content, updates, strings);
        var stamp = workbookPart.AddNewPart<WorksheetPart>();
        WriteStamp(content.Stamp, stamp, strings);

        var sharedStringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        strings.WriteTo(sharedStringsPart);

        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            new Sheets(
                new Sheet { Name = SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(updates) },
                // Very hidden: Excel's Unhide does not list it, so nobody tidies it away by mistake.
                new Sheet { Name = StampSheetName, SheetId = 2, Id = workbookPart.GetIdOfPart(stamp), State = SheetStateValues.VeryHidden }),
            new DefinedNames(
                new DefinedName($"'{SheetName}'!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 },
                new DefinedName($"'{SheetName}'!$A$1:${LastVisibleColumn}${lastRow}") { Name = "_xlnm.Print_Area", LocalSheetId = 0 }));
    }

    private static int WriteUpdates(UpdateSheetContent content, WorksheetPart part, SharedStrings strings)
    {
        var firstRow = HeaderRow + 1;
        var lastRow = HeaderRow + content.Actions.Count;
        var merges = new List<string>();

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetDimension { Reference = $"A1:{Reference(Columns.Count - 1, Math.Max(lastRow, HeaderRow))}" });
        writer.WriteElement(FrozenHeaderView(HeaderRow));
        writer.WriteElement(new Columns(ColumnWidths.Select((width, index) => new Column
        {
            Min = (uint)index + 1,
            Max = (uint)index + 1,
            Width = width,
            CustomWidth = true,
            Hidden = index >= FirstHiddenColumn ? true : null,
        })));

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, 21, [TextCell("A1", Clean($"Update sheet: {content.PlanTitle}"), Styles.Title, strings)], fixedHeight: true);
        merges.Add($"A1:{LastVisibleColumn}1");

        (string Label, string Value)[] block =
        [
            ("Review:", content.ReviewLabel),
            ("Lead:", content.LeadName),
            ("Made:", content.Stamp.MadeAtUtc.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB"))),
            ("How to fill it in:", $"For each action you are updating, choose a rating ({string.Join(", ", RatingWords)}) and write a comment on progress. "
                + "Leave both empty to skip an action. Then upload this file to ServicePlan, which shows you what it will add before anything is saved."),
        ];
        var rowIndex = 2;
        foreach (var (label, value) in block)
        {
            var text = Clean(value);
            var lines = ExportRowHeights.Lines(text, ColumnWidths.Skip(1).Take(CommentColumn).Sum());
            WriteRow(writer, rowIndex, ExportRowHeights.Points(lines),
            [
                TextCell($"A{rowIndex}", label, Styles.Label, strings),
                TextCell($"B{rowIndex}", text, Styles.Value, strings),
            ], fixedHeight: true);
            merges.Add($"B{rowIndex}:{LastVisibleColumn}{rowIndex}");
            rowIndex++;
        }

        WriteRow(writer, HeaderRow, ExportRowHeights.Points(2), Columns.Select((heading, column) => TextCell(Reference(column, HeaderRow), heading, Styles.Header, strings)));

        rowIndex = firstRow;
        foreach (var action in content.Actions)
        {
            var row = rowIndex;
            string[] cells =
            [
                Clean(action.Ref), Clean(action.DoesWhat), Clean(action.Due),
                action.Latest is null ? "" : action.PreviousRating.Name(), Clean(action.PreviousComment),
            ];
            var lines = cells.Select((cell, column) => ExportRowHeights.Lines(cell, ColumnWidths[column])).Append(2).Max();
            WriteRow(writer, row, ExportRowHeights.Points(lines),
            [
                .. cells.Select((cell, column) => TextCell(Reference(column, row), cell, column == 3 ? PreviousRatingStyle(action) : Styles.Cell, strings)),
                EmptyCell(Reference(RatingColumn, row), Input),
                EmptyCell(Reference(CommentColumn, row), Input),
                TextCell(Reference(FirstHiddenColumn, row), action.ActionId.ToString(), Styles.Default, strings),
                TextCell(Reference(FirstHiddenColumn + 1, row), action.Latest?.Id.ToString() ?? "", Styles.Default, strings),
                new Cell
                {
                    CellReference = Reference(FirstHiddenColumn + 2, row),
                    CellValue = new CellValue(action.Latest?.Version ?? 0),
                    DataType = CellValues.Number,
                },
            ]);
            rowIndex++;
        }

        writer.WriteEndElement();

        // No password: the protection keeps typing out of the columns that are not asked for, and is not a secret.
        writer.WriteElement(new SheetProtection
        {
            Sheet = true,
            Objects = true,
            Scenarios = true,
            FormatColumns = false,
            FormatRows = false,
        });
        writer.WriteElement(new MergeCells(merges.Select(reference => new MergeCell { Reference = reference })) { Count = (uint)merges.Count });
        if (content.Actions.Count > 0)
        {
            var ratings = $"{Reference(RatingColumn, firstRow)}:{Reference(RatingColumn, lastRow)}";
            writer.WriteElement(new DataValidations(new DataValidation(new Formula1($"\"{string.Join(',', RatingWords)}\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowInputMessage = true,
                ShowErrorMessage = true,
                PromptTitle = "Rating",
                Prompt = string.Join("; ", Ratings.All.Select(r => $"{r.Name()}: {r.Meaning()}")),
                ErrorTitle = "Rating",
                Error = $"Choose {string.Join(", ", RatingWords.Take(RatingWords.Count - 1))} or {RatingWords[^1]}.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = ratings },
            })
            { Count = 1 });
        }

        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.55, Bottom = 0.55, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteEndElement();
        return Math.Max(lastRow, HeaderRow);
    }

    private static void WriteStamp(SheetStamp stamp, WorksheetPart part, SharedStrings strings)
    {
        (string Label, string Value)[] rows =
        [
            (Marker, FormatVersion.ToString(CultureInfo.InvariantCulture)),
            ("Plan", stamp.PlanId.ToString()),
            ("Review", stamp.ReviewId.ToString()),
            ("Lead", stamp.LeadPersonId.ToString()),
            ("Made", stamp.MadeAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
        ];

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        for (var i = 0; i < rows.Length; i++)
        {
            var row = i + 1;
            WriteRow(writer, row, ExportRowHeights.Points(1),
                [TextCell($"A{row}", rows[i].Label, Styles.Default, strings), TextCell($"B{row}", rows[i].Value, Styles.Default, strings)]);
        }

        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        writer.WriteEndElement();
    }

    private static uint PreviousRatingStyle(SheetAction action) => action.Latest is null ? Styles.Cell : action.PreviousRating switch
    {
        Rating.Blue => Styles.Blue,
        Rating.Red => Styles.Red,
        Rating.Amber => Styles.Amber,
        Rating.Green => Styles.Green,
        _ => Styles.Cell,
    };

    /// <summary>The export's styles, and one more: the cells to fill in, unlocked and shaded so they stand out.</summary>
    private static Stylesheet BuildSheetStylesheet()
    {
        var stylesheet = BuildStylesheet();
        var fills = stylesheet.Fills!;
        fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        var inputFill = (uint)fills.ChildElements.Count - 1;

        // Font 0 is the regular Arial and border 1 the thin box of the export's table cells.
        var cellFormats = stylesheet.CellFormats!;
        cellFormats.Append(new CellFormat(
            new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true },
            new Protection { Locked = false })
        {
            NumberFormatId = 0,
            FontId = 0,
            FillId = inputFill,
            BorderId = 1,
            FormatId = 0,
            ApplyFill = true,
            ApplyBorder = true,
            ApplyAlignment = true,
            ApplyProtection = true,
        });
        if (cellFormats.ChildElements.Count - 1 != Input)
            throw new InvalidOperationException("The export's styles changed: the update sheet's input style is no longer at its index.");
        return stylesheet;
    }

    private static string Clean(string? text) => OpenXmlText.Clean(text, maxLength: MaxCellLength);
}
