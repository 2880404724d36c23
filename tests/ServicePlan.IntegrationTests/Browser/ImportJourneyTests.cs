using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

[Collection(RunAlone.Name)]
public sealed class ImportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task Owner_uploads_the_councils_sheet_checks_the_preview_and_imports_it()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);

        await page.GetByRole(AriaRole.Link, new() { Name = "Import a plan from a spreadsheet" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(ImportCliTests.Fixture("sdp-2024-25.xlsx"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-count=actions]")).ToHaveTextAsync("31");
        await Assertions.Expect(page.Locator("[data-count=ratings]")).ToContainTextAsync("8 blue, 1 red, 6 amber, 13 green, 3 not rated");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        // The demo organisation already has this plan (the demo is the same sheet), so the preview asks first.
        await page.GetByLabel("Yes, import it as another plan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import this plan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("31 actions in 7 sections");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Service Development Plan 2024-5");
        await page.Context.CloseAsync();
    }
}
