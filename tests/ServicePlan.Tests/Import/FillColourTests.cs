using ServicePlan.Export;
using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

public class FillColourTests
{
    private static RgbColour? FillOf(TestWorkbook workbook)
    {
        using var stream = workbook.ToStream();
        return SpreadsheetReader.Read(stream, "plan.xlsx").Sheets.Single().Rows.Single()[0].Fill;
    }

    private static RgbColour? FillOf(TestFill fill) => FillOf(new TestWorkbook().Sheet("Plan", s => s.Cell("A1", "Rated", fill: fill)));

    [Fact]
    public void An_rgb_fill_reads_as_its_colour()
    {
        Assert.Equal(RgbColour.Parse("#0070C0"), FillOf("#0070C0"));
    }

    [Theory]
    [InlineData(10u, "#FF0000")]
    [InlineData(2u, "#FF0000")]
    [InlineData(17u, "#008000")]
    [InlineData(51u, "#FFCC00")]
    [InlineData(30u, "#0066CC")]
    public void An_indexed_fill_reads_from_excels_default_palette(uint index, string expected)
    {
        Assert.Equal(RgbColour.Parse(expected), FillOf(TestFill.FromIndex(index)));
    }

    [Fact]
    public void An_indexed_fill_reads_from_the_workbooks_own_palette_when_it_has_one()
    {
        var palette = Enumerable.Repeat("#000000", 64).ToArray();
        palette[10] = "#C00000";

        var fill = FillOf(new TestWorkbook().IndexedColours(palette).Sheet("Plan", s => s.Cell("A1", fill: TestFill.FromIndex(10))));

        Assert.Equal(RgbColour.Parse("#C00000"), fill);
    }

    [Fact]
    public void The_system_colours_beyond_the_palette_are_no_fill()
    {
        Assert.Null(FillOf(TestFill.FromIndex(64)));
    }

    [Theory]
    [InlineData(0u, "#FEFEFE")] // lt1: theme index 0 is the light colour, listed second in the theme
    [InlineData(1u, "#010101")] // dk1
    [InlineData(2u, "#EEECE1")] // lt2
    [InlineData(3u, "#1F497D")] // dk2
    [InlineData(4u, "#0070C0")] // accent1
    [InlineData(9u, "#00B050")] // accent6
    [InlineData(11u, "#800080")] // folHlink
    public void A_theme_fill_reads_from_the_workbooks_theme_in_excels_index_order(uint index, string expected)
    {
        var workbook = new TestWorkbook()
            .Theme("#010101", "#FEFEFE", "#1F497D", "#EEECE1", "#0070C0", "#C00000", "#A5A5A5", "#FFC000", "#5B9BD5", "#00B050", "#0000FF", "#800080")
            .Sheet("Plan", s => s.Cell("A1", fill: TestFill.FromTheme(index)));

        Assert.Equal(RgbColour.Parse(expected), FillOf(workbook));
    }

    [Fact]
    public void A_theme_fill_without_a_theme_part_reads_from_the_office_theme()
    {
        Assert.Equal(RgbColour.Parse("#70AD47"), FillOf(TestFill.FromTheme(9)));
    }

    [Theory]
    [InlineData(0u, -0.1499, "#D9D9D9")] // White, Background 1, Darker 15%
    [InlineData(7u, 0.7999, "#FFF2CC")] // Gold, Accent 4, Lighter 80%
    [InlineData(9u, -0.2499, "#548235")] // Green, Accent 6, Darker 25%
    [InlineData(4u, 0.3999, "#8EA9DB")] // Blue, Accent 1, Lighter 40%
    [InlineData(4u, 0.5999, "#B4C6E7")] // Blue, Accent 1, Lighter 60%
    [InlineData(1u, 0.4999, "#808080")] // Black, Text 1, Lighter 50%
    public void A_tinted_theme_fill_reads_within_one_shade_of_what_excel_paints(uint index, double tint, string excel)
    {
        var fill = FillOf(TestFill.FromTheme(index, tint))!.Value;

        var expected = RgbColour.Parse(excel);
        Assert.InRange(fill.R, expected.R - 1, expected.R + 1);
        Assert.InRange(fill.G, expected.G - 1, expected.G + 1);
        Assert.InRange(fill.B, expected.B - 1, expected.B + 1);
    }

    [Fact]
    public void A_tint_lightens_or_darkens_an_rgb_fill_too()
    {
        Assert.Equal(RgbColour.Parse("#FFFFFF"), FillOf(new TestFill(Rgb: "#C00000", Tint: 1)));
        Assert.Equal(RgbColour.Parse("#000000"), FillOf(new TestFill(Rgb: "#C00000", Tint: -1)));
    }

    [Fact]
    public void The_none_and_gray125_fills_every_workbook_starts_with_are_no_fill()
    {
        const string styles =
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill><fgColor rgb=\"FFFF0000\"/></patternFill></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF00B050\"/></patternFill></fill></fills>"
            + "<cellXfs count=\"4\"><xf fillId=\"0\"/><xf fillId=\"1\"/><xf fillId=\"2\"/><xf fillId=\"3\"/></cellXfs>"
            + "<dxfs count=\"1\"><dxf><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF0000FF\"/></patternFill></fill></dxf></dxfs>"
            + "</styleSheet>";
        var data = TestWorkbook.FromSheetXml(
            w => w.Write("<row r=\"1\"><c r=\"A1\" s=\"0\"><v>1</v></c><c r=\"B1\" s=\"1\"><v>1</v></c><c r=\"C1\" s=\"2\"><v>1</v></c><c r=\"D1\" s=\"3\"><v>1</v></c><c r=\"E1\" s=\"9\"><v>1</v></c></row>"),
            stylesXml: styles);

        var row = SpreadsheetReader.Read(new MemoryStream(data), "plan.xlsx").Sheets.Single().Rows.Single();

        // A patternFill without a patternType is "none" by the schema, whatever colour it names.
        Assert.Equal([null, null, null, RgbColour.Parse("#00B050"), null], row.Cells.Select(c => c.Fill));
    }

    [Fact]
    public void A_cell_with_only_a_number_format_has_no_fill()
    {
        Assert.Null(FillOf(new TestWorkbook().Sheet("Plan", s => s.Cell("A1", 5, format: "0.00"))));
    }

    [Fact]
    public void Tinting_follows_the_spec_on_luminance()
    {
        Assert.Equal(RgbColour.Parse("#D9D9D9"), ExcelColours.ApplyTint(RgbColour.Parse("#FFFFFF"), -0.1499));
        Assert.Equal(RgbColour.Parse("#FFF2CC"), ExcelColours.ApplyTint(RgbColour.Parse("#FFC000"), 0.7999));
        Assert.Equal(RgbColour.Parse("#0070C0"), ExcelColours.ApplyTint(RgbColour.Parse("#0070C0"), 0));
    }
}
