using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Cli;

/// <summary>`serviceplan api-keys`, `plans archive|restore` and the import's review date and same-plan refusal, run as processes.</summary>
[Trait("Category", "Database")]
public sealed class PlanLifecycleCliTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, .. arguments]);

    /// <summary>A small sheet with a header block; its title is the test's own, so no other plan shares it.</summary>
    private static async Task<string> SheetAsync(string title, string? reviewDate = null)
    {
        var csv = new StringBuilder();
        csv.Append("Title:,\"").Append(title).Append("\"\r\n");
        csv.Append("Period:,2024-25\r\n");
        if (reviewDate is not null)
            csv.Append("Date of this review:,").Append(reviewDate).Append("\r\n");
        csv.Append("Why?,Who?,Does what?,By when?,RAG\r\n");
        csv.Append("Families get help sooner,HoS,Runs a weekly drop-in,Jun-24,Green\r\n");
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-cli-import-").FullName, "plan.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        return file;
    }

    private async Task<DateOnly> ReviewDateAsync(string output)
    {
        var planId = JsonDocument.Parse(output).RootElement.GetProperty("planId").GetGuid();
        await using var db = app.Database.CreateContext();
        return (await db.Reviews.SingleAsync(r => r.PlanId == planId)).Date;
    }

    [Fact]
    public async Task The_imported_review_is_dated_by_the_sheets_date_of_this_review()
    {
        var sheet = await SheetAsync(TestData.UniqueTitle("Dated plan"), "October 2024");

        var result = await RunAsync("import", sheet, "--json");

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        Assert.Equal(new DateOnly(2024, 10, 1), await ReviewDateAsync(result.StandardOutput));
        Assert.Equal("sheet", JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("reviewDateFrom").GetString());
    }

    [Fact]
    public async Task A_review_date_given_on_the_command_line_wins_and_an_impossible_one_is_refused()
    {
        var sheet = await SheetAsync(TestData.UniqueTitle("Given date plan"), "October 2024");

        var impossible = await RunAsync("import", sheet, "--review-date", "2024-02-30", "--json");
        var given = await RunAsync("import", sheet, "--review-date", "2024-12-20", "--json");

        Assert.Equal(2, impossible.ExitCode);
        Assert.Contains("is not a date: write it like 2024-10-15", impossible.StandardError, StringComparison.Ordinal);
        Assert.True(given.ExitCode == 0, given.StandardError + given.StandardOutput);
        Assert.Equal(new DateOnly(2024, 12, 20), await ReviewDateAsync(given.StandardOutput));
    }

    [Fact]
    public async Task Importing_a_plan_the_organisation_already_has_is_refused_unless_meant_as_another_plan()
    {
        var title = TestData.UniqueTitle("Twice imported plan");
        var sheet = await SheetAsync(title, "October 2024");
        var first = await RunAsync("import", sheet, "--json");
        int Count() { using var db = app.Database.CreateContext(); return db.Plans.Count(p => p.Title == title); }

        var refused = await RunAsync("import", sheet);
        var countAfterRefusal = Count();
        var another = await RunAsync("import", sheet, "--as-another-plan");

        Assert.True(first.ExitCode == 0, first.StandardError + first.StandardOutput);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"This organisation already has a plan called {title} for 2024-25", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, countAfterRefusal);
        Assert.True(another.ExitCode == 0, another.StandardError + another.StandardOutput);
        Assert.Contains("Imported as another plan", another.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, Count());
    }

    [Fact]
    public async Task Api_keys_are_created_once_listed_without_their_secret_and_revoked()
    {
        var user = await app.TestData.CreateUserAsync(Roles.Viewer);
        var name = $"Committee figures {Guid.NewGuid():N}";

        var created = await RunAsync("api-keys", "create", "--email", user.Email, "--name", name);

        Assert.True(created.ExitCode == 0, created.StandardError);
        var key = created.StandardOutput.Trim();
        Assert.Matches("^sp_[a-z0-9]{8}_[0-9a-f]{64}$", key);
        using var script = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        script.DefaultRequestHeaders.Add(ApiKeyText.Header, key);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await script.GetAsync("/api/plans")).StatusCode);

        var listed = await RunAsync("api-keys", "list", "--email", user.Email, "--json");
        var all = await RunAsync("api-keys", "list");

        Assert.Equal(0, listed.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(listed.StandardOutput).RootElement.EnumerateArray());
        Assert.Equal(name, row.GetProperty("name").GetString());
        Assert.Equal(user.Email, row.GetProperty("email").GetString());
        Assert.DoesNotContain(key[12..], listed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(key[12..], all.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(name, all.StandardOutput, StringComparison.Ordinal);

        var revoked = await RunAsync("api-keys", "revoke", name);

        Assert.True(revoked.ExitCode == 0, revoked.StandardError);
        Assert.Contains("Revoked key", revoked.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await script.GetAsync("/api/plans")).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "API key").ToListAsync(), e => e.Fields.Any(f => f.After == name));
    }

    [Fact]
    public async Task Api_keys_create_refuses_an_unknown_user_and_revoke_an_unknown_key()
    {
        var unknown = await RunAsync("api-keys", "create", "--email", "nobody@test.example", "--name", "A script");
        var missing = await RunAsync("api-keys", "revoke", Guid.NewGuid().ToString());

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no user with the e-mail address nobody@test.example", unknown.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("There is no API key", missing.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_archive_and_restore_by_id()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithTitle(TestData.UniqueTitle("CLI archived plan")));

        var archived = await RunAsync("plans", "archive", plan.PlanId.ToString());
        var listed = await RunAsync("plans", "list", "--json");
        var again = await RunAsync("plans", "archive", plan.PlanId.ToString());
        var restored = await RunAsync("plans", "restore", plan.PlanId.ToString());

        Assert.True(archived.ExitCode == 0, archived.StandardError);
        Assert.Contains($"Archived {plan.Title}", archived.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.PlanId.ToString(), listed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already archived", again.StandardError, StringComparison.Ordinal);
        Assert.True(restored.ExitCode == 0, restored.StandardError);
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.Plans.AsNoTracking().SingleAsync(p => p.Id == plan.PlanId)).ArchivedAtUtc);
    }
}
