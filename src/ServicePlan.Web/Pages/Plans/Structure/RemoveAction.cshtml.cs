namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>"Are you sure" before an action leaves the plan; it can be restored from the removed list.</summary>
public sealed class RemoveActionModel(PlanStructure structure, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public int Version { get; set; }

    public StructureAction Action { get; private set; } = null!;

    public string Name => PlanStructure.ActionName(Action.Ref, Action.DoesWhat);

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (await FindAsync(planId, actionId, ct) is { } refused)
            return refused;
        Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (await FindAsync(planId, actionId, ct) is { } refused)
            return refused;
        var result = await Structure.RemoveActionAsync(actionId, Editor.OrganisationId, Version, ct);
        Version = Action.Version;
        return Answer(result, Links.PlanStructure(planId), "");
    }

    private async Task<IActionResult?> FindAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } refused)
            return refused;
        if (Outline.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
            return NotFound();
        Action = action;
        return null;
    }
}
