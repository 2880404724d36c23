using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Security;

/// <summary>Every response tells the browser what this app never does, and forms refuse posts made from elsewhere.</summary>
public sealed class SecurityHeadersTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Theory]
    [InlineData("/account/sign-in", false)]
    [InlineData("/plans", true)]
    [InlineData("/api/plans", true)]
    [InlineData("/health", false)]
    [InlineData("/no-such-page", true)]
    public async Task Every_response_carries_the_security_headers(string url, bool signedIn)
    {
        using var client = app.CreateClient();
        if (signedIn)
            await client.SignInAsync(Roles.Viewer);

        var response = await client.Http.GetAsync(url);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Pages_about_children_are_never_cached()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var plan = await app.TestData.CreatePlanAsync();

        var response = await client.Http.GetAsync($"/plans/{plan.PlanId}/actions");

        Assert.True(response.Headers.CacheControl?.NoStore, "The action list may be cached by the browser or a proxy.");
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_nothing_is_saved()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        var response = await client.Http.PostAsync($"/actions/{action.Id}/progress", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Rating"] = "Blue",
            ["Input.Comment"] = "Posted from another site.",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.DoesNotContain(db.ProgressUpdates, u => u.ActionId == action.Id);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_same_site_and_secure_over_https()
    {
        using var http = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var client = new TestClient(http);

        var response = await client.SignInAsEmailAsync(TestClient.EmailOf(Roles.Viewer), ServicePlan.Demo.DemoData.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("serviceplan=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
    }
}
