using System.Net;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

[Trait("Category", "Database")]
public sealed class PlanPagesTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    /// <summary>
    /// Ten actions: "Children in Need" has 2 Blue, 1 Red, 1 Amber; "Early Help" has 1 Blue, 1 Amber, 2 Green and 2 not
    /// rated; "Retained for oversight" has nothing in it. Q1 2024-25 is open and holds every update.
    /// </summary>
    private Task<CreatePlanResult> PlanAsync(Action<CreatePlanBuilder>? configure = null) =>
        app.TestData.CreatePlanAsync(p =>
        {
            p.WithTitle(TestData.UniqueTitle("Overview plan"))
                .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
                .WithSection("Children in Need", s => s
                    .WithAction(a => a.WithRating(Rating.Blue))
                    .WithAction(a => a.WithRating(Rating.Blue))
                    .WithAction(a => a.WithRating(Rating.Red))
                    .WithAction(a => a.WithUpdate(Rating.Red).WithUpdate(Rating.Amber)))
                .WithSection("Early Help", s => s
                    .WithAction(a => a.WithRating(Rating.Blue))
                    .WithAction(a => a.WithRating(Rating.Amber))
                    .WithAction(a => a.WithRating(Rating.Green))
                    .WithAction(a => a.WithRating(Rating.Green))
                    .WithAction()
                    .WithAction())
                .WithSection("Retained for oversight", s => s.WithNoActions());
            configure?.Invoke(p);
        });

    [Fact]
    public async Task Plan_list_shows_each_plan_with_its_action_and_rating_counts()
    {
        var plan = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync("/plans");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == plan.Title);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        // Title, period, status, actions, then Blue, Red, Amber, Green, not rated.
        Assert.Equal([plan.Title, "2024-25", "Open", "10", "3", "1", "2", "2", "2"], cells);
    }

    [Fact]
    public async Task Overview_shows_the_header_and_every_section_in_plan_order()
    {
        var plan = await PlanAsync(p => p
            .WithOwner("Rachel Talmage, Head of Service")
            .WithMonitoringBoard("Achieving Excellence Board")
            .WithIdeasFrom("Self Evaluation 2023 and the staff survey")
            .WithPerson("Rachel Talmage", "HoS", "Head of Service"));
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}");

        Assert.Equal(plan.Title, page.QuerySelector("h1")!.TextContent.Trim());
        var header = page.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.StartsWith("2024-25", header["Period"]);
        Assert.Equal("Rachel Talmage, Head of Service", header["Owner"]);
        Assert.Equal("Achieving Excellence Board", header["Monitored by"]);
        Assert.Equal("Quarterly", header["Reviewed"]);
        Assert.Contains("Self Evaluation", header["Created with ideas from"]);
        Assert.Contains("Rachel Talmage (HoS)", header["People"]);

        var sections = page.QuerySelectorAll("#sections-table tbody th[scope=row]").Select(th => th.TextContent.Replace("(no actions)", "").Trim()).ToArray();
        Assert.Equal(["Children in Need", "Early Help", "Retained for oversight"], sections);
    }

    [Fact]
    public async Task Overview_counts_each_rating_by_section_and_in_total()
    {
        var plan = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}");

        var totals = page.QuerySelector("#sections-table tfoot tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        // Blue, Red, Amber, Green, Not rated, Overdue, Total
        Assert.Equal(["3", "1", "2", "2", "2"], totals[..5]);
        Assert.Equal("10", totals[6]);
        var earlyHelp = page.QuerySelectorAll("#sections-table tbody tr").Single(r => r.TextContent.Contains("Early Help", StringComparison.Ordinal));
        Assert.Equal(["1", "0", "1", "2", "2"], earlyHelp.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Take(5).ToArray());
    }

    [Fact]
    public async Task Overview_shows_the_ratings_at_each_review_as_a_chart_with_the_same_figures_in_a_table()
    {
        var plan = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}");

        var row = page.QuerySelector("#trend-table tbody tr")!;
        Assert.Equal("Q1 2024-25", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["3", "1", "2", "2", "2"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var chart = page.QuerySelector("svg.app-trend-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(5, chart.QuerySelectorAll("rect").Length);
    }

    [Fact]
    public async Task Overview_says_when_a_plans_ratings_are_illustrative()
    {
        var illustrative = await PlanAsync(p => p.WithIllustrativeRatings());
        var real = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{illustrative.PlanId}");
        var realPage = await client.GetPageAsync($"/plans/{real.PlanId}");

        Assert.Contains("ratings shown here are illustrative", page.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("illustrative", realPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratings_are_shown_as_text_as_well_as_colour()
    {
        var plan = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions");

        var tags = page.QuerySelectorAll(".app-rating").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(10, tags.Count);
        Assert.Equal(3, tags.Count(t => t == "Blue"));
        Assert.Equal(2, tags.Count(t => t == "Not rated"));
    }

    [Fact]
    public async Task Unknown_plan_gives_a_not_found_page()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/plans/{Guid.NewGuid()}", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
