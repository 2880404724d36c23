using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(ServicePlanDbContext db, UserAdministration administration, CurrentUser user) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

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
        Users = await administration.ListAsync(user.OrganisationId, ct);
    }
}
