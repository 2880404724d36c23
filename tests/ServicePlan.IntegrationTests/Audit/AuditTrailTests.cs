using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Audit;
using ServicePlan.Database;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Audit;

/// <summary>
/// Every kind of change, made the way users make it, leaves an entry saying who, when, what and each field before and
/// after; a refused change leaves none; and nothing in the app can alter an entry.
/// </summary>
[Trait("Category", "Database")]
public sealed class AuditTrailTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    /// <summary>The entries for one record, oldest first; <paramref name="changes"/> leaves out the "added" entries of the test data.</summary>
    private async Task<List<AuditEntry>> EntriesAsync(string entity, string entityId, bool changes = false)
    {
        await using var db = app.Database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.Entity == entity && e.EntityId == entityId).ToListAsync();
        return entries.Where(e => !changes || e.Change != AuditChange.Added).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();
    }

    private static string Id(Guid id) => id.ToString();

    [Fact]
    public async Task Editing_an_action_records_each_changed_field_before_and_after_and_the_action_page_shows_it()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        await owner.PostFormAsync($"/actions/{action.Id}/edit", $"/actions/{action.Id}/edit", new()
        {
            ["Input.Version"] = action.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Ref"] = action.Ref,
            ["Input.LeadsText"] = action.LeadsText,
            ["Input.DoesWhat"] = "Runs the transition group every quarter.",
            ["Input.DueText"] = action.DueText,
            ["Input.Measure"] = action.Measure,
            ["Input.ChildrenExperience"] = action.ChildrenExperience,
            ["Input.IsExempt"] = "true",
            ["Input.ExemptParagraph"] = "Paragraph 1",
        });

        var entry = Assert.Single(await EntriesAsync("Action", Id(action.Id), changes: true));
        Assert.Equal("Rachel Talmage", entry.UserName);
        Assert.Equal(AuditChange.Changed, entry.Change);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        Assert.Contains(new FieldChange("WhatIsDone", action.DoesWhat, "Runs the transition group every quarter."), entry.Fields);
        Assert.Contains(new FieldChange("IsExempt", "False", "True"), entry.Fields);
        Assert.Contains(new FieldChange("ExemptParagraph", null, "Paragraph 1"), entry.Fields);
        Assert.DoesNotContain(entry.Fields, f => f.Field is "Version" or "Measure");

        var page = await owner.GetPageAsync($"/actions/{action.Id}");
        Assert.Contains("Runs the transition group every quarter.", page.QuerySelector("#change-log")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_progress_update_and_its_exemption_are_recorded_against_the_action()
    {
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var action = await app.TestData.CreateActionAsync(a => a.WithLead(TestData.LeadName));
        await lead.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Session booked for the board." });
        Guid updateId;
        await using (var db = app.Database.CreateContext())
            updateId = await db.ProgressUpdates.Where(u => u.Comment == "Session booked for the board.").Select(u => u.Id).SingleAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        await owner.PostFormAsync($"/actions/{action.Id}/updates/{updateId}/exempt", $"/actions/{action.Id}/updates/{updateId}/exempt", new() { ["Paragraph"] = "Paragraph 2" });

        var entries = await EntriesAsync("Progress update", Id(updateId));

        Assert.Equal([AuditChange.Added, AuditChange.Changed], entries.Select(e => e.Change));
        Assert.Equal(["Sam Okafor", "Rachel Talmage"], entries.Select(e => e.UserName));
        Assert.Contains(new FieldChange("Comment", null, "Session booked for the board."), entries[0].Fields);
        Assert.Contains(new FieldChange("ExemptParagraph", null, "Paragraph 2"), entries[1].Fields);
        Assert.All(entries, e => Assert.Equal(action.Id, e.ActionId));
    }

    [Fact]
    public async Task Opening_and_closing_a_review_and_writing_its_narrative_are_recorded()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15)));
        var q1 = plan.ReviewId("Q1 2024-25");

        await owner.PostFormAsync($"/reviews/{q1}/narrative", $"/reviews/{q1}/narrative", new()
        {
            ["Version"] = "0",
            ["Input.Committees"] = "Safeguarding Sub-Committee",
            ["Input.Subject"] = "Service Development Plan: Q1 update",
            ["Input.AuthorName"] = "Rachel Talmage",
            ["Input.AuthorTitle"] = "Head of Service",
            ["Input.Summary"] = "On track this quarter.",
        });
        await owner.PostFormAsync($"/reviews/{q1}", $"/reviews/{q1}?handler=Close", []);
        await owner.PostFormAsync($"/plans/{plan.PlanId}/reviews", $"/plans/{plan.PlanId}/reviews", new() { ["Input.Label"] = "Q2 2024-25", ["Input.Day"] = "15", ["Input.Month"] = "10", ["Input.Year"] = "2024" });

        await using var check = app.Database.CreateContext();
        var q2 = await check.Reviews.Where(r => r.PlanId == plan.PlanId && r.Label == "Q2 2024-25").Select(r => r.Id).SingleAsync();
        var closed = Assert.Single(await EntriesAsync("Review", Id(q1), changes: true));
        Assert.Contains(new FieldChange("Status", "Open", "Closed"), closed.Fields);
        Assert.Equal(AuditChange.Added, Assert.Single(await EntriesAsync("Review", Id(q2))).Change);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Entity == "Report narrative" && e.Changes.Contains("On track this quarter.")));
        string[] reviewIds = [Id(q1), Id(q2)];
        Assert.All(await check.AuditEntries.Where(e => e.Entity == "Review" && reviewIds.Contains(e.EntityId)).ToListAsync(), e => Assert.Equal(plan.PlanId, e.PlanId));
    }

    [Fact]
    public async Task Adding_a_user_records_the_user_and_their_role_without_the_password()
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        await admin.PostFormAsync("/admin/users/add", "/admin/users/add", new() { ["Input.Email"] = "audited.lead@serviceplan.example", ["Input.Name"] = "Audited Lead", ["Input.Role"] = Roles.Lead });

        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "audited.lead@serviceplan.example");
        var added = Assert.Single(await EntriesAsync("User", user.Id));
        Assert.Equal("Demo Administrator", added.UserName);
        Assert.Contains(new FieldChange("Email", null, "audited.lead@serviceplan.example"), added.Fields);
        var password = Assert.Single(added.Fields, f => f.Field == "PasswordHash");
        Assert.Equal("(secret, changed)", password.After);
        Assert.DoesNotContain(user.PasswordHash!, added.Changes, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == "User role" && e.EntityId.StartsWith(user.Id)));
    }

    [Fact]
    public async Task A_refused_save_leaves_no_entry()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        var stale = await owner.PostFormAsync($"/actions/{action.Id}/edit", $"/actions/{action.Id}/edit", new()
        {
            ["Input.Version"] = (action.Version - 1).ToString(CultureInfo.InvariantCulture),
            ["Input.Ref"] = action.Ref,
            ["Input.LeadsText"] = action.LeadsText,
            ["Input.DoesWhat"] = "A change from a stale form.",
            ["Input.DueText"] = action.DueText,
            ["Input.Measure"] = action.Measure,
            ["Input.ChildrenExperience"] = action.ChildrenExperience,
        });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Empty(await EntriesAsync("Action", Id(action.Id), changes: true));
    }

    [Fact]
    public async Task Entries_cannot_be_changed_or_removed_through_the_app()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
        db.AuditEntries.Add(new AuditEntry { UserName = "Test", Entity = "Test", EntityId = "1", AtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var entry = await db.AuditEntries.FirstAsync(e => e.Entity == "Test");

        entry.UserName = "Someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(e => e.Entity == "Test"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Only_admins_search_and_download_the_trail()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        var action = await app.TestData.CreateActionAsync();
        await owner.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Amber", ["Input.Comment"] = "Words to find in the audit search." });

        var denied = await owner.Http.GetAsync("/admin/audit");
        var page = await admin.GetPageAsync("/admin/audit?text=words+to+find&who=rachel");
        var csv = await admin.Http.GetStringAsync("/admin/audit?handler=Export&text=words+to+find");

        Assert.Contains("access-denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        var row = Assert.Single(page.QuerySelectorAll("#audit tbody tr"));
        Assert.Contains("Rachel Talmage", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Words to find in the audit search.", csv, StringComparison.Ordinal);
        Assert.StartsWith("When (UTC),Who,What", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_date_in_the_search_is_ignored_with_a_message_not_a_failure()
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        var page = await admin.GetPageAsync("/admin/audit?from=31/2/2024");

        Assert.Contains("The from date '31/2/2024' is not a real date, so the search is not limited by it. Write a date like 31/3/2025.", page.QuerySelector("#ignored-filters")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Error:", page.Title, StringComparison.Ordinal);
    }
}
