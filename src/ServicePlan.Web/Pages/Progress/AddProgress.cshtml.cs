using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.Progress;

[Authorize(Policy = Policies.AddProgress)]
public sealed class AddProgressModel(ActionDetails details, ProgressRecording progress, EntryChecks checks, CurrentUser user) : PageModel
{
    [BindProperty]
    public ProgressInput Input { get; set; } = new();

    [BindProperty]
    public EntryConfirmInput Confirm { get; set; } = new();

    /// <summary>What the personal-data check found in the comment, shown above the form until changed or confirmed.</summary>
    public EntryWarning Warning { get; private set; } = new([], new());

    public ActionDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } problem)
            return problem;

        // A closed plan is read-only: its action page says why, rather than a form that cannot be saved.
        if (Detail.Plan.IsReadOnly)
            return Redirect(Links.Action(actionId));
        Input.Rating ??= Detail.Action.CurrentRating == Rating.None ? null : Detail.Action.CurrentRating.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid actionId, CancellationToken ct)
    {
        if (await LoadAsync(actionId, ct) is { } problem)
            return problem;

        var problems = ProgressEntry.Validate(Input.Rating, Input.Comment, out var rating);
        foreach (var (field, message) in problems)
            ModelState.AddModelError(field == ProgressEntry.Field.Rating ? "Input.Rating" : "Input.Comment", message);
        if (!ModelState.IsValid)
            return Page();

        var findings = await checks.ForPlanAsync(Detail.Plan.Id, [new(ProgressEntry.CommentField, Input.Comment)], ct);
        Warning = new EntryWarning(findings, Confirm);
        if (!EntryWarning.MaySave(ModelState, findings, Confirm))
            return Page();
        if (findings.Count > 0)
            checks.Confirm(findings, Confirm.Reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), EntryChecks.PlaceOfAction(Detail.Action.Ref), Detail.Plan.Id, actionId);

        var result = await progress.AddAsync(actionId, Author, new NewProgressUpdate(rating, Input.Comment!), ct);
        if (result != ProgressResult.Saved)
            checks.Forget();
        switch (result)
        {
            case ProgressResult.NotFound:
                return NotFound();
            case ProgressResult.NotAllowed:
                return Forbid();
            case ProgressResult.PlanClosed:
                ModelState.AddModelError("Input.Comment", $"{Detail.Plan.ReadOnlyBecause ?? "This plan is closed"}, so its progress can no longer be updated");
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
