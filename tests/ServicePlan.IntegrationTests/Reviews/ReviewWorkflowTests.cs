using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Reviews;

/// <summary>The quarter: the owner closes Q1 and opens Q2, leads update their actions, the owner sees what moved and closes Q2.</summary>
[Trait("Category", "Database")]
public sealed class ReviewWorkflowTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<Review> ReviewAsync(Guid planId, string label)
    {
        await using var db = app.Database.CreateContext();
        return await db.Reviews.AsNoTracking().SingleAsync(r => r.PlanId == planId && r.Label == label);
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
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("1").WithLead(TestData.LeadName).WithUpdate(Rating.Amber))
                .WithAction(a => a.WithRef("2").WithUpdate(Rating.Amber))
                .WithAction(a => a.WithRef("3").WithUpdate(Rating.Green))
                .WithAction(a => a.WithRef("4").WithUpdate(Rating.Red))
                .WithAction(a => a.WithRef("5").WithUpdate(Rating.Blue))));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        // While Q1 is open a second review cannot open.
        var refused = await owner.PostFormAsync($"/plans/{plan.PlanId}/reviews", $"/plans/{plan.PlanId}/reviews", Opening("Q2 2024-25", 15, 10, 2024));
        Assert.Contains("Q1 2024-25 is still open", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var q1 = plan.ReviewId("Q1 2024-25");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/reviews/{q1}", $"/reviews/{q1}?handler=Close", [])).StatusCode);
        var opened = await owner.PostFormAsync($"/plans/{plan.PlanId}/reviews", $"/plans/{plan.PlanId}/reviews", Opening("Q2 2024-25", 15, 10, 2024));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var q2 = await ReviewAsync(plan.PlanId, "Q2 2024-25");

        // A lead updates their own action; the owner updates two more.
        var ledBySam = plan.Action("1");
        await lead.PostFormAsync($"/actions/{ledBySam.Id}/progress", $"/actions/{ledBySam.Id}/progress", Update("Blue", "Presented to the SEND board."));
        var improving = plan.Action("2");
        await owner.PostFormAsync($"/actions/{improving.Id}/progress", $"/actions/{improving.Id}/progress", Update("Green", "Review started."));
        var slipping = plan.Action("3");
        await owner.PostFormAsync($"/actions/{slipping.Id}/progress", $"/actions/{slipping.Id}/progress", Update("Amber", "Legal sign-off delayed."));

        var page = await owner.GetPageAsync($"/reviews/{q2.Id}");
        Assert.Contains("3 of 5", page.QuerySelector("#progress")!.TextContent, StringComparison.Ordinal);
        string[] Refs(string group) => page.QuerySelectorAll($"[data-moved={group}] tr[data-action-ref]").Select(r => r.GetAttribute("data-action-ref")!).ToArray();
        Assert.Equal(["1"], Refs("newly-blue"));
        Assert.Equal(["2"], Refs("improved"));
        Assert.Equal(["3"], Refs("slipped"));
        Assert.Equal(["4"], Refs("still-red"));
        Assert.Equal(["4", "5"], Refs("no-update"));
        Assert.Equal("2", page.QuerySelector("[data-rating=Blue]")!.TextContent.Trim());

        // Closing freezes Q2: a later update is filed under no review and Q2's figures do not change.
        var closed = await owner.PostFormAsync($"/reviews/{q2.Id}", $"/reviews/{q2.Id}?handler=Close", []);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        await owner.PostFormAsync($"/actions/{slipping.Id}/progress", $"/actions/{slipping.Id}/progress", Update("Red", "After the review."));
        var frozen = await owner.GetPageAsync($"/reviews/{q2.Id}");
        Assert.Contains("Closed", frozen.QuerySelector("h1 + p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 of 5", frozen.QuerySelector("#progress")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Legal sign-off delayed.", frozen.QuerySelector("[data-moved=slipped] tr[data-action-ref='3'] td:last-child")!.TextContent.Trim());
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.ProgressUpdates.SingleAsync(u => u.Comment == "After the review.")).ReviewId);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    public async Task Leads_and_viewers_cannot_open_or_close_a_review(string role)
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q1 2024-25"));
        using var client = app.CreateClient();
        await client.SignInAsync(role);
        await using var db = app.Database.CreateContext();
        var before = await db.Reviews.CountAsync();
        var anyReview = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == plan.ReviewId("Q1 2024-25"));

        var open = await client.PostFormAsync($"/plans/{plan.PlanId}/reviews", $"/plans/{plan.PlanId}/reviews", Opening("Q9 2024-25", 1, 2, 2025));
        var close = await client.PostFormAsync($"/reviews/{anyReview.Id}", $"/reviews/{anyReview.Id}?handler=Close", []);
        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/reviews");

        Assert.Contains("access-denied", open.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("access-denied", close.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await db.Reviews.CountAsync());
        Assert.Equal(anyReview.Status, (await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == anyReview.Id)).Status);
        Assert.Null(page.QuerySelector("form button.govuk-button"));
    }

    [Fact]
    public async Task An_impossible_date_or_empty_label_is_refused_with_messages()
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var response = await owner.PostFormAsync($"/plans/{plan.PlanId}/reviews", $"/plans/{plan.PlanId}/reviews", Opening("", 31, 2, 2025));

        var summary = TestClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter a label for the review", summary, StringComparison.Ordinal);
        Assert.Contains("The review date must be a real date", summary, StringComparison.Ordinal);
    }
}

[Trait("Category", "Database")]
public sealed class MyActionsForReviewTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task A_lead_sees_which_of_their_actions_still_need_an_update_in_the_open_review()
    {
        // Q1 held both actions' updates and is closed; Q2 is open and has none yet.
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithClosedReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithOpenReview("Q2 2024-25", new DateOnly(2024, 10, 15))
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("EH1").WithLead(TestData.LeadName).WithUpdate(Rating.Amber, review: "Q1 2024-25"))
                .WithAction(a => a.WithRef("EH2").WithLead(TestData.LeadName).WithUpdate(Rating.Green, review: "Q1 2024-25"))));
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        // The lead's demo actions are listed too, under the demo plan's own open review.
        IElement Q2(IHtmlDocument page) => page.QuerySelectorAll("#open-review").Single(e => e.TextContent.Contains("Q2 2024-25", StringComparison.Ordinal));

        var before = await lead.GetPageAsync("/my-actions");
        Assert.Contains("Q2 2024-25 is open: 2 of your actions still need an update", Q2(before).TextContent, StringComparison.Ordinal);

        var action = plan.Action("EH2");
        await lead.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Household support fund promoted." });

        var after = await lead.GetPageAsync("/my-actions");
        Assert.Contains("1 of your actions still need an update", Q2(after).TextContent, StringComparison.Ordinal);
        Assert.Equal("Updated", after.QuerySelector("[data-review-status='EH2']")!.TextContent.Trim());
        Assert.Contains("Needs an update", after.QuerySelector("[data-review-status='EH1']")!.TextContent, StringComparison.Ordinal);
    }
}
