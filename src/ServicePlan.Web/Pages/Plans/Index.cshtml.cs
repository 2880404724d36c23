namespace ServicePlan.Web.Pages.Plans;

public sealed class IndexModel(PlanQueries plans, CurrentUser user) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await plans.ListAsync(user.OrganisationId, ct);
}
