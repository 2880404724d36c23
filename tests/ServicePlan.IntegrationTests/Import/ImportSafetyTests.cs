using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Import;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Tests.Import;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Import;

[Trait("Category", "Database")]
public sealed class ImportSafetyTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static string CsvFile(string content)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-import-").FullName, "plan.csv");
        File.WriteAllText(file, content);
        return file;
    }

    private async Task<(int Plans, int Organisations, int Sources)> CountsAsync()
    {
        await using var db = app.Database.CreateContext();
        return (await db.Plans.CountAsync(), await db.Organisations.CountAsync(), await db.Sources.CountAsync());
    }

    [Fact]
    public async Task Text_too_long_for_its_column_is_an_error_with_its_row_and_nothing_is_written()
    {
        var longHeading = new string('x', 600);
        var file = CsvFile($"Why?,Who?,Does what?,By when?,RAG\r\nAim (QA Annual Report),HoS,Action,Jun-24,Green\r\n{longHeading}\r\nAim,{new string('y', 501)},Action,Jun-24,Green\r\n");
        var before = await CountsAsync();

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "import", file, "--period", "2024-25", "--title", new string('t', 301), "--json"]);

        Assert.Equal(1, result.ExitCode);
        var errors = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Item1 == 0 && e.Item3.StartsWith("The plan's title is 301 characters long; it can be at most 300", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 3 && e.Item2 == "Section");
        Assert.Contains(errors, e => e.Item1 == 4 && e.Item2 == "Who?");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_NUL_or_half_a_surrogate_pair_in_a_cell_is_dropped_or_replaced_not_a_failed_write()
    {
        // Past the 8 KB a CSV is sniffed in, a NUL is taken for text; "_x0000_" and "_xD800_" are OOXML's escapes for
        // characters XML cannot hold. PostgreSQL refuses both in text, so the import would fail half-way.
        var csv = new StringBuilder("Why?,Who?,Does what?,By when?,RAG\r\n");
        for (var i = 0; i < 200; i++)
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Aim {i},HoS,Action number {i} of the plan,Jun-24,Green\r\n");
        csv.Append("Aim,HoS,\"Before\0after\",Jun-24,Green\r\n");
        var xlsx = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-import-").FullName, "plan.xlsx");
        await File.WriteAllBytesAsync(xlsx, new TestWorkbook().Sheet("Plan", s => s
            .Row(1, "Why?", "Who?", "Does what?", "By when?", "RAG")
            .Row(2, "Aim", "HoS", "Escaped _x0000_NUL and _xD800_half", "Jun-24", "Green")).ToBytes());

        foreach (var file in new[] { CsvFile(csv.ToString()), xlsx })
        {
            var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "import", file, "--period", "2024-25", "--as-another-plan", "--json"]);

            Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
            var planId = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("planId").GetGuid();
            await using var db = app.Database.CreateContext();
            var texts = await db.Actions.Where(a => a.PlanId == planId).Select(a => a.DoesWhat).ToListAsync();
            Assert.Contains(texts, t => t == "Beforeafter" || t == "Escaped NUL and \uFFFDhalf");
        }
    }

    [Fact]
    public async Task A_mistyped_organisation_is_refused_rather_than_created()
    {
        var before = await CountsAsync();

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "import", ImportCliTests.Fixture("sdp-2024-25.csv"), "--organisation", "Citty of London"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no organisation called \"Citty of London\"", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task People_named_in_the_sheet_are_linked_to_accounts_of_the_same_name_so_leads_can_update()
    {
        await using var db = app.Database.CreateContext();
        var organisation = await db.Organisations.Select(o => o.Id).SingleAsync();
        await using var content = File.OpenRead(CsvFile("Why?,Who?,Does what?,By when?,RAG\r\nAim,Sam Okafor,Imported action for the lead,Jun-24,Green\r\n"));
        var report = await new PlanImporter(db, app.Clock).ImportAsync(content, new ImportRequest { FileName = "plan.csv", OrganisationId = organisation, Options = new() { Period = new(2024) } });
        var action = await db.Actions.SingleAsync(a => a.PlanId == report.PlanId);
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        var response = await lead.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Blue", ["Input.Comment"] = "Done." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("#history", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Two councils on one server never see each other's plans, however the page or file is asked for.</summary>
[Trait("Category", "Database")]
public sealed class OrganisationScopeTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Another_organisations_plan_is_not_found_anywhere()
    {
        await using var db = app.Database.CreateContext();
        var other = new Organisation { Name = "Another Council" };
        await using (var content = File.OpenRead(ImportCliTests.Fixture("sdp-2024-25.xlsx")))
        {
            var report = await new PlanImporter(db, app.Clock).ImportAsync(content, new ImportRequest { FileName = "sdp-2024-25.xlsx", OrganisationId = other.Id, NewOrganisation = other });
            Assert.True(report.Succeeded);
        }

        var plan = await db.Plans.SingleAsync(p => p.OrganisationId == other.Id);
        var action = await db.Actions.FirstAsync(a => a.PlanId == plan.Id);
        var review = await db.Reviews.FirstAsync(r => r.PlanId == plan.Id);
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Admin);

        foreach (var url in new[]
        {
            $"/plans/{plan.Id}", $"/plans/{plan.Id}/actions", $"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/export/xlsx", $"/plans/{plan.Id}/export/csv",
            $"/actions/{action.Id}", $"/actions/{action.Id}/edit", $"/actions/{action.Id}/progress", $"/reviews/{review.Id}",
            $"/api/plans/{plan.Id}", $"/api/plans/{plan.Id}/actions", $"/api/actions/{action.Id}",
        })
        {
            Assert.True(HttpStatusCode.NotFound == (await client.Http.GetAsync(url)).StatusCode, url);
        }

        var own = await app.TestData.CreateActionAsync();
        var posted = await client.PostFormAsync($"/actions/{own.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "Red", ["Input.Comment"] = "cross-council" });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await db.ProgressUpdates.AnyAsync(u => u.Comment == "cross-council"));
        Assert.DoesNotContain(plan.Id.ToString(), await client.Http.GetStringAsync("/api/plans"), StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Id.ToString(), await client.Http.GetStringAsync("/plans"), StringComparison.Ordinal);
    }
}
