using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Security;

/// <summary>The real app on Kestrel, which enforces body size limits (the in-memory test server does not).</summary>
public sealed class KestrelAppFixture : ServicePlanAppFixture
{
    protected override bool UseKestrel => true;

    public TestClient CreateKestrelClient()
    {
        var address = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        return new TestClient(new HttpClient(handler) { BaseAddress = new Uri(address) });
    }
}

/// <summary>Bodies are limited before they are read: only the plan upload may send more than a form's worth.</summary>
public sealed class RequestSizeTests(KestrelAppFixture app) : IClassFixture<KestrelAppFixture>
{
    [Fact]
    public async Task A_form_bigger_than_any_real_one_is_refused_before_it_is_read()
    {
        using var client = app.CreateKestrelClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        var response = await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new()
        {
            ["Input.Rating"] = "Blue",
            ["Input.Comment"] = new string('x', 3 * 1024 * 1024),
        });

        // 413 where the limit is met first, 400 where the antiforgery check meets it while reading the form: never a 500.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        await using var db = app.Database.CreateContext();
        Assert.DoesNotContain(db.ProgressUpdates, u => u.ActionId == action.Id && u.Comment.StartsWith("xxxx"));
    }

    [Fact]
    public async Task A_normal_form_still_goes_through()
    {
        using var client = app.CreateKestrelClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        var response = await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new()
        {
            ["Input.Rating"] = "Green",
            ["Input.Comment"] = new string('y', 3000),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
