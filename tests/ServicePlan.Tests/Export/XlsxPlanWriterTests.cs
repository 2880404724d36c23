using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ServicePlan.Export;
using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Tests.Export;

public class XlsxPlanWriterTests
{
    [Fact]
    public void Exported_workbook_is_valid_ooxml()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var errors = new OpenXmlValidator().Validate(workbook.Document)
            .Select(error => $"{error.Path?.XPath}: {error.Description}");

        Assert.Empty(errors);
    }

    [Fact]
    public void A_large_plan_is_valid_and_has_a_row_for_every_action_and_section()
    {
        var plan = SamplePlans.Large(1_000);
        using var workbook = new ExportedWorkbook(plan);

        Assert.Empty(new OpenXmlValidator().Validate(workbook.Document));
        var lastRow = workbook.HeaderRow + 1_000 + plan.Sections.Count;
        Assert.Equal(lastRow, (int)workbook.Rows[^1].RowIndex!.Value);
        Assert.Equal("Comment on action 1000.", workbook.Text($"I{lastRow}"));
    }

    [Fact]
    public void Plan_without_sections_has_its_header_row_and_is_valid()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Bare() with { Sections = [] });

        Assert.Empty(new OpenXmlValidator().Validate(workbook.Document));
        Assert.Equal(PlanTable.Columns, workbook.RowTexts(workbook.HeaderRow));
        Assert.Equal($"A{workbook.HeaderRow}:I{workbook.HeaderRow}", workbook.Worksheet.Elements<AutoFilter>().Single().Reference?.Value);
    }

    [Fact]
    public void Printed_pages_have_the_plan_title_and_page_number_in_the_footer()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Bare() with { Header = SamplePlans.Bare().Header with { Title = "2025 plan & more" } });

        var footer = workbook.Worksheet.Descendants<OddFooter>().Single().Text;

        Assert.Contains("\"2025 plan && more&R", footer, StringComparison.Ordinal);
        Assert.EndsWith("Page &P of &N", footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_has_one_visible_sheet_named_Plan_and_the_plan_title_as_its_title()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        Assert.Single(workbook.Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Plan", workbook.Sheet.Name?.Value);
        Assert.True(workbook.Sheet.State is null || workbook.Sheet.State.Value == SheetStateValues.Visible);
        Assert.Equal(SamplePlans.Title, workbook.Document.PackageProperties.Title);
    }

    [Fact]
    public void Title_is_bold_and_larger_in_A1_merged_across_the_table()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        Assert.Equal(SamplePlans.Title, workbook.Text("A1"));
        Assert.True(workbook.IsBold("A1"));
        Assert.True(workbook.Font("A1").FontSize!.Val!.Value > workbook.Font("A2").FontSize!.Val!.Value);
        Assert.Contains("A1:I1", workbook.MergedRanges);
    }

    [Fact]
    public void Header_block_has_a_labelled_row_for_each_field_with_the_value_merged_across_the_table()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var expected = new Dictionary<string, string>
        {
            ["Service:"] = "Children's Social Care & Early Help",
            ["Period:"] = "2024-25",
            ["Owner:"] = "Rachel Talmage",
            ["Monitoring board:"] = "Children's Services Management Team",
            ["Relevant strategies:"] = "Children and Young People's Plan",
            ["Review frequency:"] = "Quarterly",
            ["Created with ideas from:"] = "Staff, Independent Audit Feb 2024",
            ["Implementation date:"] = "1 April 2024",
            ["Review date:"] = "1 July 2024",
            ["People:"] = "Rachel Talmage (RT), Head of Service\nSam Okafor (SO)",
        };
        foreach (var (label, value) in expected)
        {
            var row = workbook.RowStartingWith(label);
            Assert.True(row < workbook.HeaderRow, $"{label} is above the table");
            Assert.Equal(value, workbook.Text($"B{row}"));
            Assert.True(workbook.Format($"B{row}").Alignment?.WrapText?.Value, $"{label}'s value wraps");
            Assert.Contains($"B{row}:I{row}", workbook.MergedRanges);
        }

        Assert.StartsWith("The actions of the September 2023", workbook.Text($"B{workbook.RowStartingWith("Aims:")}"));
    }

    [Fact]
    public void A_workbook_not_for_publication_says_so_first_in_its_header_block_and_on_every_page()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample() with { IsPublic = false, ExemptParagraphs = ["Paragraph 2"] });

        Assert.Equal("NOT FOR PUBLICATION", workbook.Text("A2"));
        Assert.Equal("Exempt information under paragraph 2 of Part 1 of Schedule 12A to the Local Government Act 1972", workbook.Text("B2"));
        Assert.Contains("NOT FOR PUBLICATION", workbook.Worksheet.Elements<HeaderFooter>().Single().OddFooter!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_workbook_does_not_say_not_for_publication()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        Assert.DoesNotContain(workbook.Rows.SelectMany(r => workbook.RowTexts((int)r.RowIndex!.Value)), t => t.Contains("NOT FOR PUBLICATION", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_block_leaves_out_empty_fields_and_a_blank_row_separates_it_from_the_table()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Bare());

        var labels = Enumerable.Range(2, workbook.HeaderRow - 2).Select(row => workbook.Text($"A{row}")).ToList();

        Assert.Equal(["Period:", "Review frequency:", ""], labels);
        Assert.All(workbook.RowTexts(workbook.HeaderRow - 1), Assert.Empty);
    }

    [Fact]
    public void Header_row_has_the_plan_columns_bold_on_grey_wrapped_and_bordered()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());
        var header = workbook.HeaderRow;

        Assert.Equal(PlanTable.Columns, workbook.RowTexts(header));
        for (var column = 0; column < PlanTable.Columns.Count; column++)
        {
            var reference = $"{ExportedWorkbook.Column(column)}{header}";
            Assert.True(workbook.IsBold(reference));
            Assert.Equal("FFD9D9D9", workbook.FillColour(reference));
            Assert.True(workbook.Format(reference).Alignment?.WrapText?.Value);
            Assert.NotEqual(0u, workbook.Format(reference).BorderId!.Value);
        }
    }

    [Fact]
    public void Header_row_is_frozen_so_it_stays_in_view_when_scrolling()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var pane = workbook.Worksheet.Descendants<Pane>().Single();

        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal(workbook.HeaderRow, pane.VerticalSplit?.Value);
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal($"A{workbook.HeaderRow + 1}", pane.TopLeftCell?.Value);
    }

    [Fact]
    public void Autofilter_covers_the_table_from_the_header_row_to_the_last_action()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var filter = workbook.Worksheet.Elements<AutoFilter>().Single();

        Assert.Equal($"A{workbook.HeaderRow}:I{workbook.Rows[^1].RowIndex!.Value}", filter.Reference?.Value);
    }

    [Fact]
    public void Printing_is_landscape_on_A4_one_page_wide_with_the_header_row_on_every_page()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var setup = workbook.Worksheet.Elements<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation?.Value);
        Assert.Equal(9u, setup.PaperSize?.Value);
        Assert.Equal(1u, setup.FitToWidth?.Value);
        Assert.Equal(0u, setup.FitToHeight?.Value);
        Assert.True(workbook.Worksheet.SheetProperties?.PageSetupProperties?.FitToPage?.Value);

        var printTitles = workbook.Document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>()
            .Single(name => name.Name?.Value == "_xlnm.Print_Titles");
        Assert.Equal(0u, printTitles.LocalSheetId?.Value);
        Assert.Equal($"'Plan'!${workbook.HeaderRow}:${workbook.HeaderRow}", printTitles.Text);
    }

    [Fact]
    public void Section_headings_are_rows_with_text_in_the_first_cell_only()
    {
        var plan = SamplePlans.Sample();
        using var workbook = new ExportedWorkbook(plan);

        foreach (var section in plan.Sections)
        {
            var row = workbook.RowStartingWith(section.Title);
            var texts = workbook.RowTexts(row);
            Assert.True(row > workbook.HeaderRow);
            Assert.All(texts.Skip(1), Assert.Empty);
            Assert.True(workbook.IsBold($"A{row}"));
            Assert.NotNull(workbook.FillColour($"A{row}"));
        }
    }

    [Fact]
    public void Section_heading_runs_on_across_the_table_over_cells_of_the_same_fill_with_no_border_crossing_it()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());
        var row = workbook.RowStartingWith("Audit 2024 service wide recommendations");

        Assert.False(workbook.Format($"A{row}").Alignment?.WrapText?.Value ?? false);
        Assert.DoesNotContain(workbook.MergedRanges, range => range.StartsWith($"A{row}:", StringComparison.Ordinal));
        for (var column = 1; column < PlanTable.Columns.Count; column++)
        {
            var reference = $"{ExportedWorkbook.Column(column)}{row}";
            Assert.Equal(workbook.FillColour($"A{row}"), workbook.FillColour(reference));
            Assert.Null(workbook.Border(reference).LeftBorder?.Style);
            Assert.Equal(BorderStyleValues.Thin, workbook.Border(reference).TopBorder?.Style?.Value);
        }

        Assert.Null(workbook.Border($"A{row}").RightBorder?.Style);
        Assert.Equal(BorderStyleValues.Thin, workbook.Border($"I{row}").RightBorder?.Style?.Value);
    }

    [Fact]
    public void Sections_and_their_actions_follow_the_header_row_in_plan_order()
    {
        var plan = SamplePlans.Sample();
        using var workbook = new ExportedWorkbook(plan);

        var expected = plan.Sections
            .SelectMany(section => new[] { (IReadOnlyList<string>)[section.Title, "", "", "", "", "", "", "", ""] }
                .Concat(section.Rows.Select(row => row.Cells)))
            .ToList();
        var actual = Enumerable.Range(workbook.HeaderRow + 1, expected.Count).Select(workbook.RowTexts).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Continuation_rows_leave_Why_empty()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var row = workbook.RowStartingWith("1.2");

        Assert.Equal("", workbook.Text($"B{row}"));
        Assert.Equal("Induction of deputy team manager.", workbook.Text($"D{row}"));
    }

    [Theory]
    [InlineData("1.1", "Blue", "FF0070C0", "FFFFFFFF")]
    [InlineData("1.2", "Red", "FFC00000", "FFFFFFFF")]
    [InlineData("1.3", "Amber", "FFFFC000", "FF000000")]
    [InlineData("2.1", "Green", "FF00B050", "FF000000")]
    public void Rating_is_written_as_text_and_shown_as_the_cell_fill(string reference, string rating, string fill, string font)
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var cell = $"H{workbook.RowStartingWith(reference)}";

        Assert.Equal(rating, workbook.Text(cell));
        Assert.Equal(fill, workbook.FillColour(cell));
        Assert.Equal(font, workbook.FontColour(cell));
    }

    [Fact]
    public void Unrated_action_has_an_empty_rating_cell_without_a_fill()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var cell = $"H{workbook.RowStartingWith("2.2")}";

        Assert.Equal("", workbook.Text(cell));
        Assert.Null(workbook.FillColour(cell));
    }

    [Theory]
    [InlineData(XlsxPlanWriter.Styles.Blue)]
    [InlineData(XlsxPlanWriter.Styles.Red)]
    [InlineData(XlsxPlanWriter.Styles.Amber)]
    [InlineData(XlsxPlanWriter.Styles.Green)]
    public void Rating_text_contrasts_with_its_fill_at_least_4_5_to_1(uint style)
    {
        var stylesheet = XlsxPlanWriter.BuildStylesheet();
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style);
        var fill = stylesheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill!.ForegroundColor!.Rgb!.Value!;
        var font = stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).Color?.Rgb?.Value ?? "FF000000";

        Assert.True(ContrastRatio(fill, font) >= 4.5, $"{font} on {fill}: {ContrastRatio(fill, font):0.00}:1");
    }

    [Fact]
    public void Cells_wrap_align_to_the_top_and_have_thin_borders()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());
        var row = workbook.RowStartingWith("1.3");

        for (var column = 0; column < PlanTable.Columns.Count; column++)
        {
            var reference = $"{ExportedWorkbook.Column(column)}{row}";
            var format = workbook.Format(reference);
            Assert.True(format.Alignment?.WrapText?.Value, $"{reference} wraps");
            Assert.Equal(VerticalAlignmentValues.Top, format.Alignment?.Vertical?.Value);
            var border = workbook.Border(reference);
            Assert.Equal(BorderStyleValues.Thin, border.LeftBorder?.Style?.Value);
            Assert.Equal(BorderStyleValues.Thin, border.BottomBorder?.Style?.Value);
        }
    }

    [Fact]
    public void Rows_are_given_a_height_that_fits_their_wrapped_text_since_LibreOffice_does_not_fit_them()
    {
        var longComment = string.Join(' ', Enumerable.Repeat("Progress has been made on this action this quarter.", 10));
        var plan = SamplePlans.Bare() with
        {
            Sections = [new PlanTableSection("Section", [
                new PlanTableRow("1", "Short", "HoS", "Short", "", "", "", Rating.Green, ""),
                new PlanTableRow("2", "Short", "HoS", "Short", "", "", "", Rating.Green, longComment),
                new PlanTableRow("3", "One\nTwo\nThree\nFour", "HoS", "Short", "", "", "", Rating.None, ""),
            ])],
        };
        using var workbook = new ExportedWorkbook(plan);
        double Height(string reference) => workbook.Rows.Single(row => row.RowIndex!.Value == workbook.RowStartingWith(reference)).Height!.Value;

        // 520 characters in a column about 60 characters wide: at least nine lines of 12.75 points.
        Assert.InRange(Height("1"), 12.75, 2 * 12.75);
        Assert.True(Height("2") >= 9 * 12.75, $"{Height("2")} points");
        Assert.True(Height("3") >= 4 * 12.75, $"{Height("3")} points");
    }

    [Fact]
    public void Header_block_rows_keep_a_fixed_height_because_spreadsheets_cannot_size_merged_cells()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var people = workbook.Rows.Single(row => row.RowIndex!.Value == workbook.RowStartingWith("People:"));

        Assert.True(people.CustomHeight?.Value);
        Assert.True(people.Height!.Value >= 2 * 12.75);
    }

    [Fact]
    public void Line_breaks_in_a_cell_are_kept()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        Assert.Equal(SamplePlans.MultiLineMeasure, workbook.Text($"F{workbook.RowStartingWith("1.3")}"));
    }

    [Fact]
    public void Formula_looking_text_is_stored_as_text_not_as_a_formula()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        Assert.Equal(SamplePlans.FormulaComment, workbook.Text($"I{workbook.RowStartingWith("2.1")}"));
        Assert.Empty(workbook.Worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public void Every_column_has_a_set_width_wide_enough_for_its_content()
    {
        using var workbook = new ExportedWorkbook(SamplePlans.Sample());

        var widths = workbook.Worksheet.Descendants<Column>().ToDictionary(column => column.Min!.Value, column => column.Width!.Value);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (uint)i), widths.Keys.Order());
        Assert.All(widths.Values, width => Assert.InRange(width, 6, 50));
        Assert.True(widths[2] > widths[3], "Why? is wider than Who?");
        Assert.True(widths[9] >= widths[2], "Comments are at least as wide as Why?");
    }

    [Fact]
    public void Control_characters_that_xml_cannot_hold_are_dropped_and_CRLF_becomes_a_line_break()
    {
        var plan = SamplePlans.Bare() with { Header = SamplePlans.Bare().Header with { Title = "Plan\u0001 with\r\nbreak" } };
        using var workbook = new ExportedWorkbook(plan);

        Assert.Equal("Plan with\nbreak", workbook.Text("A1"));
        Assert.Empty(new OpenXmlValidator().Validate(workbook.Document));
    }

    [Fact]
    public void Writes_to_a_stream_that_cannot_seek_such_as_a_response_body()
    {
        using var target = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(target);

        XlsxPlanWriter.Write(SamplePlans.Sample(), forwardOnly);

        target.Position = 0;
        using var document = SpreadsheetDocument.Open(target, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    private static double ContrastRatio(string argbA, string argbB)
    {
        var (a, b) = (Luminance(argbA), Luminance(argbB));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    // WCAG 2 relative luminance.
    private static double Luminance(string argb)
    {
        double Channel(int offset)
        {
            var value = int.Parse(argb.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(2)) + (0.7152 * Channel(4)) + (0.0722 * Channel(6));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
