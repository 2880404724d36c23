using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

[Trait("Category", "Database")]
public sealed class ActionListTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string ChildQ = "Child Q serious case review (action list test)";

    /// <summary>
    /// Seven actions; today (15 October 2024) 1 and 6 are overdue. 2 recurs, 3 is late but Blue, 4 is due at the end of
    /// October, 5 is complete and 7 has no date. Sam Okafor leads 1 and 2; only 5's objective answers the Child Q review.
    /// </summary>
    private Task<CreatePlanResult> PlanAsync() =>
        app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Need", s => s
                .WithObjective("Ofsted recommendation 2020: assessments are timely", o => o
                    .WithAction(a => a.WithRef("1").WithLead("Sam Okafor").WithDue("1 September 2024")
                        .WithDoesWhat("Joins the pan-London DSCO network.")
                        .WithMeasure("New guidance and templates for children with disabilities.")
                        .WithChildrenExperience("Children and carers will receive a consistent offer.")
                        .WithUpdate(Rating.Amber, "Waiting for the network's next meeting."))
                    .WithAction(a => a.WithRef("2").WithLead("Sam Okafor").WithDue("Weekly").WithUpdate(Rating.Green, "Have joined 2 DSCO sessions."))
                    .WithAction(a => a.WithRef("3").WithDue("April 2024").WithRating(Rating.Blue)))
                .WithObjective("Families know who their worker is", o => o
                    .WithAction(a => a.WithRef("4").WithLead("Morgan Hale").WithDue("October 2024"))))
            .WithSection("Care Leavers", s => s
                .WithObjective("Care leavers are kept safe", o => o
                    .WithSource(ChildQ)
                    .WithAction(a => a.WithRef("5").WithDue("Complete").WithDoesWhat("Apply for a DOLS order wherever one is needed.").WithRating(Rating.Amber)))
                .WithObjective("Care leavers have a home", o => o
                    .WithAction(a => a.WithRef("6").WithDue("1 June 2024").WithRating(Rating.Red))
                    .WithAction(a => a.WithRef("7").WithDue("")))));

    private async Task<string[]> RefsAsync(CreatePlanResult plan, string query)
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions{query}");
        return page.QuerySelectorAll("tr[data-action-ref]").Select(r => r.GetAttribute("data-action-ref")!).ToArray();
    }

    [Fact]
    public async Task Every_objective_is_shown_with_its_actions_under_it()
    {
        var plan = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions");

        Assert.Equal(7, page.QuerySelectorAll("tr[data-action-ref]").Length);
        var aims = page.QuerySelectorAll("td.app-cell--aim");
        Assert.Equal(4, aims.Length);
        // The Ofsted objective has two continuation rows: one aim spanning three actions.
        var ofsted = aims.Single(a => a.TextContent.StartsWith("Ofsted recommendation 2020", StringComparison.Ordinal));
        Assert.Equal("3", ofsted.GetAttribute("rowspan"));
        Assert.Equal(2, page.QuerySelectorAll("table[data-section]").Length);
    }

    [Fact]
    public async Task Each_action_shows_lead_due_measure_experience_rating_and_latest_comment()
    {
        var plan = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions");

        var cells = page.QuerySelector("tr[data-action-ref='1']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.StartsWith("1", cells[0]);
        Assert.StartsWith("Ofsted recommendation 2020", cells[1]);
        Assert.Equal("SO", cells[2]);
        Assert.Equal("Joins the pan-London DSCO network.", cells[3]);
        Assert.StartsWith("1 September 2024", cells[4]);
        Assert.EndsWith("Overdue", cells[4]);
        Assert.Equal("New guidance and templates for children with disabilities.", cells[5]);
        Assert.Equal("Children and carers will receive a consistent offer.", cells[6]);
        Assert.Equal("Amber", cells[7]);
        Assert.Equal("Waiting for the network's next meeting.", cells[8]);
    }

    [Fact]
    public async Task Filtering_to_amber_shows_only_the_amber_actions()
    {
        Assert.Equal(["1", "5"], await RefsAsync(await PlanAsync(), "?rating=amber"));
    }

    [Fact]
    public async Task Filtering_to_not_rated_shows_actions_without_a_rating()
    {
        Assert.Equal(["4", "7"], await RefsAsync(await PlanAsync(), "?rating=unrated"));
    }

    [Fact]
    public async Task Filtering_by_section_shows_only_that_section()
    {
        var plan = await PlanAsync();
        Assert.Equal(["5", "6", "7"], await RefsAsync(plan, $"?section={plan.SectionId("Care Leavers")}"));
    }

    [Fact]
    public async Task Filtering_by_lead_shows_the_actions_that_person_leads()
    {
        var plan = await PlanAsync();
        Assert.Equal(["1", "2"], await RefsAsync(plan, $"?lead={plan.PersonIds["Sam Okafor"]}"));
    }

    [Fact]
    public async Task Filtering_by_source_shows_the_objectives_that_answer_it()
    {
        var plan = await PlanAsync();
        Assert.Equal(["5"], await RefsAsync(plan, $"?source={plan.SourceIds[ChildQ]}"));
    }

    [Fact]
    public async Task Overdue_shows_actions_past_their_due_date_that_are_not_blue_and_never_recurring_ones()
    {
        // Today is 15 October 2024 in these tests. Not overdue: 2 (weekly), 3 (April 2024 but Blue), 4 (October 2024:
        // the end of October), 5 ("complete") and 7 (no due date).
        Assert.Equal(["1", "6"], await RefsAsync(await PlanAsync(), "?overdue=true"));
    }

    [Fact]
    public async Task Search_finds_words_in_any_column_whatever_their_case()
    {
        var plan = await PlanAsync();
        Assert.Equal(["5"], await RefsAsync(plan, "?q=dols"));
        Assert.Equal(["2"], await RefsAsync(plan, "?q=DSCO+sessions"));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var plan = await PlanAsync();
        Assert.Equal(["1"], await RefsAsync(plan, $"?section={plan.SectionId("Children in Need")}&rating=amber"));
    }
}
