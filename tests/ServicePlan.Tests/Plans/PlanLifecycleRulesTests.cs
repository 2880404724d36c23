using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

public sealed class PlanLifecycleRulesTests
{
    [Theory]
    [InlineData(31, 8, 26, 45, 1, 0, 4, "31 actions in 8 sections, 26 objectives, 45 progress updates, 1 open review, 4 people")]
    [InlineData(1, 1, 1, 1, 0, 0, 1, "1 action in 1 section, 1 objective, 1 progress update, 1 person")]
    [InlineData(0, 0, 0, 0, 0, 0, 0, "0 actions in 0 sections, 0 progress updates")]
    [InlineData(1200, 3, 0, 2, 2, 0, 0, "1,200 actions in 3 sections, 2 progress updates, 2 open reviews")]
    public void What_would_be_deleted_is_said_in_the_owners_words(int actions, int sections, int objectives, int updates, int open, int closed, int people, string expected)
    {
        Assert.Equal(expected, PlanLifecycleRules.Describe(new PlanContents(sections, objectives, actions, updates, open, closed, people)));
    }

    [Fact]
    public void A_plan_with_no_closed_review_and_no_successor_may_be_deleted()
    {
        Assert.Null(PlanLifecycleRules.DeleteRefusal(closedReviews: 0, rolledOverInto: null));
    }

    [Theory]
    [InlineData(1, "This plan has 1 closed review, which is part of the service's record")]
    [InlineData(3, "This plan has 3 closed reviews, which are part of the service's record")]
    public void A_closed_review_keeps_the_plan_which_may_be_archived_instead(int closed, string start)
    {
        var refusal = PlanLifecycleRules.DeleteRefusal(closed, null);

        Assert.StartsWith(start, refusal, StringComparison.Ordinal);
        Assert.EndsWith("Archive it instead: it leaves the list of plans and can be restored.", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_rolled_over_into_next_years_is_kept_for_its_history()
    {
        Assert.Contains("rolled over into the 2025-26 plan", PlanLifecycleRules.DeleteRefusal(0, new FinancialYear(2025)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(false, "2024-05-01", true)]
    [InlineData(true, "2024-05-01", true)]
    public void A_closed_or_archived_plan_is_read_only(bool closed, string? archivedOn, bool readOnly)
    {
        var plan = new Plan
        {
            Title = "Plan",
            Status = closed ? PlanStatus.Closed : PlanStatus.Open,
            ArchivedAtUtc = archivedOn is null ? null : DateTime.Parse(archivedOn, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(readOnly, plan.IsReadOnly);
        Assert.Equal(readOnly, plan.ReadOnlyBecause is not null);
    }
}
