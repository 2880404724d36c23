using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>axe-core finds no violations on the pages people use most, including forms showing their errors.</summary>
[Collection(RunAlone.Name)]
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sign_in_page_has_no_violations()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Plan_pages_have_no_violations()
    {
        // The demo plan on purpose: a realistic full plan (every rating, long texts, sources, history) is what is swept.
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        var plan = await browser.PlanAsync();
        var action = await browser.ActionAsync("16");

        Guid review;
        await using (var db = browser.Database.CreateContext())
            review = await db.Reviews.Where(r => r.PlanId == plan.Id).Select(r => r.Id).SingleAsync();
        foreach (var url in new[] { "/plans", $"/plans/{plan.Id}", $"/plans/{plan.Id}/actions", $"/plans/{plan.Id}/actions?rating=amber", $"/plans/{plan.Id}/actions?sort=due&order=desc", $"/actions/{action.Id}", "/my-actions", $"/plans/{plan.Id}/update-sheet", $"/plans/{plan.Id}/reviews", $"/reviews/{review}", $"/reviews/{review}/narrative" })
        {
            await page.GotoAsync(url);
            await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task People_pages_have_no_violations()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        var plan = await browser.PlanAsync();
        List<Guid> people;
        await using (var db = browser.Database.CreateContext())
            people = await db.People.Where(p => p.PlanId == plan.Id).OrderBy(p => p.Name).Select(p => p.Id).Take(2).ToListAsync();
        foreach (var url in new[] { $"/plans/{plan.Id}/people", $"/plans/{plan.Id}/people/{people[0]}", $"/plans/{plan.Id}/people/{people[0]}/merge", $"/plans/{plan.Id}/people/{people[0]}/merge?into={people[1]}" })
        {
            await page.GotoAsync(url);
            await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        }

        await page.GotoAsync($"/plans/{plan.Id}/people/{people[0]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link to this account" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GotoAsync($"/plans/{plan.Id}/people/{people[0]}/merge?into=00000000-0000-7000-8000-0000000000a4");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();

        var lead = await browser.SignedInPageAsync(Roles.Lead);
        await lead.GotoAsync("/team");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(lead);
        await lead.Context.CloseAsync();
    }

    [Fact]
    public async Task Forms_have_no_violations_before_and_after_validation()
    {
        var page = await browser.SignedInPageAsync(Roles.Admin);
        var action = await browser.TestData.CreateActionAsync(a => a.WithUpdate(ServicePlan.Progress.Rating.Green, "Guidance drafted."), openReview: "Q1 2024-25");

        await page.GotoAsync($"/actions/{action.Id}/progress");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress update" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);

        await page.GotoAsync($"/actions/{action.Id}/edit");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByLabel("Does what?").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save action" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);

        await page.GotoAsync("/admin/users/add");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GotoAsync("/admin/users");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Locator("table a").First.ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GotoAsync("/users/set-password");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GotoAsync("/account/change-password");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_quick_update_form_has_no_violations_before_and_after_validation()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        var plan = await browser.TestData.CreatePlanAsync(p => p.WithOpenReview("Q1 2024-25").WithSection("Early Help", s => s
            .WithAction(a => a.WithRef("4.1").WithLead("Morgan Hale").WithUpdate(ServicePlan.Progress.Rating.Green, "Guidance drafted."))
            .WithAction(a => a.WithRef("4.2").WithLead("Morgan Hale"))));

        await page.GotoAsync($"/plans/{plan.PlanId}/quick-update/{plan.PersonIds["Morgan Hale"]}");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByLabel("Comment on progress for action 4.1").FillAsync("Guidance agreed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress updates" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Date_inputs_the_statement_and_ignored_filters_have_no_violations()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        var plan = await browser.TestData.CreatePlanAsync();

        await page.GotoAsync($"/plans/{plan.PlanId}/reviews");
        await page.GetByLabel("Month").FillAsync("13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open review" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GotoAsync($"/plans/{plan.PlanId}/actions?rating=purple&section=nothing");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GotoAsync("/accessibility");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Api_keys_page_has_no_violations_empty_with_an_error_with_a_new_key_and_after_revoking()
    {
        var page = await browser.SignedInPageAsync(Roles.Lead);

        await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await page.WaitForURLAsync("**/account/api-keys");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByLabel("Name").FillAsync("Accessibility check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#new-api-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^sp_"));
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Accessibility check" }).ClickAsync();
        await page.WaitForURLAsync("**/account/api-keys?revoked=*");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
