using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

public class XlsxReadingTests
{
    private static Workbook Read(TestWorkbook workbook, string fileName = "plan.xlsx")
    {
        using var stream = workbook.ToStream();
        return SpreadsheetReader.Read(stream, fileName);
    }

    private static Sheet ReadSheet(Action<TestSheet> build) => Read(new TestWorkbook().Sheet("Plan", build)).Sheets.Single();

    private static SheetCell At(Sheet sheet, int row, int column) => sheet.Rows.Single(r => r.Number == row)[column];

    [Fact]
    public void Shared_and_inline_strings_read_as_their_text()
    {
        var sheet = ReadSheet(s => s
            .Cell("A1", "Shared text")
            .Cell("B1", "Inline text", inline: true)
            .Cell("C1", "Shared text"));

        Assert.Equal(["Shared text", "Inline text", "Shared text"], sheet.Rows.Single().Cells.Select(c => c.Text));
        Assert.All(sheet.Rows.Single().Cells, c => Assert.Null(c.Number));
    }

    [Fact]
    public void Numbers_read_as_numbers_with_invariant_text_and_no_trailing_point_zero()
    {
        var sheet = ReadSheet(s => s.Row(1, 42, 3.5, -0.25, 1234567.0, 0.1 + 0.2));

        var cells = sheet.Rows.Single().Cells;
        Assert.Equal(["42", "3.5", "-0.25", "1234567", "0.3"], cells.Select(c => c.Text));
        Assert.Equal([42, 3.5, -0.25, 1234567, 0.1 + 0.2], cells.Select(c => c.Number!.Value));
        Assert.All(cells, c => Assert.False(c.IsDate));
    }

