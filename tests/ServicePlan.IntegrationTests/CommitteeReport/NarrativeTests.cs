using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.CommitteeReport;

[Trait("Category", "Database")]
public sealed class NarrativeTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string PlanTitle = "Narrative test plan 2024-25";

    // Each test has a plan of its own: a saved narrative is where the next review's words start from.
    private Task<CreatePlanResult> PlanWithQ1Async() =>
        app.TestData.CreatePlanAsync(p => p.WithTitle(PlanTitle).WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15)));

    private async Task<Guid> ReviewAsync(CreatePlanResult plan, string label)
    {
        await using var db = app.Database.CreateContext();
        return await db.Reviews.Where(r => r.PlanId == plan.PlanId && r.Label == label).Select(r => r.Id).SingleAsync();
    }

    private static Dictionary<string, string> Words(int version, string summary, string impact) => new()
    {
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Committees"] = "Safeguarding Sub-Committee",
        ["Input.Subject"] = "Service Development Plan 2024-25: Q1 update",
        ["Input.AuthorName"] = "Rachel Talmage",
        ["Input.AuthorTitle"] = "Head of Service",
        ["Input.Summary"] = summary,
        ["Input.ImpactOnChildren"] = impact,
        ["Input.Recommendation"] = "Members are asked to note the report.",
        ["Input.Appendices"] = "Appendix 1 – Service Development Plan 2024-5",
    };

    [Fact]
    public async Task The_owners_words_go_into_the_report_and_the_next_review_starts_from_them()
    {
        var plan = await PlanWithQ1Async();
        var q1 = plan.ReviewId("Q1 2024-25");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var form = await owner.GetPageAsync($"/reviews/{q1}/narrative");
        Assert.Contains("start from the plan's own details", form.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);

        var saved = await owner.PostFormAsync($"/reviews/{q1}/narrative", $"/reviews/{q1}/narrative", Words(0, "The plan is on track this quarter.", "Care leavers now hear about their offer from peers."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var report = await owner.Http.GetAsync($"/reviews/{q1}/report/docx");
        using (var document = WordprocessingDocument.Open(await report.Content.ReadAsStreamAsync(), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("The plan is on track this quarter.", text, StringComparison.Ordinal);
            Assert.Contains("Care leavers now hear about their offer from peers.", text, StringComparison.Ordinal);
            Assert.Contains("Safeguarding Sub-Committee", text, StringComparison.Ordinal);
        }

        // Close Q1, open Q2: its narrative starts from Q1's words with Q2's subject.
        await owner.PostFormAsync($"/reviews/{q1}", $"/reviews/{q1}?handler=Close", []);
        await owner.PostFormAsync($"/plans/{plan.PlanId}/reviews", $"/plans/{plan.PlanId}/reviews", new() { ["Input.Label"] = "Q2 2024-25", ["Input.Day"] = "15", ["Input.Month"] = "10", ["Input.Year"] = "2024" });
        var q2Form = await owner.GetPageAsync($"/reviews/{await ReviewAsync(plan, "Q2 2024-25")}/narrative");
        Assert.Contains("previous review's report", q2Form.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The plan is on track this quarter.", q2Form.QuerySelector("#Input_Summary")!.TextContent);
        Assert.Equal($"{PlanTitle}: Q2 2024-25", q2Form.QuerySelector("#Input_Subject")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_and_keeps_what_was_saved()
    {
        var plan = await PlanWithQ1Async();
        var q1 = plan.ReviewId("Q1 2024-25");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        await using var db = app.Database.CreateContext();
        var version = await db.Narratives.Where(n => n.ReviewId == q1).Select(n => (int?)n.Version).SingleOrDefaultAsync() ?? 0;

        await owner.PostFormAsync($"/reviews/{q1}/narrative", $"/reviews/{q1}/narrative", Words(version, "Owner's summary.", ""));
        var refused = await admin.PostFormAsync($"/reviews/{q1}/narrative", $"/reviews/{q1}/narrative", Words(version, "Admin's summary.", ""));

        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(body.Contains("saved this narrative after you opened it", StringComparison.Ordinal), TestClient.Parse(body).QuerySelector("main")?.TextContent);
        Assert.Equal("Owner's summary.", await db.Narratives.Where(n => n.ReviewId == q1).Select(n => n.Summary).SingleAsync());
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Lead)]
    public async Task Viewers_and_leads_cannot_edit_the_narrative(string role)
    {
        var plan = await PlanWithQ1Async();
        var q1 = plan.ReviewId("Q1 2024-25");
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        var get = await client.Http.GetAsync($"/reviews/{q1}/narrative");
        var post = await client.PostFormAsync("/plans", $"/reviews/{q1}/narrative", Words(0, "Not allowed.", ""));

        Assert.Contains("access-denied", get.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("access-denied", post.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Narratives.AnyAsync(n => n.Summary == "Not allowed."));
    }
}
