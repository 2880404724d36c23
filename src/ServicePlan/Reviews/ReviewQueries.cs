using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;

namespace ServicePlan.Reviews;

public sealed record ReviewSummary(Review Review, int Updated, int Total);

/// <summary>
/// Reviews of a plan and what moved in each: a closed review from its <see cref="ReviewSnapshot"/>, an open one from the
/// plan's actions and all their updates in three queries, then the rules of <see cref="ReviewMovement"/>.
/// </summary>
public sealed class ReviewQueries(ServicePlanDbContext db, TimeProvider clock)
{
    private readonly ReviewSnapshots _snapshots = new(db, clock);

    public async Task<IReadOnlyList<ReviewSummary>> ListAsync(Guid planId, CancellationToken ct = default)
    {
        await _snapshots.EnsureAsync(planId, ct);
        var kept = await _snapshots.FiguresAsync(planId, ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Date).ToListAsync(ct);
        var total = await db.Actions.CountAsync(a => a.PlanId == planId, ct);
        var updated = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId)
            .Join(db.ProgressUpdates, r => r.Id, u => u.ReviewId, (r, u) => u)
            .GroupBy(u => u.ReviewId)
            .Select(g => new { ReviewId = g.Key!.Value, Actions = g.Select(u => u.ActionId).Distinct().Count() })
            .ToDictionaryAsync(x => x.ReviewId, x => x.Actions, ct);
        return reviews.Select(r => r.Status == ReviewStatus.Closed && kept.TryGetValue(r.Id, out var figures)
            ? new ReviewSummary(r, figures.Updated, figures.Total)
            : new ReviewSummary(r, updated.GetValueOrDefault(r.Id), total)).ToList();
    }

    /// <summary>Null when there is no such review in the organisation.</summary>
    public async Task<(Review Review, Plan Plan, ReviewMovement Movement)?> MovementAsync(Guid reviewId, Guid organisationId, CancellationToken ct = default)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
            return null;
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == review.PlanId, ct);
        if (plan is null)
            return null;

        // A closed review reports what it reported when it closed; only an open one is worked out from history.
        var inHistory = new ReviewInHistory(review.Id, review.Label, review.Date, review.ClosedAtUtc);
        if (review.Status == ReviewStatus.Closed)
            return (review, plan, await _snapshots.ReadAsync(inHistory, plan.Id, ct));
        var (reviews, histories) = await _snapshots.HistoriesAsync(plan.Id, ct);
        return (review, plan, ReviewMovement.Of(reviews.Single(r => r.Id == review.Id), reviews, histories));
    }

    /// <summary>What moved in each of the plan's reviews, oldest first, from one read of the plan's histories.</summary>
    public async Task<IReadOnlyList<(Review Review, ReviewMovement Movement)>> MovementsAsync(Guid planId, CancellationToken ct = default)
    {
        var stored = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct);
        if (stored.Count == 0)
            return [];
        var (reviews, histories) = await _snapshots.HistoriesAsync(planId, ct);
        var closed = await _snapshots.ReadClosedAsync(planId, reviews, ct);
        return stored.Select(review => (review, review.Status == ReviewStatus.Closed
                ? closed[review.Id]
                : ReviewMovement.Of(reviews.Single(h => h.Id == review.Id), reviews, histories)))
            .ToList();
    }

    /// <summary>The BRAG counts at each review of the plan, oldest first: the dashboard's trend.</summary>
    /// <remarks>Reads each update's rating and place in time only: the trend needs no texts or comments, and loading
    /// them for every update of a large plan was most of the dashboard's time.</remarks>
    public async Task<IReadOnlyList<(ReviewInHistory Review, RatingCounts Counts)>> TrendAsync(Guid planId, CancellationToken ct = default)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId)
            .Select(r => new ReviewInHistory(r.Id, r.Label, r.Date, r.ClosedAtUtc)).ToListAsync(ct);
        if (reviews.Count == 0)
            return [];
        await _snapshots.EnsureAsync(planId, ct);
        var kept = await _snapshots.FiguresAsync(planId, ct);
        var actionIds = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId).Select(a => a.Id).ToListAsync(ct);
        var updates = (await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
                .Join(db.ProgressUpdates, a => a.Id, u => u.ActionId, (a, u) => new { u.ActionId, u.Id, u.ReviewId, u.RecordedAtUtc, u.Rating })
                .ToListAsync(ct))
            .ToLookup(u => u.ActionId, u => new UpdateInHistory(u.Id, u.ReviewId, u.RecordedAtUtc, u.Rating, Comment: ""));
        var live = ReviewMovement.Trend(reviews, actionIds.Select(id => (IReadOnlyList<UpdateInHistory>)updates[id].ToList()).ToList());

        // The same queries whether or not the plan has an open review, so a page costs the same for every plan.
        return live.Select(r => kept.TryGetValue(r.Review.Id, out var figures) ? (r.Review, figures.Counts) : r).ToList();
    }
}
