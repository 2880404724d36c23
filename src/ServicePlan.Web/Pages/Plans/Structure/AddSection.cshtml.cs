namespace ServicePlan.Web.Pages.Plans.Structure;

public sealed class AddSectionModel(PlanStructure structure, EntryChecks checks, CurrentUser user) : StructurePageModel(structure, user)
{
    [BindProperty]
    public string? Title { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct) => await LoadAsync(planId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } refused)
            return refused;
        if (!await MaySaveAsync(checks, "Section", [new EnteredText(PlanColumn.Section.Name(), Title)], ct))
            return Page();
        var result = await Structure.AddSectionAsync(planId, Editor.OrganisationId, Title, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return Answer(result, result is StructureResult.Done done ? Links.PlanStructure(planId) + "#section-" + done.Id : "", nameof(Title));
    }
}
