using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>A lead types a child's name into a progress comment, is warned, changes the words, saves, and downloads the public plan.</summary>
[Collection(RunAlone.Name)]
public sealed class EntryWarningJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_lead_is_warned_about_a_childs_name_in_a_comment_changes_it_and_saves()
    {
        var action = await browser.ActionAsync("13");
        var lead = await browser.SignedInPageAsync(Roles.Lead);
        await lead.GotoAsync($"/actions/{action.Id}/progress");

        await lead.GetByLabel("Amber").CheckAsync();
        await lead.GetByLabel("Comment on progress").FillAsync("Jan: Jayden Whitfield-Oyelaran joined the transitions group.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save progress update" }).ClickAsync();

        var warning = lead.Locator("#personal-data-warning");
        await Assertions.Expect(warning).ToContainTextAsync("Comment on progress:");
        await Assertions.Expect(warning).ToContainTextAsync("Jayden Whitfield-Oyelaran");
        await Assertions.Expect(lead.GetByLabel("Comment on progress")).ToHaveValueAsync("Jan: Jayden Whitfield-Oyelaran joined the transitions group.");

        // The reason is asked for only once the box is ticked (GOV.UK Frontend's conditional reveal).
        await Assertions.Expect(lead.GetByLabel("Why can it be saved as written?")).ToBeHiddenAsync();
        await lead.GetByLabel("I have checked this: save it as written").CheckAsync();
        await Assertions.Expect(lead.GetByLabel("Why can it be saved as written?")).ToBeVisibleAsync();
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(lead);
        await lead.GetByLabel("I have checked this: save it as written").UncheckAsync();

        await lead.GetByLabel("Comment on progress").FillAsync("Jan: a young person joined the transitions group.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save progress update" }).ClickAsync();

        await Assertions.Expect(lead.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Progress update added: Amber");
        var saved = await browser.ActionAsync("13");
        Assert.Contains(saved.Updates, u => u.Comment == "Jan: a young person joined the transitions group.");
        Assert.DoesNotContain(saved.Updates, u => u.Comment.Contains("Jayden", StringComparison.Ordinal));

        await lead.GotoAsync($"/plans/{saved.PlanId}");
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByRole(AriaRole.Link, new() { Name = "Public plan as Excel (.xlsx)" }).ClickAsync());
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-download-").FullName, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(file))
        using (var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open()))
        {
            var text = await reader.ReadToEndAsync();
            Assert.Contains("Jan: a young person joined the transitions group.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Jayden", text, StringComparison.Ordinal);
            Assert.DoesNotContain("NOT FOR PUBLICATION", text, StringComparison.Ordinal);
        }

        await lead.Context.CloseAsync();
    }
}
