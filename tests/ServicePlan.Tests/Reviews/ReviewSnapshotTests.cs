using System.Text.Json;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Tests.Reviews;

public sealed class ReviewSnapshotTests
{
    private static readonly Guid PlanId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly ReviewInHistory Q1 = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "Q1 2024-25", new DateOnly(2024, 7, 15), new DateTime(2024, 7, 20, 17, 0, 0, DateTimeKind.Utc));
    private static readonly ReviewInHistory Q2 = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "Q2 2024-25", new DateOnly(2024, 10, 15), new DateTime(2024, 10, 20, 17, 0, 0, DateTimeKind.Utc));

    private static int _minutes;

    private static UpdateInHistory In(ReviewInHistory review, Rating rating, string comment = "", bool exempt = false) =>
        new(Guid.CreateVersion7(), review.Id, review.Date.ToDateTime(new TimeOnly(9, 0)).AddMinutes(++_minutes), rating, comment, exempt);

    private static ActionHistory Action(string reference, params UpdateInHistory[] updates) =>
        new(Guid.NewGuid(), reference, "Early Help", "Action " + reference, DueKind.Date, new DateOnly(2024, 9, 30), new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), updates);

    private static readonly ActionHistory[] Actions =
    [
        Action("1", In(Q1, Rating.Green), In(Q2, Rating.Blue, "Done")),
        Action("2", In(Q1, Rating.Red), In(Q2, Rating.Amber, "Better")),
        Action("3", In(Q1, Rating.Green), In(Q2, Rating.Amber, "Delayed")),
        Action("4", In(Q1, Rating.Red)),
        Action("5"),
    ];

    /// <summary>
    /// Everything a review reports, as text, so lists compare by what they hold. When the review before it closed is
    /// not something a review reports, and is not kept.
    /// </summary>
    private static string Figures(ReviewMovement movement) =>
        JsonSerializer.Serialize(movement with { Previous = movement.Previous is { } previous ? previous with { ClosedAtUtc = null } : null });

    [Fact]
    public void A_snapshot_reads_back_exactly_what_the_review_reported_when_it_closed()
    {
        var atClose = ReviewMovement.Of(Q2, [Q1, Q2], Actions);

        var snapshot = ReviewSnapshots.Take(PlanId, Q2, [Q1, Q2], Actions, Q2.ClosedAtUtc!.Value);

        Assert.Equal(Figures(atClose), Figures(ReviewSnapshots.Read(Q2, snapshot, new HashSet<Guid>())));
        Assert.Equal((Q1.Id, "Q1 2024-25"), (snapshot.PreviousReviewId, snapshot.PreviousLabel));
    }

    [Fact]
    public void What_happens_after_a_review_closed_changes_history_but_not_its_snapshot()
    {
        var snapshot = ReviewSnapshots.Take(PlanId, Q2, [Q1, Q2], Actions, Q2.ClosedAtUtc!.Value);
        var atClose = Figures(ReviewSnapshots.Read(Q2, snapshot, new HashSet<Guid>()));

        // An earlier-dated review with updates, an edited action and a new one: the story of the bug.
        var earlier = new ReviewInHistory(Guid.NewGuid(), "Catch-up", new DateOnly(2024, 9, 1));
        var later = Actions.Select(a => a.Ref == "4"
                ? a with { DoesWhat = "Reworded", Updates = [.. a.Updates, In(earlier, Rating.Blue, "Caught up")] }
                : a)
            .Append(Action("6", In(earlier, Rating.Red)))
            .ToList();

        Assert.NotEqual(atClose, Figures(ReviewMovement.Of(Q2, [Q1, Q2, earlier], later)));
        Assert.Equal(atClose, Figures(ReviewSnapshots.Read(Q2, snapshot, new HashSet<Guid>())));
    }

    [Fact]
    public void A_comment_marked_exempt_after_the_review_closed_is_read_as_exempt()
    {
        var snapshot = ReviewSnapshots.Take(PlanId, Q2, [Q1, Q2], Actions, Q2.ClosedAtUtc!.Value);
        var delayed = Actions.Single(a => a.Ref == "3").Updates.Last().Id;

        var movement = ReviewSnapshots.Read(Q2, snapshot, new HashSet<Guid> { delayed });

        var slipped = Assert.Single(movement.Slipped);
        Assert.Equal(("3", "Delayed", true), (slipped.Ref, slipped.Comment, slipped.CommentIsExempt));
        Assert.All(movement.AmberAndRed.Where(m => m.Ref != "3"), m => Assert.False(m.CommentIsExempt));
    }

    [Fact]
    public void A_snapshot_keeps_the_plans_order_and_every_list()
    {
        var snapshot = ReviewSnapshots.Take(PlanId, Q2, [Q1, Q2], Actions, Q2.ClosedAtUtc!.Value);
        snapshot.Actions.Reverse();

        var movement = ReviewSnapshots.Read(Q2, snapshot, new HashSet<Guid>());

        Assert.Equal(["2", "3", "4"], movement.AmberAndRed.Select(m => m.Ref));
        Assert.Equal(["4", "5"], movement.NoUpdate.Select(m => m.Ref));
        Assert.Equal(["2", "3", "4", "5"], movement.Overdue.Select(m => m.Ref));
        Assert.Equal(new RatingCounts(Blue: 1, Red: 1, Amber: 2, Green: 0, Unrated: 1), movement.Counts);
        Assert.Equal((3, 5), (movement.Updated, movement.Total));
    }

    [Theory]
    [InlineData("2024-10-16", null)]
    [InlineData("2025-01-15", null)]
    [InlineData("2024-10-15", "The review date must be after 15 October 2024, the date of Q2 2024-25, the latest closed review.")]
    [InlineData("2024-09-01", "The review date must be after 15 October 2024, the date of Q2 2024-25, the latest closed review.")]
    public void A_new_review_must_be_dated_after_the_latest_closed_one(string date, string? refusal) =>
        Assert.Equal(refusal, ReviewDates.Refusal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), ("Q2 2024-25", new DateOnly(2024, 10, 15))));

    [Fact]
    public void A_plans_first_review_may_have_any_date() =>
        Assert.Null(ReviewDates.Refusal(new DateOnly(2001, 1, 1), null));
}
