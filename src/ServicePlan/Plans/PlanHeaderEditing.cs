using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Plans;

public abstract record HeaderEditResult
{
    public sealed record Saved(int NewVersion) : HeaderEditResult;
    public sealed record NotFound : HeaderEditResult;

    /// <summary>The plan is closed or archived; <see cref="Reason"/> says which, as a sentence start.</summary>
    public sealed record ReadOnly(string Reason) : HeaderEditResult;

    /// <summary>Someone saved the plan after the form was opened: nothing was written. <see cref="Current"/> is what is stored now.</summary>
    public sealed record Conflict(PlanHeader Current, int CurrentVersion, IReadOnlyList<string> ChangedFields) : HeaderEditResult;
}

/// <summary>
/// Saves the owner's changes to a plan's header. Refused when the plan's version moved since the form was opened, so
/// two owners never overwrite each other. A new financial year re-reads every action's "By when?" against it, in the
/// same save, so "Q3" means the new year's third quarter.
/// </summary>
public sealed class PlanHeaderEditing(ServicePlanDbContext db)
{
    /// <param name="version">The plan's <see cref="Plan.Version"/> when the form was opened, or the API's ETag.</param>
    public async Task<HeaderEditResult> SaveAsync(Guid planId, Guid organisationId, PlanHeader header, int version, CancellationToken ct = default)
    {
        var plan = await db.Plans.VisibleTo(organisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return new HeaderEditResult.NotFound();
        if (plan.ReadOnlyBecause is { } readOnly)
            return new HeaderEditResult.ReadOnly(readOnly);
        if (plan.Version != version)
            return Conflict(plan, header);

        var periodChanged = plan.Period != header.Period;
        header.ApplyTo(plan);
        plan.Version++;
        if (periodChanged)
        {
            foreach (var action in await db.Actions.Where(a => a.PlanId == planId).ToListAsync(ct))
                action.SetDue(action.DueText, header.Period);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
            return Conflict(current, header);
        }

        return new HeaderEditResult.Saved(plan.Version);
    }

    private static HeaderEditResult.Conflict Conflict(Plan current, PlanHeader mine)
    {
        var stored = PlanHeader.Of(current);
        return new HeaderEditResult.Conflict(stored, current.Version, stored.ChangedFrom(mine));
    }
}
