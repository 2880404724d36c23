using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ServicePlan.Import;
using ServicePlan.UpdateSheet;
using Sheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;
using Workbook = ServicePlan.Import.Workbook;

namespace ServicePlan.Tests.UpdateSheet;

public class UpdateSheetWriterTests
{
    private static Workbook ReadBack(byte[] sheet) => SpreadsheetReader.Read(new MemoryStream(sheet), "update.xlsx");

    [Fact]
    public void The_update_sheet_is_valid_ooxml()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(FilledSheet.Write()), isEditable: false);

        var errors = new OpenXmlValidator().Validate(document).Select(error => $"{error.Path?.XPath}: {error.Description}");

        Assert.Empty(errors);
    }

    [Fact]
    public void A_sheet_with_no_actions_is_valid_too()
    {
        var content = FilledSheet.Content() with { Actions = [] };
        using var document = SpreadsheetDocument.Open(new MemoryStream(FilledSheet.Write(content)), isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void The_sheet_lists_each_action_with_its_previous_rating_and_comment_and_empty_columns_to_fill_in()
    {
        var sheet = ReadBack(FilledSheet.Write()).Sheets.Single(s => s.Name == UpdateSheetWriter.SheetName);
        var header = sheet.Rows.Single(r => r.Number == UpdateSheetWriter.HeaderRow);

        Assert.Equal(
            ["Ref", "Action", "Due", "Previous rating", "Previous comment", "Rating", "Comment on progress", "Action id", "Latest update", "Latest update version"],
            header.Cells.Select(c => c.Text));
        var first = sheet.Rows.Single(r => r.Number == UpdateSheetWriter.HeaderRow + 1);
        Assert.Equal(["1.1", "Run the weekly panel", "September 2024", "Amber", "Panel started late.", "", ""], first.Cells.Take(7).Select(c => c.Text));
        Assert.Equal(FilledSheet.First.ToString(), first[7].Text);
        Assert.Equal(FilledSheet.FirstUpdate.ToString(), first[8].Text);
        var second = sheet.Rows.Single(r => r.Number == UpdateSheetWriter.HeaderRow + 2);
        Assert.Equal(["1.2", "Promote the fund", "March 2025", "", ""], second.Cells.Take(5).Select(c => c.Text));
        Assert.Equal("", second[8].Text);
        Assert.Contains(sheet.Rows, r => r[0].Text == "Lead:" && r[1].Text == "Sam Okafor");
        Assert.Contains(sheet.Rows, r => r[0].Text == "Review:" && r[1].Text == "Q2 2024-25");
    }

    [Fact]
    public void The_rating_column_has_a_drop_down_of_the_rating_words()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(FilledSheet.Write()), isEditable: false);
        var worksheet = document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet).Single(w => w.Descendants<DataValidation>().Any());

        var validation = worksheet.Descendants<DataValidation>().Single();

        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        Assert.Equal("\"Blue,Red,Amber,Green\"", validation.Formula1!.Text);
        Assert.Equal("F8:F9", validation.SequenceOfReferences!.InnerText);
    }

    [Fact]
    public void Only_the_rating_and_comment_cells_are_unlocked_and_the_ids_are_hidden()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(FilledSheet.Write()), isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var entry = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == UpdateSheetWriter.SheetName);
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(entry.Id!)).Worksheet;
        var formats = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Unlocked(Cell cell) => formats[(int)(cell.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value == false;

        Assert.True(worksheet.Descendants<SheetProtection>().Single().Sheet!.Value);
        var unlocked = worksheet.Descendants<Cell>().Where(Unlocked).Select(c => c.CellReference!.Value).ToList();
        Assert.Equal(["F8", "G8", "F9", "G9"], unlocked);
        Assert.Equal([false, false, false, false, false, false, false, true, true, true], worksheet.Descendants<Column>().Select(c => c.Hidden?.Value ?? false));
    }

    [Fact]
    public void The_stamp_is_on_a_very_hidden_sheet()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(FilledSheet.Write()), isEditable: false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();

        Assert.Equal([UpdateSheetWriter.SheetName, UpdateSheetWriter.StampSheetName], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.VeryHidden, sheets[1].State!.Value);
        Assert.Equal(new SheetStamp(FilledSheet.PlanId, FilledSheet.ReviewId, FilledSheet.LeadId, FilledSheet.MadeAt), FilledSheet.Read(FilledSheet.Write()).Stamp);
    }

    [Theory]
    [InlineData("Sam Okafor", "Q2 2024-25", "Update-sheet-Sam-Okafor-Q2-2024-25.xlsx")]
    [InlineData("HoS / management team", "Q1", "Update-sheet-HoS-management-team-Q1.xlsx")]
    public void The_file_is_named_for_the_lead_and_review(string lead, string review, string expected) =>
        Assert.Equal(expected, UpdateSheetWriter.FileName(FilledSheet.Content() with { LeadName = lead, ReviewLabel = review }));
}
