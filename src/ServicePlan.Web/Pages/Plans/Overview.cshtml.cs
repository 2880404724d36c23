using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePlan.Core.Plans;
using ServicePlan.Core.Reviews;
using ServicePlan.Data.Plans;
using ServicePlan.Data.Reviews;
using ServicePlan.Web.Infrastructure;

namespace ServicePlan.Web.Pages.Plans;

public sealed class OverviewModel(PlanQueries plans, ReviewQueries reviews, PlanRollover rollover, CurrentUser user) : PageModel
{
    public PlanOverview Overview { get; private set; } = null!;

    /// <summary>Last year's plan, when this one was rolled over from it.</summary>
    public PlanLink? PreviousPlan { get; private set; }

    /// <summary>Next year's plan, when this one has been rolled over into it.</summary>
    public PlanLink? NextPlan { get; private set; }

    public bool MayRollOver => user.MayEditPlan && Overview.Plan.Status == PlanStatus.Open && NextPlan is null;

    /// <summary>The BRAG counts at each review, oldest first.</summary>
    public IReadOnlyList<(ReviewInHistory Review, RatingCounts Counts)> Trend { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var overview = await plans.OverviewAsync(planId, user.OrganisationId, ct);
        if (overview is null)
            return NotFound();
        Overview = overview;
        Trend = await reviews.TrendAsync(planId, ct);
        (PreviousPlan, NextPlan) = await rollover.NeighboursAsync(overview.Plan, ct);
        return Page();
    }
}
