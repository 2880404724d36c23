using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePlan.Core.Audit;
using ServicePlan.Core.DueDates;
using ServicePlan.Data.Actions;
using ServicePlan.Data.Audit;
using ServicePlan.Web.Infrastructure;

namespace ServicePlan.Web.Pages.Actions;

public sealed class ShowModel(ActionDetails details, ActionQueries actions, ActionLineages lineages, AuditTrail trail, CurrentUser user) : PageModel
{
    public ActionDetail Detail { get; private set; } = null!;

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

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid actionId, CancellationToken ct)
    {
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct);
        if (detail is null)
            return NotFound();

        Detail = detail;
        Changes = await trail.ForActionAsync(actionId, ct);
        Due = detail.Action.Due(detail.Plan.Period);
        IsOverdue = Due.IsOverdue(actions.Today, detail.Action.CurrentRating == Core.Ratings.Rating.Blue);
        var open = detail.Plan.Status == Core.Plans.PlanStatus.Open;
        MayAddProgress = open && user.MayAddProgressTo(detail.Action.Leads.Any(p => p.UserId == user.Id));
        MayEdit = open && user.MayEditPlan;
        Lineage = await lineages.ForAsync(detail.Action, user.OrganisationId, ct);
        return Page();
    }
}
