using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.Plans.Actions;

[Authorize(Policy = Policies.EditPlan)]
public sealed class EditModel(ActionDetails details, ActionEditing editing, EntryChecks checks, CurrentUser user) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    [BindProperty]
    public EntryConfirmInput Confirm { get; set; } = new();

    /// <summary>What the personal-data check found in the texts changed, shown above the form until changed or confirmed.</summary>
    public EntryWarning Warning { get; private set; } = new([], new());

    public ActionDetail Detail { get; private set; } = null!;

    /// <summary>Set when someone else saved the action after this form was opened: what they saved, and which fields differ.</summary>
    public EditResult.Conflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid actionId, CancellationToken ct)
    {
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct);
        if (detail is null)
            return NotFound();
        // A closed plan is read-only: its action page says why, rather than a form that cannot be saved.
        if (detail.Plan.IsReadOnly)
            return Redirect(Links.Action(actionId));
        Detail = detail;
        Input = ActionInput.From(detail.Action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid actionId, CancellationToken ct)
    {
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct);
        if (detail is null)
            return NotFound();
        Detail = detail;

        Validate();
        if (!ModelState.IsValid)
            return Page();

        // Only the texts this save changes: words already saved (and perhaps confirmed) are not questioned again.
        var stored = detail.Action;
        var saved = ActionInput.From(stored).Texts().ToDictionary(t => t.Column, t => t.Text);
        var findings = await checks.ForPlanAsync(
            detail.Plan.Id,
            Input.Texts().Where(t => !string.Equals(t.Text?.Trim() ?? "", saved[t.Column]?.Trim() ?? "", StringComparison.Ordinal)).Select(t => new EnteredText(t.Column.Name(), t.Text)),
            ct);
        Warning = new EntryWarning(findings, Confirm);
        if (!EntryWarning.MaySave(ModelState, findings, Confirm))
            return Page();
        if (findings.Count > 0)
            checks.Confirm(findings, Confirm.Reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), EntryChecks.PlaceOfAction(stored.Ref), detail.Plan.Id, actionId);

        var result = await editing.SaveAsync(actionId, user.OrganisationId, Input.ToChanges(), ct);
        if (result is not EditResult.Saved)
            checks.Forget();
        switch (result)
        {
            case EditResult.Saved:
                TempData["Confirmation"] = "Action saved";
                return Redirect(Links.Action(actionId));
            case EditResult.Conflict conflict:
                Conflict = conflict;
                ModelState.AddModelError("Input.DoesWhat",
                    "Someone else saved this action after you opened it. Your changes have not been saved: check what they changed, then save again");
                // The next save is judged against what is stored now; the user's typing stays in the form.
                Input.Version = conflict.Current.Version;
                return Page();
            case EditResult.Refused refused:
                ModelState.AddModelError(refused.Column == PlanColumn.ByWhen ? "Input.DueText" : "Input.DoesWhat", refused.Message);
                return Page();
            case EditResult.RefProblem problem:
                ModelState.AddModelError("Input.Ref", problem.Message);
                return Page();
            case EditResult.PlanClosed:
                ModelState.AddModelError("Input.DoesWhat", $"{detail.Plan.ReadOnlyBecause ?? "This plan is closed"}, so its actions can no longer be changed");
                return Page();
            default:
                return NotFound();
        }
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Input.DoesWhat))
            ModelState.AddModelError("Input.DoesWhat", "Enter what is done");
        foreach (var (key, value, name) in new[]
        {
            ("Input.DoesWhat", Input.DoesWhat, "Does what?"),
            ("Input.Measure", Input.Measure, "How will we know it has been done?"),
            ("Input.ChildrenExperience", Input.ChildrenExperience, "What will be the experience of children?"),
        })
        {
            if (value?.Length > FieldLengths.ActionText)
                ModelState.AddModelError(key, $"{name} must be {FieldLengths.ActionText:N0} characters or fewer");
        }

        if (Input.Ref?.Length > FieldLengths.ActionRef)
            ModelState.AddModelError("Input.Ref", $"Ref must be {FieldLengths.ActionRef} characters or fewer");
        if (Input.LeadsText?.Length > FieldLengths.ActionWho)
            ModelState.AddModelError("Input.LeadsText", $"Who? must be {FieldLengths.ActionWho} characters or fewer");
        if (Input.DueText?.Length > FieldLengths.ActionByWhen)
            ModelState.AddModelError("Input.DueText", $"By when? must be {FieldLengths.ActionByWhen} characters or fewer");
        else if (DueDate.ProblemWhenTyped(Input.DueText) is { } notADate)
            ModelState.AddModelError("Input.DueText", notADate);
        if (Input.IsExempt && !Schedule12A.IsParagraph(Input.ExemptParagraph))
            ModelState.AddModelError("Input.ExemptParagraph", "Select the paragraph of Schedule 12A that makes this action exempt");
    }
}
