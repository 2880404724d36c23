namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>Moves an action to another objective of the plan, in any section; it goes to the end of that objective's actions.</summary>
public sealed class MoveActionModel(PlanStructure structure, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Guid? ObjectiveId { get; set; }

    public StructureAction Action { get; private set; } = null!;

    public string Name => PlanStructure.ActionName(Action.Ref, Action.DoesWhat);

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (await FindAsync(planId, actionId, ct) is { } refused)
            return refused;
        Version = Action.Version;
        ObjectiveId = Outline.Objectives.First(o => o.Actions.Contains(Action)).Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid actionId, CancellationToken ct)
    {
        if (await FindAsync(planId, actionId, ct) is { } refused)
            return refused;
        var result = await Structure.MoveActionAsync(actionId, Editor.OrganisationId, Version, ObjectiveId ?? Guid.Empty, ct);
        if (result is StructureResult.Stale)
            Version = Action.Version;
        return Answer(result, Links.PlanStructure(planId) + "#action-" + actionId, nameof(ObjectiveId), new Dictionary<string, string> { [StructureField.Objective] = nameof(ObjectiveId) });
    }

    private Task<IActionResult?> FindAsync(Guid planId, Guid actionId, CancellationToken ct) =>
        FindAsync(planId, o => o.Actions.FirstOrDefault(a => a.Id == actionId), a => Action = a, ct);
}
