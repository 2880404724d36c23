using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.CommitteeReport;

/// <summary>The committee report of a plan's Q1 review, from the web app and the CLI.</summary>
[Trait("Category", "Database")]
public sealed class CommitteeReportTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    /// <summary>
    /// A plan whose Q1 review (15 July 2024) has two Blue actions (1, 5), one Red (4) and one Amber (3), two Green
    /// (2, 7) and one unrated (6); 2 and 4 were due before the review date, 5 too but it is done, and 6 recurs.
    /// </summary>
    private Task<CreatePlanResult> PlanWithQ1Async(Action<CreateActionBuilder>? alsoOnAction4 = null) =>
        app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15))
            .WithSection("Children in Need", s => s
                .WithAction(a => a.WithRef("1").WithRating(Rating.Blue))
                .WithAction(a => a.WithRef("2").WithDue("1 June 2024").WithRating(Rating.Green))
                .WithAction(a => a.WithRef("3").WithRating(Rating.Amber)))
            .WithSection("Early Help", s => s
                .WithAction(a =>
                {
                    a.WithRef("4").WithDue("1 May 2024").WithRating(Rating.Red);
                    alsoOnAction4?.Invoke(a);
                })
                .WithAction(a => a.WithRef("5").WithDue("1 May 2024").WithRating(Rating.Blue))
                .WithAction(a => a.WithRef("6").WithDue("Quarterly"))
                .WithAction(a => a.WithRef("7").WithRating(Rating.Green))));

    [Fact]
    public async Task The_json_report_gives_the_counts_and_the_lists_from_the_data()
    {
        var plan = await PlanWithQ1Async();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var json = await client.GetJsonAsync<JsonElement>($"/reviews/{plan.ReviewId("Q1 2024-25")}/report/json");

        var ratings = json.GetProperty("ratings");
        Assert.Equal([2, 1, 1, 2, 1], new[] { "blue", "red", "amber", "green", "unrated" }.Select(r => ratings.GetProperty(r).GetInt32()));
        string[] Refs(string list) => json.GetProperty(list).EnumerateArray().Select(a => a.GetProperty("ref").GetString()!).ToArray();
        Assert.Equal(["1", "5"], Refs("keyAchievements"));
        Assert.Equal(["3", "4"], Refs("areasForDevelopment"));
        // At the review date, 15 July 2024.
        Assert.Equal(["2", "4"], Refs("overdue"));
    }

    [Fact]
    public async Task The_docx_report_opens_and_carries_the_figures()
    {
        var plan = await PlanWithQ1Async();
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.Http.GetAsync($"/reviews/{plan.ReviewId("Q1 2024-25")}/report/docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(await response.Content.ReadAsStreamAsync(), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("There are:", text, StringComparison.Ordinal);
        Assert.Contains("2 tasks marked blue", text, StringComparison.Ordinal);
        Assert.Contains("Appendix 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_report_leaves_exempt_actions_out_and_says_so()
    {
        var plan = await PlanWithQ1Async(a => a.Exempt("Paragraph 2"));
        var q1 = plan.ReviewId("Q1 2024-25");
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var json = await client.GetJsonAsync<JsonElement>($"/reviews/{q1}/report/json?public=true");
        var internalJson = await client.GetJsonAsync<JsonElement>($"/reviews/{q1}/report/json");

        Assert.DoesNotContain(json.GetProperty("areasForDevelopment").EnumerateArray(), a => a.GetProperty("ref").GetString() == "4");
        Assert.Equal(["Action 4 (Paragraph 2)"], json.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains(internalJson.GetProperty("areasForDevelopment").EnumerateArray(), a => a.GetProperty("ref").GetString() == "4");
    }

    [Fact]
    public async Task A_public_report_is_refused_while_a_comment_names_a_child()
    {
        var plan = await PlanWithQ1Async(a => a.WithUpdate(Rating.Red, "Jayden (aged 9) spoke at the board."));
        var q1 = plan.ReviewId("Q1 2024-25");
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.Http.GetAsync($"/reviews/{q1}/report/docx?public=true");
        var internalReport = await client.Http.GetAsync($"/reviews/{q1}/report/docx");

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The public report cannot be produced yet", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Jayden", page.QuerySelector("#personal-data")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", internalReport.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_cli_writes_the_report_and_refuses_an_unknown_review()
    {
        var plan = await PlanWithQ1Async();
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-report-").FullName, "q1.json");

        var written = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "report", plan.PlanId.ToString(), "--review", "Q1 2024-25", "--format", "json", "-o", file]);
        var unknown = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "report", plan.PlanId.ToString(), "--review", "Q4 2024-25", "-o", file + ".docx"]);

        Assert.True(written.ExitCode == 0, written.StandardError);
        Assert.Equal(2, JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("ratings").GetProperty("blue").GetInt32());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Its reviews are: \"Q1 2024-25\"", unknown.StandardError, StringComparison.Ordinal);
    }
}
