using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

[Collection(RunAlone.Name)]
public sealed class StructureJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Owner_adds_a_section_an_objective_and_two_actions_moves_one_removes_and_restores_the_other_and_the_list_and_the_download_agree()
    {
        var plan = await browser.TestData.CreatePlanAsync(p => p
            .WithSection("Early Help", s => s.WithObjective("Families get help sooner", o => o
                .WithAction(a => a.WithRef("1").WithDoesWhat("Open a second family hub.")))));
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        await page.GotoAsync($"/plans/{plan.PlanId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the plan's structure" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Change the plan's structure");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a section" }).ClickAsync();
        await page.GetByLabel("Section title").FillAsync("Care leavers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add section" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirmation")).ToHaveTextAsync("Section 'Care leavers' added");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an objective to section Care leavers" }).ClickAsync();
        await page.GetByLabel("Why? (the objective's specific aim)").FillAsync("Care leavers have a settled home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add objective" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirmation")).ToHaveTextAsync("Objective added to section 'Care leavers'");

        foreach (var (reference, words) in new[] { ("2", "Find twenty more supported flats."), ("3", "Offer every care leaver a tenancy course.") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Add an action to objective Care leavers have a settled home" }).ClickAsync();
            if (reference == "2")
            {
                // The form's errors first: the accessibility sweep looks at the page in that state too.
                await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
                await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the action's ref");
                await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
            }

            await page.GetByLabel("Ref", new() { Exact = true }).FillAsync(reference);
            await page.GetByLabel("Who?").FillAsync("Housing team");
            await page.GetByLabel("Does what?").FillAsync(words);
            await page.GetByLabel("By when?").FillAsync("Mar-25");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
            await Assertions.Expect(page.Locator("#confirmation")).ToHaveTextAsync($"Action {reference} added");
        }

        // By the whole name: "Remove Action 3" contains "move Action 3".
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Move\s+Action 3$") }).ClickAsync();
        await page.GetByLabel("Objective to move it to").SelectOptionAsync(new SelectOptionValue { Label = "Families get help sooner" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move action" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirmation")).ToHaveTextAsync("Action 3 moved to objective 'Families get help sooner'");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Remove\s+Action 2$") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Are you sure you want to remove action 2?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove action" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirmation")).ToHaveTextAsync("Action 2 removed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Removed from the plan" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#removed-actions")).ToContainTextAsync("Find twenty more supported flats.");
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Locator("#removed-actions").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#confirmation")).ToHaveTextAsync("Action 2 restored");

        await page.GotoAsync($"/plans/{plan.PlanId}/actions");
        var listed = await page.Locator("tr[data-action-ref]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-action-ref'))");
        Assert.Equal(["1", "3", "2"], listed);

        await page.GotoAsync($"/plans/{plan.PlanId}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Plan as Excel (.xlsx), not for publication" }).ClickAsync());
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-download-").FullName, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var sheet = XlsxReader.Read(await File.ReadAllBytesAsync(file), ReadLimits.Default).Sheets.First(s => !s.Hidden);
        var texts = sheet.Rows.SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        var positions = new[] { "Open a second family hub.", "Offer every care leaver a tenancy course.", "Find twenty more supported flats." }
            .Select(words => texts.IndexOf(words)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("Care leavers", texts);
        await page.Context.CloseAsync();
    }
}
