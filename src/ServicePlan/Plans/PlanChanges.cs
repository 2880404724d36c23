using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Plans;

/// <summary>
/// A plan's version: how many changes it has had and when the last was made. It moves with every change to anything
/// in the plan, because every saved change writes an audit entry carrying the plan's id (see
/// <see cref="Audit.PlanOfRecords"/>) in the same transaction, and entries are never removed. Views cached under it
/// are right for as long as it stays the same, on every copy of the app sharing the database.
/// </summary>
public sealed class PlanChanges(ServicePlanDbContext db)
{
    /// <remarks>
    /// The time of the last change is there for restores: a database restored from a backup has fewer entries, and
    /// after as many new changes as were lost the count alone would match a view cached before the restore.
    /// Read this before reading what it guards: a change landing between the two is then cached under the old
    /// version, which is never asked for again, rather than old content under the new one.
    /// </remarks>
    public async Task<string> VersionAsync(Guid planId, CancellationToken ct = default)
    {
        var version = await db.AuditEntries.Where(e => e.PlanId == planId)
            .GroupBy(e => e.PlanId)
            .Select(g => new { Count = g.Count(), Last = g.Max(e => e.AtUtc) })
            .FirstOrDefaultAsync(ct);
        return version is null ? "0" : $"{version.Count}-{version.Last.Ticks.ToString(CultureInfo.InvariantCulture)}";
    }
}
