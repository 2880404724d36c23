using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Plans.Actions;

/// <summary>What the results part of the list shows: the rows, and how many actions the plan has when filtered.</summary>
public sealed record ActionTables(IReadOnlyList<ActionRow> Rows, int Total, bool IsFiltered);

/// <summary>The plan table: every objective with its actions, narrowed by the filters in the query string so a filtered view can be bookmarked.</summary>
/// <remarks>
/// The tables of a 1,000-action plan are 1.7 MB of HTML. They are rendered once per change of the plan and then served
/// from <see cref="PlanViewCache"/>, under a key holding the plan's version.
/// </remarks>
public sealed class ListModel(PlanQueries plans, ActionQueries actions, PlanChanges changes, PlanViewCache cache, ServicePlanDbContext db, CurrentUser user) : PageModel
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
    public Rating? RatingFilter { get; private set; }
    public bool IsFiltered { get; private set; }

    private ActionFilter _filter = new();

    /// <summary>What the tables depend on: the plan and its version, today (for Overdue) and the filters.</summary>
    private string _cacheKey = "";
    private bool _seeExempt;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return NotFound();
        Plan = plan;

        RatingFilter = ParseRating(RatingText);
        if (RatingFilter is null && !string.IsNullOrWhiteSpace(RatingText))
            IgnoredFilters.Note(HttpContext, "rating", RatingText);
        var version = await changes.VersionAsync(planId, ct);
        Sections = await cache.GetOrAddAsync(
            string.Join('|', "sections", planId, version),
            () => db.Sections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Order).ToListAsync(ct),
            sections => sections.Count * 256);

        // Which sources the plan's objectives cite changes with the plan; their titles are the council's register,
        // renamed without touching the plan, so those are read every time, by id.
        var sourceIds = await cache.GetOrAddAsync(
            string.Join('|', "sources", planId, version),
            () => db.Objectives.Where(o => o.Section!.PlanId == planId).SelectMany(o => o.Sources).Select(s => s.Id).Distinct().ToListAsync(ct),
            ids => ids.Count * 16);
        Sources = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).OrderBy(s => s.Title).ToListAsync(ct);

        _seeExempt = await user.MaySeeExemptAsync(ct);
        _filter = new ActionFilter
        {
            SectionId = SectionId,
            LeadId = LeadId,
            Rating = RatingFilter,
            SourceId = SourceId,
            OverdueOnly = Overdue,
            Search = Search?.Length > 200 ? Search[..200] : Search,
            SearchExempt = _seeExempt,
        };
        IsFiltered = !_filter.IsEmpty;
        _cacheKey = string.Join('|', "list", planId, version, actions.Today, SectionId, LeadId, RatingFilter, SourceId, Overdue, _seeExempt);
        return Page();
    }

    /// <summary>
    /// The results as HTML, rendered by <paramref name="render"/> (the page's partial) only when not already kept.
    /// Searches are one-offs, so only the dropdown filters' results are kept.
    /// </summary>
    public async Task<string> TablesAsync(Func<ActionTables, Task<IHtmlContent>> render)
    {
        var ct = HttpContext.RequestAborted;
        async Task<string> Render()
        {
            var rows = await actions.ListAsync(Plan.Id, _filter, ct);
            if (!_seeExempt)
                rows = rows.Select(ExemptContent.Withhold).ToList();
            var total = IsFiltered ? await db.Actions.CountAsync(a => a.PlanId == Plan.Id, ct) : rows.Count;
            await using var html = new StringWriter();
            (await render(new ActionTables(rows, total, IsFiltered))).WriteTo(html, HtmlEncoder.Default);
            return html.ToString();
        }

        return string.IsNullOrWhiteSpace(_filter.Search) ? await cache.GetOrAddAsync(_cacheKey, Render) : await Render();
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
