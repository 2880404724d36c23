using Microsoft.EntityFrameworkCore;
using ServicePlan.Web.Pages.Shared;

namespace ServicePlan.Web.Pages.Progress;

/// <summary>One action on the quick update form, with its latest update shown beside the fields.</summary>
public sealed record QuickUpdateAction(Guid Id, string Ref, string DoesWhat, string DueText, ProgressUpdate? Latest, bool UpdatedInOpenReview);

/// <summary>A lead someone may enter updates for, in the owner's choice of whose updates to enter.</summary>
public sealed record QuickUpdateLead(Guid PersonId, string Name, int Actions);

/// <summary>One row of the form as posted: <see cref="Seen"/> is the id of the action's latest update when the form was made, empty when it had none.</summary>
public sealed class QuickUpdateRow
{
    public Guid ActionId { get; set; }
    public string? Seen { get; set; }
    public string? Rating { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// "Update several at once": every action a lead leads in one plan on one form, a rating and comment each, saved all
/// or nothing through <see cref="ProgressBatch"/>. An owner or admin opens it for a lead (with a person id) to enter
/// that lead's updates on their behalf.
/// </summary>
[Authorize(Policy = Policies.AddProgress)]
public sealed class QuickUpdateModel(ServicePlanDbContext db, ProgressBatch batch, EntryChecks checks, CurrentUser user) : PageModel
{
    [BindProperty]
    public List<QuickUpdateRow> Rows { get; set; } = [];

    [BindProperty]
    public EntryConfirmInput Confirm { get; set; } = new();

    public EntryWarning Warning { get; private set; } = new([], new());

    public Guid PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public string? OpenReview { get; private set; }

    /// <summary>The lead whose updates an owner is entering; null for the signed-in person's own.</summary>
    public PlanPerson? OnBehalfOf { get; private set; }

    public IReadOnlyList<QuickUpdateAction> Actions { get; private set; } = [];

    /// <summary>For an owner or admin: the plan's leads, to choose whose updates to enter.</summary>
    public IReadOnlyList<QuickUpdateLead> Leads { get; private set; } = [];

    /// <summary>Updates added by someone else since the form was made, by action.</summary>
    public Dictionary<Guid, NewerUpdate> Newer { get; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public bool MayEnterOnBehalf => ProgressRules.MayEnterOnBehalf(user.Roles);

    /// <summary>The row posted for an action, or an empty one.</summary>
    public QuickUpdateRow RowFor(QuickUpdateAction action) =>
        Rows.FirstOrDefault(r => r.ActionId == action.Id) ?? new QuickUpdateRow { ActionId = action.Id, Seen = action.Latest?.Id.ToString() };

    /// <summary>The model-state key of a row's field, as the form names it: "Rows[2].Rating".</summary>
    public static string Key(int row, string field) => $"Rows[{row}].{field}";

    public async Task<IActionResult> OnGetAsync(Guid planId, Guid? personId, CancellationToken ct)
    {
        if (await LoadAsync(planId, personId, ct) is { } problem)
            return problem;
        Rows = Actions.Select(a => new QuickUpdateRow { ActionId = a.Id, Seen = a.Latest?.Id.ToString() }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, Guid? personId, CancellationToken ct)
    {
        if (await LoadAsync(planId, personId, ct) is { } problem)
            return problem;

        // A hand-made row's unreadable id is the batch's to refuse by name, not a binding error under a key the page does not show.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Rows[", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);

        // The rows in the order the page lists the actions, so that each error's key is its row's; a row for an action
        // the page does not list (posted by hand) is kept at the end for the batch to refuse by name.
        var listed = Actions.Select(a => a.Id).ToHashSet();
        Rows = Actions.Select(RowFor).Concat(Rows.Where(r => !listed.Contains(r.ActionId))).ToList();

        var items = Rows.Select(r => new NewProgressFor(r.ActionId, r.Rating, r.Comment, new SeenLatest(Guid.TryParse(r.Seen, out var seen) ? seen : null))).ToList();
        var author = new ProgressAuthor(user.Id, user.DisplayName, user.Roles, user.OrganisationId);
        var onBehalf = OnBehalfOf?.Id;
        var check = await batch.CheckManyAsync(planId, items, author, onBehalf, ct);
        if (Refusal(check) is { } refused)
            return refused;
        if (!check.IsSaved)
        {
            Show(check);
            return Page();
        }

        // Every row's comment is checked, including one for an action an owner may update but the page does not list.
        var posted = items.Where(i => !ProgressRules.IsBlank(i.Rating, i.Comment)).Select(i => i.ActionId).Distinct().ToList();
        var refs = await db.Actions.AsNoTracking().Where(a => posted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Ref, ct);
        var texts = Rows.Where(r => !ProgressRules.IsBlank(r.Rating, r.Comment) && refs.ContainsKey(r.ActionId))
            .Select(r => (r.ActionId, Text: new EnteredText(CommentField(refs[r.ActionId]), r.Comment)))
            .ToList();
        var findings = await checks.ForPlanAsync(planId, texts.Select(t => t.Text), ct);
        Warning = new EntryWarning(findings, Confirm);
        if (!EntryWarning.MaySave(ModelState, findings, Confirm))
            return Page();
        var enteredBy = new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId);
        foreach (var (actionId, text) in texts)
        {
            // Each confirmation is recorded against its action, under the single form's field name.
            var theirs = findings.Where(f => f.Field == text.Field).Select(f => f with { Field = ProgressEntry.CommentField }).ToList();
            if (theirs.Count > 0)
                checks.Confirm(theirs, Confirm.Reason!, enteredBy, EntryChecks.PlaceOfAction(refs[actionId]), planId, actionId);
        }

        var result = await batch.AddManyAsync(planId, items, author, onBehalf, ct);
        if (!result.IsSaved)
        {
            checks.Forget();
            if (Refusal(result) is { } late)
                return late;
            Show(result);
            return Page();
        }

        Confirmation = result.Saved.Count == 1
            ? $"1 progress update saved{(OnBehalfOf is null ? "" : $" on behalf of {OnBehalfOf.Name}")}: action {result.Saved[0].Ref}"
            : $"{result.Saved.Count} progress updates saved{(OnBehalfOf is null ? "" : $" on behalf of {OnBehalfOf.Name}")}: actions {string.Join(", ", result.Saved.Select(s => s.Ref))}";
        return Redirect(Links.QuickUpdate(planId, OnBehalfOf?.Id));
    }

    /// <summary>How the personal-data warning names a row's comment: "Action 4.1 – Comment on progress".</summary>
    public static string CommentField(string actionRef) => $"{EntryChecks.PlaceOfAction(actionRef)} – {ProgressEntry.CommentField}";

    private IActionResult? Refusal(ProgressBatchResult result) =>
        result.IsNotFound ? NotFound() : result.IsForbidden ? Forbid() : null;

    /// <summary>Puts each problem on its row's field, and a newer update beside its row, whose form now carries it: saving again confirms.</summary>
    private void Show(ProgressBatchResult result)
    {
        foreach (var problem in result.Problems)
        {
            var row = problem.ActionId is { } id ? Rows.FindIndex(r => r.ActionId == id) : -1;
            var field = problem.Kind == ProgressProblemKind.Rating ? "Rating" : "Comment";
            ModelState.AddModelError(row >= 0 && Actions.Any(a => a.Id == problem.ActionId) ? Key(row, field) : "", problem.Described);
            if (problem.Newer is { } newer && row >= 0)
            {
                Newer[problem.ActionId!.Value] = newer;
                Rows[row].Seen = newer.Id.ToString();
            }
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid planId, Guid? personId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(user.OrganisationId).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return NotFound();
        if (plan.IsReadOnly)
            return Redirect(Links.Plan(planId));
        PlanId = plan.Id;
        PlanTitle = plan.Title;
        OpenReview = await db.Reviews.AsNoTracking().Where(r => r.PlanId == planId && r.Status == ReviewStatus.Open)
            .OrderByDescending(r => r.Date).Select(r => r.Label).FirstOrDefaultAsync(ct);

        if (personId is { } id)
        {
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.PlanId == planId, ct);
            if (person is null)
                return NotFound();
            if (person.UserId != user.Id)
            {
                if (!MayEnterOnBehalf)
                    return Forbid();
                OnBehalfOf = person;
            }
        }

        var userId = user.Id;
        var led = db.Actions.AsNoTracking().Where(a => a.PlanId == planId && a.RemovedAtUtc == null);
        led = OnBehalfOf is { } lead ? led.Where(a => a.Leads.Any(p => p.Id == lead.Id)) : led.Where(a => a.Leads.Any(p => p.UserId == userId));
        var actions = await led.OrderBy(a => a.Order)
            .Select(a => new { a.Id, a.Ref, a.DoesWhat, a.DueText })
            .ToListAsync(ct);
        var ids = actions.Select(a => a.Id).ToList();
        var updates = (await db.ProgressUpdates.AsNoTracking().Include(u => u.Review).Where(u => ids.Contains(u.ActionId)).ToListAsync(ct))
            .ToLookup(u => u.ActionId);
        Actions = actions.Select(a => new QuickUpdateAction(a.Id, a.Ref, a.DoesWhat, a.DueText,
            ProgressUpdate.Latest(updates[a.Id]), updates[a.Id].Any(u => u.Review?.Status == ReviewStatus.Open))).ToList();

        if (MayEnterOnBehalf)
        {
            Leads = (await db.People.AsNoTracking().Where(p => p.PlanId == planId)
                    .Select(p => new { p.Id, p.Name, Actions = db.Actions.Count(a => a.PlanId == planId && a.RemovedAtUtc == null && a.Leads.Any(l => l.Id == p.Id)) })
                    .ToListAsync(ct))
                .Where(p => p.Actions > 0)
                .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => new QuickUpdateLead(p.Id, p.Name, p.Actions))
                .ToList();
        }

        return null;
    }
}
