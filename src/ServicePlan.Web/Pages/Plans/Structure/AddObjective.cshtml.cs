namespace ServicePlan.Web.Pages.Plans.Structure;

public sealed class AddObjectiveModel(PlanStructure structure, SourceRegister register, EntryChecks checks, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public ObjectiveInput Input { get; set; } = new();

    public StructureSection Section { get; private set; } = null!;

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid sectionId, CancellationToken ct) =>
        await FindAsync(planId, sectionId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, sectionId, ct) is { } refused)
            return refused;
        if (!await MaySaveAsync(checks, "Objective", [new EnteredText(PlanColumn.Why.Name(), Input.Why)], ct))
            return Page();
        var result = await Structure.AddObjectiveAsync(sectionId, Editor.OrganisationId, Input.Why, Input.SourceIds, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return Answer(result, result is StructureResult.Done done ? Links.PlanStructure(planId) + "#objective-" + done.Id : "", "Input.Why", ObjectiveInput.Inputs);
    }

    private async Task<IActionResult?> FindAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, o => o.Sections.FirstOrDefault(s => s.Id == sectionId), s => Section = s, ct) is { } refused)
            return refused;
        Sources = await register.ListAsync(Editor.OrganisationId, null, ct);
        return null;
    }
}
