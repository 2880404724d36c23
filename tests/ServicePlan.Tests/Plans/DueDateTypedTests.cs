using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

public class DueDateTypedTests
{
    [Theory]
    [InlineData("31/02/2025", "'31/02/2025' is not a real date. Write a real date such as 28/02/2025, or a month such as 'February 2025'")]
    [InlineData("30.02.25", "'30.02.25' is not a real date. Write a real date such as 28/02/2025, or a month such as 'February 2025'")]
    [InlineData("29/02/2025", "'29/02/2025' is not a real date. Write a real date such as 28/02/2025, or a month such as 'February 2025'")]
    [InlineData("31-04-2025", "'31-04-2025' is not a real date. Write a real date such as 30/04/2025, or a month such as 'April 2025'")]
    [InlineData("12/13/2025", "'12/13/2025' is not a real date. Write a real date such as 31/12/2025, or a month such as 'December 2025'")]
    [InlineData("0/5/2025", "'0/5/2025' is not a real date. Write a real date such as 31/05/2025, or a month such as 'May 2025'")]
    [InlineData("32 March 2025", "'32 March 2025' is not a real date. Write a real date such as 31 March 2025, or a month such as 'March 2025'")]
    [InlineData("30th February 2026", "'30th February 2026' is not a real date. Write a real date such as 28 February 2026, or a month such as 'February 2026'")]
    [InlineData("By 31 June", "'31 June' is not a real date. Write a real date such as 30 June, or a month such as 'June'")]
    [InlineData("Review 30/06/2025 and 31/09/2025", "'31/09/2025' is not a real date. Write a real date such as 30/09/2025, or a month such as 'September 2025'")]
    public void Text_written_as_an_impossible_date_is_refused_with_a_suggestion(string typed, string message) =>
        Assert.Equal(message, DueDate.ProblemWhenTyped(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("June and March 2025")]
    [InlineData("Ongoing")]
    [InlineData("Q3")]
    [InlineData("Q3 2025-26")]
    [InlineData("Oct-24")]
    [InlineData("01-Sep-24")]
    [InlineData("29/02/2024")]
    [InlineData("29.02.24")]
    [InlineData("29 February")]
    [InlineData("28/02/2025")]
    [InlineData("2025-02-28")]
    [InlineData("31 March 2025")]
    [InlineData("April-June")]
    [InlineData("Weekly")]
    [InlineData("Within 30 days")]
    [InlineData("2 weeks after the panel")]
    [InlineData("1/4/25 - 30/6/25")]
    [InlineData("Phase 2 by March 2026")]
    public void Free_text_and_real_dates_are_kept(string? typed) =>
        Assert.Null(DueDate.ProblemWhenTyped(typed));
}
