using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Tests.Reviews;

public sealed class ReviewMovementTests
{
    private static readonly ReviewInHistory Q2 = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "Q2 2019-20", new DateOnly(2019, 10, 15), new DateTime(2019, 10, 30, 17, 0, 0, DateTimeKind.Utc));
    private static readonly ReviewInHistory Q3 = new(Guid.Parse("00000000-0000-0000-0000-000000000003"), "Q3 2019-20", new DateOnly(2020, 1, 15));
    private static readonly ReviewInHistory[] Reviews = [Q3, Q2];

    private static int _ids;

    private static UpdateInHistory In(ReviewInHistory review, Rating rating, string comment = "") =>
        new(Guid.CreateVersion7(), review.Id, review.Date.ToDateTime(new TimeOnly(9, 0)).AddMinutes(++_ids), rating, comment);

    private static ActionHistory Action(string reference, params UpdateInHistory[] updates) =>
        Action(reference, DueKind.Date, new DateOnly(2020, 3, 31), new DateTime(2019, 4, 1), updates);

    private static ActionHistory Action(string reference, DueKind kind, DateOnly? due, DateTime created, params UpdateInHistory[] updates) =>
        new(Guid.NewGuid(), reference, "Safe", "Action " + reference, kind, due, created, updates);

    private static string[] Refs(IEnumerable<MovedAction> moved) => moved.Select(m => m.Ref).ToArray();

    [Fact]
    public void Each_change_of_rating_is_sorted_into_what_moved()
    {
        var actions = new[]
        {
            Action("1", In(Q2, Rating.Green), In(Q3, Rating.Blue, "Done")),
            Action("2", In(Q2, Rating.Red), In(Q3, Rating.Amber)),
            Action("3", In(Q2, Rating.Green), In(Q3, Rating.Amber, "Delayed by recruitment")),
            Action("4", In(Q2, Rating.Red), In(Q3, Rating.Red)),
            Action("5", In(Q2, Rating.Amber), In(Q3, Rating.Amber)),
            Action("6", In(Q2, Rating.Green)),
            Action("7", In(Q2, Rating.Blue), In(Q3, Rating.Green)),
        };

        var movement = ReviewMovement.Of(Q3, Reviews, actions);

        Assert.Equal(Q2, movement.Previous);
        Assert.Equal(["1"], Refs(movement.NewlyBlue));
        Assert.Equal(["2"], Refs(movement.Improved));
        Assert.Equal(["3", "7"], Refs(movement.Slipped));
        Assert.Equal(["4"], Refs(movement.StillRed));
        Assert.Equal(["5"], Refs(movement.StillAmber));
        Assert.Equal(["6"], Refs(movement.NoUpdate));
        Assert.Equal(["2", "3", "4", "5"], Refs(movement.AmberAndRed));
        Assert.Equal(6, movement.Updated);
        Assert.Equal(7, movement.Total);
    }

    [Fact]
    public void An_action_not_updated_keeps_its_earlier_rating_in_the_counts()
    {
        var movement = ReviewMovement.Of(Q3, Reviews, [Action("6", In(Q2, Rating.Green, "On track"))]);

        var moved = Assert.Single(movement.NoUpdate);
        Assert.Equal((Rating.Green, Rating.Green, "On track"), (moved.Previous, moved.Current, moved.Comment));
        Assert.Equal(new RatingCounts(0, 0, 0, 1, 0), movement.Counts);
    }

    [Fact]
    public void A_later_review_never_changes_what_an_earlier_one_shows()
    {
        var actions = new[] { Action("1", In(Q2, Rating.Amber, "Q2 words"), In(Q3, Rating.Blue, "Q3 words")) };

        var atQ2 = ReviewMovement.Of(Q2, Reviews, actions);

        Assert.Equal(new RatingCounts(0, 0, 1, 0, 0), atQ2.Counts);
        Assert.Equal("Q2 words", atQ2.AmberAndRed.Single().Comment);
        Assert.Null(atQ2.Previous);
    }

    [Fact]
    public void The_latest_comment_is_the_one_shown()
    {
        var actions = new[] { Action("3", In(Q2, Rating.Green), In(Q3, Rating.Amber, "first"), In(Q3, Rating.Amber, "second")) };

        Assert.Equal("second", ReviewMovement.Of(Q3, Reviews, actions).AmberAndRed.Single().Comment);
    }

    [Fact]
    public void Overdue_is_judged_at_the_review_date_and_never_for_blue_or_recurring_actions()
    {
        var actions = new[]
        {
            Action("late", DueKind.Date, new DateOnly(2019, 12, 31), new DateTime(2019, 4, 1), In(Q3, Rating.Green)),
            Action("done", DueKind.Date, new DateOnly(2019, 12, 31), new DateTime(2019, 4, 1), In(Q3, Rating.Blue)),
            Action("weekly", DueKind.Recurring, null, new DateTime(2019, 4, 1), In(Q3, Rating.Green)),
            Action("future", DueKind.Date, new DateOnly(2020, 3, 31), new DateTime(2019, 4, 1), In(Q3, Rating.Green)),
        };

        Assert.Equal(["late"], Refs(ReviewMovement.Of(Q3, Reviews, actions).Overdue));
    }

    [Fact]
    public void Actions_added_since_the_previous_review_are_new()
    {
        var actions = new[]
        {
            Action("old", DueKind.None, null, new DateTime(2019, 4, 1), In(Q3, Rating.Green)),
            Action("added", DueKind.None, null, new DateTime(2019, 11, 20), In(Q3, Rating.Green)),
        };

        Assert.Equal(["added"], Refs(ReviewMovement.Of(Q3, Reviews, actions).New));
        Assert.Empty(ReviewMovement.Of(Q2, Reviews, actions).New);
    }

    [Fact]
    public void In_the_first_review_everything_rated_blue_counts_as_newly_blue()
    {
        var movement = ReviewMovement.Of(Q2, Reviews, [Action("1", In(Q2, Rating.Blue)), Action("2", In(Q2, Rating.Green))]);

        Assert.Equal(["1"], Refs(movement.NewlyBlue));
        Assert.Empty(movement.Slipped);
    }

    [Fact]
    public void Updates_made_between_reviews_count_toward_the_next_review_and_never_the_closed_one()
    {
        var between = new UpdateInHistory(Guid.CreateVersion7(), null, new DateTime(2019, 11, 1, 10, 0, 0, DateTimeKind.Utc), Rating.Red, "Stuck");
        var actions = new[] { Action("1", In(Q2, Rating.Green), between) };

        var atQ3 = ReviewMovement.Of(Q3, Reviews, actions);
        var atQ2 = ReviewMovement.Of(Q2, Reviews, actions);

        Assert.Equal(["1"], Refs(atQ3.Slipped));
        Assert.Equal(["1"], Refs(atQ3.NoUpdate));
        Assert.Equal(new RatingCounts(0, 0, 0, 1, 0), atQ2.Counts);
    }

    [Fact]
    public void The_trend_counts_each_review_as_its_movement_does()
    {
        var between = new UpdateInHistory(Guid.CreateVersion7(), null, new DateTime(2019, 11, 1, 10, 0, 0, DateTimeKind.Utc), Rating.Red, "Stuck");
        var actions = new[]
        {
            Action("1", In(Q2, Rating.Green), between),
            Action("2", In(Q2, Rating.Red), In(Q3, Rating.Blue)),
            Action("3", In(Q3, Rating.Amber)),
            Action("4"),
        };

        var trend = ReviewMovement.Trend(Reviews, actions.Select(a => a.Updates).ToList());

        Assert.Equal([Q2, Q3], trend.Select(t => t.Review));
        Assert.Equal(ReviewMovement.Of(Q2, Reviews, actions).Counts, trend[0].Counts);
        Assert.Equal(ReviewMovement.Of(Q3, Reviews, actions).Counts, trend[1].Counts);
        Assert.Equal(new RatingCounts(Blue: 1, Red: 1, Amber: 1, Green: 0, Unrated: 1), trend[1].Counts);
    }
}
