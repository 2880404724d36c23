using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>Chromium enforces the Content-Security-Policy: nothing the pages need is blocked, and GOV.UK Frontend's script still runs.</summary>
[Collection(RunAlone.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task No_page_breaks_the_policy_and_the_frontend_script_runs()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");
        var plan = await browser.PlanAsync();
        var action = await browser.ActionAsync("16");
        Guid review;
        await using (var db = browser.Database.CreateContext())
            review = await db.Reviews.Select(r => r.Id).SingleAsync();

        foreach (var url in new[] { "/plans", $"/plans/{plan.Id}", $"/plans/{plan.Id}/actions", $"/actions/{action.Id}", $"/actions/{action.Id}/edit", $"/reviews/{review}", $"/reviews/{review}/narrative", "/plans/import" })
        {
            await page.GotoAsync(url);
            Assert.True(await page.EvaluateAsync<bool>("document.body.classList.contains('govuk-frontend-supported')"), $"GOV.UK Frontend did not start on {url}.");
        }

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
