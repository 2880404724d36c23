using AngleSharp.Html.Dom;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Progress;

/// <summary>A lead's "My actions": what needs their update first, then overdue, then due soon, then the rest.</summary>
[Trait("Category", "Database")]
public sealed class MyActionsTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static string[] Group(IHtmlDocument page, string group) =>
        page.QuerySelectorAll($"[data-group={group}] tr[data-action-ref]").Select(r => r.GetAttribute("data-action-ref")!).ToArray();

    [Fact]
    public async Task A_leads_actions_are_grouped_by_what_to_do_first()
    {
        // A lead of their own, so "My actions" shows only this plan's two actions, and a plan of its own, whose review this test moves on.
        var leadUser = await app.TestData.CreateUserAsync(Roles.Lead);
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("13").WithLead(leadUser.Name).WithDue("1 September 2024").WithUpdate(Rating.Amber, "Panel started late."))
                .WithAction(a => a.WithRef("14").WithLead("Morgan Hale").WithDue("1 November 2024"))
                .WithAction(a => a.WithRef("15").WithLead(leadUser.Name).WithDue("1 December 2024").WithUpdate(Rating.Green, "Fund promoted."))));
        using var early = app.CreateClient();
        await early.SignInAsync(leadUser);

        // Q1 is open and both actions already have their update in it. On 15 October, 13 (1 September) is overdue
        // and 15 (1 December) is 47 days off, so with the rest; 14 is someone else's.
        var page = await early.GetPageAsync("/my-actions");
        Assert.Empty(Group(page, "NeedsUpdate"));
        Assert.Equal(["13"], Group(page, "Overdue"));
        Assert.Empty(Group(page, "DueSoon"));
        Assert.Equal(["15"], Group(page, "Other"));

        // A month on (signed in afresh: the first sign-in has long expired), 15 is due within 30 days.
        app.Clock.Now = new DateTimeOffset(2024, 11, 15, 10, 0, 0, TimeSpan.Zero);
        try
        {
            using var lead = app.CreateClient();
            await lead.SignInAsync(leadUser);
            page = await lead.GetPageAsync("/my-actions");
            Assert.Equal(["13"], Group(page, "Overdue"));
            Assert.Equal(["15"], Group(page, "DueSoon"));
            Assert.Equal("Due in the next 30 days", page.QuerySelector("[data-group=DueSoon] h2")!.FirstChild!.TextContent.Trim());
            Assert.Contains("Due soon", page.QuerySelector("[data-group=DueSoon] tr[data-action-ref='15']")!.TextContent, StringComparison.Ordinal);

            // The owner moves on to Q2: both now need an update, which comes first whatever their dates.
            using var owner = app.CreateClient();
            await owner.SignInAsync(Roles.PlanOwner);
            var q1 = plan.ReviewId("Q1 2024-25");
            await owner.PostFormAsync($"/reviews/{q1}", $"/reviews/{q1}?handler=Close", []);
            await owner.PostFormAsync($"/plans/{plan.PlanId}/reviews", $"/plans/{plan.PlanId}/reviews", new() { ["Input.Label"] = "Q2 2024-25", ["Input.Day"] = "15", ["Input.Month"] = "11", ["Input.Year"] = "2024" });
            page = await lead.GetPageAsync("/my-actions");
            Assert.Equal(["13", "15"], Group(page, "NeedsUpdate"));
            Assert.Empty(Group(page, "Overdue"));

            // Updating 15 moves it back to due soon; 13 still waits.
            var action = plan.Action("15");
            await lead.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Fund promoted again." });
            page = await lead.GetPageAsync("/my-actions");
            Assert.Equal(["13"], Group(page, "NeedsUpdate"));
            Assert.Equal(["15"], Group(page, "DueSoon"));
            Assert.Contains("1 of your actions still need an update", page.QuerySelector("#open-review")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Now = FixedClock.DemoToday;
        }
    }
}
