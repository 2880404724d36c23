using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServicePlan.Progress;
using ServicePlan.UpdateSheet;

namespace ServicePlan.Tests.UpdateSheet;

/// <summary>Update sheets as the writer makes them, and filled in as a lead would in Excel.</summary>
public static class FilledSheet
{
    public static readonly Guid PlanId = Guid.Parse("0190f000-0000-7000-8000-000000000001");
    public static readonly Guid ReviewId = Guid.Parse("0190f000-0000-7000-8000-000000000002");
    public static readonly Guid LeadId = Guid.Parse("0190f000-0000-7000-8000-000000000003");
    public static readonly Guid First = Guid.Parse("0190f000-0000-7000-8000-0000000000a1");
    public static readonly Guid Second = Guid.Parse("0190f000-0000-7000-8000-0000000000a2");
    public static readonly Guid FirstUpdate = Guid.Parse("0190f000-0000-7000-8000-0000000000b1");
    public static readonly DateTime MadeAt = new(2024, 10, 15, 9, 30, 0, DateTimeKind.Utc);

    public static UpdateSheetContent Content() => new(
        new SheetStamp(PlanId, ReviewId, LeadId, MadeAt),
        "Service Development Plan 2024-25",
        "Q2 2024-25",
        "Sam Okafor",
        [
            new SheetAction(First, "1.1", "Run the weekly panel", "September 2024", Rating.Amber, "Panel started late.", new UpdateSeen(FirstUpdate, 2)),
            new SheetAction(Second, "1.2", "Promote the fund", "March 2025", Rating.None, "", null),
        ]);

    public static byte[] Write(UpdateSheetContent? content = null)
    {
        using var stream = new MemoryStream();
        UpdateSheetWriter.Write(content ?? Content(), stream);
        return stream.ToArray();
    }

    /// <summary>The sheet with these cells ("F8" = "Green") typed in.</summary>
    public static byte[] Fill(byte[] sheet, Dictionary<string, string> cells)
    {
        using var stream = new MemoryStream();
        stream.Write(sheet);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbookPart = document.WorkbookPart!;
            var sheetEntry = workbookPart.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == UpdateSheetWriter.SheetName);
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheetEntry.Id!)).Worksheet;
            foreach (var (reference, text) in cells)
            {
                var cell = worksheet.Descendants<Cell>().First(c => c.CellReference == reference);
                cell.CellValue = null;
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(text));
            }

            worksheet.Save();
        }

        return stream.ToArray();
    }

    public static SheetUpload Read(byte[] sheet) => UpdateSheetReader.Read(new MemoryStream(sheet), "update.xlsx");
}
