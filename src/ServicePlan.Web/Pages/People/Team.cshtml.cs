namespace ServicePlan.Web.Pages.People;

/// <summary>A lead's team page: the plans and actions they lead, through the plan people linked to their account.</summary>
public sealed class TeamModel(PlanPeople people, CurrentUser user) : PageModel
{
    public IReadOnlyList<LedPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await people.LedByAsync(user.Id, user.OrganisationId, ct);
}
