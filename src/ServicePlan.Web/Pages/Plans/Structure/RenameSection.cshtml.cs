namespace ServicePlan.Web.Pages.Plans.Structure;

public sealed class RenameSectionModel(PlanStructure structure, EntryChecks checks, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>The section's version when the form was opened.</summary>
    [BindProperty]
    public int Version { get; set; }

    public StructureSection Section { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, sectionId, ct) is { } refused)
            return refused;
        Title = Section.Title;
        Version = Section.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid sectionId, CancellationToken ct)
    {
        if (await FindAsync(planId, sectionId, ct) is { } refused)
            return refused;
        if (!await MaySaveAsync(checks, "Section", [new EnteredText(PlanColumn.Section.Name(), Title)], ct))
            return Page();
        var result = await Structure.RenameSectionAsync(sectionId, Editor.OrganisationId, Version, Title, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        if (result is StructureResult.Stale)
            Version = Section.Version;
        return Answer(result, Links.PlanStructure(planId) + "#section-" + sectionId, nameof(Title));
    }

    private Task<IActionResult?> FindAsync(Guid planId, Guid sectionId, CancellationToken ct) =>
        FindAsync(planId, o => o.Sections.FirstOrDefault(s => s.Id == sectionId), s => Section = s, ct);
}
