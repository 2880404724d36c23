using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Reviews;

/// <summary>The quarter: the owner closes Q1 and opens Q2, leads update their actions, the owner sees what moved and closes Q2.</summary>
[Trait("Category", "Database")]
public sealed class ReviewWorkflowTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<Review> ReviewAsync(string label)
    {
        await using var db = app.Database.CreateContext();
        return await db.Reviews.AsNoTracking().SingleAsync(r => r.Label == label);
    }

    private static Dictionary<string, string> Opening(string label, int day, int month, int year) => new()
    {
        ["Input.Label"] = label,
        ["Input.Day"] = day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Month"] = month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Update(string rating, string comment) => new() { ["Input.Rating"] = rating, ["Input.Comment"] = comment };

    [Fact]
    public async Task A_whole_quarter_is_opened_updated_compared_and_closed()
    {
        var plan = await app.PlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        // Q1 is open in the demo: a second review cannot open until it is closed.
        var refused = await owner.PostFormAsync($"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/reviews", Opening("Q2 2024-25", 15, 10, 2024));
        Assert.Contains("Q1 2024-25 is still open", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var q1 = await ReviewAsync("Q1 2024-25");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/reviews/{q1.Id}", $"/reviews/{q1.Id}?handler=Close", [])).StatusCode);
        var opened = await owner.PostFormAsync($"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/reviews", Opening("Q2 2024-25", 15, 10, 2024));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var q2 = await ReviewAsync("Q2 2024-25");

        // A lead updates their own action; the owner updates two more.
        var earlyHelp = await app.ActionAsync("13");
        await lead.PostFormAsync($"/actions/{earlyHelp.Id}/progress", $"/actions/{earlyHelp.Id}/progress", Update("Blue", "Presented to the SEND board."));
        var youngCarers = await app.ActionAsync("4");
        await owner.PostFormAsync($"/actions/{youngCarers.Id}/progress", $"/actions/{youngCarers.Id}/progress", Update("Green", "Review started."));
        var kinship = await app.ActionAsync("3");
        await owner.PostFormAsync($"/actions/{kinship.Id}/progress", $"/actions/{kinship.Id}/progress", Update("Amber", "Legal sign-off delayed."));

        var page = await owner.GetPageAsync($"/reviews/{q2.Id}");
        Assert.Contains("3 of 31", page.QuerySelector("#progress")!.TextContent, StringComparison.Ordinal);
        string[] Refs(string group) => page.QuerySelectorAll($"[data-moved={group}] tr[data-action-ref]").Select(r => r.GetAttribute("data-action-ref")!).ToArray();
        Assert.Equal(["13"], Refs("newly-blue"));
        Assert.Equal(["4"], Refs("improved"));
        Assert.Equal(["3"], Refs("slipped"));
        Assert.Equal(["28"], Refs("still-red"));
        Assert.Equal(28, Refs("no-update").Length);
        Assert.Equal("9", page.QuerySelector("[data-rating=Blue]")!.TextContent.Trim());

        // Closing freezes Q2: a later update is filed under no review and Q2's figures do not change.
        var closed = await owner.PostFormAsync($"/reviews/{q2.Id}", $"/reviews/{q2.Id}?handler=Close", []);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await owner.PostFormAsync($"/actions/{kinship.Id}/progress", $"/actions/{kinship.Id}/progress", Update("Red", "After the review."));
        var frozen = await owner.GetPageAsync($"/reviews/{q2.Id}");
        Assert.Contains("Closed", frozen.QuerySelector("h1 + p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 of 31", frozen.QuerySelector("#progress")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Legal sign-off delayed.", frozen.QuerySelector("[data-moved=slipped] tr[data-action-ref='3'] td:last-child")!.TextContent.Trim());
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.ProgressUpdates.SingleAsync(u => u.Comment == "After the review.")).ReviewId);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    public async Task Leads_and_viewers_cannot_open_or_close_a_review(string role)
    {
        var plan = await app.PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(role);
        await using var db = app.Database.CreateContext();
        var before = await db.Reviews.CountAsync();
        var anyReview = await db.Reviews.AsNoTracking().FirstAsync();

        var open = await client.PostFormAsync($"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/reviews", Opening("Q9 2024-25", 1, 2, 2025));
        var close = await client.PostFormAsync($"/reviews/{anyReview.Id}", $"/reviews/{anyReview.Id}?handler=Close", []);
        var page = await client.GetPageAsync($"/plans/{plan.Id}/reviews");

        Assert.Contains("access-denied", open.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("access-denied", close.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await db.Reviews.CountAsync());
        Assert.Equal(anyReview.Status, (await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == anyReview.Id)).Status);
        Assert.Null(page.QuerySelector("form button.govuk-button"));
    }

    [Fact]
    public async Task An_impossible_date_or_empty_label_is_refused_with_messages()
    {
        var plan = await app.PlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var response = await owner.PostFormAsync($"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/reviews", Opening("", 31, 2, 2025));

        var summary = TestClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter a label for the review", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the review date as a real date", summary, StringComparison.Ordinal);
    }
}

[Trait("Category", "Database")]
public sealed class MyActionsForReviewTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task A_lead_sees_which_of_their_actions_still_need_an_update_in_the_open_review()
    {
        // The demo's Q1 already holds every action's update: the owner moves on to Q2.
        var plan = await app.PlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        await using (var db = app.Database.CreateContext())
        {
            var q1 = await db.Reviews.Where(r => r.Label == "Q1 2024-25").Select(r => r.Id).SingleAsync();
            await owner.PostFormAsync($"/reviews/{q1}", $"/reviews/{q1}?handler=Close", []);
        }

        await owner.PostFormAsync($"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/reviews", new() { ["Input.Label"] = "Q2 2024-25", ["Input.Day"] = "15", ["Input.Month"] = "10", ["Input.Year"] = "2024" });
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        var before = await lead.GetPageAsync("/my-actions");
        Assert.Contains("Q2 2024-25 is open: 2 of your actions still need an update", before.QuerySelector("#open-review")!.TextContent, StringComparison.Ordinal);

        var action = await app.ActionAsync("15");
        await lead.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Household support fund promoted." });

        var after = await lead.GetPageAsync("/my-actions");
        Assert.Contains("1 of your actions still need an update", after.QuerySelector("#open-review")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Updated", after.QuerySelector("[data-review-status='15']")!.TextContent.Trim());
        Assert.Contains("Needs an update", after.QuerySelector("[data-review-status='13']")!.TextContent, StringComparison.Ordinal);
    }
}
