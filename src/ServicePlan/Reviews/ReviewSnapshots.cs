using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Reviews;

/// <summary>
/// Writes a review's figures down when it closes and reads them back: a closed review reports what it reported the
/// day it closed, whatever happens to the plan afterwards. Every way a review is closed (the owner closing it,
/// roll-over, an import, generated demo plans) takes its snapshot with <see cref="Take"/>; a closed review found
/// without one (closed before snapshots existed) gets one the first time it is read.
/// </summary>
public sealed class ReviewSnapshots(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>The snapshot of <paramref name="review"/> as history has it now, ready to be saved with its close.</summary>
    public static ReviewSnapshot Take(Guid planId, ReviewInHistory review, IEnumerable<ReviewInHistory> allReviews, IEnumerable<ActionHistory> actions, DateTime takenAtUtc)
    {
        var (previous, rows) = ReviewMovement.Record(review, allReviews, actions);
        var snapshot = new ReviewSnapshot
        {
            ReviewId = review.Id,
            PlanId = planId,
            PreviousReviewId = previous?.Id,
            PreviousLabel = previous?.Label,
            PreviousDate = previous?.Date,
            TakenAtUtc = takenAtUtc,
        };
        snapshot.Actions.AddRange(rows.Select((row, index) => new ReviewSnapshotAction
        {
            ReviewId = review.Id,
            ActionId = row.Moved.ActionId,
            Order = index + 1,
            Ref = row.Moved.Ref,
            Section = row.Moved.Section,
            DoesWhat = row.Moved.DoesWhat,
            Previous = row.Moved.Previous,
            Current = row.Moved.Current,
            Comment = row.Moved.Comment,
            CommentUpdateId = row.CommentUpdateId,
            UpdatedHere = row.UpdatedHere,
            IsNew = row.IsNew,
            IsOverdue = row.IsOverdue,
        }));
        return snapshot;
    }

    /// <summary>
    /// A closed review as its snapshot has it. Only whether a comment is exempt is read as it is now
    /// (<paramref name="exemptUpdates"/>): content marked exempt after the review closed is still withheld from public papers.
    /// </summary>
    public static ReviewMovement Read(ReviewInHistory review, ReviewSnapshot snapshot, IReadOnlySet<Guid> exemptUpdates)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var previous = snapshot.PreviousReviewId is { } id ? new ReviewInHistory(id, snapshot.PreviousLabel ?? "", snapshot.PreviousDate ?? default) : null;
        var rows = snapshot.Actions.OrderBy(a => a.Order).Select(a => new ActionAtReview(
            new MovedAction(a.ActionId, a.Ref, a.Section, a.DoesWhat, a.Previous, a.Current, a.Comment, a.CommentUpdateId is { } update && exemptUpdates.Contains(update)),
            a.CommentUpdateId,
            a.UpdatedHere,
            a.IsNew,
            a.IsOverdue));
        return ReviewMovement.From(review, previous, rows);
    }

    /// <summary>
    /// Adds the snapshots of reviews of one plan being closed now (tracked, their <see cref="Review.ClosedAtUtc"/> set,
    /// not yet saved), so the caller's one SaveChanges closes them and writes their figures together.
    /// </summary>
    public async Task AddAsync(Guid planId, IReadOnlyCollection<Review> closing, CancellationToken ct = default)
    {
        if (closing.Count == 0)
            return;
        var (reviews, histories) = await HistoriesAsync(planId, ct);
        var closedAt = closing.ToDictionary(r => r.Id, r => r.ClosedAtUtc);
        reviews = reviews.Select(r => closedAt.TryGetValue(r.Id, out var at) ? r with { ClosedAtUtc = at } : r).ToList();
        foreach (var review in closing)
            db.ReviewSnapshots.Add(Take(planId, reviews.Single(r => r.Id == review.Id), reviews, histories, review.ClosedAtUtc ?? clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Takes the missing snapshots of the plan's closed reviews, as history has them now: for reviews closed before
    /// snapshots existed. The best that can be done for them, and done once, so they too stop moving from then on.
    /// </summary>
    public async Task EnsureAsync(Guid planId, CancellationToken ct = default)
    {
        var missing = await db.Reviews.AsNoTracking()
            .Where(r => r.PlanId == planId && r.Status == ReviewStatus.Closed && !db.ReviewSnapshots.Any(s => s.ReviewId == r.Id))
            .Select(r => r.Id).ToListAsync(ct);
        if (missing.Count == 0)
            return;

        var (reviews, histories) = await HistoriesAsync(planId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = missing.Select(id => Take(planId, reviews.Single(r => r.Id == id), reviews, histories, now)).ToList();
        db.ReviewSnapshots.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request took them at the same moment, from the same history: theirs will do.
        }
        finally
        {
            foreach (var snapshot in added)
            {
                db.Entry(snapshot).State = EntityState.Detached;
                foreach (var action in snapshot.Actions)
                    db.Entry(action).State = EntityState.Detached;
            }
        }
    }

    /// <summary>A closed review's movement from its snapshot, taking it first if it has none.</summary>
    public async Task<ReviewMovement> ReadAsync(ReviewInHistory review, Guid planId, CancellationToken ct = default)
    {
        var snapshot = await LoadAsync(review.Id, ct);
        if (snapshot is null)
        {
            await EnsureAsync(planId, ct);
            snapshot = await LoadAsync(review.Id, ct) ?? throw new InvalidOperationException($"{review.Label} has no snapshot.");
        }

        return Read(review, snapshot, await ExemptUpdatesAsync(planId, ct));
    }

    /// <summary>The plan's closed reviews (of <paramref name="reviews"/>) as their snapshots have them, in two queries however many there are.</summary>
    public async Task<Dictionary<Guid, ReviewMovement>> ReadClosedAsync(Guid planId, IReadOnlyCollection<ReviewInHistory> reviews, CancellationToken ct = default)
    {
        await EnsureAsync(planId, ct);
        var snapshots = await db.ReviewSnapshots.AsNoTracking().Include(s => s.Actions).Where(s => s.PlanId == planId).ToListAsync(ct);
        if (snapshots.Count == 0)
            return [];
        var exempt = await ExemptUpdatesAsync(planId, ct);
        var byId = reviews.ToDictionary(r => r.Id);
        return snapshots.Where(s => byId.ContainsKey(s.ReviewId)).ToDictionary(s => s.ReviewId, s => Read(byId[s.ReviewId], s, exempt));
    }

    /// <summary>The plan's updates whose comments are exempt now, of removed actions too: a snapshot may hold one removed after the review closed.</summary>
    private async Task<IReadOnlySet<Guid>> ExemptUpdatesAsync(Guid planId, CancellationToken ct) =>
        (await db.Actions.IgnoreQueryFilters().AsNoTracking().Where(a => a.PlanId == planId)
            .Join(db.ProgressUpdates.Where(u => u.IsExempt), a => a.Id, u => u.ActionId, (a, u) => u.Id)
            .ToListAsync(ct)).ToHashSet();

    /// <summary>The BRAG counts and how many actions were updated in each closed review of the plan that has a snapshot.</summary>
    public async Task<Dictionary<Guid, (RatingCounts Counts, int Updated, int Total)>> FiguresAsync(Guid planId, CancellationToken ct = default)
    {
        var rows = await db.ReviewSnapshots.AsNoTracking().Where(s => s.PlanId == planId)
            .Join(db.ReviewSnapshotActions, s => s.ReviewId, a => a.ReviewId, (s, a) => a)
            .GroupBy(a => new { a.ReviewId, a.Current, a.UpdatedHere })
            .Select(g => new { g.Key.ReviewId, g.Key.Current, g.Key.UpdatedHere, Count = g.Count() })
            .ToListAsync(ct);
        var empty = await db.ReviewSnapshots.AsNoTracking().Where(s => s.PlanId == planId).Select(s => s.ReviewId).ToListAsync(ct);
        return empty.ToDictionary(id => id, id =>
        {
            var mine = rows.Where(r => r.ReviewId == id).ToList();
            int Of(Rating rating) => mine.Where(r => r.Current == rating).Sum(r => r.Count);
            return (new RatingCounts(Of(Rating.Blue), Of(Rating.Red), Of(Rating.Amber), Of(Rating.Green), Of(Rating.None)), mine.Where(r => r.UpdatedHere).Sum(r => r.Count), mine.Sum(r => r.Count));
        });
    }

    private Task<ReviewSnapshot?> LoadAsync(Guid reviewId, CancellationToken ct) =>
        db.ReviewSnapshots.AsNoTracking().Include(s => s.Actions).FirstOrDefaultAsync(s => s.ReviewId == reviewId, ct);

    /// <summary>The plan's reviews, and every action with all its updates: three queries whatever the plan's size.</summary>
    internal async Task<(List<ReviewInHistory> Reviews, List<ActionHistory> Histories)> HistoriesAsync(Guid planId, CancellationToken ct)
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
