using System.Globalization;
using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

public class DueDateTests
{
    private static readonly FinancialYear Plan2024To25 = new(2024);

    [Theory]
    [InlineData("Oct-19", 2019, "2019-10-31")]
    [InlineData("oct-19", 2019, "2019-10-31")]
    [InlineData("Oct 19", 2019, "2019-10-31")]
    [InlineData("Oct '19", 2019, "2019-10-31")]
    [InlineData("Feb-24", 2023, "2024-02-29")]
    [InlineData("Feb-25", 2024, "2025-02-28")]
    [InlineData("Sept 2019", 2019, "2019-09-30")]
    [InlineData("Sept. 2019", 2019, "2019-09-30")]
    [InlineData("September 2019", 2019, "2019-09-30")]
    [InlineData("December 2019", 2019, "2019-12-31")]
    [InlineData("March 2020", 2019, "2020-03-31")]
    [InlineData("March, 2020", 2019, "2020-03-31")]
    [InlineData("end of March 2020", 2019, "2020-03-31")]
    [InlineData("by the end of March 2020", 2019, "2020-03-31")]
    [InlineData("By end of March 2020.", 2019, "2020-03-31")]
    public void A_month_and_year_is_due_by_the_last_day_of_that_month(string text, int planStartYear, string due) =>
        AssertDate(DueDate.Interpret(text, new FinancialYear(planStartYear)), due);

    [Theory]
    [InlineData("01-Sep-24", "2024-09-01")]
    [InlineData("1-Sep-2024", "2024-09-01")]
    [InlineData("1 September 2024", "2024-09-01")]
    [InlineData("1st September 2024", "2024-09-01")]
    [InlineData("21st of June 2024", "2024-06-21")]
    [InlineData("01/06/2024", "2024-06-01")]
    [InlineData("1/6/2024", "2024-06-01")]
    [InlineData("15/04/24", "2024-04-15")]
    [InlineData("15.04.2024", "2024-04-15")]
    [InlineData("2024-06-01", "2024-06-01")]
    [InlineData("by 01/06/2024", "2024-06-01")]
    public void A_day_is_due_on_that_day_read_day_first(string text, string due) =>
        AssertDate(DueDate.Interpret(text, Plan2024To25), due);

    [Theory]
    [InlineData("June", "2024-06-30")]
    [InlineData("April", "2024-04-30")]
    [InlineData("December", "2024-12-31")]
    [InlineData("January", "2025-01-31")]
    [InlineData("March", "2025-03-31")]
    [InlineData("15 May", "2024-05-15")]
    [InlineData("1 Feb", "2025-02-01")]
    public void A_month_with_no_year_is_the_one_inside_the_plan_year(string text, string due) =>
        AssertDate(DueDate.Interpret(text, Plan2024To25), due);

    [Theory]
    [InlineData("Jan-19", 2018, "2019-01-31")]
    [InlineData("Oct-99", 2024, "1999-10-31")]
    [InlineData("Oct-00", 2099, "2100-10-31")]
    [InlineData("Mar-25", 2024, "2025-03-31")]
    // 1974 and 2074 are both 50 years from 2024; plans look ahead, so the later wins.
    [InlineData("Mar-74", 2024, "2074-03-31")]
    [InlineData("Mar-73", 2024, "2073-03-31")]
    [InlineData("Mar-75", 2024, "1975-03-31")]
    public void A_two_digit_year_is_the_one_nearest_the_plan_year(string text, int planStartYear, string due) =>
        AssertDate(DueDate.Interpret(text, new FinancialYear(planStartYear)), due);

