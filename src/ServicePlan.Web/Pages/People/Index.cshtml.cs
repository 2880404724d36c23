namespace ServicePlan.Web.Pages.People;

/// <summary>The plan's people: who the plan names, how many actions each leads, and the account each is linked to.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class IndexModel(PlanPeople people, CurrentUser user) : PageModel
{
    public PlanPeopleList List { get; private set; } = null!;

    public Plan Plan => List.Plan;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await people.ListAsync(planId, user.OrganisationId, ct) is not { } list)
            return NotFound();
        List = list;
        return Page();
    }
}
