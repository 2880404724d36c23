using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Rollover;

/// <summary>The owner's roll-over page on the demo plan: preview, confirm, and a closed plan that can no longer change.</summary>
[Trait("Category", "Database")]
public sealed class RolloverPageTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Owner_previews_confirms_and_lands_on_the_new_plan_and_the_old_one_is_read_only()
    {
        var plan = await app.PlanAsync();
        await using var db = app.Database.CreateContext();
        var latest = (await db.Actions.AsNoTracking().Include(a => a.Updates).Where(a => a.PlanId == plan.Id).ToListAsync())
            .ToDictionary(a => a.Id, a => (a.Ref, a.CurrentRating, a.RetainedForOversight));
        var expected = (
            Carried: latest.Values.Count(a => a.CurrentRating != Rating.Blue),
            Retained: latest.Values.Count(a => a.CurrentRating == Rating.Blue && a.RetainedForOversight),
            Archived: latest.Values.Count(a => a.CurrentRating == Rating.Blue && !a.RetainedForOversight));
        Assert.True(expected is { Carried: > 0, Retained: > 0, Archived: > 0 }, $"The demo plan should have actions of every kind: {expected}");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        // Step 1: the overview links to it, and the year after the plan's is suggested.
        var overview = await owner.GetPageAsync($"/plans/{plan.Id}");
        Assert.NotNull(overview.QuerySelector($"a[href='/plans/{plan.Id}/rollover']"));
        var choose = await owner.GetPageAsync($"/plans/{plan.Id}/rollover");
        Assert.Equal("2025-26", choose.QuerySelector("input[name=Period]")!.GetAttribute("value"));

        // Step 2: what will happen, with every action listed under what happens to it.
        var preview = await owner.GetPageAsync($"/plans/{plan.Id}/rollover?period=2025-26");
        Assert.Equal("Service Development Plan 2025-6", preview.QuerySelector("[data-new=title]")!.TextContent.Trim());
        int Count(string what) => int.Parse(preview.QuerySelector($"[data-count={what}]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, (Count("carried"), Count("retained"), Count("archived")));
        Assert.Equal(expected.Carried, preview.QuerySelectorAll("#carried-table tbody tr").Length);
        Assert.Contains("Q1 2024-25 is still open and will be closed", preview.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        await using (var unchanged = app.Database.CreateContext())
            Assert.Equal(1, await unchanged.Plans.CountAsync());

        var confirmed = await owner.PostFormAsync($"/plans/{plan.Id}/rollover?period=2025-26", $"/plans/{plan.Id}/rollover", new() { ["Period"] = "2025-26" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var newPlan = await owner.GetPageAsync(confirmed.Headers.Location!.ToString());
        Assert.Contains($"Plan 2024-25 was rolled over into 2025-26: {expected.Carried} actions carried forward", newPlan.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Service Development Plan 2025-6", newPlan.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(newPlan.QuerySelector($"#plan-previous a[href='/plans/{plan.Id}']"));

        // The new plan's dashboard starts from the ratings the old one ended with.
        var totals = newPlan.QuerySelectorAll("#sections-table tfoot td").Select(td => td.TextContent.Trim()).ToArray();
        var carriedRatings = latest.Values.Where(a => a.CurrentRating != Rating.Blue || a.RetainedForOversight).Select(a => a.CurrentRating).ToList();
        Assert.Equal(
            new[] { Rating.Blue, Rating.Red, Rating.Amber, Rating.Green, Rating.None }.Select(r => carriedRatings.Count(c => c == r).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            totals[..5]);

        // The old plan says where it went, offers no roll-over, and its review is closed.
        var old = await owner.GetPageAsync($"/plans/{plan.Id}");
        Assert.Contains("rolled over into the 2025-26 plan", old.QuerySelector("#plan-closed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(old.QuerySelector($"a[href='/plans/{plan.Id}/rollover']"));
        await using var after = app.Database.CreateContext();
        Assert.All(await after.Reviews.Where(r => r.PlanId == plan.Id).ToListAsync(), r => Assert.Equal(ReviewStatus.Closed, r.Status));

        // Twice is refused on the page too, with the same clear message and no form.
        var again = await owner.GetPageAsync($"/plans/{plan.Id}/rollover");
        Assert.EndsWith("Plan 2024-25 was already rolled over into 2025-26 on 15 October 2024.", again.QuerySelector("#rollover-refused")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("main form"));
        var posted = await owner.PostFormAsync($"/plans/{plan.Id}/rollover", $"/plans/{plan.Id}/rollover", new() { ["Period"] = "2025-26" });
        Assert.Contains("already rolled over", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await after.Plans.CountAsync(p => p.PreviousPlanId == plan.Id));

        // Every write to the closed plan is refused, with the reason.
        var action = latest.First(a => a.Value.CurrentRating == Rating.Amber).Key;
        Assert.Equal($"/actions/{action}", (await owner.Http.GetAsync($"/actions/{action}/edit")).Headers.Location!.ToString());
        Assert.Equal($"/actions/{action}", (await owner.Http.GetAsync($"/actions/{action}/progress")).Headers.Location!.ToString());
        var progress = await owner.PostFormAsync($"/actions/{action}", $"/actions/{action}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Too late." });
        Assert.Contains("rolled over and closed, so its progress can no longer be updated", await progress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var edit = await owner.PostFormAsync($"/actions/{action}", $"/actions/{action}/edit", new() { ["Input.DoesWhat"] = "Changed", ["Input.Version"] = "0" });
        Assert.Contains("rolled over and closed, so its actions can no longer be changed", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var review = await owner.PostFormAsync($"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/reviews", new()
        {
            ["Input.Label"] = "Q2 2024-25",
            ["Input.Day"] = "15",
            ["Input.Month"] = "10",
            ["Input.Year"] = "2024",
        });
        Assert.Contains("This plan has been rolled over and closed, so it can no longer be reviewed", await review.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var final = app.Database.CreateContext();
        Assert.Equal(1, await final.ProgressUpdates.CountAsync(u => u.ActionId == action));
        Assert.Equal(1, await final.Reviews.CountAsync(r => r.PlanId == plan.Id));
        Assert.Equal(PlanStatus.Closed, (await final.Plans.SingleAsync(p => p.Id == plan.Id)).Status);
    }
}
