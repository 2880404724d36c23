using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

public sealed class PlanHeaderRulesTests
{
    private static PlanHeaderEntry Entry(string? title = "Service Development Plan 2024-25", string? period = "2024-25", DateEntry? implemented = null, string? frequency = "Quarterly") =>
        new(title, " Early Help ", period, "Head of Service", "", null, frequency, "Help families sooner.", "Audits", implemented ?? DateEntry.Empty, DateEntry.Empty);

    [Theory]
    [InlineData("15", "10", "2024", 2024, 10, 15)]
    [InlineData("29", "2", "2024", 2024, 2, 29)]
    [InlineData(" 1 ", "04", "2025", 2025, 4, 1)]
    public void A_real_date_is_read(string day, string month, string year, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), new DateEntry(day, month, year).Read("Review date", out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("31", "2", "2025", "Review date must be a real date, like 15 1 2025")]
    [InlineData("29", "2", "2025", "Review date must be a real date, like 15 1 2025")]
    [InlineData("1", "13", "2025", "Review date must be a real date, like 15 1 2025")]
    [InlineData("0", "1", "2025", "Review date must be a real date, like 15 1 2025")]
    [InlineData("a", "1", "2025", "Review date must be a real date, like 15 1 2025")]
    [InlineData("-1", "1", "2025", "Review date must be a real date, like 15 1 2025")]
    [InlineData("1", "1", "25", "The year of review date must include 4 numbers")]
    [InlineData("1", "1", "1899", "Review date must be a real date, like 15 1 2025")]
    [InlineData("", "1", "2025", "Review date must include a day")]
    [InlineData("1", "", "", "Review date must include a month and a year")]
    public void An_impossible_or_incomplete_date_is_refused_with_why(string day, string month, string year, string message)
    {
        Assert.Null(new DateEntry(day, month, year).Read("Review date", out var problem));
        Assert.Equal(message, problem);
    }

    [Fact]
    public void An_empty_date_is_no_date_and_no_problem()
    {
        Assert.Null(new DateEntry(" ", null, "").Read("Review date", out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_header_is_tidied_as_it_is_read()
    {
        var header = PlanHeaderRules.Read(Entry(frequency: " "), out var problems);

        Assert.Empty(problems);
        Assert.NotNull(header);
        Assert.Equal("Early Help", header.Service);
        Assert.Null(header.MonitoringBoard);
        Assert.Equal("Quarterly", header.ReviewFrequency);
        Assert.Equal(new FinancialYear(2024), header.Period);
    }

    [Theory]
    [InlineData(null, "2024-25", PlanHeaderField.Title)]
    [InlineData(" ", "2024-25", PlanHeaderField.Title)]
    [InlineData("Plan", "", PlanHeaderField.Period)]
    [InlineData("Plan", "2024-26", PlanHeaderField.Period)]
    [InlineData("Plan", "twenty", PlanHeaderField.Period)]
    public void A_header_needs_a_title_and_a_real_financial_year(string? title, string period, PlanHeaderField field)
    {
        Assert.Null(PlanHeaderRules.Read(Entry(title, period), out var problems));
        Assert.Equal(field, Assert.Single(problems).Field);
    }

    [Fact]
    public void Texts_longer_than_their_columns_are_refused()
    {
        Assert.Null(PlanHeaderRules.Read(Entry(title: new string('t', 301)), out var problems));
        Assert.Equal("Title must be 300 characters or fewer", Assert.Single(problems).Message);
    }

    [Fact]
    public void The_fields_that_differ_are_named_in_users_words()
    {
        var before = PlanHeaderRules.Read(Entry(), out _)!;
        var after = before with { MonitoringBoard = "Improvement Board", Period = new FinancialYear(2025), Title = before.Title + " " };

        Assert.Equal(["Financial year", "Monitored by"], after.ChangedFrom(before));
    }
}
