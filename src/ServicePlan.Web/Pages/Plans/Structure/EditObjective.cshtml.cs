namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>Changes an objective's "Why?" and sources, and moves it to another section.</summary>
public sealed class EditObjectiveModel(PlanStructure structure, SourceRegister register, EntryChecks checks, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public ObjectiveInput Input { get; set; } = new();

    public StructureObjective Objective { get; private set; } = null!;

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await FindAsync(planId, objectiveId, ct) is { } refused)
            return refused;
        Input = new ObjectiveInput { Version = Objective.Version, Why = Objective.Aim, SourceIds = Objective.Sources.Select(s => s.Id).ToList(), SectionId = Objective.SectionId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await FindAsync(planId, objectiveId, ct) is { } refused)
            return refused;
        // Only a changed "Why?": words already saved (and perhaps confirmed) are not questioned again.
        EnteredText[] changed = string.Equals(Input.Why?.Trim(), Objective.Aim.Trim(), StringComparison.Ordinal) ? [] : [new EnteredText(PlanColumn.Why.Name(), Input.Why)];
        if (!await MaySaveAsync(checks, "Objective", changed, ct))
            return Page();
        var result = await Structure.EditObjectiveAsync(objectiveId, Editor.OrganisationId, Input.Version, Input.Why, Input.SourceIds, Input.SectionId, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        if (result is StructureResult.Stale)
            Input.Version = Objective.Version;
        return Answer(result, Links.PlanStructure(planId) + "#objective-" + objectiveId, "Input.Why", ObjectiveInput.Inputs);
    }

    private async Task<IActionResult?> FindAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await FindAsync(planId, o => o.Objectives.FirstOrDefault(x => x.Id == objectiveId), x => Objective = x, ct) is { } refused)
            return refused;
        Sources = await register.ListAsync(Editor.OrganisationId, null, ct);
        return null;
    }
}
