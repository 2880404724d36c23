using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Reviews;

/// <summary>An action as the movement rules need it: what it is, when it joined the plan, and its updates.</summary>
public sealed record ActionHistory(
    Guid ActionId,
    string Ref,
    string Section,
    string DoesWhat,
    DueKind DueKind,
    DateOnly? DueOn,
    DateTime CreatedAtUtc,
    IReadOnlyList<UpdateInHistory> Updates);

/// <summary>
/// One progress update; <see cref="ReviewId"/> is null for an update made while no review was open.
/// <see cref="CommentIsExempt"/> marks a comment that must never reach a public paper.
/// </summary>
public sealed record UpdateInHistory(Guid Id, Guid? ReviewId, DateTime RecordedAtUtc, Rating Rating, string Comment, bool CommentIsExempt = false);

/// <summary>A review as the movement rules need it: when it was, so reviews can be put in order, and when it closed.</summary>
public sealed record ReviewInHistory(Guid Id, string Label, DateOnly Date, DateTime? ClosedAtUtc = null);

/// <summary>An action's place in a review: its rating before and after, and its latest comment (which may be exempt).</summary>
public sealed record MovedAction(Guid ActionId, string Ref, string Section, string DoesWhat, Rating Previous, Rating Current, string Comment, bool CommentIsExempt = false);

/// <summary>
/// An action's place in a review: how it moved, the update its rating and comment came from, and which of the
/// review's lists it belongs in besides those its ratings decide. What a closed review keeps of each action.
/// </summary>
public sealed record ActionAtReview(MovedAction Moved, Guid? CommentUpdateId, bool UpdatedHere, bool IsNew, bool IsOverdue);

