using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Database;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Performance;

/// <summary>
/// The action list and the actions API are kept in memory under the plan's change count, so the count must move with
/// every kind of change to what they show, and a change must show on the next request.
/// </summary>
[Trait("Category", "Database")]
public sealed class PlanChangesTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<string> VersionAsync(Guid planId)
    {
        await using var db = app.Database.CreateContext();
        return await new PlanChanges(db).VersionAsync(planId);
    }

    /// <summary>Saves through the app's own context (with its audit interceptor), tracking nothing but what <paramref name="change"/> loads.</summary>
    private async Task<string> VersionAfterAsync(Guid planId, Func<ServicePlanDbContext, Task> change)
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
            await change(db);
            await db.SaveChangesAsync();
        }

        return await VersionAsync(planId);
    }

    [Fact]
    public async Task Every_kind_of_change_to_what_the_list_shows_moves_the_plans_version()
    {
        // Someone the plan names who does not lead the action yet, for the lead to be linked.
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithPerson("Morgan Hale", "MH")
            .WithSection("Children in Need", s => s.WithAction(a => a.WithUpdate(Rating.Green))));
        var action = await app.TestData.ActionAsync(plan.SingleAction.Id);
        var seen = new HashSet<string> { await VersionAsync(plan.PlanId) };

        async Task Moves(string what, Func<ServicePlanDbContext, Task> change) =>
            Assert.True(seen.Add(await VersionAfterAsync(plan.PlanId, change)), $"{what} did not give the plan a new version");

        await Moves("a progress update on an action not loaded", db =>
        {
            db.ProgressUpdates.Add(new ProgressUpdate { ActionId = action.Id, Rating = Rating.Amber, Comment = "Delayed a month.", AuthorName = "Test", RecordedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            return Task.CompletedTask;
        });
        await Moves("editing an action", async db => (await db.Actions.SingleAsync(a => a.Id == action.Id)).Measure = "Minutes of the group.");
        await Moves("editing an objective's aim", async db => (await db.Objectives.SingleAsync(o => o.Id == action.ObjectiveId)).Aim = "A changed aim.");
        await Moves("renaming a section", async db => (await db.Sections.FirstAsync(s => s.PlanId == plan.PlanId)).Title = "A renamed section");
        await Moves("marking a comment exempt", async db => (await db.ProgressUpdates.FirstAsync(u => u.ActionId == action.Id)).IsExempt = true);
        await Moves("linking a lead", async db =>
        {
            var tracked = await db.Actions.Include(a => a.Leads).SingleAsync(a => a.Id == action.Id);
            tracked.Leads.Add(await db.People.FirstAsync(p => p.PlanId == plan.PlanId && !tracked.Leads.Select(l => l.Id).Contains(p.Id)));
        });

        // Records that reach their plan only through a parent: each kind is in the trail with this plan, and none
        // (this plan's or the other plans' made by other tests of the class) ever lacks its plan.
        await using var check = app.Database.CreateContext();
        foreach (var entity in new[] { "Progress update", "Objective", "Section", "Action lead" })
        {
            var entries = await check.AuditEntries.Where(e => e.Entity == entity).Select(e => e.PlanId).ToListAsync();
            Assert.Contains(plan.PlanId, entries.Cast<Guid>());
            Assert.All(entries, planId => Assert.NotNull(planId));
        }
    }

    [Fact]
    public async Task A_new_progress_update_shows_at_once_in_the_list_the_api_and_the_dashboard_that_were_already_cached()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithSection("Early Help", s => s.WithAction(a => a.WithLead(TestData.LeadName).WithUpdate(Rating.Green))));
        var action = await app.TestData.ActionAsync(plan.SingleAction.Id);
        var rating = action.CurrentRating == Rating.Red ? "Amber" : "Red";
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        const string comment = "Board session held; minutes circulated to the partnership.";
        string[] urls = [$"/plans/{plan.PlanId}/actions", $"/plans/{plan.PlanId}/actions?rating={rating.ToLowerInvariant()}", $"/api/plans/{plan.PlanId}/actions", $"/actions/{action.Id}"];
        foreach (var url in urls)
            Assert.DoesNotContain(comment, await owner.Http.GetStringAsync(url), StringComparison.Ordinal);
        var countsBefore = (await owner.GetPageAsync($"/plans/{plan.PlanId}")).QuerySelector("#sections-table")!.TextContent;

        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        await lead.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = rating, ["Input.Comment"] = comment });

        foreach (var url in urls)
            Assert.Contains(comment, await owner.Http.GetStringAsync(url), StringComparison.Ordinal);
        Assert.NotEqual(countsBefore, (await owner.GetPageAsync($"/plans/{plan.PlanId}")).QuerySelector("#sections-table")!.TextContent);
    }

    [Fact]
    public async Task A_renamed_source_shows_at_once_on_an_action_page_and_in_the_list_filter_already_kept()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithSection("Care leavers", s => s.WithObjective("Care leavers say they are heard", o => o
                .WithSource("Care leavers' forum (test data)")
                .WithAction())));
        var actionId = plan.SingleAction.Id;
        var sourceId = plan.SourceIds["Care leavers' forum (test data)"];

        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        await owner.Http.GetStringAsync($"/actions/{actionId}");
        await owner.Http.GetStringAsync($"/plans/{plan.PlanId}/actions");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
            (await db.Sources.SingleAsync(s => s.Id == sourceId)).Title = "Annual survey of care leavers (renamed)";
            await db.SaveChangesAsync();
        }

        Assert.Contains("Annual survey of care leavers (renamed)", await owner.Http.GetStringAsync($"/actions/{actionId}"), StringComparison.Ordinal);
        Assert.Contains("Annual survey of care leavers (renamed)", (await owner.GetPageAsync($"/plans/{plan.PlanId}/actions")).QuerySelector("#source")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_list_is_the_same_page_as_the_first_rendering()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithSection("Children in Need", s => s.WithAction(a => a.WithUpdate(Rating.Amber)).WithAction(a => a.WithUpdate(Rating.Green))));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        // The list's tools are rendered for each request (their forms carry the reader's own antiforgery token); the
        // tables after them are what is kept.
        async Task<string> TablesAsync()
        {
            var results = (await owner.GetPageAsync($"/plans/{plan.PlanId}/actions?rating=amber")).QuerySelector(".app-filter-layout__results")!;
            results.QuerySelector(".app-list-tools")!.Remove();
            return results.InnerHtml;
        }

        var first = await TablesAsync();
        var second = await TablesAsync();

        Assert.Contains("data-action-ref", second, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task After_a_restore_loses_changes_as_many_new_changes_give_a_new_version()
    {
        var plan = await app.TestData.CreatePlanAsync();
        var action = plan.SingleAction;
        async Task Update(string comment) => await VersionAfterAsync(plan.PlanId, db =>
        {
            db.ProgressUpdates.Add(new ProgressUpdate { ActionId = action.Id, Rating = Rating.Green, Comment = comment, AuthorName = "Test", RecordedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            return Task.CompletedTask;
        });
        await Update("Before the backup.");
        var backedUp = await VersionAsync(plan.PlanId);
        await Update("Lost in the restore.");
        var cached = await VersionAsync(plan.PlanId);

        // What a restore from the backup does to the trail: the entries written since are gone.
        await using (var db = app.Database.CreateContext())
        {
            var lost = await db.AuditEntries.Where(e => e.PlanId == plan.PlanId).OrderByDescending(e => e.Id).Take(1).Select(e => e.Id).ToListAsync();
            await db.AuditEntries.Where(e => lost.Contains(e.Id)).ExecuteDeleteAsync();
        }

        Assert.Equal(backedUp, await VersionAsync(plan.PlanId));
        var now = app.Clock.Now;
        app.Clock.Now = now.AddMinutes(5);
        try
        {
            await Update("Written after the restore.");
            Assert.NotEqual(cached, await VersionAsync(plan.PlanId));
        }
        finally
        {
            app.Clock.Now = now;
        }
    }
}
