using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Audit;
using ServicePlan.Database;
using ServicePlan.Reviews;

namespace ServicePlan.Plans;

public abstract record PlanChangeResult
{
    public sealed record Done : PlanChangeResult;
    public sealed record NotFound : PlanChangeResult;

    /// <summary>Refused, with the reason in the owner's words.</summary>
    public sealed record Refused(string Reason) : PlanChangeResult;
}

/// <summary>What deleting a plan would remove: the owner is shown this before confirming.</summary>
public sealed record PlanContents(int Sections, int Objectives, int Actions, int ProgressUpdates, int OpenReviews, int ClosedReviews, int People);

/// <summary>The rules for archiving, restoring and deleting a plan, over plain values.</summary>
public static class PlanLifecycleRules
{
    /// <summary>"31 actions in 8 sections, 45 progress updates, 1 open review": what would go, in the owner's words.</summary>
    public static string Describe(PlanContents contents)
    {
        var parts = new List<string> { $"{Count(contents.Actions, "action")} in {Count(contents.Sections, "section")}" };
        if (contents.Objectives > 0)
            parts.Add(Count(contents.Objectives, "objective"));
        parts.Add(Count(contents.ProgressUpdates, "progress update"));
        if (contents.OpenReviews > 0)
            parts.Add(Count(contents.OpenReviews, "open review"));
        if (contents.ClosedReviews > 0)
            parts.Add(Count(contents.ClosedReviews, "closed review"));
        if (contents.People > 0)
            parts.Add(Count(contents.People, "person", "people"));
        return string.Join(", ", parts);
    }

    /// <summary>Why the plan may not be deleted, or null when it may. A closed review is a record the committee has seen.</summary>
    /// <param name="rolledOverInto">Next year's plan's period, when this plan was rolled over into one.</param>
    public static string? DeleteRefusal(int closedReviews, FinancialYear? rolledOverInto)
    {
        if (closedReviews > 0)
        {
            return $"This plan has {Count(closedReviews, "closed review")}, which {(closedReviews == 1 ? "is" : "are")} part of the service's record, " +
                "so it cannot be deleted. Archive it instead: it leaves the list of plans and can be restored.";
        }

        if (rolledOverInto is { } next)
            return $"This plan was rolled over into the {next} plan, whose actions carry on from it, so it cannot be deleted. Archive it instead.";
        return null;
    }

    private static string Count(int count, string thing, string? things = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? thing : things ?? thing + "s")}";
}

/// <summary>
/// Archiving a plan puts it out of the list and makes it read-only, and restoring it brings it back. Deleting removes
/// a plan made by mistake, with everything in it, in one transaction; its audit entries stay.
/// </summary>
public sealed class PlanArchiving(ServicePlanDbContext db, TimeProvider clock, IAuditActor? actor = null)
{
    public async Task<PlanChangeResult> ArchiveAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await db.Plans.VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return new PlanChangeResult.NotFound();
        if (plan.IsArchived)
            return new PlanChangeResult.Refused("This plan is already archived.");
        plan.ArchivedAtUtc = clock.GetUtcNow().UtcDateTime;
        plan.Version++;
        return await SaveAsync(ct);
    }

    public async Task<PlanChangeResult> RestoreAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await db.Plans.VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return new PlanChangeResult.NotFound();
        if (!plan.IsArchived)
            return new PlanChangeResult.Refused("This plan is not archived.");
        plan.ArchivedAtUtc = null;
        plan.Version++;
        return await SaveAsync(ct);
    }

    /// <summary>What the plan holds, and why it may not be deleted (null when it may); null when there is no such plan.</summary>
    public async Task<(Plan Plan, PlanContents Contents, string? Refusal)?> DeletionAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return null;
        var actions = db.Actions.Where(a => a.PlanId == planId);
        var reviews = await db.Reviews.Where(r => r.PlanId == planId).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var heldHere = await db.Reviews.CountAsync(r => r.PlanId == planId && r.Status == ReviewStatus.Closed && !r.WrittenByImport, ct);
        var contents = new PlanContents(
            await db.Sections.CountAsync(s => s.PlanId == planId, ct),
            await db.Objectives.CountAsync(o => o.Section!.PlanId == planId, ct),
            await actions.CountAsync(ct),
            await actions.Join(db.ProgressUpdates, a => a.Id, u => u.ActionId, (a, u) => u.Id).CountAsync(ct),
            reviews.Where(r => r.Key == ReviewStatus.Open).Sum(r => r.Count),
            reviews.Where(r => r.Key == ReviewStatus.Closed).Sum(r => r.Count),
            await db.People.CountAsync(p => p.PlanId == planId, ct));
        var next = await db.Plans.AsNoTracking().Where(p => p.PreviousPlanId == planId).Select(p => (FinancialYear?)p.Period).FirstOrDefaultAsync(ct);
        if (next is null && await db.Actions.AnyAsync(a => a.PlanId != planId && a.PredecessorId != null && actions.Any(mine => mine.Id == a.PredecessorId), ct))
            next = plan.Period.Next();
        return (plan, contents, PlanLifecycleRules.DeleteRefusal(heldHere, next));
    }

    public async Task<PlanChangeResult> DeleteAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await DeletionAsync(planId, organisationId, ct) is not { } found)
            return new PlanChangeResult.NotFound();
        if (found.Refusal is { } refusal)
            return new PlanChangeResult.Refused(refusal);

        // Set-based deletes, children first: an action and a review each refuse to go while updates point at them, and
        // the database's cascades remove the rest with the plan. They bypass the change tracker, so the trail gets one
        // entry for the plan as a whole, saying what went.
        var actions = db.Actions.Where(a => a.PlanId == planId).Select(a => a.Id);
        await db.ProgressUpdates.Where(u => actions.Contains(u.ActionId)).ExecuteDeleteAsync(ct);
        await db.Actions.Where(a => a.PlanId == planId).ExecuteDeleteAsync(ct);
        await db.Plans.Where(p => p.Id == planId).ExecuteDeleteAsync(ct);

        var plan = found.Plan;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor?.UserId,
            UserName = actor?.Name ?? "ServicePlan",
            Entity = "Plan",
            EntityId = plan.Id.ToString(),
            Change = AuditChange.Removed,
            OrganisationId = plan.OrganisationId,
            PlanId = plan.Id,
            Fields =
            [
                new FieldChange(PlanHeader.Names.Title, plan.Title, null),
                new FieldChange(PlanHeader.Names.Period, plan.Period.ToString(), null),
                new FieldChange("Deleted with it", PlanLifecycleRules.Describe(found.Contents), null),
            ],
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PlanChangeResult.Done();
    }

    private async Task<PlanChangeResult> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PlanChangeResult.Refused("The plan was changed by someone else at the same time: reload the page and try again.");
        }

        return new PlanChangeResult.Done();
    }
}
