using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ServicePlan.Web.Pages.Reviews;

/// <summary>One review: how many actions are updated, and what moved since the review before.</summary>
public sealed class ShowModel(
    ReviewQueries reviews, ReviewWorkflow workflow, ServicePlanDbContext db, CurrentUser user,
    ReviewChase chase, ReminderSender sender, IOptions<ReminderOptions> reminders) : PageModel
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

    /// <summary>The leads with outstanding updates: owners and admins only, while the review is open.</summary>
    public ReviewChaseView? Chase { get; private set; }

    /// <summary>"Send a reminder" needs e-mail set up (the Reminders section of the settings).</summary>
    public bool MaySendReminders => reminders.Value.Enabled;

    /// <summary>After a chase, who was sent a reminder and who was not, one line each.</summary>
    [TempData]
    public string? ChaseReport { get; set; }

    public async Task<IActionResult> OnPostRemindAsync(Guid reviewId, Guid personId, CancellationToken ct) =>
        await RemindAsync(reviewId, personId, ct);

    public async Task<IActionResult> OnPostRemindAllAsync(Guid reviewId, CancellationToken ct) =>
        await RemindAsync(reviewId, null, ct);

    private async Task<IActionResult> RemindAsync(Guid reviewId, Guid? personId, CancellationToken ct)
    {
        if (!user.MayEditPlan)
            return Forbid();
        var inOrganisation = await db.Reviews.Where(r => r.Id == reviewId)
            .Join(db.Plans.VisibleTo(user.OrganisationId), r => r.PlanId, p => p.Id, (r, p) => r.Id)
            .AnyAsync(ct);
        if (!inOrganisation)
            return NotFound();
        if (!reminders.Value.Enabled)
        {
            ChaseReport = "E-mail is not set up for ServicePlan, so no reminder was sent.";
            return Redirect(Links.Review(reviewId));
        }

        switch (await chase.RemindAsync(reviewId, user.OrganisationId, personId, user.DisplayName, sender, ct))
        {
            case null:
                ChaseReport = "Reminders can only be sent while the review is open.";
                return Redirect(Links.Review(reviewId));
            case { Count: 0 } when personId is not null:
                return NotFound();
            case var results:
                ChaseReport = string.Join('\n', ChaseRules.Confirmation(results));
                return Redirect(Links.Review(reviewId) + "#chase");
        }
    }

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

        if (user.MayEditPlan && Review.Status == ReviewStatus.Open)
            Chase = await chase.LeadsAsync(reviewId, user.OrganisationId, ct);

        return true;
    }
}
