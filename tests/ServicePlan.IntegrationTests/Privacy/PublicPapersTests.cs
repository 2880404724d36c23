using System.IO.Compression;
using System.Net;
using System.Text.Json;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Privacy;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Privacy;

/// <summary>
/// Every door that produces a public paper passes the same personal-data gate, and exempt content is withheld from
/// public papers and marked wherever a reader may see it. Names, dates and numbers here are made up.
/// </summary>
[Trait("Category", "Database")]
public sealed class PublicPapersTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string FlaggedComment = "Home visit done; date of birth 04/05/2015 confirmed, carer on 07700 900456.";
    private const string ExemptWords = "Placement with the Okonkwo-Brennan family";
    private const string ExemptComment = "Court date for the sibling group set for March";

    private Task<CreatePlanResult> PlanWithFlaggedCommentAsync() => app.TestData.CreatePlanAsync(p => p
        .WithTitle("Public papers gate (test data)")
        .WithOpenReview("Q2 test", new DateOnly(2024, 10, 1))
        .WithSection("Children in Need (test data)", s => s.WithObjective("Stable homes", o => o
            .WithAction(a => a.WithRef("1").WithDoesWhat("Visits each child at home").WithUpdate(Rating.Amber, FlaggedComment, review: "Q2 test")))));

    private Task<CreatePlanResult> PlanWithExemptContentAsync() => app.TestData.CreatePlanAsync(p => p
        .WithTitle("Exempt content (test data)")
        .WithOpenReview("Q2 test", new DateOnly(2024, 10, 1))
        .WithSection("Children in Care (test data)", s => s.WithObjective("Stable homes", o => o
            .WithAction(a => a.WithRef("1").WithDoesWhat(ExemptWords).Exempt("Paragraph 2").WithUpdate(Rating.Green, "On track", review: "Q2 test"))
            .WithAction(a => a.WithRef("2").WithDoesWhat("Reviews legal planning meetings").WithUpdate(Rating.Green, ExemptComment, review: "Q2 test", exemptParagraph: "Paragraph 1")))));

    private async Task<TestClient> SignedInAsync(string role)
    {
        var client = app.CreateClient();
        await client.SignInAsync(role);
        return client;
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task A_public_download_is_refused_while_it_would_print_personal_data_and_produced_once_the_owner_accepts_it(string format)
    {
        var plan = await PlanWithFlaggedCommentAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);

        var refused = await owner.Http.GetAsync($"/plans/{plan.PlanId}/export/{format}?public=true");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = TestClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"/reviews/{plan.ReviewId("Q2 test")}/personal-data", page.QuerySelector("#resolve")?.GetAttribute("href"));
        var findings = page.QuerySelectorAll("#findings tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(findings, f => f[1] == "07700 900456");
        Assert.Contains(findings, f => f[1].Contains("04/05/2015", StringComparison.Ordinal));

        foreach (var finding in findings)
        {
            var accepted = await owner.PostFormAsync(
                $"/reviews/{plan.ReviewId("Q2 test")}/personal-data",
                $"/reviews/{plan.ReviewId("Q2 test")}/personal-data?handler=Accept",
                new() { ["index"] = "0", ["location"] = finding[0], ["found"] = finding[1], ["reason"] = "Made-up test data" });
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var produced = await owner.Http.GetAsync($"/plans/{plan.PlanId}/export/{format}?public=true");
        Assert.Equal(HttpStatusCode.OK, produced.StatusCode);
        var text = Text(await produced.Content.ReadAsByteArrayAsync(), format);
        Assert.Contains("07700 900456", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Schedule12A.NotForPublication, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_download_withholds_exempt_actions_and_comments_in_their_place()
    {
        var plan = await PlanWithExemptContentAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);

        var csv = await owner.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv?public=true");

        Assert.DoesNotContain(ExemptWords, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(ExemptComment, csv, StringComparison.Ordinal);
        Assert.Contains($"Children in Care (test data),1,Stable homes,,{Schedule12A.WithheldAction}", csv, StringComparison.Ordinal);
        Assert.Contains(Schedule12A.WithheldComment, csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task A_download_not_for_publication_says_so_and_shows_exempt_content_marked_with_its_paragraph(string format)
    {
        var plan = await PlanWithExemptContentAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);

        var response = await owner.Http.GetAsync($"/plans/{plan.PlanId}/export/{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith($"-not-for-publication.{format}", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var text = Text(await response.Content.ReadAsByteArrayAsync(), format);
        Assert.Contains(Schedule12A.NotForPublication, text, StringComparison.Ordinal);
        Assert.Contains("Exempt information under paragraphs 1 and 2 of Part 1 of Schedule 12A", text, StringComparison.Ordinal);
        Assert.Contains($"Exempt (Schedule 12A paragraph 2): {ExemptWords}", text, StringComparison.Ordinal);
        Assert.Contains($"Exempt (Schedule 12A paragraph 1): {ExemptComment}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_exempt_content_marked_unless_the_committee_does_not_receive_exempt_papers()
    {
        var plan = await PlanWithExemptContentAsync();
        var exemptAction = plan.Action("1").Id;
        using var viewer = await SignedInAsync(Roles.Viewer);
        using var admin = await SignedInAsync(Roles.Admin);
        var key = await viewer.MakeApiKeyAsync();

        var marked = await viewer.GetPageAsync($"/actions/{exemptAction}");
        Assert.Equal("Exempt (Schedule 12A paragraph 2)", marked.QuerySelector("#action-exempt")?.TextContent.Trim());
        Assert.Contains(ExemptWords, marked.Body!.TextContent, StringComparison.Ordinal);

        await SetCommitteeReceivesExemptPapersAsync(admin, false);
        try
        {
            var withheld = await viewer.GetPageAsync($"/actions/{exemptAction}");
            Assert.NotNull(withheld.QuerySelector("#action-withheld"));
            Assert.DoesNotContain(ExemptWords, withheld.Body!.TextContent, StringComparison.Ordinal);

            var commented = await viewer.GetPageAsync($"/actions/{plan.Action("2").Id}");
            Assert.DoesNotContain(ExemptComment, commented.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(Schedule12A.WithheldComment, commented.Body!.TextContent, StringComparison.Ordinal);

            var list = await viewer.Http.GetStringAsync($"/plans/{plan.PlanId}/actions");
            var csv = await viewer.Http.GetStringAsync($"/plans/{plan.PlanId}/export/csv");
            using var script = app.Script(key);
            var api = await script.GetStringAsync($"/api/plans/{plan.PlanId}/actions");
            var apiAction = await script.GetStringAsync($"/api/actions/{plan.Action("2").Id}");
            foreach (var seen in new[] { list, csv, api, apiAction })
            {
                Assert.DoesNotContain(ExemptWords, seen, StringComparison.Ordinal);
                Assert.DoesNotContain(ExemptComment, seen, StringComparison.Ordinal);
            }

            Assert.Contains(Schedule12A.NotForPublication, csv, StringComparison.Ordinal);

            // A search finds nothing by words the viewer may not read; an officer's search still does.
            var searched = await viewer.GetPageAsync($"/plans/{plan.PlanId}/actions?q=Okonkwo-Brennan");
            Assert.Empty(searched.QuerySelectorAll("tr[data-action-ref]"));
            var apiSearch = await script.GetStringAsync($"/api/plans/{plan.PlanId}/actions?q=sibling");
            Assert.Equal("[]", apiSearch);
            var officerSearch = await admin.GetPageAsync($"/plans/{plan.PlanId}/actions?q=Okonkwo-Brennan");
            Assert.Single(officerSearch.QuerySelectorAll("tr[data-action-ref]"));
            var officer = await admin.Http.GetStringAsync($"/plans/{plan.PlanId}/actions");
            Assert.Contains(ExemptWords, officer, StringComparison.Ordinal);
        }
        finally
        {
            await SetCommitteeReceivesExemptPapersAsync(admin, true);
        }
    }

    [Fact]
    public async Task The_api_marks_exempt_content_for_a_reader_who_may_see_it()
    {
        var plan = await PlanWithExemptContentAsync();
        using var viewer = await SignedInAsync(Roles.Viewer);
        using var script = app.Script(await viewer.MakeApiKeyAsync());

        var actions = JsonDocument.Parse(await script.GetStringAsync($"/api/plans/{plan.PlanId}/actions")).RootElement.EnumerateArray().ToList();

        var exempt = actions.Single(a => a.GetProperty("ref").GetString() == "1");
        Assert.Equal("Exempt (Schedule 12A paragraph 2)", exempt.GetProperty("exempt").GetString());
        Assert.Equal(ExemptWords, exempt.GetProperty("doesWhat").GetString());
        var comment = actions.Single(a => a.GetProperty("ref").GetString() == "2");
        Assert.Equal("Exempt (Schedule 12A paragraph 1)", comment.GetProperty("latestCommentExempt").GetString());
    }

    [Fact]
    public async Task The_cli_refuses_a_public_export_with_the_findings_and_check_lists_them_as_json()
    {
        var plan = await PlanWithFlaggedCommentAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-public-").FullName, "plan.xlsx");

        var export = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "export", plan.PlanId.ToString(), "-o", file, "--public"]);

        Assert.Equal(1, export.ExitCode);
        Assert.False(File.Exists(file));
        Assert.Contains("07700 900456", export.StandardError, StringComparison.Ordinal);
        Assert.Contains("Check for personal data", export.StandardError, StringComparison.Ordinal);

        var check = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "check", plan.PlanId.ToString(), "--review", "Q2 test", "--json"]);

        Assert.Equal(1, check.ExitCode);
        var findings = JsonDocument.Parse(check.StandardOutput).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var phone = findings.First(f => f.GetProperty("text").GetString() == "07700 900456");
        Assert.Equal("phone", phone.GetProperty("kind").GetString());
        Assert.Equal("1", phone.GetProperty("actionRef").GetString());
        Assert.False(phone.GetProperty("resolved").GetBoolean());
        Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "date of birth" && f.GetProperty("field").GetString() == "Comments on progress");

        var clean = await app.TestData.CreatePlanAsync(p => p.WithTitle("Clean (test data)").WithOpenReview("Q2 test"));
        var quiet = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "check", clean.PlanId.ToString(), "--json"]);
        Assert.True(quiet.ExitCode == 0, quiet.StandardError + quiet.StandardOutput);
        Assert.Empty(JsonDocument.Parse(quiet.StandardOutput).RootElement.GetProperty("findings").EnumerateArray());
    }

    private static string Text(byte[] file, string format)
    {
        if (format == "csv")
            return System.Text.Encoding.UTF8.GetString(file);
        using var zip = new ZipArchive(new MemoryStream(file));
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        return WebUtility.HtmlDecode(reader.ReadToEnd());
    }

    private static async Task SetCommitteeReceivesExemptPapersAsync(TestClient admin, bool receives)
    {
        var saved = await admin.PostFormAsync("/admin/users", "/admin/users?handler=ExemptPapers", new() { ["receives"] = receives ? "true" : "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }


}
