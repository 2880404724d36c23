using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServicePlan.Export;
using ServicePlan.Plans;

namespace ServicePlan.Tests.Export;

/// <summary>An exported .xlsx opened with the SDK, with the look-ups the assertions need.</summary>
public sealed class ExportedWorkbook : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly Dictionary<string, Cell> _cells;
    private readonly List<string> _strings;

    public ExportedWorkbook(PlanTable plan)
    {
        _stream = new MemoryStream();
        XlsxPlanWriter.Write(plan, _stream);
        _stream.Position = 0;
        Document = SpreadsheetDocument.Open(_stream, isEditable: false);

        var workbookPart = Document.WorkbookPart!;
        Sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single();
        Worksheet = ((WorksheetPart)workbookPart.GetPartById(Sheet.Id!)).Worksheet;
        Stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet;
        _strings = [.. workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText) ?? []];
        _cells = Worksheet.Descendants<Cell>().ToDictionary(cell => cell.CellReference!.Value!);
        Rows = [.. Worksheet.Descendants<Row>()];
    }

    public SpreadsheetDocument Document { get; }

    public Sheet Sheet { get; }

    public Worksheet Worksheet { get; }

    public Stylesheet Stylesheet { get; }

    public IReadOnlyList<Row> Rows { get; }

    public static string Column(int index) => ((char)('A' + index)).ToString();

    public string Text(string reference)
    {
        if (!_cells.TryGetValue(reference, out var cell) || cell.CellValue is null)
            return "";
        return cell.DataType?.Value == CellValues.SharedString
            ? _strings[int.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : cell.InnerText;
    }

    public IReadOnlyList<string> RowTexts(int row) =>
        [.. Enumerable.Range(0, PlanTable.Columns.Count).Select(column => Text($"{Column(column)}{row}"))];

    /// <summary>The first row whose first cell is this text.</summary>
    public int RowStartingWith(string text) =>
        (int)Rows.First(row => Text($"A{row.RowIndex!.Value}") == text).RowIndex!.Value;

    public int HeaderRow => RowStartingWith(PlanTable.Columns[0]);

    public CellFormat Format(string reference) =>
        Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(_cells.TryGetValue(reference, out var cell) ? cell.StyleIndex?.Value ?? 0 : 0));

    public Font Font(string reference) => Stylesheet.Fonts!.Elements<Font>().ElementAt((int)Format(reference).FontId!.Value);

    public PatternFill Fill(string reference) =>
        Stylesheet.Fills!.Elements<Fill>().ElementAt((int)Format(reference).FillId!.Value).PatternFill!;

    public Border Border(string reference) =>
        Stylesheet.Borders!.Elements<Border>().ElementAt((int)Format(reference).BorderId!.Value);

    /// <summary>The solid fill's ARGB colour, or null when the cell has no solid fill.</summary>
    public string? FillColour(string reference)
    {
        var fill = Fill(reference);
        return fill.PatternType?.Value == PatternValues.Solid ? fill.ForegroundColor?.Rgb?.Value : null;
    }

    /// <summary>The font's ARGB colour; black when none is given.</summary>
    public string FontColour(string reference) => Font(reference).Color?.Rgb?.Value ?? "FF000000";

    public bool IsBold(string reference) => Font(reference).Bold is not null;

    public IEnumerable<string> MergedRanges => Worksheet.Descendants<MergeCell>().Select(merge => merge.Reference!.Value!);

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }
}
