using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>An action with its current rating (its latest update's), worked out by the database.</summary>
public sealed class RatedAction
{
    public required PlanAction Action { get; init; }
    public Rating Rating { get; init; }
}

/// <summary>
/// The one SQL definition of an action's current rating, the same rule as <see cref="PlanAction.CurrentRating"/>:
/// the latest update, the id breaking ties within the same instant, and not rated when there is none. Queries
/// compose over <see cref="RatedAction"/> so the rule is written once and translated as one subquery.
/// </summary>
public static class CurrentRatings
{
    public static IQueryable<RatedAction> WithCurrentRating(this IQueryable<PlanAction> actions) =>
        actions.Select(a => new RatedAction
        {
            Action = a,
            Rating = a.Updates
                .OrderByDescending(u => u.RecordedAtUtc).ThenByDescending(u => u.Id)
                .Select(u => (Rating?)u.Rating)
                .FirstOrDefault() ?? Rating.None,
        });
}
