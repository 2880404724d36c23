using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.Plans.Structure;

/// <summary>
/// What the structure pages share: the plan's outline (which also proves the section, objective or action asked for is
/// in this plan and the user's organisation), and turning a command's result into a page, an error or a redirect.
/// </summary>
[Authorize(Policy = Policies.EditPlan)]
public abstract class StructurePageModel(PlanStructure structure, CurrentUser user) : PageModel
{
    protected PlanStructure Structure => structure;

    protected CurrentUser Editor => user;

    public PlanOutline Outline { get; private set; } = null!;

    public Plan Plan => Outline.Plan;

    protected void SetOutline(PlanOutline outline) => Outline = outline;

    [BindProperty]
    public EntryConfirmInput Confirm { get; set; } = new();

    /// <summary>What the personal-data check found in the texts typed, shown above the form until changed or confirmed.</summary>
    public EntryWarning Warning { get; private set; } = new([], new());

    /// <summary>
    /// The personal-data check every form has: true when the texts may be saved (nothing found, or confirmed with a
    /// reason, which is then recorded in the same save as the change); otherwise the form is shown again with the findings.
    /// </summary>
    protected async Task<bool> MaySaveAsync(EntryChecks checks, string where, IEnumerable<EnteredText> texts, CancellationToken ct)
    {
        var findings = await checks.ForPlanAsync(Plan.Id, texts, ct);
        Warning = new EntryWarning(findings, Confirm);
        if (!EntryWarning.MaySave(ModelState, findings, Confirm))
            return false;
        if (findings.Count > 0)
            checks.Confirm(findings, Confirm.Reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), where, Plan.Id);
        return true;
    }

    /// <summary>The page's answer when the plan cannot be changed here (not found, or closed); null when it can.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid planId, CancellationToken ct)
    {
        var outline = await structure.OutlineAsync(planId, user.OrganisationId, ct);
        if (outline is null)
            return NotFound();
        Outline = outline;
        // A closed plan is read-only: its structure page says why, rather than a form that cannot be saved.
        return outline.Plan.IsReadOnly ? Redirect(Links.PlanStructure(planId)) : null;
    }

    /// <summary>
    /// Loads the plan and the part of it asked for (a section, objective or action, found by <paramref name="find"/> in its
    /// outline) and hands it to <paramref name="found"/>; the page's answer when either is not there, or null.
    /// </summary>
    protected async Task<IActionResult?> FindAsync<T>(Guid planId, Func<PlanOutline, T?> find, Action<T> found, CancellationToken ct)
        where T : class
    {
        if (await LoadAsync(planId, ct) is { } refused)
            return refused;
        if (find(Outline) is not { } part)
            return NotFound();
        found(part);
        return null;
    }

    /// <summary>
    /// Done: the success banner on <paramref name="next"/>. Refused: the message against <paramref name="errorKey"/>, or by
    /// field through <paramref name="inputs"/> (a <see cref="StructureField"/> name to the form's input).
    /// </summary>
    protected IActionResult Answer(StructureResult result, string next, string errorKey, IReadOnlyDictionary<string, string>? inputs = null)
    {
        switch (result)
        {
            case StructureResult.Done done:
                TempData["Confirmation"] = done.Message;
                return Redirect(next);
            case StructureResult.Invalid invalid:
                foreach (var (field, message) in invalid.Problems)
                    ModelState.AddModelError(inputs?.GetValueOrDefault(field) ?? errorKey, message);
                return Page();
            case StructureResult.Stale stale:
                ModelState.AddModelError(errorKey, stale.Message);
                return Page();
            case StructureResult.Refused refused:
                ModelState.AddModelError(errorKey, refused.Message);
                return Page();
            case StructureResult.PlanClosed:
                ModelState.AddModelError(errorKey, $"{(Outline as PlanOutline)?.Plan.ReadOnlyBecause ?? "This plan is closed"}, so it can no longer be changed");
                return Page();
            default:
                return NotFound();
        }
    }
}