/// <summary>What moved in a review against the one before: the owner's starting point for the quarter's report.</summary>
public sealed record ReviewMovement(
    ReviewInHistory Review,
    ReviewInHistory? Previous,
    RatingCounts Counts,
    int Updated,
    int Total,
    IReadOnlyList<MovedAction> NewlyBlue,
    IReadOnlyList<MovedAction> Improved,
    IReadOnlyList<MovedAction> Slipped,
    IReadOnlyList<MovedAction> StillRed,
    IReadOnlyList<MovedAction> StillAmber,
    IReadOnlyList<MovedAction> NoUpdate,
    IReadOnlyList<MovedAction> Overdue,
    IReadOnlyList<MovedAction> New)
{
    /// <summary>Every Amber and Red action as it stands at the review: the report's areas for development.</summary>
    public IReadOnlyList<MovedAction> AmberAndRed { get; init; } = [];

    /// <summary>
    /// Compares a review with the one before it. An action's rating "at" a review is its latest update made in that
    /// review or any earlier one, or made while no review was open before this one closed: history written in an
    /// earlier quarter carries forward until someone changes it. This works a review out from history, as it stands
    /// now: right for an open review, and for a review at the moment it closes, which is then kept as it was
    /// (<see cref="ReviewSnapshot"/>) because later events can change what history says.
    /// </summary>
    public static ReviewMovement Of(ReviewInHistory review, IEnumerable<ReviewInHistory> allReviews, IEnumerable<ActionHistory> actions)
    {
        var (previous, rows) = Record(review, allReviews, actions);
        return From(review, previous, rows);
    }

    /// <summary>The review before this one, and each action's place in this review: what a closed review keeps.</summary>
    public static (ReviewInHistory? Previous, IReadOnlyList<ActionAtReview> Actions) Record(ReviewInHistory review, IEnumerable<ReviewInHistory> allReviews, IEnumerable<ActionHistory> actions)
    {
        var reviews = allReviews.OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();
        var index = reviews.FindIndex(r => r.Id == review.Id);
        var previous = index > 0 ? reviews[index - 1] : null;
        var dates = reviews.ToDictionary(r => r.Id, r => r.Date);

        var rows = actions.Select(action =>
        {
            var current = At(action, review, dates);
            var before = previous is null ? null : At(action, previous, dates);
            var moved = new MovedAction(action.ActionId, action.Ref, action.Section, action.DoesWhat, before?.Rating ?? Rating.None, current?.Rating ?? Rating.None, current?.Comment ?? "", current?.CommentIsExempt ?? false);
            return new ActionAtReview(
                moved,
                current?.Id,
                UpdatedHere: action.Updates.Any(u => u.ReviewId == review.Id),
                IsNew: previous is not null && DateOnly.FromDateTime(action.CreatedAtUtc) > previous.Date,
                IsOverdue: DueDate.IsOverdue(action.DueKind, action.DueOn, review.Date, moved.Current == Rating.Blue));
        }).ToList();
        return (previous, rows);
    }

    /// <summary>The review's figures and lists from each action's place in it, worked out now or kept since it closed.</summary>
    public static ReviewMovement From(ReviewInHistory review, ReviewInHistory? previous, IEnumerable<ActionAtReview> actions)
    {
        var rows = actions.ToList();
        IReadOnlyList<MovedAction> Where(Func<MovedAction, bool> test) => rows.Select(r => r.Moved).Where(test).ToList();

        return new ReviewMovement(
            review,
            previous,
            RatingCounts.Of(rows.Select(r => r.Moved.Current)),
            rows.Count(r => r.UpdatedHere),
            rows.Count,
            NewlyBlue: Where(m => m.Current == Rating.Blue && m.Previous != Rating.Blue),
            Improved: Where(m => m.Current != Rating.Blue && m.Previous != Rating.None && Rank(m.Current) > Rank(m.Previous)),
            Slipped: Where(m => m.Previous != Rating.None && m.Current != Rating.None && Rank(m.Current) < Rank(m.Previous)),
            StillRed: Where(m => m.Previous == Rating.Red && m.Current == Rating.Red),
            StillAmber: Where(m => m.Previous == Rating.Amber && m.Current == Rating.Amber),
            NoUpdate: rows.Where(r => !r.UpdatedHere).Select(r => r.Moved).ToList(),
            Overdue: rows.Where(r => r.IsOverdue).Select(r => r.Moved).ToList(),
            New: rows.Where(r => r.IsNew).Select(r => r.Moved).ToList())
        {
            AmberAndRed = Where(m => m.Current is Rating.Amber or Rating.Red),
        };
    }

    /// <summary>
    /// The BRAG counts at each review, oldest first: the dashboard's trend. Only ratings count here, so it takes each
    /// action's updates alone (an action with none counts as unrated) and spares the caller loading texts and comments.
    /// </summary>
    public static IReadOnlyList<(ReviewInHistory Review, RatingCounts Counts)> Trend(IEnumerable<ReviewInHistory> allReviews, IReadOnlyCollection<IReadOnlyList<UpdateInHistory>> updatesByAction)
    {
        var reviews = allReviews.OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();
        var dates = reviews.ToDictionary(r => r.Id, r => r.Date);
        return reviews.Select(review => (review, RatingCounts.Of(updatesByAction.Select(updates => At(updates, review, dates)?.Rating ?? Rating.None)))).ToList();
    }

    private static UpdateInHistory? At(ActionHistory action, ReviewInHistory review, Dictionary<Guid, DateOnly> reviewDates) =>
        At(action.Updates, review, reviewDates);

    private static UpdateInHistory? At(IEnumerable<UpdateInHistory> updates, ReviewInHistory review, Dictionary<Guid, DateOnly> reviewDates) =>
        updates
            .Where(u => u.ReviewId is { } id
                ? id == review.Id || (reviewDates.TryGetValue(id, out var date) && date < review.Date)
                : review.ClosedAtUtc is not { } closed || u.RecordedAtUtc < closed)
            .OrderBy(u => u.RecordedAtUtc).ThenBy(u => u.Id)
            .LastOrDefault();

    /// <summary>Better is higher: Red, Amber, Green, Blue.</summary>
    private static int Rank(Rating rating) => rating switch
    {
        Rating.Red => 1,
        Rating.Amber => 2,
        Rating.Green => 3,
        Rating.Blue => 4,
        _ => 0,
    };
}
