using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.IntegrationTests.Import;

/// <summary>`serviceplan import` run as a process against a real database, with the fixtures councils' sheets are modelled on.</summary>
[Trait("Category", "Database")]
public sealed class ImportCliTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    private async Task<(ProcessResult Result, JsonElement Json)> ImportAsync(params string[] arguments)
    {
        // The class imports the same fixtures again and again into one database: each is meant as another plan.
        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "import", .. arguments, "--as-another-plan", "--json"]);
        var json = result.StandardOutput.TrimStart().StartsWith('{') ? JsonDocument.Parse(result.StandardOutput).RootElement : default;
        return (result, json);
    }

    private async Task<int> PlanCountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Plans.CountAsync();
    }

    private static void AssertFixtureFigures(JsonElement json)
    {
        Assert.Equal(7, json.GetProperty("sections").GetInt32());
        Assert.Equal(26, json.GetProperty("objectives").GetInt32());
        Assert.Equal(31, json.GetProperty("actions").GetInt32());
        var ratings = json.GetProperty("ratings");
        Assert.Equal([8, 1, 6, 13, 3], new[] { "blue", "red", "amber", "green", "unrated" }.Select(r => ratings.GetProperty(r).GetInt32()));
        Assert.Empty(json.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("sdp-2024-25.xlsx")]
    [InlineData("sdp-2024-25.csv")]
    public async Task Each_fixture_imports_with_the_expected_figures(string fixture)
    {
        var (result, json) = await ImportAsync(Fixture(fixture));

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        AssertFixtureFigures(json);
        var planId = json.GetProperty("planId").GetGuid();
        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.SingleAsync(p => p.Id == planId);
        Assert.Equal("2024-25", plan.Period.ToString());
        Assert.Equal(31, await db.Actions.CountAsync(a => a.PlanId == planId));
        Assert.Equal(28, await db.ProgressUpdates.CountAsync(u => db.Actions.Any(a => a.Id == u.ActionId && a.PlanId == planId)));
        var review = await db.Reviews.SingleAsync(r => r.PlanId == planId);
        Assert.Equal(("Imported", ReviewStatus.Closed), (review.Label, review.Status));

        // Typed values written by the bulk insert read back as EF itself would have stored them.
        var milestones = await db.Actions.Include(a => a.Updates).Include(a => a.Leads).SingleAsync(a => a.PlanId == planId && a.DueText == "June and March 2025");
        Assert.Equal((DueKind.Milestones, new DateOnly(2025, 3, 31)), (milestones.DueKind, milestones.DueOn));
        Assert.Equal(Rating.Green, milestones.CurrentRating);
        // "HOS", "HoS", "hos" and "Head of Service" in the sheet are one person.
        Assert.Equal(["HoS"], milestones.Leads.Select(p => p.Initials));
    }

    [Fact]
    public async Task The_xlsx_fixture_keeps_its_title_block_as_the_plan_header()
    {
        var (_, json) = await ImportAsync(Fixture("sdp-2024-25.xlsx"));

        await using var db = app.Database.CreateContext();
        var plan = await db.Plans.SingleAsync(p => p.Id == json.GetProperty("planId").GetGuid());
        Assert.Equal("Service Development Plan 2024-5", plan.Title);
        Assert.Equal("Children's Social Care & Early Help", plan.Service);
        Assert.Equal("Rachel Talmage", plan.Owner);
        Assert.Equal(new DateOnly(2024, 4, 1), plan.ImplementationDate);
    }

    [Fact]
    public async Task A_dry_run_reports_the_figures_and_writes_nothing()
    {
        var before = await PlanCountAsync();

        var (result, json) = await ImportAsync(Fixture("sdp-2024-25.xlsx"), "--dry-run");

        Assert.Equal(0, result.ExitCode);
        AssertFixtureFigures(json);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("planId").ValueKind);
        Assert.Equal(before, await PlanCountAsync());
    }

    [Fact]
    public async Task An_error_in_row_500_of_600_leaves_the_database_as_it_was()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-import-").FullName, "big.csv");
        var csv = new StringBuilder("Section,Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG rated progress,Comments on progress\r\n");
        for (var i = 2; i <= 601; i++)
            csv.Append(CultureInfo.InvariantCulture, $"Safe,Aim {i},HoS,Action {i},Jun-24,Measure,Experience,{(i == 500 ? "Purple" : "Green")},Comment {i}\r\n");
        await File.WriteAllTextAsync(file, csv.ToString());
        var before = await PlanCountAsync();

        var (result, json) = await ImportAsync(file, "--period", "2024-25");

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(500, error.GetProperty("row").GetInt32());
        Assert.Equal("Rating", error.GetProperty("column").GetString());
        Assert.Contains("\"Purple\" is not a BRAG rating", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await PlanCountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_exits_2_with_one_message()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-import-").FullName, "notes.xlsx");
        await File.WriteAllBytesAsync(file, Encoding.ASCII.GetBytes("%PDF-1.7 not a spreadsheet at all"));
        var before = await PlanCountAsync();

        var (result, json) = await ImportAsync(file);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(json.GetProperty("errors").EnumerateArray());
        Assert.Equal(before, await PlanCountAsync());
    }

    [Fact]
    public async Task Without_json_the_import_is_described_in_words()
    {
        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "import", Fixture("sdp-2024-25.csv"), "--dry-run"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Would import", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("31 actions", result.StandardOutput, StringComparison.Ordinal);
    }
}
