namespace ServicePlan.Web.Pages.Progress;

[Authorize(Policy = Policies.AddProgress)]
public sealed class AddProgressModel(ActionDetails details, ProgressRecording progress, CurrentUser user) : PageModel
{
    [BindProperty]
    public ProgressInput Input { get; set; } = new();

    public ActionDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } problem)
            return problem;

        // A closed plan is read-only: its action page says why, rather than a form that cannot be saved.
        if (Detail.Plan.Status == ServicePlan.Plans.PlanStatus.Closed)
            return Redirect(Links.Action(actionId));
        Input.Rating ??= Detail.Action.CurrentRating == Rating.None ? null : Detail.Action.CurrentRating.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } problem)
            return problem;

        // A rating's name exactly, as the radios post it: Enum.TryParse would also take "999" or "Blue,Red" and store a
        // rating that does not exist, which every page showing the action then fails to render.
        var rating = Enum.GetValues<Rating>().FirstOrDefault(r => r != Rating.None && r.ToString() == Input.Rating);
        if (rating == Rating.None)
            ModelState.AddModelError("Input.Rating", "Select a rating");
        if (string.IsNullOrWhiteSpace(Input.Comment))
            ModelState.AddModelError("Input.Comment", "Enter a comment on progress");
        else if (Input.Comment.Length > FieldLengths.ProgressComment)
            ModelState.AddModelError("Input.Comment", $"Comment on progress must be {FieldLengths.ProgressComment:N0} characters or fewer");
        if (!ModelState.IsValid)
            return Page();

        var result = await progress.AddAsync(actionId, Author, new NewProgressUpdate(rating, Input.Comment!), ct);
        switch (result)
        {
            case ProgressResult.NotFound:
                return NotFound();
            case ProgressResult.NotAllowed:
                return Forbid();
            case ProgressResult.PlanClosed:
                ModelState.AddModelError("Input.Comment", "This plan has been rolled over and closed, so its progress can no longer be updated");
                return Page();
            default:
                TempData["Confirmation"] = $"Progress update added: {rating.Name()}";
                return Redirect(Links.ActionHistory(actionId));
        }
    }

    private ProgressAuthor Author => new(user.Id, user.DisplayName, user.Roles, user.OrganisationId);

    private async Task<IActionResult?> LoadAsync(Guid actionId, CancellationToken ct)
    {
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct);
        if (detail is null)
            return NotFound();
        if (!await progress.MayAddAsync(actionId, Author, ct))
            return Forbid();
        Detail = detail;
        return null;
    }
}

public sealed class ProgressInput
{
    public string? Rating { get; set; }
    public string? Comment { get; set; }
}
