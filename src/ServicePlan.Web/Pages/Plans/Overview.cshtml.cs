namespace ServicePlan.Web.Pages.Plans;

public sealed class OverviewModel(PlanQueries plans, ReviewQueries reviews, PlanRollover rollover, PlanChanges changes, PlanViewCache cache, CurrentUser user) : PageModel
{
    public PlanOverview Overview { get; private set; } = null!;

    /// <summary>Last year's plan, when this one was rolled over from it.</summary>
    public PlanLink? PreviousPlan { get; private set; }

    /// <summary>Next year's plan, when this one has been rolled over into it.</summary>
    public PlanLink? NextPlan { get; private set; }

    public bool MayChangeStructure => user.MayEditPlan && !Overview.Plan.IsReadOnly;

    public bool MayEditPlan => user.MayEditPlan;

    public bool MayRollover => user.MayEditPlan && !Overview.Plan.IsReadOnly && NextPlan is null;

    /// <summary>The BRAG counts at each review, oldest first.</summary>
    public IReadOnlyList<(ReviewInHistory Review, RatingCounts Counts)> Trend { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await plans.FindAsync(planId, user.OrganisationId, ct) is null)
            return NotFound();

        // The counts and the trend read every action and update of the plan: made once per change of the plan (the
        // version first, then the figures; see PlanChanges) and per day, for Overdue.
        var key = string.Join('|', "overview", planId, await changes.VersionAsync(planId, ct), plans.Today);
        var figures = await cache.GetOrAddAsync(
            key,
            async () => new Figures(await plans.OverviewAsync(planId, user.OrganisationId, ct) ?? throw new InvalidOperationException("The plan has gone."), await reviews.TrendAsync(planId, ct)),
            _ => 64 * 1024);
        Overview = figures.Overview;
        Trend = figures.Trend;
        (PreviousPlan, NextPlan) = await rollover.NeighboursAsync(Overview.Plan, ct);
        return Page();
    }

    private sealed record Figures(PlanOverview Overview, IReadOnlyList<(ReviewInHistory Review, RatingCounts Counts)> Trend);
}
