using System.Net;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

[Trait("Category", "Database")]
public sealed class PlanPagesTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    public static readonly string[] DemoSectionsInOrder =
    [
        "Identified via colleagues in the service:",
        "Audit 2024 service wide recommendations",
        "Children in Need",
        "children in care",
        "care leavers",
        "OFSTED RECOMMENDATION from ILACS 2020 retained for oversight",
        "Findings from Annual Survey August 2023 are now tracked in a QA tracker",
        "BLACK LIVES MATTER & Racism",
    ];

    [Fact]
    public async Task Plan_list_shows_the_demo_plan_with_its_action_and_rating_counts()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync("/plans");

        var row = page.QuerySelectorAll("tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["Service Development Plan 2024-5", "2024-25", "Open", "31", "8", "1", "6", "13", "3"], cells);
    }

    [Fact]
    public async Task Overview_shows_the_header_and_every_section_in_plan_order()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var page = await client.GetPageAsync($"/plans/{plan.Id}");

        Assert.Equal("Service Development Plan 2024-5", page.QuerySelector("h1")!.TextContent.Trim());
        var header = page.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.StartsWith("2024-25", header["Period"]);
        Assert.Equal("Rachel Talmage, Head of Service", header["Owner"]);
        Assert.Equal("Achieving Excellence Board", header["Monitored by"]);
        Assert.Equal("Quarterly", header["Reviewed"]);
        Assert.Contains("Self Evaluation", header["Created with ideas from"]);
        Assert.Contains("Rachel Talmage (HoS)", header["People"]);

        var sections = page.QuerySelectorAll("#sections-table tbody th[scope=row]").Select(th => th.TextContent.Replace("(no actions)", "").Trim()).ToArray();
        Assert.Equal(DemoSectionsInOrder, sections);
    }

    [Fact]
    public async Task Overview_counts_each_rating_by_section_and_in_total()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var page = await client.GetPageAsync($"/plans/{plan.Id}");

        var totals = page.QuerySelector("#sections-table tfoot tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        // Blue, Red, Amber, Green, Not rated, Overdue, Total
        Assert.Equal(["8", "1", "6", "13", "3"], totals[..5]);
        Assert.Equal("31", totals[6]);
        var ofsted = page.QuerySelectorAll("#sections-table tbody tr").Single(r => r.TextContent.Contains("OFSTED RECOMMENDATION", StringComparison.Ordinal));
        Assert.Equal(["4", "0", "1", "1", "0"], ofsted.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Take(5).ToArray());
    }

    [Fact]
    public async Task Overview_shows_the_ratings_at_each_review_as_a_chart_with_the_same_figures_in_a_table()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var page = await client.GetPageAsync($"/plans/{plan.Id}");

        var row = page.QuerySelector("#trend-table tbody tr")!;
        Assert.Equal("Q1 2024-25", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal(["8", "1", "6", "13", "3"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var chart = page.QuerySelector("svg.app-trend-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal(5, chart.QuerySelectorAll("rect").Length);
    }

    [Fact]
    public async Task Overview_says_the_demo_ratings_are_illustrative()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var page = await client.GetPageAsync($"/plans/{plan.Id}");

        Assert.Contains("ratings shown here are illustrative", page.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratings_are_shown_as_text_as_well_as_colour()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var page = await client.GetPageAsync($"/plans/{plan.Id}/actions");

        var tags = page.QuerySelectorAll(".app-rating").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(31, tags.Count);
        Assert.Equal(8, tags.Count(t => t == "Blue"));
        Assert.Equal(3, tags.Count(t => t == "Not rated"));
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
