using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Core.Plans;
using ServicePlan.Core.Ratings;
using ServicePlan.Core.Sources;
using ServicePlan.Data;
using ServicePlan.Data.Actions;
using ServicePlan.Data.Plans;
using ServicePlan.Web.Infrastructure;

namespace ServicePlan.Web.Pages.Actions;

/// <summary>The plan table: every objective with its actions, narrowed by the filters in the query string so a filtered view can be bookmarked.</summary>
public sealed class ListModel(PlanQueries plans, ActionQueries actions, ServicePlanDbContext db, CurrentUser user) : PageModel
{
    [FromQuery(Name = "section")] public Guid? SectionId { get; set; }
    [FromQuery(Name = "lead")] public Guid? LeadId { get; set; }
    [FromQuery(Name = "rating")] public string? RatingText { get; set; }
    [FromQuery(Name = "source")] public Guid? SourceId { get; set; }
    [FromQuery(Name = "overdue")] public bool Overdue { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<Source> Sources { get; private set; } = [];
    public IReadOnlyList<ActionRow> Rows { get; private set; } = [];
    public int TotalActions { get; private set; }
    public Rating? RatingFilter { get; private set; }
    public bool IsFiltered { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return NotFound();
        Plan = plan;

        RatingFilter = ParseRating(RatingText);
        Sections = await db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync(ct);
        Sources = await db.Objectives.AsNoTracking()
            .Where(o => o.Section!.PlanId == planId)
            .SelectMany(o => o.Sources)
            .Distinct()
            .OrderBy(s => s.Title)
            .ToListAsync(ct);

        var filter = new ActionFilter
        {
            SectionId = SectionId,
            LeadId = LeadId,
            Rating = RatingFilter,
            SourceId = SourceId,
            OverdueOnly = Overdue,
            Search = Search?.Length > 200 ? Search[..200] : Search,
        };
        IsFiltered = !filter.IsEmpty;
        Rows = await actions.ListAsync(planId, filter, ct);
        TotalActions = IsFiltered ? await db.Actions.CountAsync(a => a.PlanId == planId, ct) : Rows.Count;
        return Page();
    }

    private static Rating? ParseRating(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (text.Equals("unrated", StringComparison.OrdinalIgnoreCase))
            return Rating.None;
        // An unknown rating in a hand-edited URL shows everything rather than an error page.
        return Ratings.TryParse(text, out var rating, out _) ? rating : null;
    }
}
