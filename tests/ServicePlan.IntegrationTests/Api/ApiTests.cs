using System.Net;
using System.Text.Json;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

[Trait("Category", "Database")]
public sealed class ApiTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Plans_lists_each_plan_with_its_period_and_rating_counts()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var plans = await client.GetJsonAsync<JsonElement>("/api/plans");

        var plan = Assert.Single(plans.EnumerateArray());
        Assert.Equal("2024-25", plan.GetProperty("period").GetString());
        Assert.Equal(31, plan.GetProperty("actions").GetInt32());
        var ratings = plan.GetProperty("ratings");
        Assert.Equal([8, 1, 6, 13, 3], new[] { "blue", "red", "amber", "green", "unrated" }.Select(r => ratings.GetProperty(r).GetInt32()));
    }

    [Fact]
    public async Task Actions_take_the_same_filters_as_the_page()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var amber = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.Id}/actions?rating=amber");
        var overdueSearch = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.Id}/actions?overdue=true&q=training");

        Assert.Equal(["4", "7", "8", "25", "29", "30"], amber.EnumerateArray().Select(a => a.GetProperty("ref").GetString()));
        Assert.All(amber.EnumerateArray(), a => Assert.Equal("Amber", a.GetProperty("rating").GetString()));
        Assert.Equal(["9", "11"], overdueSearch.EnumerateArray().Select(a => a.GetProperty("ref").GetString()));
    }

    [Fact]
    public async Task An_unknown_rating_is_a_validation_problem()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var response = await client.Http.GetAsync($"/api/plans/{plan.Id}/actions?rating=purple");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a BRAG rating", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_detail_includes_its_history()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var action = await app.ActionAsync("28");

        var detail = await client.GetJsonAsync<JsonElement>($"/api/actions/{action.Id}");

        Assert.Equal("Red", detail.GetProperty("rating").GetString());
        Assert.Equal("Q1 2024-25", detail.GetProperty("history")[0].GetProperty("review").GetString());
        Assert.Equal(["Child Q serious case review"], detail.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Plan_detail_gives_counts_per_section()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.PlanAsync();

        var detail = await client.GetJsonAsync<JsonElement>($"/api/plans/{plan.Id}");

        Assert.Equal(8, detail.GetProperty("sections").GetArrayLength());
        Assert.Equal(8, detail.GetProperty("ratings").GetProperty("blue").GetInt32());
        Assert.True(detail.GetProperty("ratingsAreIllustrative").GetBoolean());
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
