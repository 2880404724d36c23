using System.Net;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Access;

/// <summary>The accessibility statement is there for anyone, signed in or not, and linked from every page's footer; the favicon is served.</summary>
[Trait("Category", "Database")]
public sealed class AccessibilityStatementTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task The_statement_is_readable_signed_out_in_the_GOV_UK_model_format()
    {
        using var anonymous = app.CreateClient();

        var page = await anonymous.GetPageAsync("/accessibility");

        Assert.Equal("Accessibility statement for ServicePlan", page.QuerySelector("h1")!.TextContent);
        var headings = page.QuerySelectorAll("h2, h3").Select(h => h.TextContent.Trim()).ToList();
        foreach (var heading in new[] { "How accessible this service is", "Feedback and contact information", "Reporting accessibility problems with this service", "Enforcement procedure", "Technical information about this service's accessibility", "Compliance status", "Preparation of this accessibility statement" })
            Assert.Contains(heading, headings);
        Assert.Contains("Web Content Accessibility Guidelines version 2.2", page.QuerySelector("#compliance-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:accessibility@serviceplan.example", page.QuerySelector("#accessibility-contact")!.GetAttribute("href"));
        Assert.Contains("This statement was prepared on", page.QuerySelector("#prepared")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/account/sign-in")]
    [InlineData(Roles.Viewer, "/plans")]
    [InlineData(null, "/accessibility")]
    public async Task Every_page_links_to_the_statement_from_its_footer(string? role, string url)
    {
        using var client = app.CreateClient();
        if (role is not null)
            await client.SignInAsync(role);

        var page = await client.GetPageAsync(url);

        Assert.NotNull(page.QuerySelector("footer a[href='/accessibility']"));
    }

    [Fact]
    public async Task The_favicon_is_served_and_linked()
    {
        using var anonymous = app.CreateClient();

        var page = await anonymous.GetPageAsync("/account/sign-in");
        var icon = page.QuerySelector("link[rel=icon][sizes='48x48']")!.GetAttribute("href")!;
        var linked = await anonymous.Http.GetAsync(icon);
        var root = await anonymous.Http.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.True((await root.Content.ReadAsByteArrayAsync()).Length > 100);
        Assert.NotNull(page.QuerySelector("link[rel=icon][type='image/svg+xml']"));
    }
}
