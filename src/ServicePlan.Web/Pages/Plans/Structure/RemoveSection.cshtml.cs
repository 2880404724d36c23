namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>"Are you sure" before a section leaves the plan with its objectives and actions; they can be restored from the removed list.</summary>
public sealed class RemoveSectionModel(PlanStructure structure, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public int Version { get; set; }

    public StructureSection Section { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, sectionId, ct) is { } refused)
            return refused;
        Version = Section.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, sectionId, ct) is { } refused)
            return refused;
        var result = await Structure.RemoveSectionAsync(sectionId, Editor.OrganisationId, Version, ct);
        Version = Section.Version;
        return Answer(result, Links.PlanStructure(planId), "");
    }

    private async Task<IActionResult?> FindAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } refused)
            return refused;
        if (Outline.Sections.FirstOrDefault(s => s.Id == sectionId) is not { } section)
            return NotFound();
        Section = section;
        return null;
    }
}
