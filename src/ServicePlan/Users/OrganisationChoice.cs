using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;

namespace ServicePlan.Users;

/// <summary>Which organisation a command-line action is for: the one named, the only one there is, or a new one.</summary>
public static class OrganisationChoice
{
    /// <summary>
    /// The named organisation, or the only one. A name that matches none is refused while others exist (a typo must not
    /// make a new council); with none at all, one is made, and saved only when <paramref name="save"/> is true.
    /// </summary>
    public static async Task<Organisation> ResolveAsync(ServicePlanDbContext db, string? name, CancellationToken ct = default, bool save = true)
    {
        var all = await db.Organisations.AsNoTracking().ToListAsync(ct);
        if (name is not null)
        {
            if (all.FirstOrDefault(o => o.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } named)
                return named;
            if (all.Count > 0)
                throw new InvalidOperationException($"There is no organisation called \"{name}\". The organisations are: {string.Join(", ", all.Select(o => $"\"{o.Name}\""))}.");
        }
        else if (all.Count == 1)
        {
            return all[0];
        }
        else if (all.Count > 1)
        {
            throw new InvalidOperationException($"There are {all.Count} organisations ({string.Join(", ", all.Select(o => o.Name))}): say which with --organisation.");
        }

        var organisation = new Organisation { Name = name?.Trim() ?? "Children's Services" };
        if (save)
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);
        }

        return organisation;
    }
}
