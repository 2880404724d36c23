namespace ServicePlan.Web.Pages.Plans;

/// <summary>Delete a plan made by mistake, after seeing exactly what goes with it; refused once it has a closed review.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class DeleteModel(PlanArchiving archiving, CurrentUser user) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public PlanContents Contents { get; private set; } = null!;

    /// <summary>Why it cannot be deleted; null when it can.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct))
            return NotFound();
        switch (await archiving.DeleteAsync(planId, user.OrganisationId, ct))
        {
            case PlanChangeResult.Done:
                TempData["Confirmation"] = $"{Plan.Title} ({Plan.Period}) has been deleted";
                return Redirect(Links.Plans());
            case PlanChangeResult.Refused refused:
                Refusal = refused.Reason;
                ModelState.AddModelError("", refused.Reason);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid planId, CancellationToken ct)
    {
        if (await archiving.DeletionAsync(planId, user.OrganisationId, ct) is not { } found)
            return false;
        (Plan, Contents, Refusal) = found;
        return true;
    }
}
