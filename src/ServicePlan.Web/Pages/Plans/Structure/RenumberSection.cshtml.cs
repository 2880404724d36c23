namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>Shows the refs a section's actions would get, then gives them (see <see cref="StructureRules.Renumber"/>).</summary>
public sealed class RenumberSectionModel(PlanStructure structure, CurrentUser user) : StructurePageModel(structure, user)
{
    public StructureSection Section { get; private set; } = null!;

    public IReadOnlyList<Renumbering> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid sectionId, CancellationToken ct) =>
        await FindAsync(planId, sectionId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, sectionId, ct) is { } refused)
            return refused;
        var result = await Structure.RenumberSectionAsync(sectionId, Editor.OrganisationId, ct);
        return Answer(result, Links.PlanStructure(planId) + "#section-" + sectionId, "");
    }

    private async Task<IActionResult?> FindAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, o => o.Sections.FirstOrDefault(s => s.Id == sectionId), s => Section = s, ct) is { } refused)
            return refused;
        Changes = await Structure.RenumberingAsync(sectionId, Editor.OrganisationId, ct) ?? [];
        return null;
    }
}
