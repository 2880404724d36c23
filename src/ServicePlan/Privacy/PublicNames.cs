using Microsoft.EntityFrameworkCore;
using ServicePlan.CommitteeReport;
using ServicePlan.Database;
using ServicePlan.Plans;

namespace ServicePlan.Privacy;

/// <summary>
/// The names a public paper may print without them being a child's personal data: the plan's people, the organisation's
/// staff, the organisation, its services and the sources it names. The committee report and the "You said, we did"
/// page use the same rule, so the same words pass or fail in both.
/// </summary>
public static class PublicNames
{
    /// <summary>For one plan's committee report: that plan's people and owner.</summary>
    public static async Task<KnownNames> ForPlanAsync(ServicePlanDbContext db, Plan plan, CancellationToken ct = default)
    {
        var people = await db.People.AsNoTracking().Where(p => p.PlanId == plan.Id).Select(p => new { p.Name, p.Initials }).ToListAsync(ct);
        return await BuildAsync(db, plan.OrganisationId, people.SelectMany(p => new[] { p.Name, p.Initials }).Append(Narratives.SplitOwner(plan.Owner).Name), [plan.Service], ct);
    }

    /// <summary>For a page about the whole organisation: the people and owners of every plan it has had.</summary>
    public static async Task<KnownNames> ForOrganisationAsync(ServicePlanDbContext db, Guid organisationId, CancellationToken ct = default)
    {
        var plans = db.Plans.Where(p => p.OrganisationId == organisationId);
        var people = await db.People.AsNoTracking().Where(p => plans.Any(plan => plan.Id == p.PlanId)).Select(p => new { p.Name, p.Initials }).ToListAsync(ct);
        var headers = await plans.AsNoTracking().Select(p => new { p.Owner, p.Service }).ToListAsync(ct);
        return await BuildAsync(
            db,
            organisationId,
            people.SelectMany(p => new[] { p.Name, p.Initials }).Concat(headers.Select(h => Narratives.SplitOwner(h.Owner).Name)),
            headers.Select(h => h.Service),
            ct);
    }

    private static async Task<KnownNames> BuildAsync(ServicePlanDbContext db, Guid organisationId, IEnumerable<string> people, IEnumerable<string?> services, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        var sources = await db.Sources.AsNoTracking().Where(s => s.OrganisationId == organisationId).Select(s => s.Title).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).Select(u => u.DisplayName).ToListAsync(ct);
        return new KnownNames(
            people.Concat(staff).Where(p => p.Length > 0).Distinct().ToList(),
            sources.Append(organisation).Concat(services.Select(s => s ?? "")).Where(s => s.Length > 0).Distinct().ToList(),
            []);
    }
}
