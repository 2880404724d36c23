namespace ServicePlan.Web.Pages.Plans;

public sealed class IndexModel(PlanQueries plans, CurrentUser user) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    /// <summary>Whether archived plans are listed too: they are left out unless asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Plans = await plans.ListAsync(user.OrganisationId, ct, archived: Archived);
}
