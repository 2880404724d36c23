using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Plans;
using ServicePlan.Reviews;

namespace ServicePlan.CommitteeReport;

public enum NarrativeSource
{
    /// <summary>Written for this review.</summary>
    Saved,

    /// <summary>Not yet written: last review's words, to edit.</summary>
    PreviousReview,

    /// <summary>Nothing written yet for this plan: the plan's own details.</summary>
    Plan,
}

public abstract record NarrativeSaveResult
{
    public sealed record Saved : NarrativeSaveResult;
    public sealed record NotFound : NarrativeSaveResult;

    /// <summary>Someone else saved the narrative after this form was opened; nothing was written.</summary>
    public sealed record Conflict(string UpdatedBy) : NarrativeSaveResult;
}

/// <summary>The owner's words for each review's cover report.</summary>
public sealed class Narratives(ServicePlanDbContext db, TimeProvider clock)
{
    public async Task<(ReviewNarrative Narrative, NarrativeSource Source)> ForReviewAsync(Review review, Plan plan, CancellationToken ct = default)
    {
        if (await db.Narratives.AsNoTracking().FirstOrDefaultAsync(n => n.ReviewId == review.Id, ct) is { } saved)
            return (saved, NarrativeSource.Saved);

        var previous = await db.Narratives.AsNoTracking()
            .Join(db.Reviews.Where(r => r.PlanId == plan.Id && r.Date < review.Date), n => n.ReviewId, r => r.Id, (n, r) => new { n, r.Date })
            .OrderByDescending(x => x.Date)
            .Select(x => x.n)
            .FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            var copy = previous.CopyFor(review.Id);
            copy.Subject = $"{plan.Title}: {review.Label}";
            return (copy, NarrativeSource.PreviousReview);
        }

        var (author, title) = SplitOwner(plan.Owner);
        return (new ReviewNarrative
        {
            ReviewId = review.Id,
            Committees = plan.MonitoringBoard ?? "",
            Subject = $"{plan.Title}: {review.Label}",
            ReportOf = plan.Owner ?? "",
            AuthorName = author,
            AuthorTitle = title,
            Summary = $"This report updates Members on the {plan.Title} at its {review.Label} review.",
            Background = plan.Aims ?? "",
            Appendices = $"Appendix 1 – {plan.Title}",
        }, NarrativeSource.Plan);
    }

    /// <summary>Saves the owner's words for the review; refused if someone else saved them since <paramref name="version"/> was read.</summary>
    public async Task<NarrativeSaveResult> SaveAsync(Guid reviewId, Guid organisationId, ReviewNarrative words, int version, string updatedBy, CancellationToken ct = default)
    {
        var plans = db.Plans.VisibleTo(organisationId);
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId && plans.Any(p => p.Id == r.PlanId), ct);
        if (review is null)
            return new NarrativeSaveResult.NotFound();

        var saved = await db.Narratives.FirstOrDefaultAsync(n => n.ReviewId == reviewId, ct);
        if (saved is null)
        {
            // A form opened before anything was saved carries version 0; the first save makes it 1, so a second
            // such form is refused rather than overwriting it.
            if (version != 0)
                return new NarrativeSaveResult.Conflict("someone else");
            saved = words.CopyFor(reviewId);
            saved.Version = 1;
            db.Narratives.Add(saved);
        }
        else
        {
            if (saved.Version != version)
                return new NarrativeSaveResult.Conflict(saved.UpdatedBy);
            saved.TakeWordsFrom(words);
            saved.Version = version + 1;
        }

        saved.UpdatedBy = updatedBy;
        saved.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The other save won the race (same version, or a first save of the same review).
            return new NarrativeSaveResult.Conflict("someone else");
        }

        return new NarrativeSaveResult.Saved();
    }

    public static (string Name, string Title) SplitOwner(string? owner)
    {
        if (string.IsNullOrWhiteSpace(owner))
            return ("", "");
        var comma = owner.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? (owner.Trim(), "") : (owner[..comma].Trim(), owner[(comma + 1)..].Trim());
    }
}
