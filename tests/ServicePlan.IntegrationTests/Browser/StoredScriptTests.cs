using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>
/// Script typed into the plan through the real forms stays text wherever the plan is shown. The browser ignores the
/// app's Content-Security-Policy here: the policy would block inline script anyway, and the downloaded report is
/// opened from disk with no policy at all, so escaping must be enough on its own.
/// </summary>
[Collection(RunAlone.Name)]
public sealed class StoredScriptTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    [Fact]
    public async Task Script_stored_in_an_action_and_a_progress_comment_is_shown_as_text_and_never_runs()
    {
        var (actionId, planId, reviewId) = await TargetAsync();
        var page = await browser.SignedInPageAsync(Roles.PlanOwner, bypassCsp: true);

        await page.GotoAsync($"/actions/{actionId}/edit");
        await page.GetByLabel("Does what?").FillAsync("Does what? " + Payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Action saved");
        await AssertInertAsync(page, "the action page after saving");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a progress update" }).ClickAsync();
        await page.GetByLabel("Amber").CheckAsync();
        await page.GetByLabel("Comment on progress").FillAsync("Comment " + Payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress update" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Progress update added: Amber");

        foreach (var url in new[] { $"/actions/{actionId}", $"/plans/{planId}/actions", $"/reviews/{reviewId}", "/my-actions" })
        {
            await page.GotoAsync(url);
            await AssertInertAsync(page, url);
        }

        // The print-friendly report is a download: open it as the person who saved it would, with no policy to help.
        var report = await page.APIRequest.GetAsync($"/reviews/{reviewId}/report/html");
        Assert.True(report.Ok, $"The report: {report.Status}");
        await page.SetContentAsync(await report.TextAsync());
        await AssertInertAsync(page, "the print-friendly report");

        await using var db = browser.Database.CreateContext();
        Assert.Equal("Does what? " + Payload, (await db.Actions.SingleAsync(a => a.Id == actionId)).DoesWhat);
        Assert.Equal(1, await db.ProgressUpdates.CountAsync(u => u.ActionId == actionId && u.Comment == "Comment " + Payload));
        await page.Context.CloseAsync();
    }

    /// <summary>The payload is on the page as the words typed, nothing it holds became an element, and nothing ran.</summary>
    private static async Task AssertInertAsync(IPage page, string where)
    {
        // The broken image's onerror would fire once its request fails: wait until nothing is left loading.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), $"Stored script ran on {where}.");
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => [...document.scripts].some(s => s.textContent.includes('__pwned'))"), $"A script element was made from stored text on {where}.");
        Assert.True(await page.EvaluateAsync<bool>($"() => document.body.textContent.includes({System.Text.Json.JsonSerializer.Serialize(Payload)})"), $"The payload is not shown as text on {where}.");
    }

    /// <summary>
    /// An action the owner leads, so it is on their My actions page, in a plan with an open review; due before the
    /// review's date, so the review page lists it (with its latest comment) as overdue.
    /// </summary>
    private async Task<(Guid Action, Guid Plan, Guid Review)> TargetAsync()
    {
        var plan = await browser.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Need", s => s.WithAction(a => a.WithLead(TestData.OwnerName).WithDue("1 June 2024"))));
        return (plan.SingleAction.Id, plan.PlanId, plan.ReviewId("Q1 2024-25"));
    }
}
