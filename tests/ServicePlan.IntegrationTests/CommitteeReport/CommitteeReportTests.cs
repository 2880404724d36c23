using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.CommitteeReport;

/// <summary>The committee report of the demo plan's Q1 review, from the web app and the CLI.</summary>
[Trait("Category", "Database")]
public sealed class CommitteeReportTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<Guid> Q1Async()
    {
        await using var db = app.Database.CreateContext();
        return await db.Reviews.Where(r => r.Label == "Q1 2024-25").Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task The_json_report_gives_the_counts_and_the_lists_from_the_data()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var json = await client.GetJsonAsync<JsonElement>($"/reviews/{await Q1Async()}/report/json");

        var ratings = json.GetProperty("ratings");
        Assert.Equal([8, 1, 6, 13, 3], new[] { "blue", "red", "amber", "green", "unrated" }.Select(r => ratings.GetProperty(r).GetInt32()));
        string[] Refs(string list) => json.GetProperty(list).EnumerateArray().Select(a => a.GetProperty("ref").GetString()!).ToArray();
        Assert.Equal(["2", "10", "12", "14", "22", "23", "24", "27"], Refs("keyAchievements"));
        Assert.Equal(["4", "7", "8", "25", "28", "29", "30"], Refs("areasForDevelopment"));
        // At the review date, 15 July 2024.
        Assert.Equal(["1", "5", "8", "9", "17", "20", "26", "29"], Refs("overdue"));
    }

    [Fact]
    public async Task The_docx_report_opens_and_carries_the_figures()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.Http.GetAsync($"/reviews/{await Q1Async()}/report/docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("There are:", text, StringComparison.Ordinal);
        Assert.Contains("8 tasks marked blue", text, StringComparison.Ordinal);
        Assert.Contains("Appendix 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_report_leaves_exempt_actions_out_and_says_so()
    {
        var action = await app.ActionAsync("29");
        await using (var db = app.Database.CreateContext())
            await db.Actions.Where(a => a.Id == action.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.IsExempt, true).SetProperty(x => x.ExemptParagraph, "Paragraph 2"));
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var json = await client.GetJsonAsync<JsonElement>($"/reviews/{await Q1Async()}/report/json?public=true");
        var internalJson = await client.GetJsonAsync<JsonElement>($"/reviews/{await Q1Async()}/report/json");

        Assert.DoesNotContain(json.GetProperty("areasForDevelopment").EnumerateArray(), a => a.GetProperty("ref").GetString() == "29");
        Assert.Equal(["Action 29 (Paragraph 2)"], json.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains(internalJson.GetProperty("areasForDevelopment").EnumerateArray(), a => a.GetProperty("ref").GetString() == "29");
        await using (var db = app.Database.CreateContext())
            await db.Actions.Where(a => a.Id == action.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.IsExempt, false));
    }

    [Fact]
    public async Task A_public_report_is_refused_while_a_comment_names_a_child()
    {
        var action = await app.ActionAsync("30");
        await using (var db = app.Database.CreateContext())
            await db.ProgressUpdates.Where(u => u.ActionId == action.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Comment, "Jayden (aged 9) spoke at the board."));
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.Http.GetAsync($"/reviews/{await Q1Async()}/report/docx?public=true");
        var internalReport = await client.Http.GetAsync($"/reviews/{await Q1Async()}/report/docx");

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The public report cannot be produced yet", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Jayden", page.QuerySelector("#personal-data")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", internalReport.Content.Headers.ContentType!.MediaType);
        await using (var db = app.Database.CreateContext())
            await db.ProgressUpdates.Where(u => u.ActionId == action.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Comment, "Retained for continuity."));
    }

    [Fact]
    public async Task The_cli_writes_the_report_and_refuses_an_unknown_review()
    {
        var plan = await app.PlanAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-report-").FullName, "q1.json");

        var written = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "report", plan.Id.ToString(), "--review", "Q1 2024-25", "--format", "json", "-o", file]);
        var unknown = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "report", plan.Id.ToString(), "--review", "Q4 2024-25", "-o", file + ".docx"]);

        Assert.True(written.ExitCode == 0, written.StandardError);
        Assert.Equal(8, JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("ratings").GetProperty("blue").GetInt32());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Its reviews are: \"Q1 2024-25\"", unknown.StandardError, StringComparison.Ordinal);
    }
}
