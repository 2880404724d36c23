using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Pages.Plans.Actions;

/// <summary>What the results part of the list shows: one page of rows, in the order asked for, with the columns chosen.</summary>
/// <param name="Rows">The rows of this page only.</param>
/// <param name="PlanTotal">How many actions the plan has, to say "of 1,000" when filtered.</param>
public sealed record ActionTables(
    Guid PlanId, IReadOnlyList<ActionRow> Rows, ActionListPage Page, int PlanTotal, ActionFilter Filter, ActionSort Sort, ActionListView View)
{
    public bool IsFiltered => !Filter.IsEmpty;
}

/// <summary>
/// The plan table: every objective with its actions, narrowed by the filters in the query string, sorted by any
/// column and a page at a time, so a view can be bookmarked. The columns shown and the compact view are the reader's
/// own, kept with their account.
/// </summary>
/// <remarks>
/// The rows are kept in <see cref="PlanViewCache"/> under a key holding the plan's version, the filters and the sort,
/// and each rendered page under that key with the page and the reader's columns: a change to the plan moves the
/// version, so a kept view is never shown stale.
/// </remarks>
public sealed class ListModel(
    PlanQueries plans, ActionQueries actions, PlanChanges changes, PlanViewCache cache, ServicePlanDbContext db, CurrentUser user, ActionListPreferences preferences)
    : PageModel
{
    [FromQuery(Name = "section")] public string? SectionText { get; set; }
    [FromQuery(Name = "lead")] public string? LeadText { get; set; }
    [FromQuery(Name = "rating")] public string? RatingText { get; set; }
    [FromQuery(Name = "source")] public string? SourceText { get; set; }
    [FromQuery(Name = "overdue")] public string? OverdueText { get; set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "sort")] public string? SortText { get; set; }
    [FromQuery(Name = "order")] public string? OrderText { get; set; }
    [FromQuery(Name = "page")] public string? PageText { get; set; }
    [FromQuery(Name = "all")] public string? AllText { get; set; }

    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<Source> Sources { get; private set; } = [];
    public ActionFilter Filter { get; private set; } = new();
    public ActionSort Sort { get; private set; } = ActionSort.PlanOrder;
    public ActionListView View { get; private set; } = ActionListView.Default;
    public bool IsFiltered => !Filter.IsEmpty;

    /// <summary>What in the address was not understood and so left out, said above the list.</summary>
    public IReadOnlyList<ActionListProblem> Problems { get; private set; } = [];

    private ActionTables _tables = null!;
    private string _cacheKey = "";

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return NotFound();
        Plan = plan;

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

        var seeExempt = await user.MaySeeExemptAsync(ct);
        var request = ActionListParameters.Parse(SectionText, LeadText, RatingText, SourceText, OverdueText, Search, SortText, OrderText);
        var problems = request.Problems.ToList();
        var filter = request.Filter with { SearchExempt = seeExempt };

        // An id from another plan's list (a bookmark, a pasted link) would show nothing, with no clue why.
        if (filter.SectionId is { } sectionId && Sections.All(s => s.Id != sectionId))
        {
            problems.Add(ActionListParameters.NotInPlan("section", "section", "every section"));
            filter = filter with { SectionId = null };
        }

        if (filter.LeadId is { } leadId && plan.People.All(p => p.Id != leadId))
        {
            problems.Add(ActionListParameters.NotInPlan("lead", "lead", "every lead's actions"));
            filter = filter with { LeadId = null };
        }

        if (filter.SourceId is { } sourceId && Sources.All(s => s.Id != sourceId))
        {
            problems.Add(ActionListParameters.NotInPlan("source", "source", "actions from every source"));
            filter = filter with { SourceId = null };
        }

        (Filter, Sort) = (filter, request.Sort);
        View = await preferences.ForUserAsync(user.Id, ct);

        // The version first, then the rows: see PlanChanges. Searches are one-offs, so only the dropdowns' results are kept.
        var rowsKey = string.Join('|', "rows", planId, version, actions.Today, filter.SectionId, filter.LeadId, filter.Rating, filter.SourceId, filter.OverdueOnly, seeExempt, Sort.Slug(), Sort.Descending);
        async Task<IReadOnlyList<ActionRow>> LoadRows()
        {
            var rows = await actions.ListAsync(planId, filter, ct);
            if (!seeExempt)
                rows = rows.Select(ExemptContent.Withhold).ToList();
            return ActionSorting.Sort(rows, Sort);
        }

        var isSearch = !string.IsNullOrWhiteSpace(filter.Search);
        var all = isSearch ? await LoadRows() : await cache.GetOrAddAsync(rowsKey, LoadRows, rows => rows.Count * 1024L);

        var page = ActionListPage.Of(all.Count, PageText, ShowAll(AllText), out var pageProblem);
        if (pageProblem is not null)
            problems.Add(pageProblem);
        Problems = problems;

        var planTotal = IsFiltered ? await db.Actions.CountAsync(a => a.PlanId == planId, ct) : all.Count;
        _tables = new ActionTables(planId, all.Skip(page.Skip).Take(page.Take).ToList(), page, planTotal, filter, Sort, View);
        _cacheKey = isSearch ? "" : string.Join('|', "list", rowsKey, planTotal, page.Number, View.HiddenText, View.Compact);
        return Page();
    }

    /// <summary>Shows exactly the columns ticked (with Ref and "Does what?", always shown), for this reader from now on.</summary>
    public async Task<IActionResult> OnPostColumnsAsync(Guid planId, [FromForm(Name = "columns")] string[]? columns, CancellationToken ct)
    {
        if (await plans.FindAsync(planId, user.OrganisationId, ct) is null)
            return NotFound();
        var shown = (columns ?? []).SelectMany(slug => ActionSorting.Sortable.Where(s => s.Slug == slug).Select(s => s.Column));
        await preferences.SaveColumnsAsync(user.Id, shown, ct);
        return Redirect(Back(planId));
    }

    /// <summary>Turns the compact view on or off for this reader.</summary>
    public async Task<IActionResult> OnPostCompactAsync(Guid planId, [FromForm(Name = "compact")] bool compact, CancellationToken ct)
    {
        if (await plans.FindAsync(planId, user.OrganisationId, ct) is null)
            return NotFound();
        await preferences.SaveCompactAsync(user.Id, compact, ct);
        return Redirect(Back(planId));
    }

    /// <summary>Where a settings form posts: this list's own address, filters and all, with the handler.</summary>
    public string PostTo(string handler) =>
        Links.PlanActions(Plan.Id) + QueryString.Create(Request.Query.Where(q => q.Key != "handler").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("handler", (string?)handler)));

    /// <summary>The list as it was: the path is the app's own, so the redirect cannot leave the site.</summary>
    private string Back(Guid planId) =>
        Links.PlanActions(planId) + QueryString.Create(Request.Query.Where(q => q.Key != "handler").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));

    private static bool ShowAll(string? text) => text is not null && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>The results as HTML, rendered by <paramref name="render"/> (the page's partial) only when not already kept.</summary>
    public async Task<string> TablesAsync(Func<ActionTables, Task<IHtmlContent>> render)
    {
        async Task<string> Render()
        {
            await using var html = new StringWriter();
            (await render(_tables)).WriteTo(html, HtmlEncoder.Default);
            return html.ToString();
        }

        return _cacheKey.Length == 0 ? await Render() : await cache.GetOrAddAsync(_cacheKey, Render);
    }
}
