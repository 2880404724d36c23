using System.Text;
using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

/// <summary>Small files that would expand into millions of cells are refused before they use the memory.</summary>
public sealed class CellLimitTests
{
    [Fact]
    public void A_merge_down_a_far_column_counts_against_the_cell_limit()
    {
        var bytes = new TestWorkbook().Sheet("Plan", s => s.Cell("XFD1", "y").Cell("A400", "z").Merge("XFD1:XFD400")).ToBytes();

        var error = Assert.Throws<SpreadsheetUnreadableException>(() => SpreadsheetReader.Read(new MemoryStream(bytes), "plan.xlsx"));

        Assert.Contains("cells", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_csv_row_of_a_million_separators_with_text_at_the_end_is_refused()
    {
        var csv = new StringBuilder("a").Append(',', 2_100_000).Append("b\n").ToString();

        var error = Assert.Throws<SpreadsheetUnreadableException>(() => SpreadsheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "plan.csv"));

        Assert.Contains("cells", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Trailing_separators_cost_nothing()
    {
        var csv = new StringBuilder("Why?,Who?").Append(',', 500_000).Append("\nAim,HoS\n").ToString();

        var sheet = Assert.Single(SpreadsheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "plan.csv").Sheets);

        Assert.All(sheet.Rows, r => Assert.Equal(2, r.Cells.Count));
    }
}
