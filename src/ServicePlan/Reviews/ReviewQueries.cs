using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;

namespace ServicePlan.Reviews;

public sealed record ReviewSummary(Review Review, int Updated, int Total);

/// <summary>Reviews of a plan and what moved in each: the plan's actions and all their updates in three queries, then the rules of <see cref="ReviewMovement"/>.</summary>
public sealed class ReviewQueries(ServicePlanDbContext db)
{
    public async Task<IReadOnlyList<ReviewSummary>> ListAsync(Guid planId, CancellationToken ct = default)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Date).ToListAsync(ct);
        var total = await db.Actions.CountAsync(a => a.PlanId == planId, ct);
        var updated = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId)
            .Join(db.ProgressUpdates, r => r.Id, u => u.ReviewId, (r, u) => u)
            .GroupBy(u => u.ReviewId)
            .Select(g => new { ReviewId = g.Key!.Value, Actions = g.Select(u => u.ActionId).Distinct().Count() })
            .ToDictionaryAsync(x => x.ReviewId, x => x.Actions, ct);
        return reviews.Select(r => new ReviewSummary(r, updated.GetValueOrDefault(r.Id), total)).ToList();
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

        var (reviews, histories) = await HistoriesAsync(plan.Id, ct);
        var current = reviews.Single(r => r.Id == review.Id);
        return (review, plan, ReviewMovement.Of(current, reviews, histories));
    }

    /// <summary>What moved in each of the plan's reviews, oldest first, from one read of the plan's histories.</summary>
    public async Task<IReadOnlyList<(Review Review, ReviewMovement Movement)>> MovementsAsync(Guid planId, CancellationToken ct = default)
    {
        var stored = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct);
        if (stored.Count == 0)
            return [];
        var (reviews, histories) = await HistoriesAsync(planId, ct);
        return stored.Select(r => (r, ReviewMovement.Of(reviews.Single(h => h.Id == r.Id), reviews, histories))).ToList();
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
        var actionIds = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId).Select(a => a.Id).ToListAsync(ct);
        var updates = (await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
                .Join(db.ProgressUpdates, a => a.Id, u => u.ActionId, (a, u) => new { u.ActionId, u.Id, u.ReviewId, u.RecordedAtUtc, u.Rating })
                .ToListAsync(ct))
            .ToLookup(u => u.ActionId, u => new UpdateInHistory(u.Id, u.ReviewId, u.RecordedAtUtc, u.Rating, Comment: ""));
        return ReviewMovement.Trend(reviews, actionIds.Select(id => (IReadOnlyList<UpdateInHistory>)updates[id].ToList()).ToList());
    }

    /// <summary>The plan's reviews, and every action with all its updates: three queries whatever the plan's size.</summary>
    private async Task<(List<ReviewInHistory> Reviews, List<ActionHistory> Histories)> HistoriesAsync(Guid planId, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId)
            .Select(r => new ReviewInHistory(r.Id, r.Label, r.Date, r.ClosedAtUtc)).ToListAsync(ct);
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .OrderBy(a => a.Objective!.Section!.Order).ThenBy(a => a.Objective!.Order).ThenBy(a => a.Order)
            .Select(a => new { a.Id, a.Ref, Section = a.Objective!.Section!.Title, a.DoesWhat, a.DueKind, a.DueOn, a.CreatedAtUtc })
            .ToListAsync(ct);
        // A join from the plan's actions, not EXISTS over every update: reads only this plan's rows through the
        // (ActionId, RecordedAtUtc) index however many plans the database holds.
        var updates = (await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
                .Join(db.ProgressUpdates, a => a.Id, u => u.ActionId, (a, u) => new { u.ActionId, Update = new UpdateInHistory(u.Id, u.ReviewId, u.RecordedAtUtc, u.Rating, u.Comment, u.IsExempt) })
                .ToListAsync(ct))
            .ToLookup(u => u.ActionId, u => u.Update);
        var histories = actions.Select(a => new ActionHistory(a.Id, a.Ref, a.Section, a.DoesWhat, a.DueKind, a.DueOn, a.CreatedAtUtc, updates[a.Id].ToList())).ToList();
        return (reviews, histories);
    }
}
