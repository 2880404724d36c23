using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;
using ServicePlan.Web.Pages;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>
/// The chain a new council needs: an imported plan's leads get accounts and update their actions, and the owner sees who
/// is still behind. The sheet's "EH lead" was Sam Okafor in the demo plan, so the import links them to his account;
/// this year the post has someone new, so the owner unlinks Sam and invites the new lead.
/// </summary>
[Collection(RunAlone.Name)]
public sealed class TeamJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewLeadEmail = "eh.lead.2025@example.test";
    private const string NewLeadPassword = "kettle-harbour-violet-42";

    [Fact]
    public async Task Owner_imports_the_sheet_invites_a_lead_who_updates_two_actions_at_once_and_drops_off_the_outstanding_list()
    {
        var owner = await browser.SignedInPageAsync(Roles.PlanOwner);

        // The owner imports the council's sheet as this year's plan.
        await owner.GetByRole(AriaRole.Link, new() { Name = "Import a plan from a spreadsheet" }).ClickAsync();
        await owner.GetByLabel("Spreadsheet").SetInputFilesAsync(ImportCliTests.Fixture("sdp-2024-25.xlsx"));
        await owner.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await owner.GetByLabel("Yes, import it as another plan").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Import this plan" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".govuk-notification-banner--success")).ToContainTextAsync("31 actions");
        var planId = Guid.Parse(new Uri(owner.Url).Segments[^1].Trim('/'));

        // The owner opens the quarter's review: the EH lead's two actions are outstanding.
        await owner.GotoAsync(Links.Reviews(planId));
        await owner.GetByLabel("Label").FillAsync("Q4 2024-25");
        await owner.GetByLabel("Day").FillAsync("31");
        await owner.GetByLabel("Month").FillAsync("3");
        await owner.GetByLabel("Year").FillAsync("2025");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Open review" }).ClickAsync();
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Q4 2024-25");
        var reviewUrl = owner.Url;
        var ehLead = owner.Locator("#chase-table tr[data-lead='EH lead']");
        await Assertions.Expect(ehLead.Locator("[data-outstanding]")).ToHaveTextAsync("2 of 2");

        // The people page: the imported EH lead is linked to last year's account; the owner unlinks it and invites the new lead.
        await owner.GotoAsync(Links.PlanPeople(planId));
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(owner);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Change or unlink the account for EH lead" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Unlink from Sam Okafor" }).ClickAsync();
        await owner.GetByRole(AriaRole.Link, new() { Name = "Link to an account for EH lead" }).ClickAsync();
        await owner.GetByLabel("Their e-mail address").FillAsync(NewLeadEmail);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Invite and link" }).ClickAsync();
        // With no e-mail set up, the link to choose a password is shown once, to send by hand.
        var invitation = (await owner.Locator("#invite-link-text").TextContentAsync())!.Trim();
        Assert.Contains("/users/set-password?", invitation, StringComparison.Ordinal);

        // The new lead follows the link, chooses a password and is signed in.
        var lead = await (await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl })).NewPageAsync();
        await lead.GotoAsync(invitation);
        await lead.GetByLabel("Password", new() { Exact = true }).FillAsync(NewLeadPassword);
        await lead.GetByLabel("Confirm password").FillAsync(NewLeadPassword);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Your password has been set");

        // "My actions": both of theirs wait for an update, and one form updates them together.
        await lead.GotoAsync(Links.MyActions());
        await lead.GetByRole(AriaRole.Link, new() { Name = "Update several at once" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(lead);
        await lead.Locator("input[name='Rows[0].Rating'][value='Blue']").CheckAsync();
        await lead.Locator("textarea[name='Rows[0].Comment']").FillAsync("Session held at the SEND programme board in March.");
        await lead.Locator("input[name='Rows[1].Rating'][value='Amber']").CheckAsync();
        await lead.Locator("textarea[name='Rows[1].Comment']").FillAsync("Leaflet drafted; translations still to do.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save progress updates" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await lead.Context.CloseAsync();

        // The owner sees the EH lead drop off the outstanding list, and among those up to date.
        await owner.GotoAsync(reviewUrl);
        await Assertions.Expect(ehLead).ToHaveCountAsync(0);
        await Assertions.Expect(owner.Locator("#chase-up-to-date [data-lead='EH lead']")).ToHaveCountAsync(1);
        await owner.Context.CloseAsync();
    }
}
