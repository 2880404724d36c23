using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

/// <summary>The plan as a live document: its details changed, archived and restored, deleted when made by mistake.</summary>
[Trait("Category", "Database")]
public sealed class PlanLifecycleTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static Dictionary<string, string> Header(int version, string title, string period = "2024-25", string day = "1", string month = "4", string year = "2024") => new()
    {
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Title"] = title,
        ["Input.Service"] = "Early Help",
        ["Input.Period"] = period,
        ["Input.Owner"] = "Head of Service",
        ["Input.MonitoringBoard"] = "Improvement Board",
        ["Input.RelevantStrategies"] = "Early help strategy",
        ["Input.ReviewFrequency"] = "Quarterly",
        ["Input.Aims"] = "Help families sooner.",
        ["Input.CreatedWithIdeasFrom"] = "Audits and surveys",
        ["Input.ImplementationDate.Day"] = day,
        ["Input.ImplementationDate.Month"] = month,
        ["Input.ImplementationDate.Year"] = year,
        ["Input.ReviewDate.Day"] = "",
        ["Input.ReviewDate.Month"] = "",
        ["Input.ReviewDate.Year"] = "",
    };

    private async Task<Plan> PlanAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Plans.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task Owner_changes_the_plans_details_and_the_audit_trail_says_what_changed_in_users_words()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithTitle(TestData.UniqueTitle("Header plan")).ForYear(2024));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/plans/{plan.PlanId}/header";
        var title = TestData.UniqueTitle("Renamed plan");

        var saved = await owner.PostFormAsync(url, url, Header(0, title));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await PlanAsync(plan.PlanId);
        Assert.Equal(title, stored.Title);
        Assert.Equal("Improvement Board", stored.MonitoringBoard);
        Assert.Equal(new DateOnly(2024, 4, 1), stored.ImplementationDate);
        Assert.Null(stored.ReviewDate);
        Assert.Equal(1, stored.Version);
        await using var db = app.Database.CreateContext();
        var entry = (await db.AuditEntries.AsNoTracking().Where(e => e.PlanId == plan.PlanId && e.Entity == "Plan header").ToListAsync()).Single();
        Assert.Contains(entry.Fields, f => f.Field == "Title" && f.Before == plan.Title && f.After == title);
        Assert.Contains(entry.Fields, f => f.Field == "Monitored by" && f.After == "Improvement Board");
        Assert.DoesNotContain(entry.Fields, f => f.Field is "MonitoringBoard" or "Version");
    }

    [Fact]
    public async Task The_overview_links_to_changing_the_details_for_owners_only()
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        var ownersPage = await owner.GetPageAsync($"/plans/{plan.PlanId}");
        var viewersPage = await viewer.GetPageAsync($"/plans/{plan.PlanId}");

        Assert.NotNull(ownersPage.QuerySelector($"#plan-manage a[href='/plans/{plan.PlanId}/header']"));
        Assert.NotNull(ownersPage.QuerySelector($"#plan-manage a[href='/plans/{plan.PlanId}/archive']"));
        Assert.NotNull(ownersPage.QuerySelector($"#plan-manage a[href='/plans/{plan.PlanId}/delete']"));
        Assert.Null(viewersPage.QuerySelector("#plan-manage"));
    }

    [Theory]
    [InlineData("31", "2", "2025", "Implementation date must be a real date")]
    [InlineData("1", "13", "2025", "Implementation date must be a real date")]
    [InlineData("1", "4", "24", "The year of implementation date must include 4 numbers")]
    [InlineData("1", "", "2024", "Implementation date must include a month")]
    public async Task An_impossible_date_is_refused_and_nothing_is_saved(string day, string month, string year, string message)
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/plans/{plan.PlanId}/header";

        var response = await owner.PostFormAsync(url, url, Header(0, "Another title", day: day, month: month, year: year));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Input_ImplementationDate_Day-error"));
        Assert.Equal(plan.Title, (await PlanAsync(plan.PlanId)).Title);
    }

    [Fact]
    public async Task A_stale_header_form_is_refused_and_overwrites_nothing()
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var first = app.CreateClient();
        await first.SignInAsync(Roles.PlanOwner);
        using var second = app.CreateClient();
        await second.SignInAsync(Roles.Admin);
        var url = $"/plans/{plan.PlanId}/header";

        var saved = await first.PostFormAsync(url, url, Header(0, "First person's title"));
        var refused = await second.PostFormAsync(url, url, Header(0, "Second person's title"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = TestClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this plan's details after you opened them", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("First person's title", page.QuerySelector(".app-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First person's title", (await PlanAsync(plan.PlanId)).Title);
    }

    [Fact]
    public async Task A_new_financial_year_reads_each_actions_by_when_against_it()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.ForYear(2024).WithSection("Workforce", s => s.WithAction(a => a.WithDue("March"))));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/plans/{plan.PlanId}/header";

        var saved = await owner.PostFormAsync(url, url, Header(0, plan.Title, period: "2025-26"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var action = await app.TestData.ActionAsync(plan.SingleAction.Id);
        Assert.Equal(new FinancialYear(2025), (await PlanAsync(plan.PlanId)).Period);
        Assert.Equal(new DateOnly(2026, 3, 31), action.DueOn);
    }

    [Fact]
    public async Task An_archived_plan_leaves_the_list_is_read_only_and_comes_back_when_restored()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithTitle(TestData.UniqueTitle("Archived plan")).WithOpenReview("Q2 2024-25")
            .WithSection("Early Help", s => s.WithAction(a => a.WithLead(TestData.LeadName).WithRating(Rating.Amber))));
        var action = plan.SingleAction.Id;
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var archived = await owner.PostFormAsync($"/plans/{plan.PlanId}/archive", $"/plans/{plan.PlanId}/archive", []);

        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.NotNull((await PlanAsync(plan.PlanId)).ArchivedAtUtc);
        Assert.DoesNotContain(plan.Title, (await owner.GetPageAsync("/plans")).Body!.TextContent, StringComparison.Ordinal);
        var withArchived = await owner.GetPageAsync("/plans?archived=true");
        Assert.Contains(plan.Title, withArchived.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await owner.GetPageAsync("/plans")).QuerySelector("#archived-plans a[href='/plans?archived=true']"));

        // Nothing in it changes: progress, edits, the header and reviews are all refused.
        var progress = await owner.PostFormAsync($"/actions/{action}", $"/actions/{action}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Done now." });
        Assert.Contains("This plan is archived, so its progress can no longer be updated", await progress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var header = await owner.PostFormAsync($"/plans/{plan.PlanId}", $"/plans/{plan.PlanId}/header", Header(0, "Changed while archived"));
        Assert.Contains("This plan is archived, so its details can no longer be changed", await header.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var close = await owner.PostFormAsync($"/reviews/{plan.ReviewId("Q2 2024-25")}", $"/reviews/{plan.ReviewId("Q2 2024-25")}?handler=Close", []);
        Assert.Contains("This plan is archived, so its reviews can no longer change", await close.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Http.GetAsync($"/actions/{action}/edit")).StatusCode);
        var overview = await owner.GetPageAsync($"/plans/{plan.PlanId}");
        Assert.NotNull(overview.QuerySelector("#plan-archived"));
        Assert.Null(overview.QuerySelector($"a[href='/plans/{plan.PlanId}/header']"));

        var restored = await owner.PostFormAsync($"/plans/{plan.PlanId}", $"/plans/{plan.PlanId}/archive?handler=restore", []);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null((await PlanAsync(plan.PlanId)).ArchivedAtUtc);
        Assert.Contains(plan.Title, (await owner.GetPageAsync("/plans")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync($"/actions/{action}/edit")).StatusCode);
    }

    [Fact]
    public async Task Deleting_says_what_goes_then_removes_the_plan_and_keeps_its_audit_entries()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithTitle(TestData.UniqueTitle("Mistaken plan")).WithOpenReview("Q1 2024-25")
            .WithSection("Early Help", s => s.WithAction(a => a.WithRating(Rating.Green)).WithAction(a => a.WithUpdate(Rating.Red).WithUpdate(Rating.Amber)))
            .WithSection("Workforce", s => s.WithAction()));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/plans/{plan.PlanId}/delete";

        var confirm = await owner.GetPageAsync(url);
        var deleted = await owner.PostFormAsync(url, url, []);

        var contents = confirm.QuerySelector("#delete-contents")!.TextContent.Trim();
        Assert.StartsWith("3 actions in 2 sections, ", contents, StringComparison.Ordinal);
        Assert.EndsWith("3 progress updates, 1 open review", contents, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/plans", deleted.Headers.Location!.OriginalString);
        await using var after = app.Database.CreateContext();
        Assert.False(await after.Plans.AnyAsync(p => p.Id == plan.PlanId));
        Assert.False(await after.Actions.AnyAsync(a => a.PlanId == plan.PlanId));
        Assert.False(await after.Reviews.AnyAsync(r => r.PlanId == plan.PlanId));
        var entry = await after.AuditEntries.AsNoTracking().SingleAsync(e => e.PlanId == plan.PlanId && e.Change == ServicePlan.Audit.AuditChange.Removed && e.Entity == "Plan");
        Assert.Contains(entry.Fields, f => f.Field == "Title" && f.Before == plan.Title);
        Assert.Contains(entry.Fields, f => f.Field == "Deleted with it" && f.Before == contents);
    }

    [Fact]
    public async Task A_plan_with_a_closed_review_cannot_be_deleted_and_is_offered_archiving()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithClosedReview("Q1 2024-25").WithSection("Early Help", s => s.WithAction()));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/plans/{plan.PlanId}/delete";

        var page = await owner.GetPageAsync(url);
        var refused = await owner.PostFormAsync(url, url, []);

        Assert.Contains("cannot be deleted. Archive it instead", page.QuerySelector("#delete-refused")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/plans/{plan.PlanId}/archive']"));
        Assert.Null(page.QuerySelector("#delete-contents"));
        Assert.Null(page.QuerySelector("button.govuk-button--warning"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(await PlanAsync(plan.PlanId));
    }

    [Fact]
    public async Task A_sheet_imported_twice_can_have_its_second_plan_deleted_although_the_import_closed_its_review()
    {
        var csv = "Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n" +
            "Early Help,Aim,HoS,Does a thing for children,Mar-25,A measure,Children feel heard,Green,Going well\r\n";
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ServicePlan.Import.PlanImporter>().ImportAsync(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)),
            new ServicePlan.Import.ImportRequest
            {
                FileName = "plan.csv",
                OrganisationId = await app.TestData.DemoOrganisationIdAsync(),
                Options = new() { Title = TestData.UniqueTitle("Imported twice"), Period = new(2024) },
            });
        var planId = report.PlanId!.Value;
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/plans/{planId}/delete";

        var confirm = await owner.GetPageAsync(url);
        var deleted = await owner.PostFormAsync(url, url, []);

        Assert.Null(confirm.QuerySelector("#delete-refused"));
        Assert.Contains("1 closed review", confirm.QuerySelector("#delete-contents")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var after = app.Database.CreateContext();
        Assert.False(await after.Plans.AnyAsync(p => p.Id == planId));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Lead)]
    public async Task Viewers_and_leads_cannot_change_archive_or_delete_a_plan(string role)
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction()));
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        var header = await client.PostFormAsync("/account/change-password", $"/plans/{plan.PlanId}/header", Header(0, "Not allowed"));
        var archive = await client.PostFormAsync("/account/change-password", $"/plans/{plan.PlanId}/archive", []);
        var delete = await client.PostFormAsync("/account/change-password", $"/plans/{plan.PlanId}/delete", []);

        Assert.All([header, archive, delete], r => Assert.Contains("/account/access-denied", r.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal));
        var stored = await PlanAsync(plan.PlanId);
        Assert.Equal(plan.Title, stored.Title);
        Assert.Null(stored.ArchivedAtUtc);
    }
}
