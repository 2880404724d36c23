using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Core.DueDates;
using ServicePlan.Core.Plans;
using ServicePlan.Core.Ratings;
using ServicePlan.Core.Reviews;
using ServicePlan.Data;
using ServicePlan.Data.Actions;
using ServicePlan.Data.Plans;
using ServicePlan.Web.Infrastructure;

namespace ServicePlan.Web.Pages.MyActions;

/// <summary><see cref="OpenReview"/> is the plan's open review, if any; <see cref="UpdatedInOpenReview"/> whether this action has its update in it.</summary>
public sealed record MyAction(Guid Id, string Ref, string PlanTitle, string WhatIsDone, string DueText, Rating Rating, bool IsOverdue, string? OpenReview, bool UpdatedInOpenReview);

/// <summary>The actions the signed-in person leads, in open plans: what a team manager checks before a review.</summary>
public sealed class IndexModel(ServicePlanDbContext db, ActionQueries actions, CurrentUser user) : PageModel
{
    public IReadOnlyList<MyAction> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = user.Id;
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.Leads.Any(p => p.UserId == userId))
            .Join(db.Plans.VisibleTo(user.OrganisationId).Where(p => p.Status == PlanStatus.Open), a => a.PlanId, p => p.Id, (a, p) => new
            {
                a.Id,
                a.Ref,
                a.Order,
                PlanTitle = p.Title,
                a.WhatIsDone,
                a.DueText,
                a.DueKind,
                a.DueOn,
                Rating = a.Updates.OrderByDescending(u => u.RecordedAtUtc).ThenByDescending(u => u.Id).Select(u => (Rating?)u.Rating).FirstOrDefault() ?? Rating.None,
                OpenReview = db.Reviews.Where(r => r.PlanId == p.Id && r.Status == ReviewStatus.Open).Select(r => r.Label).FirstOrDefault(),
                UpdatedInOpenReview = a.Updates.Any(u => u.Review != null && u.Review.Status == ReviewStatus.Open),
            })
            .OrderBy(a => a.PlanTitle).ThenBy(a => a.Order)
            .ToListAsync(ct);

        Actions = rows.Select(a => new MyAction(a.Id, a.Ref, a.PlanTitle, a.WhatIsDone, a.DueText, a.Rating,
            DueDate.IsOverdue(a.DueKind, a.DueOn, actions.Today, a.Rating == Rating.Blue), a.OpenReview, a.UpdatedInOpenReview)).ToList();
    }
}
