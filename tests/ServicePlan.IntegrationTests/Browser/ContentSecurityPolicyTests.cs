using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Browser;

/// <summary>Chromium enforces the Content-Security-Policy: nothing the pages need is blocked, and GOV.UK Frontend's script still runs.</summary>
[Collection(RunAlone.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task No_page_breaks_the_policy_and_the_frontend_script_runs()
    {
        var page = await browser.SignedInPageAsync(Roles.PlanOwner);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");
        // Every kind of thing a page draws: each rating, a retained action, an exempt one, a source and an open review.
        var created = await browser.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Need", s => s
                .WithObjective("Children are seen sooner", o => o
                    .WithSource("Ofsted ILACS inspection (test data)", SourceKind.Inspection)
                    .WithAction(a => a.WithLead(TestData.LeadName).WithUpdate(Rating.Green, "Started."))
                    .WithAction(a => a.WithUpdate(Rating.Amber, "Delayed.").RetainedForOversight())))
            .WithSection("Children in Care", s => s
                .WithAction(a => a.WithUpdate(Rating.Red, "Not started."))
                .WithAction(a => a.WithUpdate(Rating.Blue, "Done.").Exempt("Paragraph 2"))));
        var plan = created.PlanId;
        var action = created.Action("1").Id;
        var review = created.ReviewId("Q1 2024-25");

        foreach (var url in new[] { "/plans", $"/plans/{plan}", $"/plans/{plan}/actions", $"/actions/{action}", $"/actions/{action}/edit", $"/reviews/{review}", $"/reviews/{review}/narrative", "/plans/import" })
        {
            await page.GotoAsync(url);
            Assert.True(await page.EvaluateAsync<bool>("document.body.classList.contains('govuk-frontend-supported')"), $"GOV.UK Frontend did not start on {url}.");
        }

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
