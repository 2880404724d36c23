using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

[Trait("Category", "Database")]
public sealed class ActionListTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<string[]> RefsAsync(string query)
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();
        var page = await client.GetPageAsync($"/plans/{plan.Id}/actions{query}");
        return page.QuerySelectorAll("tr[data-action-ref]").Select(r => r.GetAttribute("data-action-ref")!).ToArray();
    }

    [Fact]
    public async Task Every_objective_is_shown_with_its_actions_under_it()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var page = await client.GetPageAsync($"/plans/{plan.Id}/actions");

        Assert.Equal(31, page.QuerySelectorAll("tr[data-action-ref]").Length);
        var aims = page.QuerySelectorAll("td.app-cell--aim");
        Assert.Equal(26, aims.Length);
        // The Ofsted objective has five continuation rows in the sheet: one aim spanning six actions.
        var ofsted = aims.Single(a => a.TextContent.StartsWith("Ofsted recommendation 2020", StringComparison.Ordinal));
        Assert.Equal("6", ofsted.GetAttribute("rowspan"));
        Assert.Equal(7, page.QuerySelectorAll("table[data-section]").Length);
    }

    [Fact]
    public async Task Each_action_shows_lead_due_measure_experience_rating_and_latest_comment()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var page = await client.GetPageAsync($"/plans/{plan.Id}/actions");

        var cells = page.QuerySelector("tr[data-action-ref='16']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.StartsWith("16", cells[0]);
        Assert.StartsWith("Designated Social Care Officer role", cells[1]);
        Assert.Equal("HOS", cells[2]);
        Assert.StartsWith("Joins pan London DSCO network", cells[3]);
        Assert.Equal("June and March 2025", cells[4]);
        Assert.Equal("New guidance and templates for children with disabilities.", cells[5]);
        Assert.StartsWith("children and carers/parents will receive", cells[6]);
        Assert.Equal("Green", cells[7]);
        Assert.StartsWith("have joined 2 DSCO sessions", cells[8]);
    }

    [Fact]
    public async Task Filtering_to_amber_shows_only_the_amber_actions()
    {
        Assert.Equal(["4", "7", "8", "25", "29", "30"], await RefsAsync("?rating=amber"));
    }

    [Fact]
    public async Task Filtering_to_not_rated_shows_actions_without_a_rating()
    {
        Assert.Equal(["17", "18", "19"], await RefsAsync("?rating=unrated"));
    }

    [Fact]
    public async Task Filtering_by_section_shows_only_that_section()
    {
        var section = await app.SectionAsync("care leavers");
        Assert.Equal(["19", "20", "21"], await RefsAsync($"?section={section.Id}"));
    }

    [Fact]
    public async Task Filtering_by_lead_shows_the_actions_that_person_leads()
    {
        var plan = await app.PlanAsync();
        await using var db = app.Database.CreateContext();
        var earlyHelpLead = db.People.Single(p => p.PlanId == plan.Id && p.Initials == "EHL");

        Assert.Equal(["13", "15"], await RefsAsync($"?lead={earlyHelpLead.Id}"));
    }

    [Fact]
    public async Task Filtering_by_source_shows_the_objectives_that_answer_it()
    {
        await using var db = app.Database.CreateContext();
        var childQ = db.Sources.Single(s => s.Title == "Child Q serious case review");

        Assert.Equal(["28"], await RefsAsync($"?source={childQ.Id}"));
    }

    [Fact]
    public async Task Overdue_shows_actions_past_their_due_date_that_are_not_blue_and_never_recurring_ones()
    {
        // Today is 15 October 2024 in these tests. Not overdue: 2 (Apr-24 but Blue), 4 (Oct-24: end of October),
        // 6 (no due date), 14 (Weekly.), 16 (June and March 2025: due at the last), 22-25 and 27 ("complete").
        Assert.Equal(["1", "5", "7", "8", "9", "11", "13", "17", "19", "20", "26", "29"], await RefsAsync("?overdue=true"));
    }

    [Fact]
    public async Task Search_finds_words_in_any_column_whatever_their_case()
    {
        Assert.Equal(["9"], await RefsAsync("?q=dols"));
        Assert.Equal(["16"], await RefsAsync("?q=DSCO+sessions"));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var section = await app.SectionAsync("OFSTED RECOMMENDATION from ILACS 2020 retained for oversight");
        Assert.Equal(["25"], await RefsAsync($"?section={section.Id}&rating=amber"));
    }
}
