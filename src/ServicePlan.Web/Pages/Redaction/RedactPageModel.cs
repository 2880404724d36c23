namespace ServicePlan.Web.Pages.Redaction;

/// <summary>
/// The owner's redaction of one text: the page shows the words, asks why and for a confirmation, then erases them
/// everywhere (see <see cref="Redactions"/>). Each kind of text has its own page and route; this is what they share.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public abstract class RedactPageModel(Redactions redactions, CurrentUser user) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public RedactionSubject Subject { get; private set; } = null!;

    /// <summary>Where the owner came from, and goes back to once the words are gone.</summary>
    public abstract string BackUrl { get; }

    /// <summary>Whether the text found is the one the address names (a comment under its own action).</summary>
    protected virtual bool Matches(RedactionSubject subject) => true;

    protected async Task<IActionResult> ShowAsync(RedactionTarget? target, CancellationToken ct)
    {
        if (target is null || await redactions.FindAsync(target, user.OrganisationId, ct) is not { } subject || !Matches(subject))
            return NotFound();
        Subject = subject;
        return Page();
    }

    protected async Task<IActionResult> RedactAsync(RedactionTarget? target, CancellationToken ct)
    {
        if (target is null || await redactions.FindAsync(target, user.OrganisationId, ct) is not { } subject || !Matches(subject))
            return NotFound();
        Subject = subject;
        if (RedactionText.ReasonProblem(Reason) is { } problem)
            ModelState.AddModelError(nameof(Reason), problem);
        if (!Confirm)
            ModelState.AddModelError(nameof(Confirm), "Confirm that these words are to be erased everywhere");
        if (!ModelState.IsValid)
            return Page();

        switch (await redactions.RedactAsync(target, new Redactor(user.Id, user.DisplayName, user.OrganisationId), Reason!, ct))
        {
            case RedactionResult.Redacted redacted:
                TempData["Confirmation"] = $"{redacted.Subject.What} is redacted: the words are erased everywhere";
                return Redirect(BackUrl);
            case RedactionResult.Conflict:
                ModelState.AddModelError(nameof(Reason), "The words changed while they were being redacted, and nothing was erased. Check the words above and try again");
                return Page();
            default:
                return NotFound();
        }
    }
}
