using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Sources;

namespace ServicePlan.Plans;

public sealed record ActionDetail(PlanAction Action, Plan Plan, Objective Objective, Section Section);

/// <summary>One action with everything its page shows: objective, section, sources, leads and the whole history of updates.</summary>
public sealed class ActionDetails(ServicePlanDbContext db)
{
    /// <summary>The sources behind the action's objective, by title: they belong to the council's register, not the plan.</summary>
    public async Task<IReadOnlyList<Source>> SourcesAsync(Guid objectiveId, CancellationToken ct = default) =>
        await db.Objectives.AsNoTracking().Where(o => o.Id == objectiveId).SelectMany(o => o.Sources).OrderBy(s => s.Title).ToListAsync(ct);

    /// <summary>The plan the action is in, when the organisation may see it; null otherwise.</summary>
    public async Task<Guid?> PlanOfAsync(Guid actionId, Guid organisationId, CancellationToken ct = default) =>
        await db.Actions.Where(a => a.Id == actionId)
            .Join(db.Plans.VisibleTo(organisationId), a => a.PlanId, p => p.Id, (a, p) => (Guid?)p.Id)
            .FirstOrDefaultAsync(ct);

    public async Task<ActionDetail?> FindAsync(Guid actionId, Guid organisationId, CancellationToken ct = default)
    {
        var action = await db.Actions.AsNoTracking()
            .Include(a => a.Leads)
            .Include(a => a.Updates).ThenInclude(u => u.Review)
            .Include(a => a.Objective!).ThenInclude(o => o.Sources)
            .Include(a => a.Objective!).ThenInclude(o => o.Section)
            // One query per collection: joined into one query, the page took 20 ms on SQLite against 1.5 ms split
            // (bench/run-suite.sh, 2026-11-23).
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == actionId, ct);
        if (action?.Objective?.Section is null)
            return null;

        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.People.OrderBy(person => person.Name))
            .VisibleTo(organisationId)
            .FirstOrDefaultAsync(p => p.Id == action.PlanId, ct);
        if (plan is null)
            return null;

        action.Updates.Sort((a, b) => b.RecordedAtUtc != a.RecordedAtUtc ? b.RecordedAtUtc.CompareTo(a.RecordedAtUtc) : b.Id.CompareTo(a.Id));
        return new ActionDetail(action, plan, action.Objective, action.Objective.Section);
    }
}
