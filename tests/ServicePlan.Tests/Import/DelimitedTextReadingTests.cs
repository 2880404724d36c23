using System.Text;
using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

public class DelimitedTextReadingTests
{
    private static Sheet Read(byte[] bytes, string fileName = "plan.csv") =>
        Assert.Single(SpreadsheetReader.Read(new MemoryStream(bytes), fileName).Sheets);

    private static Sheet Read(string text, string fileName = "plan.csv") => Read(new UTF8Encoding(false).GetBytes(text), fileName);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void The_2024_25_fixture_reads_as_32_rows_of_up_to_9_cells()
    {
        var sheet = Assert.Single(SpreadsheetReader.Read(Fixture.Path("sdp-2024-25.csv")).Sheets);

        Assert.Equal("sdp-2024-25", sheet.Name);
        Assert.Equal(Enumerable.Range(1, 32), sheet.Rows.Select(r => r.Number));
        // Trailing empty cells are dropped: three unrated rows end at the experience column, one rated row at its rating.
        Assert.Equal(28, sheet.Rows.Count(r => r.Cells.Count == 9));
        Assert.All(sheet.Rows, r => Assert.InRange(r.Cells.Count, 7, 9));
        Assert.Equal(
            ["Section", "Why?", "Who?", "Does what?", "By when?", "How will we know it has been done?", "What will be the experience of children?", "RAG rated progress", "Comments on progress"],
            sheet.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal("Identified via colleagues in the service:", sheet.Rows[1][0].Text);
        Assert.Equal("Advertises, interviews and recruits a new Deputy Team Manager. Retains current post holder in Deputy Role until they begin. Induction of deputy team manager.", sheet.Rows[1][3].Text);
        Assert.Equal("May-24", sheet.Rows[1][4].Text);
        Assert.Equal("BLACK LIVES MATTER & Racism", sheet.Rows[^1][0].Text);
        Assert.Equal("· Strong working relationships with SELTP members.", sheet.Rows[^1][4].Text);
        Assert.Equal(
            new Dictionary<string, int> { ["Blue"] = 8, ["Red"] = 1, ["Amber"] = 6, ["Green"] = 13, [""] = 3 },
            sheet.Rows.Skip(1).GroupBy(r => r[7].Text).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void Utf8_with_and_without_a_bom_read_the_same()
    {
        var text = "Why?,Who?\r\nCare leavers’ offer – refreshed,HoS\r\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var a = Read(withBom);
        var b = Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal("Why?", a.Rows[0][0].Text);
        Assert.Equal("Care leavers’ offer – refreshed", a.Rows[1][0].Text);
        Assert.Equal(a.Rows.SelectMany(r => r.Cells).Select(c => c.Text), b.Rows.SelectMany(r => r.Cells).Select(c => c.Text));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_read_as_windows_1252()
    {
        var bytes = Windows1252.GetBytes("Aim,Cost\r\nCare leavers’ offer – refreshed,£1200\r\n");

        var sheet = Read(bytes);

        Assert.Equal("Care leavers’ offer – refreshed", sheet.Rows[1][0].Text);
        Assert.Equal("£1200", sheet.Rows[1][1].Text);
    }

    [Fact]
    public void Utf16_with_a_bom_as_excel_saves_unicode_text_reads_as_tab_separated()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Why?\tWho?\r\nStability\tHoS\r\n")).ToArray();

        var sheet = Read(bytes, "plan.txt");

        Assert.Equal(["Stability", "HoS"], sheet.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Tsv_files_split_on_tabs_and_keep_commas()
    {
        var sheet = Read("Why?\tWho?\nRecruit, retain\tHoS\n", "plan.tsv");

        Assert.Equal(["Recruit, retain", "HoS"], sheet.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Txt_files_are_comma_separated_unless_the_first_line_has_a_tab()
    {
        Assert.Equal(2, Read("a,b\nc,d\n", "plan.txt").Rows[0].Cells.Count);
        Assert.Equal(["a,b", "c"], Read("a,b\tc\n", "plan.txt").Rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Rows_are_numbered_by_record_as_excel_numbers_them_not_by_line()
    {
        var sheet = Read("Why?,Comments\r\n\"Stability\",\"First line\r\nsecond line\"\r\n,\r\n\r\nTraining,Done\r\n");

        Assert.Equal([1, 2, 5], sheet.Rows.Select(r => r.Number));
        Assert.Equal("First line\nsecond line", sheet.Rows[1][1].Text);
        Assert.Equal("Training", sheet.Rows[2][0].Text);
    }

    [Fact]
    public void Quoted_cells_keep_commas_and_doubled_quotes()
    {
        var sheet = Read("\"Recruit, \"\"grow\"\" and retain\",x\n");

        Assert.Equal("Recruit, \"grow\" and retain", sheet.Rows[0][0].Text);
    }

    [Fact]
    public void Numbers_in_a_csv_also_read_as_numbers_with_their_text_unchanged()
    {
        var sheet = Read("45413,3.50,May-24, 7 ,1e3\n");

        Assert.Equal([45413, 3.5, null, 7, 1000], sheet.Rows[0].Cells.Select(c => c.Number));
        Assert.Equal(["45413", "3.50", "May-24", " 7 ", "1e3"], sheet.Rows[0].Cells.Select(c => c.Text));
        Assert.All(sheet.Rows[0].Cells, c => Assert.False(c.IsDate));
    }

    [Fact]
    public void A_csv_of_only_blank_lines_reads_as_a_sheet_without_rows()
    {
        Assert.Empty(Read("\r\n,,\r\n\r\n").Rows);
    }

    [Fact]
    public void A_csv_with_more_than_100000_rows_is_refused()
    {
        var text = new StringBuilder("Why?,Who?\n");
        for (var i = 0; i < SpreadsheetReader.MaxRows; i++)
            text.Append("a,b\n");

        var error = Assert.Throws<SpreadsheetUnreadableException>(() => Read(text.ToString(), "big plan.csv"));

        Assert.Equal("The sheet 'big plan' has more than 100,000 rows", error.Message);
    }

    [Fact]
    public void A_csv_with_exactly_100000_rows_is_read()
    {
        var text = new StringBuilder();
        for (var i = 0; i < SpreadsheetReader.MaxRows; i++)
            text.Append("a,b\n");

        Assert.Equal(SpreadsheetReader.MaxRows, Read(text.ToString()).Rows.Count);
    }
}
