namespace ServicePlan.Web.Pages.Plans.Actions;

/// <remarks>
/// The action with its leads, sources, updates and change log takes seven queries; they are made once per change of the
/// plan and kept in <see cref="PlanViewCache"/> under the plan's version. What depends on who is looking (may they add
/// progress or edit), the other years' plans (the lineage, which changes with those plans) and the sources (the council's
/// register, renamed without touching the plan) are read every time.
/// </remarks>
public sealed class ShowModel(ActionDetails details, ActionQueries actions, ActionLineages lineages, AuditTrail trail, PlanChanges changes, PlanViewCache cache, CurrentUser user) : PageModel
{
    public ActionDetail Detail { get; private set; } = null!;

    public IReadOnlyList<Source> Sources { get; private set; } = [];

    /// <summary>The action in earlier and later years' plans, and its earlier years' updates.</summary>
    public ActionLineage Lineage { get; private set; } = ActionLineage.None;
    public DueDate Due { get; private set; } = null!;

    /// <summary>Every recorded change to the action and its updates, from the audit trail.</summary>
    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];
    public bool IsOverdue { get; private set; }
    public bool MayAddProgress { get; private set; }
    public bool MayEdit { get; private set; }

    /// <summary>Comments can be marked exempt even in a closed plan: an old comment may yet go in a public paper.</summary>
    public bool MayMarkExempt => user.MayEditPlan;

    /// <summary>Whether this reader is shown exempt content, marked; otherwise it is withheld in its place.</summary>
    public bool SeeExempt { get; private set; }

    public bool ActionWithheld => Detail.Action.IsExempt && !SeeExempt;

    public bool HasExemptComments => Detail.Action.Updates.Any(u => u.IsExempt) || Lineage.EarlierUpdates.Any(e => e.Update.IsExempt);

    public bool Shows(ProgressUpdate update) => SeeExempt || !(update.IsExempt || Detail.Action.IsExempt);

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid actionId, CancellationToken ct)
    {
        if (await details.PlanOfAsync(actionId, user.OrganisationId, ct) is not { } planId)
            return NotFound();

        var key = string.Join('|', "action", actionId, await changes.VersionAsync(planId, ct));
        var kept = await cache.GetOrAddAsync(
            key,
            async () => new Kept(
                await details.FindAsync(actionId, user.OrganisationId, ct) ?? throw new InvalidOperationException("The action has gone."),
                await trail.ForActionAsync(actionId, ct)),
            _ => 32 * 1024);
        var detail = kept.Detail;
        Detail = detail;
        Changes = kept.Changes;
        Sources = await details.SourcesAsync(detail.Objective.Id, ct);
        Due = detail.Action.Due(detail.Plan.Period);
        IsOverdue = Due.IsOverdue(actions.Today, detail.Action.CurrentRating == ServicePlan.Progress.Rating.Blue);
        var open = detail.Plan.Status == ServicePlan.Plans.PlanStatus.Open;
        MayAddProgress = open && user.MayAddProgressTo(detail.Action.Leads.Any(p => p.UserId == user.Id));
        MayEdit = open && user.MayEditPlan;
        Lineage = await lineages.ForAsync(detail.Action, user.OrganisationId, ct);
        SeeExempt = await user.MaySeeExemptAsync(ct);
        return Page();
    }

    private sealed record Kept(ActionDetail Detail, IReadOnlyList<AuditEntry> Changes);
}
