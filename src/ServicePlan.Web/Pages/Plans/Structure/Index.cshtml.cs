namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>The plan's sections, objectives and actions in order, with a way to change each; read-only once the plan is closed.</summary>
public sealed class IndexModel(PlanStructure structure, CurrentUser user) : StructurePageModel(structure, user)
{
    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        return await ShowAsync(planId, ct) is null ? NotFound() : Page();
    }

    /// <summary>Moves a section one place up or down the plan.</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid planId, Guid sectionId, string? direction, CancellationToken ct)
    {
        if (await ShowAsync(planId, ct) is not { } outline || outline.Sections.All(s => s.Id != sectionId))
            return NotFound();
        var result = await Structure.MoveSectionAsync(sectionId, Editor.OrganisationId, direction == "up" ? -1 : 1, ct);
        if (result is StructureResult.Done)
            return Answer(result, Links.PlanStructure(planId) + "#section-" + sectionId, "");
        var page = Answer(result, Links.PlanStructure(planId), "");
        await ShowAsync(planId, ct);
        return page;
    }

    private async Task<PlanOutline?> ShowAsync(Guid planId, CancellationToken ct)
    {
        var outline = await Structure.OutlineAsync(planId, Editor.OrganisationId, ct);
        if (outline is not null)
            SetOutline(outline);
        return outline;
    }
}
