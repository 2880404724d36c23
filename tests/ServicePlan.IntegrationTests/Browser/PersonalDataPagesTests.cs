using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>The owner deals with a flagged comment in Chromium: the pages have no axe violations, errors included.</summary>
[Collection(RunAlone.Name)]
public sealed class PersonalDataPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_marks_a_flagged_comment_exempt_and_the_public_report_is_then_allowed()
    {
        var plan = await browser.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Care", s => s.WithAction(a => a.WithUpdate(Rating.Green, "Tyler Jones (DOB 03/04/2012) joined the group."))));
        var review = plan.ReviewId("Q1 2024-25");

        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        await page.GotoAsync($"/reviews/{review}/report/docx?public=true");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The public report cannot be produced yet");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Deal with what was found" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the public report for personal data");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);

        // Accepting without a reason shows the error, linked to the reason box.
        await page.Locator("[data-flag]").First.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why this can be published as written");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);

        // Instead the comment is marked exempt from the action's history.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mark the comment exempt" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mark exempt" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Is this comment exempt?");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByLabel("Exempt under which paragraph of Schedule 12A?").SelectOptionAsync("Paragraph 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The comment is exempt (Paragraph 2)");
        await Assertions.Expect(page.Locator(".app-history-row").First).ToContainTextAsync("Exempt – Paragraph 2");

        await page.GotoAsync($"/reviews/{review}/personal-data");
        await Assertions.Expect(page.Locator("#nothing-to-resolve")).ToBeVisibleAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
