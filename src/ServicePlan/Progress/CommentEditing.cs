using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Reviews;

namespace ServicePlan.Progress;

/// <summary>Why a comment cannot be changed by the person asking; null from <see cref="CommentEditRules.Refusal"/> when it can.</summary>
public enum CommentEditRefusal
{
    /// <summary>Only the person who recorded the update may change its words.</summary>
    NotTheAuthor,

    /// <summary>The plan was rolled over and closed: read-only.</summary>
    PlanClosed,

    /// <summary>The comment's review is closed, and a closed review never changes.</summary>
    ReviewClosed,
}

/// <summary>Who may correct a progress comment, and when.</summary>
public static class CommentEditRules
{
    /// <summary>
    /// Its author may change a comment while its review is open (or, for an update filed under no review, while the
    /// plan is open); nobody else may, whatever their role. Owners correct others' words by redacting them.
    /// </summary>
    /// <param name="review">The status of the comment's review, or null when it was filed under none.</param>
    public static CommentEditRefusal? Refusal(bool isAuthor, bool planIsReadOnly, ReviewStatus? review)
    {
        if (!isAuthor)
            return CommentEditRefusal.NotTheAuthor;
        if (planIsReadOnly)
            return CommentEditRefusal.PlanClosed;
        if (review == ReviewStatus.Closed)
            return CommentEditRefusal.ReviewClosed;
        return null;
    }

    /// <summary>Whether the signed-in person wrote the update: by account, never by name (two people may share one).</summary>
    public static bool IsAuthor(string? authorUserId, string userId) =>
        !string.IsNullOrEmpty(authorUserId) && string.Equals(authorUserId, userId, StringComparison.Ordinal);
}

public abstract record CommentEditResult
{
    public sealed record Saved(int NewVersion) : CommentEditResult;
    public sealed record NotFound : CommentEditResult;
    public sealed record Refused(CommentEditRefusal Why) : CommentEditResult;

    /// <summary>The comment changed after the form was opened (its author in another tab, or a redaction): nothing was written.</summary>
    public sealed record Conflict(string Current, int CurrentVersion) : CommentEditResult;
}

/// <summary>The comment being changed, as the form needs it.</summary>
public sealed record EditableComment(ProgressUpdate Update, Guid PlanId, PlanStatus PlanStatus, CommentEditRefusal? Refusal);

/// <summary>
/// An author's corrections to their own progress comment while its review is open. The earlier wording is kept as a
/// <see cref="CommentVersion"/>, and the change is refused when the comment moved since the form was opened.
/// </summary>
public sealed class CommentEditing(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>The comment with whether this person may change it; null when it is not the organisation's.</summary>
    public async Task<EditableComment?> FindAsync(Guid updateId, Guid organisationId, string userId, CancellationToken ct = default)
    {
        var update = await db.ProgressUpdates.AsNoTracking().Include(u => u.Review).FirstOrDefaultAsync(u => u.Id == updateId, ct);
        var plan = update is null ? null : await db.Actions.AsNoTracking().Where(a => a.Id == update.ActionId)
            .Join(db.Plans.VisibleTo(organisationId), a => a.PlanId, p => p.Id, (a, p) => new { p.Id, p.Status, p.ArchivedAtUtc })
            .FirstOrDefaultAsync(ct);
        if (update is null || plan is null)
            return null;
        var refusal = CommentEditRules.Refusal(CommentEditRules.IsAuthor(update.AuthorUserId, userId), plan.Status == PlanStatus.Closed || plan.ArchivedAtUtc is not null, update.Review?.Status);
        return new EditableComment(update, plan.Id, plan.Status, refusal);
    }

    /// <param name="version">The comment's <see cref="ProgressUpdate.Version"/> when the form was opened.</param>
    public async Task<CommentEditResult> SaveAsync(Guid updateId, Guid organisationId, string userId, string userName, string comment, int version, CancellationToken ct = default)
    {
        var found = await FindAsync(updateId, organisationId, userId, ct);
        if (found is null)
            return new CommentEditResult.NotFound();
        if (found.Refusal is { } why)
            return new CommentEditResult.Refused(why);

        var update = await db.ProgressUpdates.FirstAsync(u => u.Id == updateId, ct);
        if (update.Version != version)
            return new CommentEditResult.Conflict(update.Comment, update.Version);
        var words = comment.Trim();
        if (string.Equals(words, update.Comment, StringComparison.Ordinal))
            return new CommentEditResult.Saved(update.Version);

        db.CommentVersions.Add(new CommentVersion
        {
            ProgressUpdateId = update.Id,
            ActionId = update.ActionId,
            Comment = update.Comment,
            ReplacedAtUtc = clock.GetUtcNow().UtcDateTime,
            ReplacedBy = userName,
        });
        update.Comment = words;
        update.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another change landed between our read and our write: show what it left.
            db.ChangeTracker.Clear();
            var current = await db.ProgressUpdates.AsNoTracking().FirstAsync(u => u.Id == updateId, ct);
            return new CommentEditResult.Conflict(current.Comment, current.Version);
        }

        return new CommentEditResult.Saved(update.Version);
    }

    /// <summary>The earlier wordings of an action's comments, newest first, by the update they belong to: for owners' history.</summary>
    public async Task<ILookup<Guid, CommentVersion>> EarlierWordingsAsync(Guid actionId, CancellationToken ct = default) =>
        (await db.CommentVersions.AsNoTracking().Where(v => v.ActionId == actionId).ToListAsync(ct))
            .OrderByDescending(v => v.ReplacedAtUtc).ThenByDescending(v => v.Id)
            .ToLookup(v => v.ProgressUpdateId);
}
