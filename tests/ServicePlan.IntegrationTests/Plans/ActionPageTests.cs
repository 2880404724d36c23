using System.Net;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

[Trait("Category", "Database")]
public sealed class ActionPageTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Action_page_shows_every_field_the_due_date_as_read_and_the_history()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var action = (await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25")
            .WithSection("Children with Disabilities", s => s.WithObjective("Designated Social Care Officer role to be embedded", o => o
                .WithAction(a => a
                    .WithRef("16")
                    .WithLeadsText("HOS / DSCO")
                    .WithDue("June and March 2025")
                    .WithMeasure("New guidance and templates for children with disabilities.")
                    .WithUpdate(Rating.Green, "Guidance drafted.")))))).Action("16");

        var page = await client.GetPageAsync($"/actions/{action.Id}");

        Assert.Equal("Action 16", page.QuerySelector("h1")!.TextContent.Trim());
        var fields = page.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.StartsWith("Designated Social Care Officer role", fields["Why?"]);
        Assert.StartsWith("HOS", fields["Who?"]);
        Assert.Contains("June and March 2025", fields["By when?"], StringComparison.Ordinal);
        Assert.Contains("31 March 2025", fields["By when?"], StringComparison.Ordinal);
        Assert.Equal("New guidance and templates for children with disabilities.", fields["How will we know it has been done?"]);
        Assert.Single(page.QuerySelectorAll(".app-history-row"));
        Assert.Equal("Green", page.QuerySelector(".app-rating")!.TextContent.Trim());
    }

    [Fact]
    public async Task Action_page_lists_the_sources_of_its_objective()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var action = (await app.TestData.CreatePlanAsync(p => p
            .WithSection("Children in Care", s => s.WithObjective("Care plans are reviewed on time", o => o
                .WithSource("Ofsted ILACS inspection 2020", SourceKind.Inspection)
                .WithAction())))).SingleAction;

        var page = await client.GetPageAsync($"/actions/{action.Id}");

        Assert.Contains("Ofsted ILACS inspection 2020", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_action_gives_a_not_found_page()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/actions/{Guid.NewGuid()}", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