    [Theory]
    [InlineData("June and March 2025", new[] { "2024-06-30", "2025-03-31" })]
    [InlineData("June & March 2025", new[] { "2024-06-30", "2025-03-31" })]
    [InlineData("June, September and March 2025", new[] { "2024-06-30", "2024-09-30", "2025-03-31" })]
    [InlineData("March 2025 and June", new[] { "2024-06-30", "2025-03-31" })]
    [InlineData("01-Jun-24 and 01-Dec-24", new[] { "2024-06-01", "2024-12-01" })]
    public void Several_dates_are_milestones_in_order_due_at_the_last(string text, string[] dates)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.Milestones, dueDate.Kind);
        Assert.Equal(dates.Select(Date), dueDate.Milestones);
        Assert.Equal(Date(dates[^1]), dueDate.Due);
        Assert.Null(dueDate.From);
    }

    [Fact]
    public void Three_milestones_are_described_as_a_list() =>
        Assert.Equal(
            "milestones 30 June 2024, 30 September 2024 and 31 March 2025",
            DueDate.Interpret("June, September and March 2025", Plan2024To25).Meaning);

    [Theory]
    [InlineData("April-June", "2024-04-01", "2024-06-30")]
    [InlineData("April - June", "2024-04-01", "2024-06-30")]
    [InlineData("April\u2013June", "2024-04-01", "2024-06-30")]
    [InlineData("April to June", "2024-04-01", "2024-06-30")]
    [InlineData("Apr-Jun", "2024-04-01", "2024-06-30")]
    [InlineData("November-February", "2024-11-01", "2025-02-28")]
    [InlineData("Oct-24 - Dec-24", "2024-10-01", "2024-12-31")]
    [InlineData("01-Jun-24 - 01-Dec-24", "2024-06-01", "2024-12-01")]
    [InlineData("Oct 2024 – Dec 2024", "2024-10-01", "2024-12-31")]
    [InlineData("1 June - 30 June 2024", "2024-06-01", "2024-06-30")]
    [InlineData("01/06/2024 to 15/07/2024", "2024-06-01", "2024-07-15")]
    // January falls in 2025 in this plan, so June must be the June after it.
    [InlineData("January-June", "2025-01-01", "2025-06-30")]
    public void A_range_is_due_at_its_end_and_starts_at_its_beginning(string text, string from, string due)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.Range, dueDate.Kind);
        Assert.Equal(Date(from), dueDate.From);
        Assert.Equal(Date(due), dueDate.Due);
        Assert.Empty(dueDate.Milestones);
    }

    [Theory]
    [InlineData("Weekly.", "weekly")]
    [InlineData("weekly", "weekly")]
    [InlineData("MONTHLY", "monthly")]
    [InlineData("Monthly.", "monthly")]
    [InlineData("Quarterly", "quarterly")]
    [InlineData("Fortnightly", "fortnightly")]
    [InlineData("Annually;", "annually")]
    public void A_repeating_task_is_recurring_and_never_overdue(string text, string every)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.Recurring, dueDate.Kind);
        Assert.Null(dueDate.Due);
        Assert.True(dueDate.NeverOverdue);
        Assert.Equal($"recurring ({every})", dueDate.Meaning);
    }

    [Theory]
    [InlineData("on-going")]
    [InlineData("ongoing")]
    [InlineData("On going")]
    [InlineData("on- going")]
    [InlineData("Ongoing.")]
    [InlineData("continuous")]
    [InlineData("Continuous")]
    public void Ongoing_work_is_continuous_and_never_overdue(string text)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.Continuous, dueDate.Kind);
        Assert.Null(dueDate.Due);
        Assert.True(dueDate.NeverOverdue);
        Assert.Equal("ongoing", dueDate.Meaning);
    }

    [Theory]
    [InlineData("complete")]
    [InlineData("Complete")]
    [InlineData("Completed")]
    [InlineData("COMPLETED.")]
    [InlineData("Complet ed")]
    public void Complete_in_the_due_column_implies_the_action_is_done(string text)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.Complete, dueDate.Kind);
        Assert.Null(dueDate.Due);
        Assert.True(dueDate.ImpliesDone);
        Assert.False(dueDate.NeverOverdue);
        Assert.Equal("complete", dueDate.Meaning);
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("N/A")]
    [InlineData("NA")]
    [InlineData("n.a.")]
    [InlineData("Not applicable")]
    public void Not_applicable_has_no_due_date(string text)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.NotApplicable, dueDate.Kind);
        Assert.Null(dueDate.Due);
        Assert.Equal("not applicable", dueDate.Meaning);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_cell_has_no_due_date(string? text)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.None, dueDate.Kind);
        Assert.Equal("", dueDate.Text);
        Assert.Null(dueDate.Due);
        Assert.Empty(dueDate.Milestones);
        Assert.Equal("no due date", dueDate.Meaning);
    }

    [Theory]
    [InlineData("· Care leavers access apprenticeships thereby improving their employment and life chances.")]
    [InlineData("soon")]
    [InlineData("Q3")]
    [InlineData("2025")]
    [InlineData("31/02/2024")]
    [InlineData("06/13/2024")]
    [InlineData("Smarch 2025")]
    [InlineData("complete - kept in to retain oversight")]
    [InlineData("weekly meetings")]
    // Both years are written, and the end comes first: there is no range to read.
    [InlineData("Dec-24 - Oct-24")]
    public void Text_that_is_not_a_date_is_kept_and_flagged(string text)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(DueKind.NotADate, dueDate.Kind);
        Assert.Equal(text, dueDate.Text);
        Assert.Null(dueDate.Due);
        Assert.Null(dueDate.From);
        Assert.Empty(dueDate.Milestones);
        Assert.Equal("not a date", dueDate.Meaning);
    }

    [Fact]
    public void The_text_is_kept_as_written_apart_from_surrounding_space() =>
        Assert.Equal("By  end of Oct-24.", DueDate.Interpret("  By  end of Oct-24. \n", Plan2024To25).Text);

    [Fact]
    public void A_single_date_is_its_own_only_milestone()
    {
        var dueDate = DueDate.Interpret("Oct-19", new FinancialYear(2019));

        Assert.Equal([new DateOnly(2019, 10, 31)], dueDate.Milestones);
        Assert.Null(dueDate.From);
        Assert.Equal("by 31 October 2019", dueDate.Meaning);
    }

    [Theory]
    [InlineData("Jun-24", "2024-07-01", false, true)]
    [InlineData("Jun-24", "2024-06-30", false, false)]
    [InlineData("Jun-24", "2024-06-01", false, false)]
    [InlineData("Jun-24", "2024-07-01", true, false)]
    [InlineData("April-June", "2024-07-01", false, true)]
    [InlineData("April-June", "2024-05-01", false, false)]
    [InlineData("June and March 2025", "2024-07-01", false, false)]
    [InlineData("June and March 2025", "2025-04-01", false, true)]
    [InlineData("Weekly.", "2030-01-01", false, false)]
    [InlineData("on-going", "2030-01-01", false, false)]
    [InlineData("complete", "2030-01-01", false, false)]
    [InlineData("n/a", "2030-01-01", false, false)]
    [InlineData("", "2030-01-01", false, false)]
    [InlineData("soon", "2030-01-01", false, false)]
    public void Overdue_means_past_its_due_date_and_not_yet_Blue(string text, string today, bool isBlue, bool overdue) =>
        Assert.Equal(overdue, DueDate.Interpret(text, Plan2024To25).IsOverdue(Date(today), isBlue));

    [Theory]
    [InlineData("01-Dec-24", "2024-11-15", false, true)]
    [InlineData("01-Dec-24", "2024-12-01", false, true)]
    [InlineData("01-Dec-24", "2024-10-31", false, false)]
    [InlineData("01-Dec-24", "2024-11-01", false, true)]
    [InlineData("01-Dec-24", "2024-12-02", false, false)]
    [InlineData("01-Dec-24", "2024-11-15", true, false)]
    [InlineData("Weekly.", "2024-11-15", false, false)]
    [InlineData("complete", "2024-11-15", false, false)]
    [InlineData("", "2024-11-15", false, false)]
    public void Due_soon_means_due_in_the_next_30_days_and_not_yet_Blue(string text, string today, bool isBlue, bool dueSoon)
    {
        var due = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(dueSoon, DueDate.IsDueSoon(due.Kind, due.Due, Date(today), isBlue));
    }

    [Fact]
    public void Reading_the_same_cell_twice_gives_equal_due_dates()
    {
        var first = DueDate.Interpret("June and March 2025", Plan2024To25);
        var second = DueDate.Interpret("June and March 2025", Plan2024To25);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, DueDate.Interpret("June and March 2026", Plan2024To25));
    }

    [Fact]
    public void The_same_words_can_mean_a_different_date_in_a_different_plan_year() =>
        Assert.NotEqual(
            DueDate.Interpret("April-June", Plan2024To25),
            DueDate.Interpret("April-June", new FinancialYear(2025)));

    private static void AssertDate(DueDate dueDate, string due)
    {
        Assert.Equal(DueKind.Date, dueDate.Kind);
        Assert.Equal(Date(due), dueDate.Due);
        Assert.Equal([Date(due)], dueDate.Milestones);
        Assert.False(dueDate.NeverOverdue);
        Assert.False(dueDate.ImpliesDone);
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
