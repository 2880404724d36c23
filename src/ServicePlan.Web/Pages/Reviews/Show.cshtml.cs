using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Reviews;

/// <summary>One review: how many actions are updated, and what moved since the review before.</summary>
public sealed class ShowModel(ReviewQueries reviews, ReviewWorkflow workflow, ServicePlanDbContext db, CurrentUser user) : PageModel
{
    public Review Review { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public ReviewMovement Movement { get; private set; } = null!;
    public bool MayClose => user.MayEditPlan && Review.Status == ReviewStatus.Open && !Plan.IsReadOnly;
    public bool MayWriteNarrative => user.MayEditPlan;

    /// <summary>Leads (for their own actions), owners and admins may use update sheets while the review is open.</summary>
    public bool MayUseUpdateSheets => user.MayAddProgressTo(leadsTheAction: true) && Review.Status == ReviewStatus.Open && !Plan.IsReadOnly;

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct) =>
        await LoadAsync(reviewId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(Guid reviewId, CancellationToken ct)
    {
        if (!user.MayEditPlan)
            return Forbid();
        switch (await workflow.CloseAsync(reviewId, user.OrganisationId, ct))
        {
            case ReviewResult.Done:
                Confirmation = "The review is closed: its ratings and comments can no longer change";
                return Redirect(Links.Review(reviewId));
            case ReviewResult.Refused refused:
                if (!await LoadAsync(reviewId, ct))
                    return NotFound();
                ModelState.AddModelError("", refused.Reason);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid reviewId, CancellationToken ct)
    {
        if (await reviews.MovementAsync(reviewId, user.OrganisationId, ct) is not { } found)
            return false;
        (Review, Plan, Movement) = found;
        if (!await user.MaySeeExemptAsync(ct))
        {
            var exempt = await db.Actions.AsNoTracking().Where(a => a.PlanId == Plan.Id && a.IsExempt).Select(a => a.Id).ToListAsync(ct);
            Movement = ExemptContent.Withhold(Movement, exempt.ToHashSet());
        }

        return true;
    }
}
