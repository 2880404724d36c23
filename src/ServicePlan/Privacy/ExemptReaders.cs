using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.Users;

namespace ServicePlan.Privacy;

/// <summary>Who may see exempt content, marked, and who is shown it as withheld: the same answer for every page, file and endpoint.</summary>
public static class ExemptReaders
{
    public static async Task<bool> MaySeeAsync(ServicePlanDbContext db, Guid organisationId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roleList = roles.ToList();
        if (Roles.MaySeeExempt(roleList, committeeReceivesExemptPapers: false))
            return true;
        var receives = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => (bool?)o.CommitteeReceivesExemptPapers).FirstOrDefaultAsync(ct);
        return Roles.MaySeeExempt(roleList, receives ?? false);
    }
}
