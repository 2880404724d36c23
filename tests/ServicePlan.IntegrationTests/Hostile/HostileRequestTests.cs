using System.Net;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Hostile;

/// <summary>The fixes behind <see cref="FuzzTests"/>'s findings, each shown on its own.</summary>
[Trait("Category", "Database")]
public sealed class HostileRequestTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Theory]
    [InlineData("/plans/{plan}/actions?q=before%00after")]
    [InlineData("/api/plans/{plan}/actions?q=%00")]
    [InlineData("/admin/audit?Who=a%00&Text=b")]
    public async Task A_NUL_in_a_query_string_is_refused_with_400_as_in_a_path_or_form(string url)
    {
        // PostgreSQL fails the whole query on a NUL in a search; ASP.NET Core already refuses one in paths and forms.
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Admin);
        var plan = await app.TestData.CreatePlanAsync();

        var response = await client.Http.GetAsync(url.Replace("{plan}", plan.PlanId.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_search_for_other_control_characters_finds_nothing_rather_than_failing()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Admin);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction().WithAction().WithAction()));

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/actions?q=%01%1B%7F");

        Assert.Contains("Showing 0 of 3 actions", page.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/error/-1")]
    [InlineData("/error/200")]
    public async Task The_error_page_typed_as_an_address_is_not_found_rather_than_a_server_error(string url)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_real_missing_page_still_says_so_with_404()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync("/no-such-page", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }
}
