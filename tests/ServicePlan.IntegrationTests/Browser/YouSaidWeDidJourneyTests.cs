using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>The owner records what children told the service, writes the public page, publishes it, and a family reads it signed out.</summary>
[Collection(RunAlone.Name)]
public sealed class YouSaidWeDidJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_adds_a_childrens_survey_publishes_the_page_and_a_family_reads_it_signed_out()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a source" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByLabel("Kind of source").SelectOptionAsync("ChildrenAndYoungPeople");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Children in care council survey 2024");
        await page.GetByLabel("Day").FillAsync("12");
        await page.GetByLabel("Month").FillAsync("6");
        await page.GetByLabel("Year").FillAsync("2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save source" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Children in care council survey 2024");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        var sourceId = page.Url.Split('/').Last();

        await page.GetByRole(AriaRole.Link, new() { Name = "Write the words for the public page" }).ClickAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        var entry = page.Locator($"#source-{sourceId}");

        // First with a child's name in it: refused, and the page says where and why.
        await entry.GetByLabel("You said").FillAsync("Jayden (aged 9) said it was hard to reach his social worker.");
        await entry.GetByLabel("We did").FillAsync("Every child now has a phone number that reaches their social worker's team.");
        await entry.GetByLabel("Done").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        // Warned as the words are saved: nothing is saved until they are changed or confirmed.
        await Assertions.Expect(page.Locator("#personal-data-warning")).ToContainTextAsync("Jayden");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);

        await page.Locator($"#source-{sourceId}").GetByLabel("You said").FillAsync("You said it was hard to reach your social worker.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The page is published");
        await Assertions.Expect(page.Locator("#publication-status")).ToContainTextAsync("Published");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        var address = await page.Locator("#public-link").GetAttributeAsync("href");

        await page.GotoAsync("/you-said-we-did/preview");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GotoAsync("/sources/merge");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge sources" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the source to keep");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();

        var family = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var reader = await family.NewPageAsync();
        var response = await reader.GotoAsync(address!);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("You said, we did");
        await Assertions.Expect(reader.Locator("header")).ToContainTextAsync("City of London Corporation (demo data)");
        var shown = reader.Locator($"[data-source='{sourceId}']");
        await Assertions.Expect(shown).ToContainTextAsync("You said it was hard to reach your social worker.");
        await Assertions.Expect(shown).ToContainTextAsync("Every child now has a phone number that reaches their social worker's team.");
        await Assertions.Expect(shown.Locator(".govuk-tag")).ToHaveTextAsync("Done");
        await Assertions.Expect(reader.GetByText("Sign out")).ToHaveCountAsync(0);
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(reader);

        // On paper: the organisation's name and every answer, without the skip link.
        await reader.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("header")).ToBeVisibleAsync();
        await family.CloseAsync();
    }
}
