using ServicePlan.Dates;

namespace ServicePlan.Tests.Dates;

public class GovUkDateTests
{
    private const string Name = "The review date";

    [Theory]
    [InlineData("15", "1", "2025", "2025-01-15")]
    [InlineData("01", "04", "2024", "2024-04-01")]
    [InlineData(" 3 ", " 6 ", " 2024 ", "2024-06-03")]
    [InlineData("29", "2", "2024", "2024-02-29")]
    [InlineData("29", "2", "2000", "2000-02-29")]
    [InlineData("28", "2", "2025", "2025-02-28")]
    [InlineData("31", "12", "2025", "2025-12-31")]
    [InlineData("5", "Feb", "2025", "2025-02-05")]
    [InlineData("5", "february", "2025", "2025-02-05")]
    [InlineData("5", "Sept", "2025", "2025-09-05")]
    public void A_real_date_is_read(string day, string month, string year, string expected)
    {
        var reading = GovUkDate.Parse(day, month, year, Name);
        Assert.Null(reading.Error);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reading.Date);
        Assert.Equal(DateParts.None, reading.ErrorParts);
    }

    [Theory]
    [InlineData("31", "2", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("29", "2", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("29", "2", "1900", "The review date must be a real date", DateParts.Day)]
    [InlineData("31", "4", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("0", "1", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("32", "1", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("1", "0", "2025", "The review date must be a real date", DateParts.Month)]
    [InlineData("1", "13", "2025", "The review date must be a real date", DateParts.Month)]
    [InlineData("x", "1", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("1", "Fe", "2025", "The review date must be a real date", DateParts.Month)]
    [InlineData("1", "Smarch", "2025", "The review date must be a real date", DateParts.Month)]
    [InlineData("1", "1", "twenty", "The review date must be a real date", DateParts.Year)]
    [InlineData("-1", "1", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("1.5", "1", "2025", "The review date must be a real date", DateParts.Day)]
    [InlineData("a", "b", "2025", "The review date must be a real date", DateParts.Day | DateParts.Month)]
    [InlineData("1", "1", "25", "Year must include 4 numbers", DateParts.Year)]
    [InlineData("1", "1", "202", "Year must include 4 numbers", DateParts.Year)]
    [InlineData("1", "1", "20250", "Year must include 4 numbers", DateParts.Year)]
    [InlineData("1", "1", "0999", "Year must include 4 numbers", DateParts.Year)]
    [InlineData("", "", "", "Enter the review date", DateParts.All)]
    [InlineData(null, null, null, "Enter the review date", DateParts.All)]
    [InlineData("  ", " ", "", "Enter the review date", DateParts.All)]
    [InlineData("", "1", "2025", "The review date must include a day", DateParts.Day)]
    [InlineData("1", "", "2025", "The review date must include a month", DateParts.Month)]
    [InlineData("1", "1", "", "The review date must include a year", DateParts.Year)]
    [InlineData("", "", "2025", "The review date must include a day and month", DateParts.Day | DateParts.Month)]
    [InlineData("", "1", "", "The review date must include a day and year", DateParts.Day | DateParts.Year)]
    [InlineData("1", "", "", "The review date must include a month and year", DateParts.Month | DateParts.Year)]
    public void An_impossible_or_incomplete_date_gets_the_GOV_UK_message(string? day, string? month, string? year, string message, DateParts parts)
    {
        var reading = GovUkDate.Parse(day, month, year, Name);
        Assert.Null(reading.Date);
        Assert.Equal(message, reading.Error);
        Assert.Equal(parts, reading.ErrorParts);
        Assert.False(reading.IsValid);
    }

    [Fact]
    public void An_optional_date_left_empty_is_no_date_and_no_error()
    {
        var reading = GovUkDate.Parse("", " ", null, "The date", required: false);
        Assert.True(reading.IsValid);
        Assert.Null(reading.Date);
    }

    [Fact]
    public void An_optional_date_half_filled_is_still_an_error() =>
        Assert.Equal("The date must include a year", GovUkDate.Parse("1", "2", "", "The date", required: false).Error);

    [Fact]
    public void A_name_that_starts_with_a_proper_noun_keeps_its_capital() =>
        Assert.Equal("Enter GOV date", GovUkDate.Parse("", "", "", "GOV date").Error);
}
