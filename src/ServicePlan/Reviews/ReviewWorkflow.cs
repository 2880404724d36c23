using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;

namespace ServicePlan.Reviews;

public abstract record ReviewResult
{
    public sealed record Done(Guid ReviewId) : ReviewResult;
    public sealed record NotFound : ReviewResult;

    /// <summary>Refused, with the reason in the owner's words; <see cref="AboutTheDate"/> when the date is what was wrong.</summary>
    public sealed record Refused(string Reason, bool AboutTheDate = false) : ReviewResult;
}

/// <summary>When a new review may be dated.</summary>
public static class ReviewDates
{
    /// <summary>
    /// A new review must come after the latest closed one: a review dated before it would slip into the history that
    /// review was compared with. Null when the date will do.
    /// </summary>
    public static string? Refusal(DateOnly date, (string Label, DateOnly Date)? latestClosed) =>
        latestClosed is { } latest && date <= latest.Date
            ? $"The review date must be after {latest.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, the date of {latest.Label}, the latest closed review."
            : null;
}

/// <summary>
/// The quarterly cycle: the owner opens a review, leads' updates are filed under it, and closing it freezes it.
/// One review is open at a time, so every update belongs to exactly one quarter.
/// </summary>
public sealed class ReviewWorkflow(ServicePlanDbContext db, TimeProvider clock)
{
    /// <param name="openedByUserId">The owner opening it, who gets the weekly reminder digest of who has not updated.</param>
    public async Task<ReviewResult> OpenAsync(Guid planId, Guid organisationId, string label, DateOnly date, string? openedByUserId = null, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return new ReviewResult.NotFound();
        if (plan.ReadOnlyBecause is { } readOnly)
            return new ReviewResult.Refused($"{readOnly}, so it can no longer be reviewed.");

        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(ct);
        if (reviews.FirstOrDefault(r => r.Status == ReviewStatus.Open) is { } open)
            return new ReviewResult.Refused($"{open.Label} is still open: close it before opening another review.");
        if (reviews.Any(r => r.Label.Equals(label.Trim(), StringComparison.OrdinalIgnoreCase)))
            return new ReviewResult.Refused($"This plan already has a review called {label.Trim()}.");
        var latestClosed = reviews.Where(r => r.Status == ReviewStatus.Closed).OrderBy(r => r.Date).LastOrDefault();
        if (ReviewDates.Refusal(date, latestClosed is null ? null : (latestClosed.Label, latestClosed.Date)) is { } tooEarly)
            return new ReviewResult.Refused(tooEarly, AboutTheDate: true);

        var review = new Review
        {
            PlanId = planId,
            Label = label.Trim(),
            Date = date,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
            OpenedByUserId = string.IsNullOrEmpty(openedByUserId) ? null : openedByUserId,
        };
        db.Reviews.Add(review);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two owners opening the same review at once: the unique index on (plan, label) lets only one through.
            return new ReviewResult.Refused($"This plan already has a review called {label.Trim()}.");
        }

        return new ReviewResult.Done(review.Id);
    }

    public async Task<ReviewResult> CloseAsync(Guid reviewId, Guid organisationId, CancellationToken ct = default)
    {
        var plans = db.Plans.VisibleTo(organisationId);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId && plans.Any(p => p.Id == r.PlanId), ct);
        if (review is null)
            return new ReviewResult.NotFound();
        if (review.Status == ReviewStatus.Closed)
            return new ReviewResult.Refused($"{review.Label} is already closed.");
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == review.PlanId, ct);
        if (plan.ReadOnlyBecause is { } readOnly)
            return new ReviewResult.Refused($"{readOnly}, so its reviews can no longer change.");

        review.Status = ReviewStatus.Closed;
        review.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        review.Version++;

        // Its figures are written down in the same save: closing a review promises nothing done later changes them.
        await new ReviewSnapshots(db, clock).AddAsync(review.PlanId, [review], ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewResult.Refused($"{review.Label} was changed by someone else at the same time: reload the page to see it.");
        }

        return new ReviewResult.Done(review.Id);
    }
}
