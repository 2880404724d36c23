using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2024-25", 2024)]
    [InlineData("2024/25", 2024)]
    [InlineData("2024-2025", 2024)]
    [InlineData("2024/2025", 2024)]
    [InlineData("2024\u201325", 2024)]
    [InlineData("2024\u201425", 2024)]
    [InlineData("2024 - 25", 2024)]
    [InlineData("  2024-25  ", 2024)]
    [InlineData("1999-00", 1999)]
    [InlineData("1999-2000", 1999)]
    // As written in the seeds: the 2024-25 plan's own title, the 2019-20 appendix title
    // (en dash) and the 2020/21 plan named in its cover report.
    [InlineData("2024-5", 2024)]
    [InlineData("2019\u201320", 2019)]
    [InlineData("2020/21", 2020)]
    public void Parse_reads_the_ways_a_financial_year_is_written(string text, int startYear)
    {
        Assert.Equal(new FinancialYear(startYear), FinancialYear.Parse(text));
        Assert.True(FinancialYear.TryParse(text, out var year));
        Assert.Equal(startYear, year.StartYear);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2024")]
    [InlineData("24-25")]
    [InlineData("2024-26")]
    [InlineData("2024-2026")]
    [InlineData("2025-24")]
    [InlineData("2024-25-26")]
    [InlineData("April 2024")]
    [InlineData("FY 2024-25")]
    public void TryParse_refuses_text_that_is_not_one_financial_year(string? text)
    {
        Assert.False(FinancialYear.TryParse(text, out var year));
        Assert.Equal(default, year);
    }

    [Fact]
    public void Parse_explains_how_to_write_a_financial_year()
    {
        var thrown = Assert.Throws<FormatException>(() => FinancialYear.Parse("2024-26"));

        Assert.Equal("\"2024-26\" is not a financial year. Write it as the two years it spans, like 2024-25.", thrown.Message);
    }

    [Fact]
    public void A_financial_year_runs_from_1_April_to_31_March()
    {
        var year = new FinancialYear(2024);

        Assert.Equal(new DateOnly(2024, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2025, 3, 31), year.End);
    }

    [Theory]
    [InlineData("2024-03-31", false)]
    [InlineData("2024-04-01", true)]
    [InlineData("2024-12-25", true)]
    [InlineData("2025-03-31", true)]
    [InlineData("2025-04-01", false)]
    public void Contains_includes_both_ends_and_nothing_outside(string date, bool contains) =>
        Assert.Equal(contains, new FinancialYear(2024).Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2024-04-01", 2024)]
    [InlineData("2024-06-30", 2024)]
    [InlineData("2024-12-31", 2024)]
    [InlineData("2025-01-01", 2024)]
    [InlineData("2025-03-31", 2024)]
    [InlineData("2024-03-31", 2023)]
    public void Containing_finds_the_year_a_date_falls_in(string date, int startYear) =>
        Assert.Equal(new FinancialYear(startYear), FinancialYear.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Next_is_the_year_a_plan_rolls_over_into() =>
        Assert.Equal(new FinancialYear(2025), new FinancialYear(2024).Next());

    [Theory]
    [InlineData(2024, "2024-25")]
    [InlineData(2019, "2019-20")]
    [InlineData(1999, "1999-00")]
    [InlineData(2009, "2009-10")]
    public void ToString_writes_the_short_form_used_in_plan_titles(int startYear, string text)
    {
        Assert.Equal(text, new FinancialYear(startYear).ToString());
        Assert.Equal(new FinancialYear(startYear), FinancialYear.Parse(text));
    }

    [Fact]
    public void Years_order_by_when_they_start()
    {
        var earlier = new FinancialYear(2019);
        var later = new FinancialYear(2024);

        Assert.True(earlier.CompareTo(later) < 0);
        Assert.True(later.CompareTo(earlier) > 0);
        Assert.Equal(0, later.CompareTo(new FinancialYear(2024)));
        Assert.True(earlier < later);
        Assert.True(earlier <= later);
        Assert.True(later > earlier);
        Assert.True(later >= new FinancialYear(2024));
        Assert.Equal([earlier, later], new[] { later, earlier }.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(9999)]
    public void A_year_with_no_calendar_dates_cannot_be_made(int startYear) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(startYear));
}
