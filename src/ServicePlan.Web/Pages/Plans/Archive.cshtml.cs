namespace ServicePlan.Web.Pages.Plans;

/// <summary>Archive a plan (out of the list, read-only), after an "Are you sure", or restore an archived one.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class ArchiveModel(PlanQueries plans, PlanArchiving archiving, CurrentUser user) : PageModel
{
    public Plan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return NotFound();
        if (plan.IsArchived)
            return Redirect(Links.Plan(planId));
        Plan = plan;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct) =>
        AnswerAsync(planId, archiving.ArchiveAsync(planId, user.OrganisationId, ct), "The plan is archived: it is no longer in the list of plans and cannot be changed until it is restored", ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid planId, CancellationToken ct) =>
        AnswerAsync(planId, archiving.RestoreAsync(planId, user.OrganisationId, ct), "The plan is restored: it is back in the list of plans", ct);

    private async Task<IActionResult> AnswerAsync(Guid planId, Task<PlanChangeResult> change, string done, CancellationToken ct)
    {
        switch (await change)
        {
            case PlanChangeResult.Done:
                TempData["Confirmation"] = done;
                return Redirect(Links.Plan(planId));
            case PlanChangeResult.Refused refused:
                Plan = (await plans.FindAsync(planId, user.OrganisationId, ct))!;
                ModelState.AddModelError("", refused.Reason);
                return Page();
            default:
                return NotFound();
        }
    }
}
