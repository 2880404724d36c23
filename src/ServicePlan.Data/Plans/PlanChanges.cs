using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Data.Plans;

/// <summary>
/// How many changes a plan has had: a number that moves with every change to anything in it, because every saved change
/// writes an audit entry carrying the plan's id (see <see cref="Audit.PlanOfRecords"/>) in the same transaction, and
/// entries are never removed. Views cached under this number are right for as long as it stays the same, on every
/// copy of the app sharing the database.
/// </summary>
public sealed class PlanChanges(ServicePlanDbContext db)
{
    /// <remarks>Read this before reading what it guards: a change landing between the two is then cached under the old
    /// number, which is never asked for again, rather than old content under the new one.</remarks>
    public Task<int> CountAsync(Guid planId, CancellationToken ct = default) =>
        db.AuditEntries.CountAsync(e => e.PlanId == planId, ct);
}
