using ServicePlan.Import;
using ServicePlan.Progress;
using ServicePlan.UpdateSheet;

namespace ServicePlan.Tests.UpdateSheet;

public class UpdateSheetReaderTests
{
    private static SheetUpload ReadFilled(Dictionary<string, string> cells) => FilledSheet.Read(FilledSheet.Fill(FilledSheet.Write(), cells));

    [Fact]
    public void Filled_rows_are_read_with_what_they_were_made_with_and_empty_rows_are_skipped()
    {
        var upload = ReadFilled(new() { ["F8"] = "Green", ["G8"] = "Panel meets weekly now." });

        Assert.Empty(upload.Errors);
        var entry = Assert.Single(upload.Entries);
        Assert.Equal(new SheetEntry(8, FilledSheet.First, "1.1", Rating.Green, "Panel meets weekly now.", new UpdateSeen(FilledSheet.FirstUpdate, 2)), entry);
    }

    [Fact]
    public void An_action_with_no_update_when_the_sheet_was_made_is_read_as_having_seen_none()
    {
        var upload = ReadFilled(new() { ["F9"] = "blue", ["G9"] = "Fund promoted." });

        Assert.Null(Assert.Single(upload.Entries).Seen);
        Assert.Equal(Rating.Blue, upload.Entries[0].Rating);
    }

    [Theory]
    [InlineData("Purple", "Going well.", 8, "Rating", "\"Purple\" is not a BRAG rating")]
    [InlineData("", "Going well.", 8, "Rating", "Select a rating")]
    [InlineData("Green", "", 8, "Comment on progress", "Enter a comment on progress")]
    [InlineData("Green", "x4001", 8, "Comment on progress", "Comment on progress must be 4,000 characters or fewer")]
    public void A_bad_row_is_named_by_row_and_column(string rating, string comment, int row, string column, string message)
    {
        if (comment == "x4001")
            comment = new string('x', 4001);
        var cells = new Dictionary<string, string>();
        if (rating.Length > 0)
            cells["F8"] = rating;
        if (comment.Length > 0)
            cells["G8"] = comment;

        var upload = ReadFilled(cells);

        var error = Assert.Single(upload.Errors);
        Assert.Equal(row, error.Row);
        Assert.Equal(column, error.Column);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(upload.Entries);
    }

    [Theory]
    [InlineData("Complete", Rating.Blue)]
    [InlineData(" amber ", Rating.Amber)]
    [InlineData("R", Rating.Red)]
    public void Rating_words_are_read_as_the_importer_reads_them(string word, Rating expected) =>
        Assert.Equal(expected, Assert.Single(ReadFilled(new() { ["F8"] = word, ["G8"] = "Some words." }).Entries).Rating);

    [Fact]
    public void A_spreadsheet_that_is_not_an_update_sheet_is_refused_whole()
    {
        var plan = new Workbook([new Sheet("Plan", [new SheetRow(1, [SheetCell.Of("Ref"), SheetCell.Of("Rating")])])]);

        var upload = UpdateSheetReader.Read(plan);

        Assert.Null(upload.Stamp);
        Assert.Equal(UpdateSheetReader.NotAnUpdateSheet, Assert.Single(upload.Errors).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_spreadsheet_gets_the_importers_message()
    {
        var upload = UpdateSheetReader.Read(new MemoryStream("%PDF-1.4 hello"u8.ToArray()), "update.xlsx");

        Assert.Null(upload.Stamp);
        Assert.Contains("PDF document, not a spreadsheet", Assert.Single(upload.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_added_below_the_sheets_actions_is_an_error_not_an_update()
    {
        var sheet = UpdateSheetReader.Read(new MemoryStream(FilledSheet.Write()), "update.xlsx");
        var workbook = SpreadsheetReader.Read(new MemoryStream(FilledSheet.Write()), "update.xlsx");
        var updates = workbook.Sheets.Single(s => s.Name == UpdateSheetWriter.SheetName);
        var added = new SheetRow(12, [SheetCell.Of("9.9"), SheetCell.Of(""), SheetCell.Of(""), SheetCell.Of(""), SheetCell.Of(""), SheetCell.Of("Green"), SheetCell.Of("New thing.")]);
        var withRow = workbook with { Sheets = [updates with { Rows = [.. updates.Rows, added] }, .. workbook.Sheets.Skip(1)] };

        var upload = UpdateSheetReader.Read(withRow);

        Assert.Empty(sheet.Errors);
        var error = Assert.Single(upload.Errors);
        Assert.Equal((12, "Ref"), (error.Row, error.Column));
    }

    [Fact]
    public void The_same_action_filled_in_twice_is_an_error()
    {
        var workbook = SpreadsheetReader.Read(new MemoryStream(FilledSheet.Fill(FilledSheet.Write(), new() { ["F8"] = "Green", ["G8"] = "One." })), "update.xlsx");
        var updates = workbook.Sheets.Single(s => s.Name == UpdateSheetWriter.SheetName);
        var copy = updates.Rows.Single(r => r.Number == 8) with { Number = 10 };
        var twice = workbook with { Sheets = [updates with { Rows = [.. updates.Rows, copy] }, .. workbook.Sheets.Skip(1)] };

        var error = Assert.Single(UpdateSheetReader.Read(twice).Errors);

        Assert.Equal(10, error.Row);
        Assert.Contains("filled in twice, here and in row 8", error.Message, StringComparison.Ordinal);
    }
}
