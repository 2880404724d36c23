using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Users;

public sealed record UserRow(string Email, string Name, IReadOnlyList<string> Roles, bool LockedOut);

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(ServicePlanDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == user.OrganisationId)
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        Users = users.Select(u => new UserRow(u.Email ?? "", u.DisplayName, u.Roles, u.LockoutEnd > now)).ToList();
    }
}
