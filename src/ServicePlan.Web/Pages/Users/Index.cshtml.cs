using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Users;

public sealed record UserRow(string Email, string Name, IReadOnlyList<string> Roles, bool LockedOut);

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(ServicePlanDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public bool CommitteeReceivesExemptPapers { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>Whether viewers (committee members) are shown exempt content, marked, or have it withheld as in a public paper.</summary>
    public async Task<IActionResult> OnPostExemptPapersAsync(bool receives, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId, ct);
        organisation.CommitteeReceivesExemptPapers = receives;
        await db.SaveChangesAsync(ct);
        Confirmation = receives
            ? "Viewers now see exempt content, marked as exempt"
            : "Exempt content is now withheld from viewers, as in a public paper";
        return Redirect(Links.Users());
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CommitteeReceivesExemptPapers = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.CommitteeReceivesExemptPapers).SingleAsync(ct);
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
