using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Progress;

/// <summary><see cref="OpenReview"/> is the plan's open review, if any; <see cref="UpdatedInOpenReview"/> whether this action has its update in it.</summary>
public sealed record MyAction(Guid Id, string Ref, Guid PlanId, string PlanTitle, string DoesWhat, string DueText, Rating Rating, bool IsOverdue, bool IsDueSoon, string? OpenReview, bool UpdatedInOpenReview)
{
    public bool NeedsUpdate => OpenReview is not null && !UpdatedInOpenReview;

    /// <summary>The one group the action is listed in: the first that applies, in the order a lead should act on them.</summary>
    public MyActionGroup Group =>
        NeedsUpdate ? MyActionGroup.NeedsUpdate
        : IsOverdue ? MyActionGroup.Overdue
        : IsDueSoon ? MyActionGroup.DueSoon
        : MyActionGroup.Other;
}

public enum MyActionGroup
{
    NeedsUpdate,
    Overdue,
    DueSoon,
    Other,
}

/// <summary>
/// The actions the signed-in person leads, across open plans, grouped by what to do first: those still needing
/// their update in an open review, then overdue, then due in the next <see cref="DueDate.DueSoonDays"/> days, then the rest.
/// </summary>
public sealed class MyActionsModel(ServicePlanDbContext db, ActionQueries actions, CurrentUser user) : PageModel
{
    public IReadOnlyList<MyAction> Actions { get; private set; } = [];

    public IEnumerable<MyAction> In(MyActionGroup group) => Actions.Where(a => a.Group == group);

    /// <summary>The open plans with an open review where this person leads actions: each offers an update sheet.</summary>
    public IReadOnlyList<(Guid Id, string Title)> SheetPlans { get; private set; } = [];

    public static string Heading(MyActionGroup group) => group switch
    {
        MyActionGroup.NeedsUpdate => "Needs an update in the open review",
        MyActionGroup.Overdue => "Overdue",
        MyActionGroup.DueSoon => $"Due in the next {DueDate.DueSoonDays} days",
        _ => "Your other actions",
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = user.Id;
        var today = actions.Today;
        var rows = await db.Actions.AsNoTracking()
            .Where(a => a.Leads.Any(p => p.UserId == userId))
            .WithCurrentRating()
            .Join(db.Plans.VisibleTo(user.OrganisationId).Where(p => p.Status == PlanStatus.Open && p.ArchivedAtUtc == null), r => r.Action.PlanId, p => p.Id, (r, p) => new
            {
                r.Action.Id,
                r.Action.Ref,
                r.Action.Order,
                PlanId = p.Id,
                PlanTitle = p.Title,
                r.Action.DoesWhat,
                r.Action.DueText,
                r.Action.DueKind,
                r.Action.DueOn,
                r.Rating,
                OpenReview = db.Reviews.Where(review => review.PlanId == p.Id && review.Status == ReviewStatus.Open).Select(review => review.Label).FirstOrDefault(),
                UpdatedInOpenReview = r.Action.Updates.Any(u => u.Review != null && u.Review.Status == ReviewStatus.Open),
            })
            .OrderBy(a => a.PlanTitle).ThenBy(a => a.Order)
            .ToListAsync(ct);

        Actions = rows.Select(a => new MyAction(a.Id, a.Ref, a.PlanId, a.PlanTitle, a.DoesWhat, a.DueText, a.Rating,
            DueDate.IsOverdue(a.DueKind, a.DueOn, today, a.Rating == Rating.Blue),
            DueDate.IsDueSoon(a.DueKind, a.DueOn, today, a.Rating == Rating.Blue),
            a.OpenReview, a.UpdatedInOpenReview)).ToList();

        var sheetPlans = await db.Plans.AsNoTracking().VisibleTo(user.OrganisationId)
            .Where(p => p.Status == PlanStatus.Open && p.ArchivedAtUtc == null
                && db.Reviews.Any(r => r.PlanId == p.Id && r.Status == ReviewStatus.Open)
                && db.Actions.Any(a => a.PlanId == p.Id && a.Leads.Any(l => l.UserId == userId)))
            .OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Title })
            .ToListAsync(ct);
        SheetPlans = [.. sheetPlans.Select(p => (p.Id, p.Title))];
    }
}
