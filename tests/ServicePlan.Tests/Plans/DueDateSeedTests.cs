using System.Globalization;
using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

// Every distinct "By when?" written in the real plans in the seeds, read as the plan's own year.
public class DueDateSeedTests
{
    private static readonly FinancialYear Plan2019To20 = new(2019);
    private static readonly FinancialYear Plan2024To25 = new(2024);

    // Seed 002, the 2024-25 plan spreadsheet, column D.
    [Theory]
    [InlineData("May-24", DueKind.Date, "2024-05-31")]
    [InlineData("Apr-24", DueKind.Date, "2024-04-30")]
    [InlineData("Oct-24", DueKind.Date, "2024-10-31")]
    [InlineData("Sep-24", DueKind.Date, "2024-09-30")]
    [InlineData("Jun-24", DueKind.Date, "2024-06-30")]
    [InlineData("Jul-24", DueKind.Date, "2024-07-31")]
    [InlineData("01-Sep-24", DueKind.Date, "2024-09-01")]
    [InlineData("01-Dec-24", DueKind.Date, "2024-12-01")]
    [InlineData("01-Jun-24", DueKind.Date, "2024-06-01")]
    [InlineData("01-Jul-24", DueKind.Date, "2024-07-01")]
    [InlineData("Weekly.", DueKind.Recurring, null)]
    [InlineData("June and March 2025", DueKind.Milestones, "2025-03-31")]
    [InlineData("April-June", DueKind.Range, "2024-06-30")]
    [InlineData("complete", DueKind.Complete, null)]
    [InlineData("", DueKind.None, null)]
    // These two are outcomes pasted into the wrong column ("How will we know" text, with
    // its bullet). They are kept as written and flagged as not a date.
    [InlineData("· Care leavers access apprenticeships thereby improving their employment and life chances.", DueKind.NotADate, null)]
    [InlineData("· Strong working relationships with SELTP members.", DueKind.NotADate, null)]
    public void Due_values_from_the_2024_25_plan(string text, DueKind kind, string? due)
    {
        var dueDate = DueDate.Interpret(text, Plan2024To25);

        Assert.Equal(kind, dueDate.Kind);
        Assert.Equal(Date(due), dueDate.Due);
        Assert.Equal(text.Trim(), dueDate.Text);
    }

    // Seed 003, the 2019-20 plan appendix (pages 57-84), "Due" column, plus the plan's
    // header dates (Implementation Sep-19, Review Jan-20).
    [Theory]
    [InlineData("Oct-19", DueKind.Date, "2019-10-31")]
    [InlineData("Nov-19", DueKind.Date, "2019-11-30")]
    [InlineData("Dec-19", DueKind.Date, "2019-12-31")]
    [InlineData("Aug-19", DueKind.Date, "2019-08-31")]
    [InlineData("Sep-19", DueKind.Date, "2019-09-30")]
    [InlineData("Jul-19", DueKind.Date, "2019-07-31")]
    [InlineData("Jan-20", DueKind.Date, "2020-01-31")]
    [InlineData("Feb-20", DueKind.Date, "2020-02-29")]
    [InlineData("Mar-20", DueKind.Date, "2020-03-31")]
    // Jan-19 and Feb-19 fall before this plan began and were probably meant as Jan-20 and
    // Feb-20. We read what was written: the owner sees "by 31 January 2019" beside the
    // text and can correct it, rather than us silently moving a date.
    [InlineData("Jan-19", DueKind.Date, "2019-01-31")]
    [InlineData("Feb-19", DueKind.Date, "2019-02-28")]
    // "on- going" is "on-going" with a line break after the hyphen.
    [InlineData("on- going", DueKind.Continuous, null)]
    [InlineData("n/a", DueKind.NotApplicable, null)]
    public void Due_values_from_the_2019_20_plan(string text, DueKind kind, string? due)
    {
        var dueDate = DueDate.Interpret(text, Plan2019To20);

        Assert.Equal(kind, dueDate.Kind);
        Assert.Equal(Date(due), dueDate.Due);
        Assert.Equal(text, dueDate.Text);
    }

    // Dates written in prose elsewhere in the seeds (003's SEND update and 2019-20 header,
    // 002's comments and actions, 001's cover report): the same reader handles them when
    // someone types them into "By when?".
    [Theory]
    [InlineData(2019, "by March 2020", DueKind.Date, "2020-03-31")]
    [InlineData(2019, "by October 2020", DueKind.Date, "2020-10-31")]
    [InlineData(2019, "by May 2020", DueKind.Date, "2020-05-31")]
    [InlineData(2019, "by April 2020", DueKind.Date, "2020-04-30")]
    [InlineData(2019, "April 2019-March 2020", DueKind.Range, "2020-03-31")]
    [InlineData(2024, "15/04/24", DueKind.Date, "2024-04-15")]
    [InlineData(2021, "Jan 2022", DueKind.Date, "2022-01-31")]
    [InlineData(2018, "by 1 April 2019", DueKind.Date, "2019-04-01")]
    [InlineData(2018, "end of January 2019", DueKind.Date, "2019-01-31")]
    public void Dates_written_in_prose_in_the_seeds(int planStartYear, string text, DueKind kind, string due)
    {
        var dueDate = DueDate.Interpret(text, new FinancialYear(planStartYear));

        Assert.Equal(kind, dueDate.Kind);
        Assert.Equal(Date(due), dueDate.Due);
    }

    [Fact]
    public void June_and_March_2025_has_a_milestone_in_June_2024_and_is_due_at_the_last()
    {
        var dueDate = DueDate.Interpret("June and March 2025", Plan2024To25);

        Assert.Equal([new DateOnly(2024, 6, 30), new DateOnly(2025, 3, 31)], dueDate.Milestones);
        Assert.Equal("milestones 30 June 2024 and 31 March 2025", dueDate.Meaning);
    }

    [Fact]
    public void April_June_runs_from_the_start_of_April_to_the_end_of_June_in_the_plan_year()
    {
        var dueDate = DueDate.Interpret("April-June", Plan2024To25);

        Assert.Equal(new DateOnly(2024, 4, 1), dueDate.From);
        Assert.Equal(new DateOnly(2024, 6, 30), dueDate.Due);
        Assert.Equal("by 30 June 2024 (from 1 April 2024)", dueDate.Meaning);
    }

    private static DateOnly? Date(string? iso) =>
        iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
