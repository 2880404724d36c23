using System.Net;
using System.Text.Json;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

[Trait("Category", "Database")]
public sealed class ApiTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Plans_lists_each_plan_with_its_period_and_rating_counts()
    {
        var created = await app.TestData.CreatePlanAsync(p => p.ForYear(2024).WithSection("Children in Need", s => s
            .WithAction(a => a.WithRating(Rating.Blue))
            .WithAction(a => a.WithRating(Rating.Red))
            .WithAction(a => a.WithRating(Rating.Amber))
            .WithAction(a => a.WithRating(Rating.Amber))
            .WithAction(a => a.WithRating(Rating.Green))
            .WithAction()));
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var plans = await client.GetJsonAsync<JsonElement>("/api/plans");

        // The class's other tests add plans of their own.
        var plan = plans.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == created.PlanId);
        Assert.Equal("2024-25", plan.GetProperty("period").GetString());
        Assert.Equal(6, plan.GetProperty("actions").GetInt32());
        var ratings = plan.GetProperty("ratings");
        Assert.Equal([1, 1, 2, 1, 1], new[] { "blue", "red", "amber", "green", "unrated" }.Select(r => ratings.GetProperty(r).GetInt32()));
    }

    [Fact]
    public async Task Actions_take_the_same_filters_as_the_page()
    {
        // Today is 15 October 2024 in these tests: Jul-24 is overdue, March 2025 is not.
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Workforce", s => s
            .WithAction(a => a.WithRef("1").WithDoesWhat("Runs training for new starters.").WithDue("Jul-24").WithRating(Rating.Amber))
            .WithAction(a => a.WithRef("2").WithDoesWhat("Runs training for managers.").WithDue("March 2025").WithRating(Rating.Amber))
            .WithAction(a => a.WithRef("3").WithDoesWhat("Refreshes the training offer.").WithDue("Jul-24").WithRating(Rating.Green))
            .WithAction(a => a.WithRef("4").WithDoesWhat("Audits supervision records.").WithDue("Jul-24").WithRating(Rating.Red))));
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var amber = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/actions?rating=amber");
        var overdueSearch = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/actions?overdue=true&q=training");

        Assert.Equal(["1", "2"], amber.EnumerateArray().Select(a => a.GetProperty("ref").GetString()));
        Assert.All(amber.EnumerateArray(), a => Assert.Equal("Amber", a.GetProperty("rating").GetString()));
        Assert.Equal(["1", "3"], overdueSearch.EnumerateArray().Select(a => a.GetProperty("ref").GetString()));
    }

    [Fact]
    public async Task An_unknown_rating_is_a_validation_problem()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.TestData.CreatePlanAsync();

        var response = await client.Http.GetAsync($"/api/plans/{plan.PlanId}/actions?rating=purple");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a BRAG rating", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_detail_includes_its_history()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25")
            .WithSection("Safeguarding", s => s.WithObjective("Learning from a serious case review is in practice", o => o
                .WithSource("Child R serious case review (test data)")
                .WithAction(a => a.WithRating(Rating.Red)))));
        var action = plan.SingleAction;
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var detail = await client.GetJsonAsync<JsonElement>($"/api/actions/{action.Id}");

        Assert.Equal("Red", detail.GetProperty("rating").GetString());
        Assert.Equal("Q1 2024-25", detail.GetProperty("history")[0].GetProperty("review").GetString());
        Assert.Equal(["Child R serious case review (test data)"], detail.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Plan_detail_gives_counts_per_section()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithSection("Children in Need", s => s.WithAction(a => a.WithRating(Rating.Blue)).WithAction(a => a.WithRating(Rating.Red)))
            .WithSection("Care leavers", s => s.WithAction(a => a.WithRating(Rating.Blue))));
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var detail = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}");

        Assert.Equal(2, detail.GetProperty("sections").GetArrayLength());
        Assert.Equal(2, detail.GetProperty("ratings").GetProperty("blue").GetInt32());
        Assert.False(detail.GetProperty("ratingsAreIllustrative").GetBoolean());
    }

    [Fact]
    public async Task Unknown_ids_are_404_not_html()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var plan = await client.Http.GetAsync($"/api/plans/{Guid.NewGuid()}");
        var action = await client.Http.GetAsync($"/api/actions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, plan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, action.StatusCode);
        Assert.DoesNotContain("<html", await plan.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var document = await client.GetJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/plans", paths);
        Assert.Contains("/api/plans/{planId}/actions", paths);
        Assert.Contains("/api/actions/{actionId}", paths);
    }
}
