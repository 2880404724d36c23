using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.Progress;

public sealed record NewProgressUpdate(Rating Rating, string Comment);

public sealed record ProgressAuthor(string UserId, string Name, IReadOnlyCollection<string> Roles, Guid OrganisationId);

public enum ProgressResult
{
    Saved,
    NotFound,

    /// <summary>A viewer, or a lead who does not lead this action.</summary>
    NotAllowed,
    PlanClosed,
}

/// <summary>
/// Adds a lead's progress update to an action: appended, never overwriting, and filed under the plan's open review
/// so the quarter's picture is kept. With no review open the update stands on its own.
/// </summary>
public sealed class ProgressRecording(ServicePlanDbContext db, TimeProvider clock)
{
    public async Task<ProgressResult> AddAsync(Guid actionId, ProgressAuthor author, NewProgressUpdate update, CancellationToken ct = default)
    {
        var action = await db.Actions.AsNoTracking()
            .Where(a => a.Id == actionId)
            .Select(a => new { a.Id, a.PlanId, LeadUserIds = a.Leads.Select(p => p.UserId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (action is null)
            return ProgressResult.NotFound;

        var plan = await db.Plans.AsNoTracking()
            .VisibleTo(author.OrganisationId)
            .Where(p => p.Id == action.PlanId)
            .Select(p => new { p.Status, p.ArchivedAtUtc })
            .FirstOrDefaultAsync(ct);
        if (plan is null)
            return ProgressResult.NotFound;
        var allowed = ProgressRules.Check(author.Roles, action.LeadUserIds.Contains(author.UserId), plan.Status == PlanStatus.Closed || plan.ArchivedAtUtc is not null);
        if (allowed != ProgressResult.Saved)
            return allowed;

        var openReviewId = await OpenReviewIdAsync(db, action.PlanId, ct);
        db.ProgressUpdates.Add(NewUpdate(action.Id, openReviewId, update, author.Name, author.UserId, enteredBy: null, clock));
        await db.SaveChangesAsync(ct);
        return ProgressResult.Saved;
    }

    /// <summary>The plan's open review, which new updates are filed under; null when none is open.</summary>
    internal static async Task<Guid?> OpenReviewIdAsync(ServicePlanDbContext db, Guid planId, CancellationToken ct) =>
        await db.Reviews.AsNoTracking()
            .Where(r => r.PlanId == planId && r.Status == ReviewStatus.Open)
            .OrderByDescending(r => r.Date)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(ct);

    /// <param name="enteredBy">Who typed it, when not its author (an owner on a lead's behalf); null when the author did.</param>
    internal static ProgressUpdate NewUpdate(Guid actionId, Guid? reviewId, NewProgressUpdate update, string authorName, string? authorUserId, (string Name, string UserId)? enteredBy, TimeProvider clock) => new()
    {
        ActionId = actionId,
        ReviewId = reviewId,
        Rating = update.Rating,
        Comment = update.Comment.Trim(),
        AuthorName = authorName,
        AuthorUserId = authorUserId,
        EnteredByName = enteredBy?.Name,
        EnteredByUserId = enteredBy?.UserId,
        RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>Whether this user may add progress to this action: pages use it to show or hide the form.</summary>
    public async Task<bool> MayAddAsync(Guid actionId, ProgressAuthor author, CancellationToken ct = default)
    {
        var leadUserIds = await db.Actions.AsNoTracking().Where(a => a.Id == actionId)
            .SelectMany(a => a.Leads.Select(p => p.UserId)).ToListAsync(ct);
        return Roles.MayAddProgress(author.Roles, leadUserIds.Contains(author.UserId));
    }

    /// <summary>
    /// Marks one comment exempt under a paragraph of Schedule 12A, or not exempt when the paragraph is null. Only the
    /// flag changes: the rating and words of a past review never do. False when the update is not the organisation's.
    /// </summary>
    public async Task<bool> SetExemptAsync(Guid actionId, Guid updateId, Guid organisationId, string? paragraph, CancellationToken ct = default)
    {
        var visible = await db.Actions.AsNoTracking()
            .AnyAsync(a => a.Id == actionId && db.Plans.VisibleTo(organisationId).Any(p => p.Id == a.PlanId), ct);
        var update = visible ? await db.ProgressUpdates.FirstOrDefaultAsync(u => u.Id == updateId && u.ActionId == actionId, ct) : null;
        if (update is null)
            return false;
        update.IsExempt = paragraph is not null;
        update.ExemptParagraph = paragraph;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
