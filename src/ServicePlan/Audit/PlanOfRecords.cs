using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ServicePlan.Plans;
using ServicePlan.Reviews;

namespace ServicePlan.Audit;

/// <summary>
/// Which plan each record being saved belongs to, for its audit entry: a plan itself, a record with a PlanId, or one that
/// hangs from an action, review, section or objective (a progress update, an action's lead, an objective's source, a
/// report narrative). Parents are found among the records being saved first, then read in one query per kind.
/// </summary>
/// <remarks>
/// Every change to a plan's content must carry the plan's id: a plan's history is found by it, and
/// <see cref="Plans.PlanChanges"/> reads those entries to know when a cached view of the plan is out of date.
/// </remarks>
internal static class PlanOfRecords
{
    private static readonly Type[] Parents = [typeof(Plan), typeof(PlanAction), typeof(Review), typeof(Section), typeof(Objective)];

    public static async ValueTask<Dictionary<EntityEntry, Guid>> FindAsync(DbContext context, IReadOnlyList<EntityEntry> entries, bool async, CancellationToken ct)
    {
        var parentOf = new Dictionary<EntityEntry, (Type Type, Guid Id)>();
        // Parents known without asking the database: a plan is its own, and the records this context tracks, saved now or read earlier.
        var known = new Dictionary<(Type, Guid), Guid>();
        foreach (var entry in entries)
        {
            if (Parent(entry) is { } parent)
            {
                parentOf[entry] = parent;
                if (parent.Type == typeof(Plan))
                    known[parent] = parent.Id;
            }
        }

        var objectiveSections = new Dictionary<Guid, Guid>();
        foreach (var tracked in context.ChangeTracker.Entries())
        {
            switch (tracked.Entity)
            {
                case PlanAction action: known[(typeof(PlanAction), action.Id)] = action.PlanId; break;
                case Review review: known[(typeof(Review), review.Id)] = review.PlanId; break;
                case Section section: known[(typeof(Section), section.Id)] = section.PlanId; break;
                case Objective objective: objectiveSections[objective.Id] = objective.SectionId; break;
            }
        }

        foreach (var (objective, section) in objectiveSections)
        {
            if (known.TryGetValue((typeof(Section), section), out var plan))
                known[(typeof(Objective), objective)] = plan;
        }

        List<Guid> Missing(Type type) => parentOf.Values.Where(p => p.Type == type && !known.ContainsKey(p)).Select(p => p.Id).Distinct().ToList();
        async Task Read<T>(IQueryable<T> query, Func<T, (Guid Id, Guid PlanId)> pair, Type type)
        {
            foreach (var row in async ? await query.ToListAsync(ct) : query.ToList())
            {
                var (id, planId) = pair(row);
                known[(type, id)] = planId;
            }
        }

        if (Missing(typeof(PlanAction)) is { Count: > 0 } actions)
            await Read(context.Set<PlanAction>().Where(a => actions.Contains(a.Id)).Select(a => new { a.Id, a.PlanId }), r => (r.Id, r.PlanId), typeof(PlanAction));
        if (Missing(typeof(Review)) is { Count: > 0 } reviews)
            await Read(context.Set<Review>().Where(r => reviews.Contains(r.Id)).Select(r => new { r.Id, r.PlanId }), r => (r.Id, r.PlanId), typeof(Review));
        if (Missing(typeof(Section)) is { Count: > 0 } sections)
            await Read(context.Set<Section>().Where(s => sections.Contains(s.Id)).Select(s => new { s.Id, s.PlanId }), r => (r.Id, r.PlanId), typeof(Section));
        if (Missing(typeof(Objective)) is { Count: > 0 } objectives)
            await Read(context.Set<Objective>().Where(o => objectives.Contains(o.Id)).Select(o => new { o.Id, o.Section!.PlanId }), r => (r.Id, r.PlanId), typeof(Objective));

        return parentOf.Where(p => known.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => known[p.Value]);
    }

    /// <summary>The nearest plan-shaped parent by the model's own foreign keys, the plan first.</summary>
    private static (Type Type, Guid Id)? Parent(EntityEntry entry)
    {
        if (entry.Entity is Plan plan)
            return (typeof(Plan), plan.Id);
        var keys = entry.Metadata.GetForeignKeys().Where(k => k.Properties.Count == 1).ToList();
        foreach (var type in Parents)
        {
            foreach (var key in keys.Where(k => k.PrincipalEntityType.ClrType == type))
            {
                if (entry.Property(key.Properties[0].Name).CurrentValue is Guid id)
                    return (type, id);
            }
        }

        return null;
    }
}
