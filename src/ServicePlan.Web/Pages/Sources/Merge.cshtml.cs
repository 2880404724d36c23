namespace ServicePlan.Web.Pages.Sources;

/// <summary>
/// Imports make one source per title as written, so "Action for children" and "Action For Children survey" can both
/// exist. The owner keeps one and merges the others into it.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class MergeModel(SourceRegister register, CurrentUser user) : PageModel
{
    [BindProperty]
    public Guid? Keep { get; set; }

    [BindProperty]
    public List<Guid> Merge { get; set; } = [];

    public IReadOnlyList<SourceRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await register.ListAsync(user.OrganisationId, null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Rows = await register.ListAsync(user.OrganisationId, null, ct);
        if (Keep is null)
            ModelState.AddModelError(nameof(Keep), "Select the source to keep");
        var duplicates = Merge.Where(id => id != Keep).Distinct().ToList();
        if (duplicates.Count == 0)
            ModelState.AddModelError(nameof(Merge), "Select at least one other source to merge into the one you keep");
        if (!ModelState.IsValid)
            return Page();

        switch (await register.MergeAsync(user.OrganisationId, Keep!.Value, duplicates, ct))
        {
            case MergeResult.Merged merged:
                TempData["Confirmation"] = $"{merged.Count} source{(merged.Count == 1 ? " is" : "s are")} merged into \"{merged.Kept.Title}\"";
                return Redirect(Links.Source(merged.Kept.Id));
            default:
                ModelState.AddModelError(nameof(Merge), "One of those sources is no longer in the register: it may have just been merged. Check the list and try again");
                Rows = await register.ListAsync(user.OrganisationId, null, ct);
                return Page();
        }
    }
}
