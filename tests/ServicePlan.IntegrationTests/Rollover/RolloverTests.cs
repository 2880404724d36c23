using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Rollover;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Rollover;

/// <summary>The yearly roll-over's rules, on a real database: what is carried, retained and archived, and what is kept.</summary>
[Trait("Category", "Database")]
public sealed class RolloverTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static Guid NewPlanId(RolloverResult result) =>
        Assert.IsType<RolloverResult.Done>(result).NewPlanId ?? throw new InvalidOperationException("Not rolled over.");

    [Fact]
    public async Task Rollover_carries_every_action_that_is_not_blue_retains_marked_blue_ones_and_leaves_other_blue_ones()
    {
        var old = await app.SmallPlanAsync();

        var result = Assert.IsType<RolloverResult.Done>(await app.RolloverAsync(old.Id, 2025));

        Assert.Equal(SmallPlan.Carried, result.Preview.Carried.Select(a => a.Ref));
        Assert.Equal(SmallPlan.Retained, result.Preview.Retained.Select(a => a.Ref));
        Assert.Equal(SmallPlan.Archived, result.Preview.Archived.Select(a => a.Ref));
        await using var db = app.Database.CreateContext();
        var actions = await db.Actions.AsNoTracking().Include(a => a.Updates).Where(a => a.PlanId == result.NewPlanId).ToListAsync();
        Assert.Equal(["R", "A", "BR", "G", "U", "A2"], actions.OrderBy(a => a.Order).Select(a => a.Ref));
        foreach (var action in actions)
            Assert.Equal(old.Actions[action.Ref], action.PredecessorId);

        // Each keeps its rating: the latest of last year, as a carried-forward update rather than "not rated".
        var ratings = actions.ToDictionary(a => a.Ref, a => a.CurrentRating);
        Assert.Equal(
            new Dictionary<string, Rating> { ["R"] = Rating.Red, ["A"] = Rating.Amber, ["BR"] = Rating.Blue, ["G"] = Rating.Green, ["U"] = Rating.None, ["A2"] = Rating.Amber },
            ratings);
        var retained = actions.Single(a => a.Ref == "BR");
        Assert.True(retained.RetainedForOversight);
        var carriedForward = Assert.Single(retained.Updates);
        Assert.Equal(("Carried forward from 2024-25: retained for oversight.", "Rachel Talmage", (Guid?)null), (carriedForward.Comment, carriedForward.AuthorName, carriedForward.ReviewId));
        Assert.Empty(actions.Single(a => a.Ref == "U").Updates);
    }

    [Fact]
    public async Task The_new_plan_has_the_header_a_year_on_every_section_the_people_and_only_objectives_with_actions_carried()
    {
        var old = await app.SmallPlanAsync(title: "Header plan");

        var newPlanId = NewPlanId(await app.RolloverAsync(old.Id, 2025));

        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.AsNoTracking().Include(p => p.People).Include(p => p.Reviews)
            .Include(p => p.Sections).ThenInclude(s => s.Objectives).ThenInclude(o => o.Sources)
            .SingleAsync(p => p.Id == newPlanId);
        Assert.Equal(("Header plan 2025-26", new FinancialYear(2025), PlanStatus.Open, (Guid?)old.Id), (plan.Title, plan.Period, plan.Status, plan.PreviousPlanId));
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)), (plan.ImplementationDate, plan.ReviewDate));
        Assert.Empty(plan.Reviews);
        Assert.Equal(["Children in Need", "Retained for oversight", "Early Help", "Empty"], plan.Sections.OrderBy(s => s.Order).Select(s => s.Title));

        // "Done and dusted" had only a Blue action: it has been met, so it stays behind.
        var aims = plan.Sections.OrderBy(s => s.Order).SelectMany(s => s.Objectives.OrderBy(o => o.Order)).Select(o => o.Aim);
        Assert.Equal(["Assessments are timely", "Ofsted recommendation", "Families get help early"], aims);
        var assessments = plan.Sections.SelectMany(s => s.Objectives).Single(o => o.Aim == "Assessments are timely");
        Assert.Equal([old.SourceId], assessments.Sources.Select(s => s.Id));

        // People are new rows of the new plan, still linked to their sign-in accounts, and lead the same actions.
        var oldPeople = await db.People.AsNoTracking().Where(p => p.PlanId == old.Id).ToListAsync();
        Assert.Equal(oldPeople.Select(p => (p.Name, p.Initials, p.Role, p.UserId)).OrderBy(p => p.Name), plan.People.Select(p => (p.Name, p.Initials, p.Role, p.UserId)).OrderBy(p => p.Name));
        Assert.DoesNotContain(plan.People, p => oldPeople.Any(o => o.Id == p.Id));
        var red = await db.Actions.AsNoTracking().Include(a => a.Leads).SingleAsync(a => a.PlanId == newPlanId && a.Ref == "R");
        var lead = Assert.Single(red.Leads);
        Assert.Equal(("Sam Okafor", newPlanId), (lead.Name, lead.PlanId));

        // "By when?" is kept as written; "March 2025" is still March 2025, so the carried action shows as overdue.
        Assert.Equal(("March 2025", (DateOnly?)new DateOnly(2025, 3, 31)), (red.DueText, red.DueOn));
    }

    [Fact]
    public async Task Rollover_closes_the_old_plan_and_its_open_review_and_keeps_its_history_where_it_was()
    {
        var old = await app.SmallPlanAsync(title: "History plan");
        await using var before = app.Database.CreateContext();
        var updatesBefore = await before.ProgressUpdates.AsNoTracking().Where(u => before.Actions.Any(a => a.Id == u.ActionId && a.PlanId == old.Id)).OrderBy(u => u.Id).ToListAsync();

        NewPlanId(await app.RolloverAsync(old.Id, 2025));

        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == old.Id);
        Assert.Equal(PlanStatus.Closed, plan.Status);
        Assert.Equal(FixedClock.DemoToday.UtcDateTime, plan.RolledOverAtUtc);
        Assert.Equal(7, await db.Actions.CountAsync(a => a.PlanId == old.Id));
        var yearEnd = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == old.OpenReviewId);
        Assert.Equal(ReviewStatus.Closed, yearEnd.Status);
        var updatesAfter = await db.ProgressUpdates.AsNoTracking().Where(u => db.Actions.Any(a => a.Id == u.ActionId && a.PlanId == old.Id)).OrderBy(u => u.Id).ToListAsync();
        Assert.Equal(updatesBefore.Select(u => (u.Id, u.Rating, u.Comment, u.RecordedAtUtc)), updatesAfter.Select(u => (u.Id, u.Rating, u.Comment, u.RecordedAtUtc)));
    }

    [Fact]
    public async Task Rollover_twice_is_refused_with_a_clear_message_and_makes_no_second_plan()
    {
        var old = await app.SmallPlanAsync(title: "Twice plan");
        var first = NewPlanId(await app.RolloverAsync(old.Id, 2025));

        var again = Assert.IsType<RolloverResult.Refused>(await app.RolloverAsync(old.Id, 2025));
        var otherYear = Assert.IsType<RolloverResult.Refused>(await app.RolloverAsync(old.Id, 2026));

        Assert.Equal("Plan 2024-25 was already rolled over into 2025-26 on 15 October 2024.", again.Reason);
        Assert.Equal(again.Reason, otherYear.Reason);
        await using var db = app.Database.CreateContext();
        Assert.Equal([first], await db.Plans.Where(p => p.PreviousPlanId == old.Id).Select(p => p.Id).ToListAsync());
        Assert.Equal(6, await db.Actions.CountAsync(a => a.PlanId == first));
    }

    [Fact]
    public async Task Two_owners_confirming_at_once_make_one_new_plan()
    {
        var old = await app.SmallPlanAsync(title: "Race plan");

        var results = await Task.WhenAll(app.RolloverAsync(old.Id, 2025), app.RolloverAsync(old.Id, 2025));

        Assert.Single(results.OfType<RolloverResult.Done>());
        var refused = Assert.Single(results.OfType<RolloverResult.Refused>());
        Assert.StartsWith("Plan 2024-25 was already rolled over into 2025-26", refused.Reason, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Plans.CountAsync(p => p.PreviousPlanId == old.Id));
    }

    [Fact]
    public async Task A_year_that_is_not_after_the_plans_own_is_refused_and_nothing_changes()
    {
        var old = await app.SmallPlanAsync(title: "Backwards plan");

        var refused = Assert.IsType<RolloverResult.Refused>(await app.RolloverAsync(old.Id, 2024));

        Assert.True(refused.OnlyThisYear);
        Assert.Equal("The new plan's year must come after 2024-25: 2024-25 does not.", refused.Reason);
        await using var db = app.Database.CreateContext();
        Assert.Equal(PlanStatus.Open, (await db.Plans.SingleAsync(p => p.Id == old.Id)).Status);
    }

    [Fact]
    public async Task A_carried_action_shows_its_lineage_and_its_earlier_years_progress()
    {
        var old = await app.SmallPlanAsync(startYear: 2023, title: "Lineage plan");
        var middle = NewPlanId(await app.RolloverAsync(old.Id, 2024));
        var latest = NewPlanId(await app.RolloverAsync(middle, 2025));
        await using var db = app.Database.CreateContext();
        var action = await db.Actions.AsNoTracking().SingleAsync(a => a.PlanId == latest && a.Ref == "A2");
        var middleAction = await db.Actions.AsNoTracking().SingleAsync(a => a.PlanId == middle && a.Ref == "A2");
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        var page = await viewer.GetPageAsync($"/actions/{action.Id}");

        var lineage = page.QuerySelector("#lineage")!;
        Assert.StartsWith("First planned 2023-24, carried twice", lineage.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal([$"/actions/{old.Actions["A2"]}", $"/actions/{middleAction.Id}"], lineage.QuerySelectorAll("a[href^='/actions/']").Select(a => a.GetAttribute("href")));

        // This year's history is this plan's own; earlier years are read from the earlier plans, newest first.
        Assert.Contains("Carried forward from 2024-25", Assert.Single(page.QuerySelectorAll(".app-history-row")).TextContent, StringComparison.Ordinal);
        var earlier = page.QuerySelectorAll(".app-history-row--earlier").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["2024-25", "2023-24", "2023-24"], earlier.Select(r => r[0]));
        Assert.Contains("Carried forward from 2023-24", earlier[0][4], StringComparison.Ordinal);
        Assert.StartsWith("Staff shortage", earlier[1][4], StringComparison.Ordinal);
        Assert.StartsWith("Started well", earlier[2][4], StringComparison.Ordinal);

        // The oldest version says where it went.
        var first = await viewer.GetPageAsync($"/actions/{old.Actions["A2"]}");
        Assert.Null(first.QuerySelector("#lineage"));
        Assert.Contains("Carried forward into the 2024-25 plan", first.QuerySelector("#action-closed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_keeps_updating_the_actions_they_lead_in_the_new_plan()
    {
        var old = await app.SmallPlanAsync(title: "Lead plan");
        var newPlanId = NewPlanId(await app.RolloverAsync(old.Id, 2025));
        await using var db = app.Database.CreateContext();
        var red = await db.Actions.AsNoTracking().SingleAsync(a => a.PlanId == newPlanId && a.Ref == "R");
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        var response = await lead.PostFormAsync($"/actions/{red.Id}/progress", $"/actions/{red.Id}/progress", new() { ["Input.Rating"] = "Amber", ["Input.Comment"] = "Two posts filled." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = app.Database.CreateContext();
        Assert.Equal(Rating.Amber, (await after.Actions.AsNoTracking().Include(a => a.Updates).SingleAsync(a => a.Id == red.Id)).CurrentRating);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    public async Task Only_owners_and_admins_may_roll_a_plan_over(string role)
    {
        var plan = await app.SmallPlanAsync(title: "Page plan");
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        var overview = await client.GetPageAsync($"/plans/{plan.Id}");
        var page = await client.Http.GetAsync($"/plans/{plan.Id}/rollover");

        Assert.Null(overview.QuerySelector($"a[href='/plans/{plan.Id}/rollover']"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_that_is_not_a_financial_year_or_not_later_is_shown_as_an_error_on_the_field()
    {
        var plan = await app.SmallPlanAsync(title: "Page plan");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var garbled = await owner.GetPageAsync($"/plans/{plan.Id}/rollover?period=next");
        var earlier = await owner.GetPageAsync($"/plans/{plan.Id}/rollover?period=2023-24");

        Assert.Equal("Enter the financial year like 2025-26", garbled.QuerySelector("#Period-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Contains("The new plan's year must come after 2024-25", earlier.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(earlier.QuerySelector("main form[method=post]"));
    }
}
