using ServicePlan.Import;

namespace ServicePlan.Tests.Import;

public sealed class CsvReaderTests
{
    private static List<(int Line, string[] Cells)> Read(string csv, char delimiter = ',') => CsvReader.ReadRows(new StringReader(csv), delimiter).ToList();

    [Fact]
    public void Quoted_cells_keep_commas_doubled_quotes_and_line_breaks()
    {
        var rows = Read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"line one\nline two\",x,y\r\n");

        Assert.Equal(["a", "b, c", "say \"hi\""], rows[0].Cells);
        Assert.Equal(["line one\nline two", "x", "y"], rows[1].Cells);
    }

    [Fact]
    public void Rows_know_the_line_they_start_on_even_after_multi_line_cells()
    {
        var rows = Read("h1,h2\n\"a\nb\",c\nd,e\n");

        Assert.Equal([1, 2, 4], rows.Select(r => r.Line));
    }

    [Fact]
    public void Blank_lines_are_kept_as_empty_rows_and_a_last_line_without_a_break_is_read()
    {
        var rows = Read("a,b\n\nc,d");

        Assert.Equal(3, rows.Count);
        Assert.Empty(rows[1].Cells);
        Assert.Equal(["c", "d"], rows[2].Cells);
    }

    [Fact]
    public void Empty_cells_are_kept_in_place()
    {
        Assert.Equal(["", "b", ""], Read(",b,\n")[0].Cells);
    }

    [Fact]
    public void Tabs_separate_cells_in_tab_separated_files()
    {
        Assert.Equal(["a", "b,c"], Read("a\tb,c\n", '\t')[0].Cells);
    }

    [Fact]
    public void The_fixture_plan_reads_as_thirty_one_rows_of_nine_cells()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "sdp-2024-25.csv");
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);

        var rows = CsvReader.ReadRows(reader).ToList();

        Assert.Equal("Section", rows[0].Cells[0]);
        Assert.Equal(32, rows.Count);
        Assert.All(rows, r => Assert.Equal(9, r.Cells.Length));
    }
}
