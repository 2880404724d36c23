using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Rollover;

/// <summary>The owner's roll-over page: preview, confirm, and a closed plan that can no longer change.</summary>
[Trait("Category", "Database")]
public sealed class RolloverPageTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Owner_previews_confirms_and_lands_on_the_new_plan_and_the_old_one_is_read_only()
    {
        // Every kind of action roll-over treats differently: carried (whatever the rating, retained or not), retained Blue, archived Blue.
        var created = await app.TestData.CreatePlanAsync(p => p
            .WithTitle("Early Help Plan 2024-5")
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("1").WithRating(Rating.Red))
                .WithAction(a => a.WithRef("2").WithRating(Rating.Amber).RetainedForOversight())
                .WithAction(a => a.WithRef("3").WithRating(Rating.Green))
                .WithAction(a => a.WithRef("4"))
                .WithAction(a => a.WithRef("5").WithRating(Rating.Blue).RetainedForOversight())
                .WithAction(a => a.WithRef("6").WithRating(Rating.Blue)))
            .WithSection("Children in Care", s => s
                .WithAction(a => a.WithRef("7").WithUpdate(Rating.Amber).WithUpdate(Rating.Green))
                .WithAction(a => a.WithRef("8").WithRating(Rating.Amber))));
        var planId = created.PlanId;
        var expected = (Carried: 6, Retained: 1, Archived: 1);
        await using var db = app.Database.CreateContext();
        var plansBefore = await db.Plans.CountAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        // Step 1: the overview links to it, and the year after the plan's is suggested.
        var overview = await owner.GetPageAsync($"/plans/{planId}");
        Assert.NotNull(overview.QuerySelector($"a[href='/plans/{planId}/rollover']"));
        var choose = await owner.GetPageAsync($"/plans/{planId}/rollover");
        Assert.Equal("2025-26", choose.QuerySelector("input[name=Period]")!.GetAttribute("value"));

        // Step 2: what will happen, with every action listed under what happens to it.
        var preview = await owner.GetPageAsync($"/plans/{planId}/rollover?period=2025-26");
        Assert.Equal("Early Help Plan 2025-6", preview.QuerySelector("[data-new=title]")!.TextContent.Trim());
        int Count(string what) => int.Parse(preview.QuerySelector($"[data-count={what}]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, (Count("carried"), Count("retained"), Count("archived")));
        Assert.Equal(expected.Carried, preview.QuerySelectorAll("#carried-table tbody tr").Length);
        Assert.Contains("Q1 2024-25 is still open and will be closed", preview.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        await using (var unchanged = app.Database.CreateContext())
            Assert.Equal(plansBefore, await unchanged.Plans.CountAsync());

        var confirmed = await owner.PostFormAsync($"/plans/{planId}/rollover?period=2025-26", $"/plans/{planId}/rollover", new() { ["Period"] = "2025-26" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var newPlan = await owner.GetPageAsync(confirmed.Headers.Location!.ToString());
        Assert.Contains($"Plan 2024-25 was rolled over into 2025-26: {expected.Carried} actions carried forward", newPlan.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Early Help Plan 2025-6", newPlan.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(newPlan.QuerySelector($"#plan-previous a[href='/plans/{planId}']"));

        // The new plan's dashboard starts from the ratings the old one ended with: Blue, Red, Amber, Green, unrated.
        var totals = newPlan.QuerySelectorAll("#sections-table tfoot td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["1", "1", "2", "2", "1"], totals[..5]);

        // The old plan says where it went, offers no roll-over, and its review is closed.
        var old = await owner.GetPageAsync($"/plans/{planId}");
        Assert.Contains("rolled over into the 2025-26 plan", old.QuerySelector("#plan-closed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(old.QuerySelector($"a[href='/plans/{planId}/rollover']"));
        await using var after = app.Database.CreateContext();
        Assert.All(await after.Reviews.Where(r => r.PlanId == planId).ToListAsync(), r => Assert.Equal(ReviewStatus.Closed, r.Status));

        // Twice is refused on the page too, with the same clear message and no form.
        var again = await owner.GetPageAsync($"/plans/{planId}/rollover");
        Assert.EndsWith("Plan 2024-25 was already rolled over into 2025-26 on 15 October 2024.", again.QuerySelector("#rollover-refused")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("main form"));
        var posted = await owner.PostFormAsync($"/plans/{planId}/rollover", $"/plans/{planId}/rollover", new() { ["Period"] = "2025-26" });
        Assert.Contains("already rolled over", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await after.Plans.CountAsync(p => p.PreviousPlanId == planId));

        // Every write to the closed plan is refused, with the reason.
        var action = created.Action("8").Id;
        Assert.Equal($"/actions/{action}", (await owner.Http.GetAsync($"/actions/{action}/edit")).Headers.Location!.ToString());
        Assert.Equal($"/actions/{action}", (await owner.Http.GetAsync($"/actions/{action}/progress")).Headers.Location!.ToString());
        var progress = await owner.PostFormAsync($"/actions/{action}", $"/actions/{action}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Too late." });
        Assert.Contains("rolled over and closed, so its progress can no longer be updated", await progress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var edit = await owner.PostFormAsync($"/actions/{action}", $"/actions/{action}/edit", new() { ["Input.DoesWhat"] = "Changed", ["Input.Version"] = "0" });
        Assert.Contains("rolled over and closed, so its actions can no longer be changed", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var review = await owner.PostFormAsync($"/plans/{planId}/reviews", $"/plans/{planId}/reviews", new()
        {
            ["Input.Label"] = "Q2 2024-25",
            ["Input.Day"] = "15",
            ["Input.Month"] = "10",
            ["Input.Year"] = "2024",
        });
        Assert.Contains("This plan has been rolled over and closed, so it can no longer be reviewed", await review.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var final = app.Database.CreateContext();
        Assert.Equal(1, await final.ProgressUpdates.CountAsync(u => u.ActionId == action));
        Assert.Equal(1, await final.Reviews.CountAsync(r => r.PlanId == planId));
        Assert.Equal(PlanStatus.Closed, (await final.Plans.SingleAsync(p => p.Id == planId)).Status);
    }
}
