namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>What has been removed from the plan, by whom and when, with a way to restore each (while the plan is open).</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class RemovedModel(PlanStructure structure, CurrentUser user) : PageModel
{
    public RemovedFromPlan Removed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRestoreSectionAsync(Guid planId, Guid id, CancellationToken ct) =>
        RestoreAsync(planId, r => r.Sections, () => structure.RestoreSectionAsync(id, user.OrganisationId, ct), id, ct);

    public Task<IActionResult> OnPostRestoreObjectiveAsync(Guid planId, Guid id, CancellationToken ct) =>
        RestoreAsync(planId, r => r.Objectives, () => structure.RestoreObjectiveAsync(id, user.OrganisationId, ct), id, ct);

    public Task<IActionResult> OnPostRestoreActionAsync(Guid planId, Guid id, CancellationToken ct) =>
        RestoreAsync(planId, r => r.Actions, () => structure.RestoreActionAsync(id, user.OrganisationId, ct), id, ct);

    private async Task<IActionResult> RestoreAsync(Guid planId, Func<RemovedFromPlan, IReadOnlyList<RemovedItem>> list, Func<Task<StructureResult>> restore, Guid id, CancellationToken ct)
    {
        // Only what this plan's removed list offers: another plan's id, or a part removed with its section, is not found here.
        if (!await LoadAsync(planId, ct) || list(Removed).All(i => i.Id != id))
            return NotFound();
        switch (await restore())
        {
            case StructureResult.Done done:
                TempData["Confirmation"] = done.Message;
                return Redirect(Links.PlanStructure(planId));
            case StructureResult.Refused refused:
                ModelState.AddModelError("", refused.Message);
                return Page();
            case StructureResult.PlanClosed:
                ModelState.AddModelError("", "This plan has been rolled over and closed, so nothing can be restored to it");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid planId, CancellationToken ct)
    {
        var removed = await structure.RemovedAsync(planId, user.OrganisationId, ct);
        if (removed is null)
            return false;
        Removed = removed;
        return true;
    }
}
