using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Plans;

public sealed record PlanSummary(Guid Id, string Title, FinancialYear Period, PlanStatus Status, int Actions, RatingCounts Ratings)
{
    /// <summary>When the plan was archived (UTC); null for a plan in use.</summary>
    public DateTime? ArchivedAtUtc { get; init; }
}

public sealed record SectionSummary(Guid Id, string Title, int Order, RatingCounts Ratings, int Overdue);

public sealed record PlanOverview(
    Plan Plan,
    IReadOnlyList<SectionSummary> Sections,
    RatingCounts Ratings,
    int Overdue,
    IReadOnlyList<Review> Reviews);

/// <summary>Plans as lists and dashboards. Counts are worked out in the database: one grouped query, not one per plan.</summary>
public sealed class PlanQueries(ServicePlanDbContext db, TimeProvider clock)
{
    /// <summary>The council's today, which decides what is overdue.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    /// <summary>Null when there is no such plan in the organisation: callers answer 404 and never reveal another council's plan.</summary>
    public Task<Plan?> FindAsync(Guid planId, Guid organisationId, CancellationToken ct = default) =>
        db.Plans.AsNoTracking()
            .Include(p => p.People.OrderBy(person => person.Name))
            .VisibleTo(organisationId)
            .FirstOrDefaultAsync(p => p.Id == planId, ct);

    /// <param name="archived">Whether to list archived plans too: lists leave them out unless asked.</param>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(Guid? organisationId, CancellationToken ct = default, bool archived = false)
    {
        var plans = await db.Plans.AsNoTracking()
            .VisibleTo(organisationId)
            .Where(p => archived || p.ArchivedAtUtc == null)
            .OrderByDescending(p => p.Period).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Period, p.Status, p.ArchivedAtUtc })
            .ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();

        // The current rating is a per-action subquery, which SQL cannot group by directly; one narrow row per
        // action of this organisation's plans is counted here instead.
        var counts = (await db.Actions.Where(a => planIds.Contains(a.PlanId)).WithCurrentRating()
                .Select(r => new { r.Action.PlanId, r.Rating })
                .ToListAsync(ct))
            .ToLookup(r => r.PlanId, r => r.Rating);

        return plans.Select(p =>
        {
            var ratings = RatingCounts.Of(counts[p.Id]);
            return new PlanSummary(p.Id, p.Title, p.Period, p.Status, ratings.Total, ratings) { ArchivedAtUtc = p.ArchivedAtUtc };
        }).ToList();
    }

    public async Task<PlanOverview?> OverviewAsync(Guid planId, Guid organisationId, CancellationToken ct = default)
    {
        var plan = await FindAsync(planId, organisationId, ct);
        if (plan is null)
            return null;

        var sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync(ct);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Date).ToListAsync(ct);

        var today = Today;
        var rows = await db.Actions.Where(a => a.PlanId == planId).WithCurrentRating()
            .Select(r => new { r.Action.Objective!.SectionId, r.Rating, r.Action.DueKind, r.Action.DueOn })
            .ToListAsync(ct);

        var bySection = rows.ToLookup(r => r.SectionId);
        var summaries = sections.Select(s => new SectionSummary(
            s.Id,
            s.Title,
            s.Order,
            RatingCounts.Of(bySection[s.Id].Select(r => r.Rating)),
            bySection[s.Id].Count(r => DueDate.IsOverdue(r.DueKind, r.DueOn, today, r.Rating == Rating.Blue)))).ToList();

        return new PlanOverview(
            plan,
            summaries,
            RatingCounts.Of(rows.Select(r => r.Rating)),
            rows.Count(r => DueDate.IsOverdue(r.DueKind, r.DueOn, today, r.Rating == Rating.Blue)),
            reviews);
    }
}
