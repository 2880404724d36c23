using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

[Collection(RunAlone.Name)]
public sealed class PlanJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_signs_in_filters_to_amber_and_adds_a_progress_update_that_shows_in_the_history()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);

        await page.GetByRole(AriaRole.Link, new() { Name = "Service Development Plan 2024-5" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Service Development Plan 2024-5");
        await page.GetByRole(AriaRole.Link, new() { Name = "View the plan's actions" }).ClickAsync();

        await page.GetByLabel("Rating", new() { Exact = true }).SelectOptionAsync("amber");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("Showing 6 of 31 actions");
        await Assertions.Expect(page.Locator("tr[data-action-ref]")).ToHaveCountAsync(6);

        await page.Locator("tr[data-action-ref='4'] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Action 4");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a progress update" }).ClickAsync();
        await page.GetByLabel("Blue").CheckAsync();
        await page.GetByLabel("Comment on progress").FillAsync("Young carer offer reviewed and approved for 2024.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress update" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Progress update added: Blue");
        var newest = page.Locator(".app-history-row").First;
        await Assertions.Expect(newest).ToContainTextAsync("Young carer offer reviewed and approved for 2024.");
        await Assertions.Expect(newest.Locator(".app-rating")).ToHaveTextAsync("Blue");
        await Assertions.Expect(page.Locator(".app-history-row")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_invalid_update_shows_the_error_summary_linked_to_the_field()
    {
        var page = await browser.SignedInPageAsync(Roles.Lead);
        await page.GotoAsync("/my-actions");
        await page.Locator("table a").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a progress update" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress update" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a comment on progress");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter a comment on progress" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Comment on progress")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }
}
