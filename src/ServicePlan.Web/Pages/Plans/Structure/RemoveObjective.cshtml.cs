namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>"Are you sure" before an objective leaves the plan with its actions; they can be restored from the removed list.</summary>
public sealed class RemoveObjectiveModel(PlanStructure structure, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public int Version { get; set; }

    public StructureObjective Objective { get; private set; } = null!;

    public StructureSection Section { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await FindAsync(planId, objectiveId, ct) is { } refused)
            return refused;
        Version = Objective.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await FindAsync(planId, objectiveId, ct) is { } refused)
            return refused;
        var result = await Structure.RemoveObjectiveAsync(objectiveId, Editor.OrganisationId, Version, ct);
        Version = Objective.Version;
        return Answer(result, Links.PlanStructure(planId) + "#section-" + Section.Id, "");
    }

    private async Task<IActionResult?> FindAsync(Guid planId, Guid objectiveId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } refused)
            return refused;
        if (Outline.Objectives.FirstOrDefault(o => o.Id == objectiveId) is not { } objective)
            return NotFound();
        Objective = objective;
        Section = Outline.Sections.Single(s => s.Id == objective.SectionId);
        return null;
    }
}
