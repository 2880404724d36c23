using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePlan.Data.Plans;
using ServicePlan.Web.Infrastructure;

namespace ServicePlan.Web.Pages.Plans;

public sealed class OverviewModel(PlanQueries plans, CurrentUser user) : PageModel
{
    public PlanOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var overview = await plans.OverviewAsync(planId, user.OrganisationId, ct);
        if (overview is null)
            return NotFound();
        Overview = overview;
        return Page();
    }
}
