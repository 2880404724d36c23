namespace ServicePlan.Web.Pages.Progress;

/// <summary>The author corrects their own progress comment while its review is open; the earlier wording is kept.</summary>
[Authorize(Policy = Policies.AddProgress)]
public sealed class EditCommentModel(ActionDetails details, CommentEditing editing, CurrentUser user) : PageModel
{
    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The comment's version when the form was opened: a save is refused if it moved since.</summary>
    [BindProperty]
    public int Version { get; set; }

    public ActionDetail Detail { get; private set; } = null!;
    public EditableComment Editable { get; private set; } = null!;

    /// <summary>Why the comment can no longer be changed, shown instead of the form.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid actionId, Guid updateId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, updateId, ct) is { } problem)
            return problem;
        Comment = Editable.Update.Comment;
        Version = Editable.Update.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid actionId, Guid updateId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, updateId, ct) is { } problem)
            return problem;
        if (Closed is not null)
        {
            ModelState.AddModelError(nameof(Comment), Closed);
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Comment))
            ModelState.AddModelError(nameof(Comment), "Enter a comment on progress");
        else if (Comment.Length > FieldLengths.ProgressComment)
            ModelState.AddModelError(nameof(Comment), $"Comment on progress must be {FieldLengths.ProgressComment:N0} characters or fewer");
        if (!ModelState.IsValid)
            return Page();

        switch (await editing.SaveAsync(updateId, user.OrganisationId, user.Id, user.DisplayName, Comment!, Version, ct))
        {
            case CommentEditResult.Saved:
                TempData["Confirmation"] = "Your comment is changed: its earlier wording is kept in the history";
                return Redirect(Links.ActionHistory(actionId));
            case CommentEditResult.Conflict conflict:
                ModelState.AddModelError(nameof(Comment), "This comment was changed after you opened it. Your words have not been saved: the comment now says what is shown above. Copy what you need and save again");
                Editable = Editable with { Update = WithComment(Editable.Update, conflict.Current) };
                Version = conflict.CurrentVersion;
                ModelState.Remove(nameof(Version));
                return Page();
            case CommentEditResult.Refused refused:
                return refused.Why == CommentEditRefusal.NotTheAuthor ? Forbid() : NotFound();
            default:
                return NotFound();
        }
    }

    private static ProgressUpdate WithComment(ProgressUpdate update, string comment)
    {
        update.Comment = comment;
        return update;
    }

    private async Task<IActionResult?> LoadAsync(Guid actionId, Guid updateId, CancellationToken ct)
    {
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct);
        var editable = detail is null ? null : await editing.FindAsync(updateId, user.OrganisationId, user.Id, ct);
        if (detail is null || editable is null || editable.Update.ActionId != actionId)
            return NotFound();
        if (editable.Refusal == CommentEditRefusal.NotTheAuthor)
            return Forbid();
        (Detail, Editable) = (detail, editable);
        Closed = editable.Refusal switch
        {
            CommentEditRefusal.ReviewClosed => $"The review {editable.Update.Review?.Label} is closed, so this comment can no longer be changed",
            CommentEditRefusal.PlanClosed => "This plan is closed or archived, so its comments can no longer be changed",
            _ => null,
        };
        return null;
    }
}
