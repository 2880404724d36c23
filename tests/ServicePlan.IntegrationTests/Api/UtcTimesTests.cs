using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

/// <summary>
/// The API gives every time in UTC with its "Z", on SQLite (which keeps no time zone) as on PostgreSQL; pages show
/// the same times as the clock in England.
/// </summary>
[Trait("Category", "Database")]
public sealed class UtcTimesTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Progress_times_in_the_API_end_in_Z_when_read_back_and_when_just_saved()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25")
            .WithSection("Workforce", s => s.WithAction(a => a.WithLead(TestData.LeadName).WithUpdate(Rating.Amber, "Training is booked."))));
        var action = plan.SingleAction;
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        var created = await lead.Http.PostAsync($"/api/actions/{action.Id}/progress", JsonContent.Create(new { rating = "Green", comment = "Training has run twice." }));
        var detail = await lead.GetJsonAsync<JsonElement>($"/api/actions/{action.Id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var savedAt = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordedAtUtc").GetString()!;
        Assert.EndsWith("Z", savedAt, StringComparison.Ordinal);
        var history = detail.GetProperty("history").EnumerateArray().Select(u => u.GetProperty("recordedAtUtc").GetString()!).ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, time => Assert.EndsWith("Z", time, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_stored_time_ending_in_Utc_is_read_back_as_UTC()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q1 2024-25").WithSection("Workforce", s => s.WithAction(a => a.WithUpdate(Rating.Red))));

        await using var db = app.Database.CreateContext();
        var update = await db.ProgressUpdates.AsNoTracking().FirstAsync(u => u.ActionId == plan.SingleAction.Id);
        var projected = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.AtUtc).Select(e => e.AtUtc).FirstAsync();
        var nullable = await db.Plans.AsNoTracking().Where(p => p.Id == plan.PlanId).Select(p => p.RolledOverAtUtc).FirstAsync();

        Assert.Equal(DateTimeKind.Utc, update.RecordedAtUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, projected.Kind);
        Assert.Null(nullable);
    }

    [Fact]
    public async Task The_audit_trail_shows_times_as_the_clock_in_England()
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        var added = await admin.PostFormAsync("/admin/users/add", "/admin/users/add", new() { ["Input.Email"] = "clock.check@example.com", ["Input.Name"] = "Clock Check", ["Input.Role"] = Roles.Viewer });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await using var db = app.Database.CreateContext();
        var userId = await db.Users.Where(u => u.Email == "clock.check@example.com").Select(u => u.Id).SingleAsync();
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == userId).FirstAsync();

        var page = await admin.GetPageAsync($"/admin/audit?text={userId}");

        Assert.Contains(ServicePlan.Dates.UkTime.Short(entry.AtUtc), page.QuerySelector("#audit")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("When (UK time)", page.QuerySelector("#audit thead")!.TextContent, StringComparison.Ordinal);
    }
}