    [Fact]
    public void Booleans_read_as_excel_shows_them()
    {
        var sheet = ReadSheet(s => s.Row(1, true, false));

        Assert.Equal(["TRUE", "FALSE"], sheet.Rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_cell_in_a_built_in_date_format_reads_as_an_iso_date_with_its_serial()
    {
        var sheet = ReadSheet(s => s.Cell("A1", new DateOnly(2024, 5, 31)));

        var cell = At(sheet, 1, 0);
        Assert.True(cell.IsDate);
        Assert.Equal("2024-05-31", cell.Text);
        Assert.Equal(45443, cell.Number);
    }

    [Theory]
    [InlineData("dd-mmm-yy")]
    [InlineData("mmm-yy")]
    [InlineData("[$-809]dd mmmm yyyy;@")]
    [InlineData("d/m/yyyy h:mm")]
    public void A_cell_in_a_custom_date_format_reads_as_an_iso_date(string format)
    {
        var sheet = ReadSheet(s => s.Cell("A1", new DateOnly(2024, 4, 1), format: format));

        Assert.True(At(sheet, 1, 0).IsDate);
        Assert.Equal("2024-04-01", At(sheet, 1, 0).Text);
    }

    [Theory]
    [InlineData("0.00")]
    [InlineData("h:mm")]
    [InlineData("mm:ss")]
    [InlineData("#,##0 \"days\"")]
    [InlineData("[Red]0;[Blue]-0")]
    [InlineData("General")]
    public void A_number_in_a_format_without_a_date_is_not_a_date(string format)
    {
        var sheet = ReadSheet(s => s.Cell("A1", 45383, format: format));

        Assert.False(At(sheet, 1, 0).IsDate);
        Assert.Equal("45383", At(sheet, 1, 0).Text);
    }

    [Fact]
    public void Dates_in_a_1904_workbook_read_as_the_same_day_with_a_1900_serial()
    {
        var workbook = Read(new TestWorkbook().Date1904().Sheet("Plan", s => s.Cell("A1", new DateOnly(2024, 5, 31))));

        var cell = workbook.Sheets.Single().Rows.Single()[0];
        Assert.Equal("2024-05-31", cell.Text);
        Assert.Equal(45443, cell.Number);
    }

    [Fact]
    public void Excels_early_1900_serials_read_as_the_day_excel_shows()
    {
        var sheet = ReadSheet(s => s.Cell("A1", 1, format: "14").Cell("B1", 59, format: "14").Cell("C1", 61, format: "14"));

        Assert.Equal(["1900-01-01", "1900-02-28", "1900-03-01"], sheet.Rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void Formulas_read_as_their_cached_value_and_are_never_evaluated()
    {
        var sheet = ReadSheet(s => s
            .Row(1, 2, 3)
            .Formula("C1", "A1+B1", 99)
            .Formula("D1", "IF(C1>0,\"Green\",\"Red\")", "Green"));

        Assert.Equal("99", At(sheet, 1, 2).Text);
        Assert.Equal(99, At(sheet, 1, 2).Number);
        Assert.Equal("Green", At(sheet, 1, 3).Text);
    }

    [Fact]
    public void Rich_text_runs_are_joined_and_line_breaks_kept()
    {
        var sheet = ReadSheet(s => s
            .RichText("A1", "Bold start", " then plain\r\nsecond line")
            .Cell("B1", "one\ntwo"));

        Assert.Equal("Bold start then plain\nsecond line", At(sheet, 1, 0).Text);
        Assert.Equal("one\ntwo", At(sheet, 1, 1).Text);
    }

    [Fact]
    public void Escaped_characters_in_text_are_decoded()
    {
        var sheet = ReadSheet(s => s.Cell("A1", "line_x000D_\nnext and a_x005F_x0041_ literal"));

        Assert.Equal("line\nnext and a_x0041_ literal", At(sheet, 1, 0).Text);
    }

    [Fact]
    public void Sheets_come_in_workbook_order_with_hidden_ones_flagged()
    {
        var workbook = Read(new TestWorkbook()
            .Sheet("Key", s => s.Row(1, "Blue = complete"))
            .Sheet("Plan", s => s.Row(1, "Why?"))
            .Sheet("Lookups", s => s.Row(1, "Red"), TestSheetState.Hidden)
            .Sheet("Macros", s => s.Row(1, "x"), TestSheetState.VeryHidden));

        Assert.Equal(["Key", "Plan", "Lookups", "Macros"], workbook.Sheets.Select(s => s.Name));
        Assert.Equal([false, false, true, true], workbook.Sheets.Select(s => s.Hidden));
        Assert.Equal("Red", workbook.Sheets[2].Rows.Single()[0].Text);
    }

    [Fact]
    public void Rows_keep_their_excel_numbers_and_cells_their_columns_with_gaps_filled()
    {
        var sheet = ReadSheet(s => s
            .Cell("B2", "b2")
            .Cell("E2", "e2")
            .Cell("A7", "a7"));

        Assert.Equal([2, 7], sheet.Rows.Select(r => r.Number));
        var row = sheet.Rows[0];
        Assert.Equal(["", "b2", "", "", "e2"], row.Cells.Select(c => c.Text));
        Assert.Same(SheetCell.Empty, row.Cells[0]);
        Assert.Same(SheetCell.Empty, row[20]);
    }

    [Fact]
    public void Blank_rows_are_left_out_but_a_row_with_only_a_fill_is_kept()
    {
        var sheet = ReadSheet(s => s
            .Row(1, "Title")
            .Cell("A2", "   ")
            .Cell("C3", 0.0, format: "0.00").Cell("A3", "")
            .Cell("G4", fill: "#00B050"));

        Assert.Equal([1, 3, 4], sheet.Rows.Select(r => r.Number));
        Assert.Equal("0", sheet.Rows[1][2].Text);
        Assert.Equal(RgbColour.Parse("#00B050"), sheet.Rows[2][6].Fill);
    }

    [Fact]
    public void Trailing_empty_cells_are_dropped()
    {
        var sheet = ReadSheet(s => s.Cell("A1", "Title").Cell("H1", format: "0.00"));

        Assert.Single(sheet.Rows.Single().Cells);
    }

    [Fact]
    public void A_range_merged_down_rows_repeats_its_value_and_fill_in_the_first_column_of_each_row()
    {
        var sheet = ReadSheet(s => s
            .Row(5, "Section", "Why?")
            .Cell("A6", "Workforce", fill: "#D9D9D9").Cell("B6", "Recruit")
            .Cell("B7", "Retain")
            .Cell("B9", "Train")
            .Merge("A6:A9"));

        Assert.Equal([5, 6, 7, 8, 9], sheet.Rows.Select(r => r.Number));
        foreach (var row in sheet.Rows.Skip(1))
        {
            Assert.Equal("Workforce", row[0].Text);
            Assert.Equal(RgbColour.Parse("#D9D9D9"), row[0].Fill);
        }

        Assert.Equal("Retain", sheet.Rows[2][1].Text);
        Assert.Equal("", sheet.Rows[3][1].Text);
    }

    [Fact]
    public void A_range_merged_down_and_across_repeats_only_in_its_first_column()
    {
        var sheet = ReadSheet(s => s
            .Cell("B2", 45383, format: "14")
            .Cell("A3", "x")
            .Merge("B2:D3"));

        var copied = At(sheet, 3, 1);
        Assert.Equal("2024-04-01", copied.Text);
        Assert.True(copied.IsDate);
        Assert.Equal(45383, copied.Number);
        Assert.Equal(2, sheet.Rows[1].Cells.Count);
    }

    [Fact]
    public void A_title_merged_across_columns_stays_in_its_first_cell()
    {
        var sheet = ReadSheet(s => s.Cell("A1", "Appendix 1: Service Development Plan").Merge("A1:H1"));

        Assert.Equal(["Appendix 1: Service Development Plan"], sheet.Rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_merge_reaching_past_the_last_row_creates_no_rows_beyond_it()
    {
        var sheet = ReadSheet(s => s.Cell("A1", "Section").Cell("B3", "last").Merge("A1:A1048576"));

        Assert.Equal([1, 2, 3], sheet.Rows.Select(r => r.Number));
        Assert.Equal("Section", At(sheet, 3, 0).Text);
    }

    [Fact]
    public void Raw_sheet_xml_without_cell_references_is_placed_by_position()
    {
        var data = TestWorkbook.FromSheetXml(w => w.Write(
            "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c><v>2</v></c></row><row><c r=\"C2\" t=\"inlineStr\"><is><t>c</t></is></c></row>"));

        var sheet = SpreadsheetReader.Read(new MemoryStream(data), "raw.xlsx").Sheets.Single();

        Assert.Equal("Sheet1", sheet.Name);
        Assert.Equal([1, 2], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["a", "2"], sheet.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("c", sheet.Rows[1][2].Text);
    }

    [Fact]
    public void Error_values_and_iso_date_cells_read_as_excel_shows_them()
    {
        var data = TestWorkbook.FromSheetXml(w => w.Write(
            "<row r=\"1\"><c r=\"A1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"B1\" t=\"d\"><v>2024-05-31T00:00:00</v></c></row>"));

        var row = SpreadsheetReader.Read(new MemoryStream(data), "raw.xlsx").Sheets.Single().Rows.Single();

        Assert.Equal("#DIV/0!", row[0].Text);
        Assert.Null(row[0].Number);
        Assert.Equal("2024-05-31", row[1].Text);
        Assert.True(row[1].IsDate);
        Assert.Equal(45443, row[1].Number);
    }

    [Fact]
    public void Rows_written_out_of_order_come_back_in_row_order()
    {
        var data = TestWorkbook.FromSheetXml(w => w.Write(
            "<row r=\"3\"><c r=\"A3\"><v>3</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"));

        var sheet = SpreadsheetReader.Read(new MemoryStream(data), "raw.xlsx").Sheets.Single();

        Assert.Equal([1, 3], sheet.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Text_longer_than_excel_allows_in_a_cell_is_cut_at_excels_limit()
    {
        var sheet = ReadSheet(s => s.Cell("A1", new string('x', 40_000), inline: true).Cell("B1", new string('y', 40_000)));

        Assert.Equal(32_767, At(sheet, 1, 0).Text.Length);
        Assert.Equal(32_767, At(sheet, 1, 1).Text.Length);
    }

    [Fact]
    public void Phonetic_guides_are_not_part_of_the_text()
    {
        var data = TestWorkbook.FromSheetXml(w => w.Write(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></is></c></row>"));

        var sheet = SpreadsheetReader.Read(new MemoryStream(data), "raw.xlsx").Sheets.Single();

        Assert.Equal("東京", sheet.Rows.Single()[0].Text);
    }

    [Fact]
    public void A_file_is_recognised_as_xlsx_by_its_content_whatever_its_name()
    {
        using var stream = new TestWorkbook().Sheet("Plan", s => s.Row(1, "Why?")).ToStream();

        var workbook = SpreadsheetReader.Read(stream, "download.csv");

        Assert.Equal("Why?", workbook.Sheets.Single().Rows.Single()[0].Text);
    }

    [Fact]
    public void The_2024_25_fixture_reads_with_its_title_header_and_texts()
    {
        var workbook = SpreadsheetReader.Read(Fixture.Path("sdp-2024-25.xlsx"));

        var sheet = Assert.Single(workbook.Sheets);
        Assert.Equal("SDP 2024-25", sheet.Name);
        Assert.False(sheet.Hidden);
        Assert.Equal("Appendix 1: Service Development Plan 2024-5", At(sheet, 1, 0).Text);
        Assert.Single(sheet.Rows.Single(r => r.Number == 1).Cells);
        Assert.Equal(
            ["Why?", "Who?", "Does what?", "By when?", "How will we know it has been done?", "What will be the experience of children?", "RAG rated progress", "Comments on progress"],
            sheet.Rows.Single(r => r.Number == 5).Cells.Select(c => c.Text));
        Assert.Equal("Identified via colleagues in the service:", At(sheet, 6, 0).Text);
        Assert.Equal(63, sheet.Rows[^1].Number);
        Assert.DoesNotContain(sheet.Rows, r => r.Number is >= 21 and <= 29);
    }

    [Fact]
    public void The_2024_25_fixture_has_its_ratings_as_fills_in_the_rag_column()
    {
        var sheet = SpreadsheetReader.Read(Fixture.Path("sdp-2024-25.xlsx")).Sheets.Single();
        var header = sheet.Rows.Single(r => r.Number == 5);
        var rag = header.Cells.ToList().FindIndex(c => c.Text == "RAG rated progress");

        var fills = sheet.Rows.Where(r => r.Number > 5 && r[rag].Fill is not null).ToDictionary(r => r.Number, r => r[rag].Fill!.Value.ToString());

        Assert.Equal(6, rag); // column G: the sheet has no Section column
        Assert.Equal("#0070C0", fills[8]);
        Assert.Equal("#00B050", fills[7]);
        Assert.Equal("#FFC000", fills[10]);
        Assert.Equal("#C00000", fills[60]);
        Assert.Equal(
            new Dictionary<string, int> { ["#0070C0"] = 8, ["#C00000"] = 1, ["#FFC000"] = 6, ["#00B050"] = 13 },
            fills.Values.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(RgbColour.Parse("#D9D9D9"), header[0].Fill);
        Assert.All(sheet.Rows.Where(r => r.Number > 5), r => Assert.Equal("", r[rag].Text));
    }
}
