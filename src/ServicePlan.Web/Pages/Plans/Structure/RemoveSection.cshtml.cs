namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>A section leaves the plan with its objectives and actions, and comes back with them when restored.</summary>
public sealed class RemoveSectionModel(PlanStructure structure, CurrentUser user) : RemovePageModel(structure, user)
{
    public StructureSection Section { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(Guid planId, Guid sectionId, CancellationToken ct) => ConfirmAsync(planId, sectionId, ct);

    public Task<IActionResult> OnPostAsync(Guid planId, Guid sectionId, CancellationToken ct) => RemoveAsync(planId, sectionId, ct);

    protected override Task<IActionResult?> FindAsync(Guid planId, Guid id, CancellationToken ct) =>
        FindAsync(planId, o => o.Sections.FirstOrDefault(s => s.Id == id), s => Section = s, ct);

    protected override int CurrentVersion => Section.Version;

    protected override Task<StructureResult> RemoveAsync(Guid id, int version, CancellationToken ct) =>
        Structure.RemoveSectionAsync(id, Editor.OrganisationId, version, ct);
}
