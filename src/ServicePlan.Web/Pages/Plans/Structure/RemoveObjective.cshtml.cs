namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>An objective leaves the plan with its actions, and comes back with them when restored.</summary>
public sealed class RemoveObjectiveModel(PlanStructure structure, CurrentUser user) : RemovePageModel(structure, user)
{
    public StructureObjective Objective { get; private set; } = null!;

    public StructureSection Section => Outline.Sections.Single(s => s.Id == Objective.SectionId);

    public Task<IActionResult> OnGetAsync(Guid planId, Guid objectiveId, CancellationToken ct) => ConfirmAsync(planId, objectiveId, ct);

    public Task<IActionResult> OnPostAsync(Guid planId, Guid objectiveId, CancellationToken ct) => RemoveAsync(planId, objectiveId, ct);

    protected override Task<IActionResult?> FindAsync(Guid planId, Guid id, CancellationToken ct) =>
        FindAsync(planId, o => o.Objectives.FirstOrDefault(x => x.Id == id), x => Objective = x, ct);

    protected override int CurrentVersion => Objective.Version;

    protected override Task<StructureResult> RemoveAsync(Guid id, int version, CancellationToken ct) =>
        Structure.RemoveObjectiveAsync(id, Editor.OrganisationId, version, ct);

    protected override string Next(Guid planId) => Links.PlanStructure(planId) + "#section-" + Section.Id;
}
