using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using ServicePlan.IntegrationTests.Infrastructure;

namespace ServicePlan.IntegrationTests.Security;

/// <summary>
/// Single sign-on is off unless configured; when on, the sign-in page offers it and sends the person to the council's
/// identity provider (here a stand-in serving only its discovery document) with a PKCE code request.
/// </summary>
public sealed class SingleSignOnTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Single_sign_on_is_off_by_default()
    {
        using var client = app.CreateClient();

        var page = await client.GetPageAsync("/account/sign-in");
        var external = await client.Http.GetAsync("/account/sign-in/external");

        Assert.Null(page.QuerySelector("#single-sign-on"));
        Assert.Equal(HttpStatusCode.NotFound, external.StatusCode);
    }

    [Fact]
    public async Task When_configured_the_sign_in_page_sends_people_to_the_council_identity_provider()
    {
        await using var provider = await StandInProviderAsync();
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ServicePlanFactory(database.ConnectionString, new FixedClock(FixedClock.DemoToday), settings: new Dictionary<string, string>
        {
            ["SingleSignOn:Enabled"] = "true",
            ["SingleSignOn:Authority"] = provider.Urls.First(),
            ["SingleSignOn:ClientId"] = "serviceplan-test",
            ["SingleSignOn:RequireHttpsMetadata"] = "false",
        });
        using var client = new TestClient(factory.CreateClient(new() { AllowAutoRedirect = false }));

        var page = await client.GetPageAsync("/account/sign-in");
        var challenge = await client.Http.GetAsync(page.QuerySelector("#single-sign-on")!.GetAttribute("href"));

        Assert.Equal("Sign in with your council account", page.QuerySelector("#single-sign-on")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith(provider.Urls.First() + "/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=serviceplan-test", location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location, StringComparison.Ordinal);
        Assert.Contains("signin-oidc", Uri.UnescapeDataString(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_it_on_without_its_settings_stops_the_app_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ServicePlanFactory(database.ConnectionString, new FixedClock(FixedClock.DemoToday), settings: new Dictionary<string, string>
        {
            ["SingleSignOn:Enabled"] = "true",
        });

        var failure = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("SingleSignOn:Authority and SingleSignOn:ClientId", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>An identity provider that only publishes its discovery document and an empty key set.</summary>
    private static async Task<WebApplication> StandInProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var provider = builder.Build();
        provider.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/authorize",
                ["token_endpoint"] = issuer + "/token",
                ["jwks_uri"] = issuer + "/keys",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        provider.MapGet("/keys", () => Results.Json(new { keys = Array.Empty<object>() }));
        await provider.StartAsync();
        return provider;
    }
}
