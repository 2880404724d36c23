namespace ServicePlan.Web.Pages.Privacy;

/// <summary>The owner marks one progress comment exempt, so public papers print that it was withheld instead of its words.</summary>
[Authorize(Policy = Policies.EditPlan)]
public sealed class ExemptCommentModel(ActionDetails details, ProgressRecording recording, CurrentUser user) : PageModel
{
    public ActionDetail Detail { get; private set; } = null!;
    public ProgressUpdate Update { get; private set; } = null!;

    [BindProperty]
    public string? Paragraph { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid actionId, Guid updateId, CancellationToken ct)
    {
        if (!await LoadAsync(actionId, updateId, ct))
            return NotFound();
        Paragraph = Update.ExemptParagraph;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid actionId, Guid updateId, CancellationToken ct)
    {
        if (!await LoadAsync(actionId, updateId, ct))
            return NotFound();
        var paragraph = string.IsNullOrEmpty(Paragraph) ? null : Paragraph;
        if (paragraph is not null && !Schedule12A.IsParagraph(paragraph))
        {
            ModelState.AddModelError(nameof(Paragraph), "Select a paragraph of Schedule 12A, or \"Not exempt\"");
            return Page();
        }

        if (!await recording.SetExemptAsync(actionId, updateId, user.OrganisationId, paragraph, ct))
            return NotFound();
        TempData["Confirmation"] = paragraph is null
            ? "The comment is no longer exempt: public papers will print it"
            : $"The comment is exempt ({paragraph}): public papers will say it was withheld";
        return Redirect(Links.ActionHistory(actionId));
    }

    private async Task<bool> LoadAsync(Guid actionId, Guid updateId, CancellationToken ct)
    {
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct);
        var update = detail?.Action.Updates.FirstOrDefault(u => u.Id == updateId);
        if (detail is null || update is null)
            return false;
        (Detail, Update) = (detail, update);
        return true;
    }
}
