namespace ServicePlan.Web.Pages.Plans.Actions;

/// <remarks>
/// The action with its leads, sources, updates and change log takes seven queries; they are made once per change of the
/// plan and kept in <see cref="PlanViewCache"/> under the plan's version. What depends on who is looking (may they add
/// progress or edit), the other years' plans (the lineage, which changes with those plans) and the sources (the council's
/// register, renamed without touching the plan) are read every time.
/// </remarks>
public sealed class ShowModel(ActionDetails details, ActionQueries actions, ActionLineages lineages, AuditTrail trail, PlanChanges changes, PlanViewCache cache, CommentEditing editing, CurrentUser user) : PageModel
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

    /// <summary>Plan owners and admins may redact any text, even in a closed plan or review: erasure beats freezing.</summary>
    public bool MayRedact => user.MayEditPlan;

    /// <summary>The earlier wording of comments their authors changed, by update: shown to plan owners and admins only.</summary>
    public ILookup<Guid, CommentVersion> EarlierWordings { get; private set; } = Array.Empty<CommentVersion>().ToLookup(v => v.ProgressUpdateId);

    /// <summary>The author may change their own comment while its review is open.</summary>
    public bool MayChange(ProgressUpdate update) =>
        CommentEditRules.Refusal(CommentEditRules.IsAuthor(update.AuthorUserId, user.Id), Detail.Plan.IsReadOnly, update.Review?.Status) is null;

    public bool AnyChangeable => Detail.Action.Updates.Any(MayChange);

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
        Changes = user.MayEditPlan ? kept.Changes : WithoutEarlierWording(kept.Changes, detail.Action.Updates);
        if (user.MayEditPlan)
            EarlierWordings = await editing.EarlierWordingsAsync(actionId, ct);
        Sources = await details.SourcesAsync(detail.Objective.Id, ct);
        Due = detail.Action.Due(detail.Plan.Period);
        IsOverdue = Due.IsOverdue(actions.Today, detail.Action.CurrentRating == ServicePlan.Progress.Rating.Blue);
        var open = !detail.Plan.IsReadOnly;
        MayAddProgress = open && user.MayAddProgressTo(detail.Action.Leads.Any(p => p.UserId == user.Id));
        MayEdit = open && user.MayEditPlan;
        Lineage = await lineages.ForAsync(detail.Action, user.OrganisationId, ct);
        SeeExempt = await user.MaySeeExemptAsync(ct);
        return Page();
    }

    /// <summary>
    /// The change log as people other than owners see it: a comment's earlier wording is for the owners, so its versions
    /// are left out, and a comment's words are shown only where they are what the comment says now.
    /// </summary>
    private static List<AuditEntry> WithoutEarlierWording(IEnumerable<AuditEntry> entries, IEnumerable<ProgressUpdate> updates)
    {
        const string Hidden = "(earlier wording, shown to plan owners)";
        var current = updates.ToDictionary(u => u.Id.ToString(), u => u.Comment);
        var earlierWording = AuditInterceptor.EntityName(typeof(CommentVersion));
        var progressUpdate = AuditInterceptor.EntityName(typeof(ProgressUpdate));
        string? Shown(string entityId, string? words) =>
            words is null || (current.TryGetValue(entityId, out var now) && string.Equals(now, words, StringComparison.Ordinal)) ? words : Hidden;

        return entries.Where(e => e.Entity != earlierWording)
            .Select(e => e.Entity != progressUpdate ? e : new AuditEntry
            {
                Id = e.Id,
                AtUtc = e.AtUtc,
                UserId = e.UserId,
                UserName = e.UserName,
                Entity = e.Entity,
                EntityId = e.EntityId,
                Change = e.Change,
                OrganisationId = e.OrganisationId,
                PlanId = e.PlanId,
                ActionId = e.ActionId,
                Summary = e.Summary,
                Fields = [.. e.Fields.Select(f => f.Field == nameof(ProgressUpdate.Comment) ? f with { Before = Shown(e.EntityId, f.Before), After = Shown(e.EntityId, f.After) } : f)],
            })
            .ToList();
    }

    private sealed record Kept(ActionDetail Detail, IReadOnlyList<AuditEntry> Changes);
}
