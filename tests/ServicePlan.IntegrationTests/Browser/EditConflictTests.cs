using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>Two people in two browsers editing one action: the second save is refused, says what changed, and overwrites nothing.</summary>
[Collection(RunAlone.Name)]
public sealed class EditConflictTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_second_of_two_people_editing_an_action_is_refused_and_shown_what_the_first_saved()
    {
        var action = await browser.TestData.CreateActionAsync(a => a.WithDoesWhat("The panel meets when it is needed."));
        var owner = await browser.SignedInPageAsync(Roles.PlanOwner);
        var admin = await browser.SignedInPageAsync(Roles.Admin);

        // Both open the form before either saves.
        await owner.GotoAsync($"/actions/{action.Id}/edit");
        await admin.GotoAsync($"/actions/{action.Id}/edit");
        await owner.GetByLabel("Does what?").FillAsync("Owner's wording: the panel meets monthly.");
        await admin.GetByLabel("Does what?").FillAsync("Admin's wording: the panel meets weekly.");

        await owner.GetByRole(AriaRole.Button, new() { Name = "Save action" }).ClickAsync();
        await Assertions.Expect(owner.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Action saved");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save action" }).ClickAsync();

        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Someone else saved this action after you opened it");
        var conflict = admin.Locator("[aria-labelledby=conflict-title]");
        await Assertions.Expect(conflict).ToContainTextAsync("This action was changed by someone else while you were editing it");
        await Assertions.Expect(conflict.Locator(".app-conflict")).ToContainTextAsync("Owner's wording: the panel meets monthly.");
        await Assertions.Expect(conflict).ToContainTextAsync("Your version differs in: Does what?.");
        // What the admin typed is still in the form, to compare and save again if they mean to.
        await Assertions.Expect(admin.GetByLabel("Does what?")).ToHaveValueAsync("Admin's wording: the panel meets weekly.");

        var stored = await browser.TestData.ActionAsync(action.Id);
        Assert.Equal("Owner's wording: the panel meets monthly.", stored.DoesWhat);
        Assert.Equal(action.Version + 1, stored.Version);
        await owner.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
