using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

[Collection(RunAlone.Name)]
public sealed class RolloverJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_rolls_the_plan_over_through_the_wizard_and_follows_an_action_back_to_last_year()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        await page.GetByRole(AriaRole.Link, new() { Name = "Service Development Plan 2024-5" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Roll over to next year's plan" }).ClickAsync();

        // Step 1: a year that is not later is an error linked to the field.
        await Assertions.Expect(page.GetByLabel("Financial year of the new plan")).ToHaveValueAsync("2025-26");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByLabel("Financial year of the new plan").FillAsync("2024-25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("The new plan's year must come after 2024-25");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Financial year of the new plan")).ToBeFocusedAsync();
        await page.GetByLabel("Financial year of the new plan").FillAsync("2025-26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Step 2: the preview lists every action under what will happen to it.
        await Assertions.Expect(page.Locator("[data-new=title]")).ToHaveTextAsync("Service Development Plan 2025-6");
        var carried = await page.Locator("[data-count=carried]").TextContentAsync();
        var retained = await page.Locator("[data-count=retained]").TextContentAsync();
        await Assertions.Expect(page.Locator("#carried-table tbody tr")).ToHaveCountAsync(int.Parse(carried!, System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#retained-table tbody tr")).ToHaveCountAsync(int.Parse(retained!, System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("Q1 2024-25 is still open");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        var firstCarried = (await page.Locator("#carried-table tbody tr").First.Locator("td").First.TextContentAsync())!.Trim();

        await page.GetByRole(AriaRole.Button, new() { Name = "Roll over into 2025-26" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"Plan 2024-25 was rolled over into 2025-26: {carried} actions carried forward");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Service Development Plan 2025-6");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);

        // A carried action says where it came from, and last year's progress is on its page.
        await page.GotoAsync(page.Url + "/actions");
        await page.Locator($"tr[data-action-ref='{firstCarried}'] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#lineage")).ToContainTextAsync("First planned 2024-25, carried once");
        await Assertions.Expect(page.Locator(".app-history-row--earlier").First).ToContainTextAsync("2024-25");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Locator("#lineage").GetByRole(AriaRole.Link, new() { Name = "2024-25 version of this action" }).ClickAsync();
        await Assertions.Expect(page.Locator("#action-closed")).ToContainTextAsync("can no longer be changed");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add a progress update" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
