namespace ServicePlan.Web.Pages.Plans.Structure;

public sealed class RemoveActionModel(PlanStructure structure, CurrentUser user) : RemovePageModel(structure, user)
{
    public StructureAction Action { get; private set; } = null!;

    public string Name => PlanStructure.ActionName(Action.Ref, Action.DoesWhat);

    public Task<IActionResult> OnGetAsync(Guid planId, Guid actionId, CancellationToken ct) => ConfirmAsync(planId, actionId, ct);

    public Task<IActionResult> OnPostAsync(Guid planId, Guid actionId, CancellationToken ct) => RemoveAsync(planId, actionId, ct);

    protected override Task<IActionResult?> FindAsync(Guid planId, Guid id, CancellationToken ct) =>
        FindAsync(planId, o => o.Actions.FirstOrDefault(a => a.Id == id), a => Action = a, ct);

    protected override int CurrentVersion => Action.Version;

    protected override Task<StructureResult> RemoveAsync(Guid id, int version, CancellationToken ct) =>
        Structure.RemoveActionAsync(id, Editor.OrganisationId, version, ct);
}
