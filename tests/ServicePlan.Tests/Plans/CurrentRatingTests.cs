using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Tests.Plans;

public sealed class CurrentRatingTests
{
    private static ProgressUpdate Update(Rating rating, int day, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        Rating = rating,
        AuthorName = "HoS",
        RecordedAtUtc = new DateTime(2024, 7, day, 9, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void An_action_with_no_updates_is_not_rated()
    {
        Assert.Equal(Rating.None, new PlanAction().CurrentRating);
    }

    [Fact]
    public void The_current_rating_is_the_latest_updates_whatever_order_they_were_loaded_in()
    {
        var action = new PlanAction { Updates = [Update(Rating.Amber, 20), Update(Rating.Green, 1), Update(Rating.Red, 10)] };

        Assert.Equal(Rating.Amber, action.CurrentRating);
    }

    [Fact]
    public void Updates_recorded_at_the_same_instant_are_ordered_by_their_time_ordered_id()
    {
        var earlier = Guid.Parse("01900000-0000-7000-8000-000000000001");
        var later = Guid.Parse("01900000-0000-7000-8000-000000000002");
        var action = new PlanAction { Updates = [Update(Rating.Blue, 5, later), Update(Rating.Green, 5, earlier)] };

        Assert.Equal(Rating.Blue, action.CurrentRating);
    }

    [Fact]
    public void A_later_update_without_a_rating_makes_the_action_not_rated()
    {
        var action = new PlanAction { Updates = [Update(Rating.Green, 1), Update(Rating.None, 2)] };

        Assert.Equal(Rating.None, action.CurrentRating);
    }

    [Fact]
    public void Setting_the_due_text_keeps_it_verbatim_and_stores_what_it_means()
    {
        var action = new PlanAction();

        action.SetDue("  Oct-24 ", new FinancialYear(2024));

        Assert.Equal("Oct-24", action.DueText);
        Assert.Equal(ServicePlan.Plans.DueKind.Date, action.DueKind);
        Assert.Equal(new DateOnly(2024, 10, 31), action.DueOn);
    }
}
