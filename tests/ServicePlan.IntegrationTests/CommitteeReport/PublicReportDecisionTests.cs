using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Privacy;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.CommitteeReport;

/// <summary>
/// Everything the personal-data check flags must be dealt with before a public report is produced: edited, marked
/// exempt (a whole action or one comment), or accepted as written with a reason that is recorded with who and when.
/// </summary>
[Trait("Category", "Database")]
public sealed class PublicReportDecisionTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    /// <summary>
    /// A plan of its own, so decisions made by one test are never another's: its open review Q1 has 1 (Blue), 2 (Green)
    /// and 3 (Amber, an area for development, so its comment is printed twice: in the list and in the appendix).
    /// </summary>
    private async Task<(CreatePlanResult Plan, Guid Review)> PlanAsync(string comment3 = "Work continues.", string? comment2 = null, string? exempt3 = null)
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Care", s => s
                .WithAction(a => a.WithRef("1").WithUpdate(Rating.Blue, "Done."))
                .WithAction(a => a.WithRef("2").WithUpdate(Rating.Green, comment2 ?? "Work continues."))
                .WithAction(a => a.WithRef("3").WithLead(TestData.LeadName).WithUpdate(Rating.Amber, comment3, exemptParagraph: exempt3))));
        return (plan, plan.ReviewId("Q1 2024-25"));
    }

    private static async Task<HttpResponseMessage> AcceptAsync(TestClient client, Guid review, AngleSharp.Dom.IElement card, string reason) =>
        await client.PostFormAsync($"/reviews/{review}/personal-data", $"/reviews/{review}/personal-data?handler=Accept", new()
        {
            ["index"] = card.QuerySelector("input[name=index]")!.GetAttribute("value")!,
            ["location"] = card.QuerySelector("input[name=location]")!.GetAttribute("value")!,
            ["found"] = card.QuerySelector("input[name=found]")!.GetAttribute("value")!,
            ["reason"] = reason,
        });

    [Fact]
    public async Task Accepting_a_flag_with_a_reason_records_who_and_when_and_lets_the_public_report_through()
    {
        var (plan, review) = await PlanAsync(comment3: "Ellie-Mae (aged 14) chaired the participation group.");
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var refused = await client.Http.GetAsync($"/reviews/{review}/report/docx?public=true");
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);

        var page = await client.GetPageAsync($"/reviews/{review}/personal-data");
        var card = Assert.Single(page.QuerySelectorAll("[data-flag]"));
        Assert.Contains("Ellie-Mae", card.QuerySelector("dd strong")!.TextContent, StringComparison.Ordinal);
        // The comment is printed as an area for development and in the appendix: one decision covers both.
        Assert.Contains("Appendix, action 3", card.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/actions/{plan.Action("3").Id}#history", card.QuerySelector(".govuk-summary-card__actions a")!.GetAttribute("href"));

        var accepted = await AcceptAsync(client, review, card, "Ellie-Mae is the participation group's chair and asked to be named.");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var after = await client.GetPageAsync($"/reviews/{review}/personal-data");
        Assert.NotNull(after.QuerySelector("#nothing-to-resolve"));
        var decisions = after.QuerySelector("#accepted")!.TextContent;
        Assert.Contains("asked to be named", decisions, StringComparison.Ordinal);
        Assert.Contains(TestData.OwnerName, decisions, StringComparison.Ordinal);
        var report = await client.Http.GetAsync($"/reviews/{review}/report/docx?public=true");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.Content.Headers.ContentType!.MediaType);

        await using var db = app.Database.CreateContext();
        var recorded = await db.PersonalDataDecisions.Where(d => d.ReviewId == review).ToListAsync();
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, d => Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, d.DecidedAtUtc));
        Assert.All(recorded, d => Assert.Equal(TestData.OwnerName, d.DecidedBy));

        // It is the recorded decisions that let it through: without them the report is refused again.
        await db.PersonalDataDecisions.Where(d => d.ReviewId == review).ExecuteDeleteAsync();
        var withoutDecisions = await client.Http.GetAsync($"/reviews/{review}/report/docx?public=true");
        Assert.Equal("text/html", withoutDecisions.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_public_report_is_produced_once_every_flag_is_accepted()
    {
        var (_, review) = await PlanAsync(comment2: "Case 12345 was reviewed by the panel.");
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var page = await client.GetPageAsync($"/reviews/{review}/personal-data");
        Assert.NotEmpty(page.QuerySelectorAll("[data-flag]"));
        foreach (var card in page.QuerySelectorAll("[data-flag]"))
            Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(client, review, card, "A panel reference, not a child's record.")).StatusCode);

        var report = await client.Http.GetAsync($"/reviews/{review}/report/json?public=true");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/json", report.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Accepting_without_a_reason_is_refused_and_nothing_is_recorded()
    {
        var (_, review) = await PlanAsync(comment3: "Jayden (aged 9) spoke at the board.");
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var card = (await client.GetPageAsync($"/reviews/{review}/personal-data")).QuerySelector("[data-flag]")!;

        var response = await AcceptAsync(client, review, card, "   ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter why this can be published as written", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.PersonalDataDecisions.CountAsync(d => d.ReviewId == review));
    }

    [Fact]
    public async Task A_flag_that_is_no_longer_in_the_report_cannot_be_accepted()
    {
        var (_, review) = await PlanAsync();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.PostFormAsync($"/reviews/{review}/personal-data", $"/reviews/{review}/personal-data?handler=Accept", new()
        {
            ["index"] = "0",
            ["location"] = "Action 3 – comment on progress",
            ["found"] = "Tyler Jones",
            ["reason"] = "Trying to accept something that is not there.",
        });

        Assert.Contains("no longer in the report", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.PersonalDataDecisions.CountAsync(d => d.ReviewId == review));
    }

    [Fact]
    public async Task An_exempt_comment_is_withheld_from_public_papers_and_kept_in_the_services_own()
    {
        const string comment = "Audit of care plans booked with the IRO service.";
        var (plan, review) = await PlanAsync(comment3: comment);
        var action = plan.Action("3");
        var updateId = action.UpdateIds.Single();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var marked = await client.PostFormAsync($"/actions/{action.Id}/updates/{updateId}/exempt", $"/actions/{action.Id}/updates/{updateId}/exempt", new() { ["Paragraph"] = "Paragraph 1" });

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var publicJson = await client.GetJsonAsync<JsonElement>($"/reviews/{review}/report/json?public=true");
        var serviceJson = await client.GetJsonAsync<JsonElement>($"/reviews/{review}/report/json");
        string CommentOn(JsonElement json) => json.GetProperty("areasForDevelopment").EnumerateArray().Single(a => a.GetProperty("ref").GetString() == "3").GetProperty("comment").GetString()!;

        Assert.Equal(Schedule12A.WithheldComment, CommentOn(publicJson));
        Assert.Contains("A comment on progress for action 3 (Paragraph 1)", publicJson.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal($"Exempt (Schedule 12A paragraph 1): {comment}", CommentOn(serviceJson));
        var csv = await client.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv?public=true");
        Assert.DoesNotContain(comment, csv, StringComparison.Ordinal);
        Assert.Contains(Schedule12A.WithheldComment, csv, StringComparison.Ordinal);
        var history = await client.GetPageAsync($"/actions/{action.Id}");
        Assert.Contains("Exempt (Schedule 12A paragraph 1)", history.QuerySelector(".app-history-row")!.TextContent, StringComparison.Ordinal);

        // Choosing no paragraph makes the comment public again.
        await client.PostFormAsync($"/actions/{action.Id}/updates/{updateId}/exempt", $"/actions/{action.Id}/updates/{updateId}/exempt", new() { ["Paragraph"] = "" });
        await using var db = app.Database.CreateContext();
        Assert.False(await db.ProgressUpdates.Where(u => u.Id == updateId).Select(u => u.IsExempt).SingleAsync());
    }

    [Fact]
    public async Task Marking_a_flagged_comment_exempt_clears_the_flag()
    {
        var (_, review) = await PlanAsync(comment3: "Jayden (aged 9) spoke at the board.", exempt3: "Paragraph 2");
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var page = await client.GetPageAsync($"/reviews/{review}/personal-data");
        var report = await client.Http.GetAsync($"/reviews/{review}/report/docx?public=true");

        Assert.NotNull(page.QuerySelector("#nothing-to-resolve"));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    public async Task Only_the_plan_owner_deals_with_personal_data_and_exemptions(string role)
    {
        // Action 3 is led by the Lead test user: leading an action is not enough.
        var (plan, review) = await PlanAsync();
        var action = plan.Action("3");
        var updateId = action.UpdateIds.Single();
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        static string? DeniedTo(HttpResponseMessage response) => response.Headers.Location?.ToString();
        Assert.Contains("access-denied", DeniedTo(await client.Http.GetAsync($"/reviews/{review}/personal-data")), StringComparison.Ordinal);
        Assert.Contains("access-denied", DeniedTo(await client.Http.GetAsync($"/actions/{action.Id}/updates/{updateId}/exempt")), StringComparison.Ordinal);
        var post = await client.PostFormAsync("/plans", $"/actions/{action.Id}/updates/{updateId}/exempt", new() { ["Paragraph"] = "Paragraph 1" });
        Assert.Contains("access-denied", DeniedTo(post), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
            Assert.False(await db.ProgressUpdates.Where(u => u.Id == updateId).Select(u => u.IsExempt).SingleAsync());
        var history = await client.GetPageAsync($"/actions/{action.Id}");
        Assert.Empty(history.QuerySelectorAll("a[href$='/exempt']"));
    }
}
