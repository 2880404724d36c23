using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Rollover;

namespace ServicePlan.Tests.Rollover;

public class RolloverRulesTests
{
    private static readonly FinancialYear Year2024 = new(2024);
    private static readonly FinancialYear Year2025 = new(2025);

    [Theory]
    [InlineData(Rating.Red, false, RolloverOutcome.Carried)]
    [InlineData(Rating.Amber, false, RolloverOutcome.Carried)]
    [InlineData(Rating.Green, false, RolloverOutcome.Carried)]
    [InlineData(Rating.None, false, RolloverOutcome.Carried)]
    [InlineData(Rating.Red, true, RolloverOutcome.Carried)]
    [InlineData(Rating.Amber, true, RolloverOutcome.Carried)]
    [InlineData(Rating.Green, true, RolloverOutcome.Carried)]
    [InlineData(Rating.None, true, RolloverOutcome.Carried)]
    [InlineData(Rating.Blue, true, RolloverOutcome.Retained)]
    [InlineData(Rating.Blue, false, RolloverOutcome.Archived)]
    public void Every_action_that_is_not_blue_is_carried_and_blue_ones_are_retained_only_when_marked(Rating rating, bool retained, RolloverOutcome expected) =>
        Assert.Equal(expected, RolloverRules.Decide(rating, retained));

    [Fact]
    public void A_plan_already_rolled_over_is_refused_with_where_and_when()
    {
        var reason = RolloverRules.Refusal(Year2024, PlanStatus.Closed, new RolloverSuccessor(Year2025, new DateTime(2025, 4, 2, 9, 30, 0, DateTimeKind.Utc)));

        Assert.Equal("Plan 2024-25 was already rolled over into 2025-26 on 2 April 2025.", reason);
    }

    [Fact]
    public void A_closed_plan_is_refused_and_an_open_one_is_not()
    {
        Assert.Equal("Plan 2024-25 is closed, so it cannot be rolled over again.", RolloverRules.Refusal(Year2024, PlanStatus.Closed, successor: null));
        Assert.Null(RolloverRules.Refusal(Year2024, PlanStatus.Open, successor: null));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2023)]
    public void The_new_year_must_come_after_the_plans_own(int startYear) =>
        Assert.Equal($"The new plan's year must come after 2024-25: {new FinancialYear(startYear)} does not.", RolloverRules.PeriodRefusal(Year2024, new FinancialYear(startYear)));

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Any_later_year_may_be_chosen(int startYear) => Assert.Null(RolloverRules.PeriodRefusal(Year2024, new FinancialYear(startYear)));

    [Theory]
    // As the seeds write their titles: the 2024-25 plan, the 2018-19 report (en dash, four digits), the 2020/21 plan.
    [InlineData("Service Development Plan 2024-5", 2024, "Service Development Plan 2025-6")]
    [InlineData("Service Development Plan 2024-25", 2024, "Service Development Plan 2025-26")]
    [InlineData("Service Improvement Plan 2018\u20132019", 2018, "Service Improvement Plan 2019\u20132020")]
    [InlineData("Service Development Plan 2020/21 (CSC & EH)", 2020, "Service Development Plan 2021/22 (CSC & EH)")]
    [InlineData("Plan 2029-0", 2029, "Plan 2030-1")]
    [InlineData("Plan 2028-9", 2028, "Plan 2029-30")]
    [InlineData("Service Development Plan", 2024, "Service Development Plan")]
    [InlineData("Plan 2023-24, following 2022-23", 2023, "Plan 2024-25, following 2022-23")]
    public void The_title_names_the_new_year_the_way_the_owner_wrote_it(string title, int from, string expected) =>
        Assert.Equal(expected, RolloverRules.Retitle(title, new FinancialYear(from), new FinancialYear(from + 1)));

    [Fact]
    public void The_new_header_is_the_old_one_a_year_on_linked_to_its_predecessor()
    {
        var old = new Plan
        {
            OrganisationId = Guid.NewGuid(),
            Title = "Service Development Plan 2024-5",
            Service = "Children's Social Care & Early Help",
            Period = Year2024,
            Owner = "Rachel Talmage, Head of Service",
            MonitoringBoard = "Achieving Excellence Board",
            RelevantStrategies = "Early Help Strategy",
            ReviewFrequency = "Quarterly",
            Aims = "Aims",
            CreatedWithIdeasFrom = "Self Evaluation",
            ImplementationDate = new DateOnly(2024, 4, 1),
            ReviewDate = new DateOnly(2025, 3, 31),
            Status = PlanStatus.Open,
        };

        var next = RolloverRules.NextHeader(old, Year2025);

        Assert.NotEqual(old.Id, next.Id);
        Assert.Equal(old.Id, next.PreviousPlanId);
        Assert.Equal("Service Development Plan 2025-6", next.Title);
        Assert.Equal(Year2025, next.Period);
        Assert.Equal(new DateOnly(2025, 4, 1), next.ImplementationDate);
        Assert.Equal(new DateOnly(2026, 3, 31), next.ReviewDate);
        Assert.Equal(PlanStatus.Open, next.Status);
        Assert.Null(next.RolledOverAtUtc);
        Assert.Equal(
            (old.OrganisationId, old.Service, old.Owner, old.MonitoringBoard, old.RelevantStrategies, old.ReviewFrequency, old.Aims, old.CreatedWithIdeasFrom),
            (next.OrganisationId, next.Service, next.Owner, next.MonitoringBoard, next.RelevantStrategies, next.ReviewFrequency, next.Aims, next.CreatedWithIdeasFrom));
        Assert.Empty(next.Sections);
        Assert.Empty(next.Reviews);
    }

    [Fact]
    public void Dates_move_on_by_as_many_years_as_the_period_and_a_leap_day_becomes_the_28th()
    {
        var old = new Plan { Title = "Plan", Period = new FinancialYear(2023), ReviewDate = new DateOnly(2024, 2, 29), ImplementationDate = null };

        var next = RolloverRules.NextHeader(old, new FinancialYear(2025));

        Assert.Equal(new DateOnly(2026, 2, 28), next.ReviewDate);
        Assert.Null(next.ImplementationDate);
    }

    [Theory]
    [InlineData(0, "First planned 2019-20")]
    [InlineData(1, "First planned 2019-20, carried once")]
    [InlineData(2, "First planned 2019-20, carried twice")]
    [InlineData(5, "First planned 2019-20, carried 5 times")]
    public void Lineage_says_when_an_action_was_first_planned_and_how_often_it_was_carried(int times, string expected) =>
        Assert.Equal(expected, RolloverRules.Lineage(new FinancialYear(2019), times));

    [Fact]
    public void The_carried_forward_comment_names_the_year_and_why()
    {
        Assert.Equal("Carried forward from 2024-25: retained for oversight.", RolloverRules.CarriedForwardComment(Year2024, RolloverOutcome.Retained));
        Assert.StartsWith("Carried forward from 2024-25", RolloverRules.CarriedForwardComment(Year2024, RolloverOutcome.Carried), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => RolloverRules.CarriedForwardComment(Year2024, RolloverOutcome.Archived));
    }
}
