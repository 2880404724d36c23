using Microsoft.EntityFrameworkCore;
using ServicePlan.Core.Organisations;

namespace ServicePlan.Data.Organisations;

/// <summary>Which organisation a command-line action is for: the one named, the only one there is, or a new one.</summary>
public static class OrganisationChoice
{
    public static async Task<Organisation> ResolveAsync(ServicePlanDbContext db, string? name, CancellationToken ct = default)
    {
        var all = await db.Organisations.ToListAsync(ct);
        var named = name is null ? null : all.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (named is not null)
            return named;
        if (name is null && all.Count == 1)
            return all[0];
        if (name is null && all.Count > 1)
            throw new InvalidOperationException($"There are {all.Count} organisations ({string.Join(", ", all.Select(o => o.Name))}): say which with --organisation.");

        var organisation = new Organisation { Name = name ?? "Children's Services" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }
}
