using Microsoft.Playwright;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>The action list fits the screen at 1,280 px and on a phone, and prints its ratings without link addresses.</summary>
[Collection(RunAlone.Name)]
public sealed class ActionListLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Rating[] Cycle = [Rating.Blue, Rating.Red, Rating.Amber, Rating.Green, Rating.None];

    /// <summary>200 actions with long texts, a long unbroken word and every rating, as a real plan has.</summary>
    private Task<CreatePlanResult> LargePlanAsync() =>
        browser.TestData.CreatePlanAsync(p =>
        {
            for (var s = 1; s <= 4; s++)
            {
                p.WithSection($"Section {s} of the layout test", section =>
                {
                    for (var o = 1; o <= 5; o++)
                    {
                        section.WithObjective($"Objective {o}: families are supported by a consistent, well-understood offer across the whole of the service (layout test)", objective =>
                        {
                            for (var a = 1; a <= 10; a++)
                            {
                                var number = (s * 100) + (o * 10) + a;
                                var rating = Cycle[number % Cycle.Length];
                                objective.WithAction(action =>
                                {
                                    action.WithRef($"{s}.{o}.{a}")
                                        .WithLeadsText("HoS / TM / CP Chair")
                                        .WithDoesWhat("Reviews the guidance and templates with the team, agrees the changes at the practice forum and publishes them on the intranet-based-procedures-manual-page.")
                                        .WithDue(a % 3 == 0 ? "Quarterly" : "31 March 2025")
                                        .WithMeasure("Audits show the new templates in use on every file sampled, and supervision notes refer to them.")
                                        .WithChildrenExperience("Children and carers receive a consistent offer and know what to expect from their worker.");
                                    if (rating != Rating.None)
                                        action.WithUpdate(rating, "Progress as planned: the forum met in September and the next steps are agreed with the team managers.");
                                });
                            }
                        });
                    }
                });
            }
        });

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth");

    [Fact]
    public async Task At_1280_pixels_a_200_action_list_does_not_scroll_sideways()
    {
        var plan = await LargePlanAsync();
        var page = await browser.SignedInPageAsync(Roles.Viewer);

        foreach (var query in new[] { "", "?all=true", "?sort=due&order=asc" })
        {
            await page.GotoAsync($"/plans/{plan.PlanId}/actions{query}");
            Assert.False(await ScrollsSidewaysAsync(page), $"{query}: {await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")} px wide");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_390_pixels_each_action_is_a_card_of_labelled_fields_and_nothing_scrolls_sideways()
    {
        var plan = await LargePlanAsync();
        var page = await browser.SignedInPageAsync(Roles.Viewer);
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync($"/plans/{plan.PlanId}/actions");

        Assert.False(await ScrollsSidewaysAsync(page));
        var row = page.Locator("tr[data-action-ref='1.1.1']");
        Assert.Equal("block", await row.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        var due = row.Locator("td[data-label='By when?']");
        Assert.Equal("block", await due.EvaluateAsync<string>("c => getComputedStyle(c).display"));
        Assert.Equal("\"By when?\"", await due.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content"));
        await BrowserFixture.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Printed_the_list_keeps_rating_words_and_colours_and_prints_no_link_addresses()
    {
        var plan = await LargePlanAsync();
        var page = await browser.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync($"/plans/{plan.PlanId}/actions");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var green = page.Locator(".app-rating--green").First;
        Assert.True(await green.IsVisibleAsync());
        Assert.Equal("Green", (await green.TextContentAsync())!.Trim());
        Assert.Equal("exact", await green.EvaluateAsync<string>("t => getComputedStyle(t).printColorAdjust"));
        Assert.Equal("rgb(0, 112, 60)", await green.EvaluateAsync<string>("t => getComputedStyle(t).backgroundColor"));
        var refLink = page.Locator("tr[data-action-ref='1.1.1'] td.app-col--ref a");
        Assert.Equal("none", await refLink.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content"));
        var linkAddresses = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('a[href]')].filter(a => a.offsetParent !== null && getComputedStyle(a, '::after').content.includes('/')).length");
        Assert.Equal(0, linkAddresses);
        Assert.False(await page.Locator("nav.govuk-pagination").IsVisibleAsync());
        Assert.False(await page.Locator(".app-filter-layout__filters").IsVisibleAsync());
        await page.Context.CloseAsync();
    }
}
