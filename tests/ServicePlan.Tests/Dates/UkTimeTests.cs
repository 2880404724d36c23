using ServicePlan.Dates;

namespace ServicePlan.Tests.Dates;

public class UkTimeTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    // Winter: GMT, the same as UTC.
    [InlineData(2025, 1, 15, 9, 30, "15 January 2025 at 9:30am")]
    // 30 March 2025, 01:00 UTC: the clocks go forward to 2am BST.
    [InlineData(2025, 3, 30, 0, 59, "30 March 2025 at 12:59am")]
    [InlineData(2025, 3, 30, 1, 0, "30 March 2025 at 2:00am")]
    [InlineData(2025, 3, 29, 23, 30, "29 March 2025 at 11:30pm")]
    // Summer: BST, an hour ahead, so late UTC evenings are already the next day.
    [InlineData(2025, 7, 1, 23, 15, "2 July 2025 at 12:15am")]
    [InlineData(2025, 7, 1, 11, 0, "1 July 2025 at midday")]
    [InlineData(2025, 6, 30, 23, 0, "1 July 2025 at midnight")]
    // 26 October 2025, 01:00 UTC: the clocks go back to 1am GMT, so 1am comes twice.
    [InlineData(2025, 10, 26, 0, 30, "26 October 2025 at 1:30am")]
    [InlineData(2025, 10, 26, 1, 30, "26 October 2025 at 1:30am")]
    [InlineData(2025, 10, 26, 2, 0, "26 October 2025 at 2:00am")]
    [InlineData(2025, 10, 25, 23, 30, "26 October 2025 at 12:30am")]
    // 2026's changes: 29 March and 25 October.
    [InlineData(2026, 3, 29, 12, 5, "29 March 2026 at 1:05pm")]
    [InlineData(2026, 10, 25, 12, 5, "25 October 2026 at 12:05pm")]
    public void A_UTC_time_shows_as_the_clock_in_England(int year, int month, int day, int hour, int minute, string shown) =>
        Assert.Equal(shown, UkTime.Format(Utc(year, month, day, hour, minute)));

    [Fact]
    public void A_time_that_lost_its_kind_is_taken_as_UTC() =>
        Assert.Equal("1 July 2025 at 1:00pm", UkTime.Format(new DateTime(2025, 7, 1, 12, 0, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void The_short_form_and_the_day_follow_the_same_clock()
    {
        var lateSummerEvening = Utc(2025, 8, 31, 23, 45);
        Assert.Equal("1 Sept 2025, 12:45am", UkTime.Short(lateSummerEvening).Replace("Sep ", "Sept ", StringComparison.Ordinal));
        Assert.Equal("1 September 2025", UkTime.Date(lateSummerEvening));
        Assert.Equal("2025-09-01 00:45:00", UkTime.Sortable(lateSummerEvening));
    }

    [Theory]
    [InlineData("2025-01-15", "2025-01-15T00:00:00")]
    [InlineData("2025-07-01", "2025-06-30T23:00:00")]
    [InlineData("2025-03-30", "2025-03-30T00:00:00")]
    [InlineData("2025-03-31", "2025-03-30T23:00:00")]
    [InlineData("2025-10-26", "2025-10-25T23:00:00")]
    [InlineData("2025-10-27", "2025-10-27T00:00:00")]
    public void A_UK_day_starts_at_UK_midnight(string day, string startUtc)
    {
        var start = UkTime.StartOfDayUtc(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTime.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }
}
