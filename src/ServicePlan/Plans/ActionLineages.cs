using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Progress;
using ServicePlan.Rollover;

namespace ServicePlan.Plans;

/// <summary>The same action in another year's plan.</summary>
public sealed record ActionInYear(Guid ActionId, string Ref, Guid PlanId, string PlanTitle, FinancialYear Period);

/// <summary>
/// An action across yearly plans: the earlier versions it was carried forward from (last year's first), their
/// progress updates, and the version it was carried into, if any.
/// </summary>
public sealed record ActionLineage(
    IReadOnlyList<ActionInYear> Earlier,
    IReadOnlyList<(ActionInYear Action, ProgressUpdate Update)> EarlierUpdates,
    ActionInYear? Next)
{
    public static ActionLineage None { get; } = new([], [], null);

    /// <summary>"First planned 2019-20, carried twice"; null for an action planned this year for the first time.</summary>
    public string? Summary => Earlier.Count == 0 ? null : RolloverRules.Lineage(Earlier[^1].Period, Earlier.Count);
}

/// <summary>Reads an action's lineage by following the links roll-over made between one year's action and the next.</summary>
public sealed class ActionLineages(ServicePlanDbContext db)
{
    // A guard against a damaged chain that loops; no service has plans going back this far.
    private const int MaxYears = 100;

    public async Task<ActionLineage> ForAsync(PlanAction action, Guid organisationId, CancellationToken ct = default)
    {
        var plans = db.Plans.VisibleTo(organisationId);

        // One small query per year back: a chain is as long as the number of roll-overs, a handful, never a list.
        var earlier = new List<ActionInYear>();
        var seen = new HashSet<Guid> { action.Id };
        var next = action.PredecessorId;
        while (next is { } id && seen.Add(id) && earlier.Count < MaxYears)
        {
            var step = await db.Actions.AsNoTracking()
                .Where(a => a.Id == id)
                .Join(plans, a => a.PlanId, p => p.Id, (a, p) => new { Year = new ActionInYear(a.Id, a.Ref, p.Id, p.Title, p.Period), a.PredecessorId })
                .FirstOrDefaultAsync(ct);
            if (step is null)
                break;
            earlier.Add(step.Year);
            next = step.PredecessorId;
        }

        var byId = earlier.ToDictionary(a => a.ActionId);
        var ids = byId.Keys.ToList();
        var updates = ids.Count == 0
            ? []
            : await db.ProgressUpdates.AsNoTracking().Include(u => u.Review).Where(u => ids.Contains(u.ActionId)).ToListAsync(ct);
        var earlierUpdates = updates
            .OrderByDescending(u => byId[u.ActionId].Period)
            .ThenByDescending(u => u.RecordedAtUtc).ThenByDescending(u => u.Id)
            .Select(u => (byId[u.ActionId], u))
            .ToList();

        var successor = await db.Actions.AsNoTracking()
            .Where(a => a.PredecessorId == action.Id)
            .Join(plans, a => a.PlanId, p => p.Id, (a, p) => new ActionInYear(a.Id, a.Ref, p.Id, p.Title, p.Period))
            .FirstOrDefaultAsync(ct);

        return new ActionLineage(earlier, earlierUpdates, successor);
    }
}
