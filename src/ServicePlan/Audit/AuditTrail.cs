using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Audit;

/// <summary>What the admin searches the audit trail by; every part optional.</summary>
public sealed record AuditSearch(Guid OrganisationId, string? Entity = null, string? Who = null, DateOnly? From = null, DateOnly? To = null, string? Text = null, Guid? PlanId = null);

/// <summary>Reads the audit trail: the admin's search and export, and one action's changes for its page.</summary>
public sealed class AuditTrail(ServicePlanDbContext db)
{
    public const int PageSize = 100;

    /// <summary>The organisation's entries, newest first, a page at a time.</summary>
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditSearch search, int skip = 0, int take = PageSize, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == search.OrganisationId);
        if (!string.IsNullOrWhiteSpace(search.Entity))
            query = query.Where(e => e.Entity == search.Entity);
        if (!string.IsNullOrWhiteSpace(search.Who))
        {
            var who = search.Who.Trim().ToLower();
            query = query.Where(e => e.UserName.ToLower().Contains(who));
        }

        // The days a person searches for are UK days: in summer, 1 July starts at 23:00 UTC on 30 June.
        if (search.From is { } from)
        {
            var start = Dates.UkTime.StartOfDayUtc(from);
            query = query.Where(e => e.AtUtc >= start);
        }

        if (search.To is { } to)
        {
            var end = Dates.UkTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.AtUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim().ToLower();
            query = query.Where(e => e.Changes.ToLower().Contains(text) || (e.Summary != null && e.Summary.ToLower().Contains(text)) || e.EntityId.ToLower() == text);
        }

        if (search.PlanId is { } planId)
            query = query.Where(e => e.PlanId == planId);

        return await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> EntitiesAsync(Guid organisationId, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == organisationId).Select(e => e.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);

    /// <summary>Every change to an action and to its progress updates, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForActionAsync(Guid actionId, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Where(e => e.ActionId == actionId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
}
