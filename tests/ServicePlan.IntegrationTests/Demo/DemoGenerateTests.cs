using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Demo;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Demo;

/// <summary>`serviceplan demo generate` as a process, on fresh databases of the provider under test.</summary>
[Trait("Category", "Database")]
public sealed class DemoGenerateTests
{
    private static readonly string[] Arguments = ["demo", "generate", "--orgs", "2", "--plans", "2", "--actions", "30", "--reviews", "3", "--seed", "5"];

    private static Task<ProcessResult> GenerateAsync(TestDatabase database, params string[] extra) =>
        Processes.RunDotnetAsync(Processes.Cli, ["--db", database.ConnectionString, .. Arguments, .. extra]);

    [Fact]
    public async Task Generate_writes_what_was_asked_for_and_accounts_that_can_use_the_app()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await GenerateAsync(database, "--json");

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        var summary = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(120, summary.GetProperty("actions").GetInt32());
        Assert.Contains("120 of 120 actions (100%)", result.StandardError, StringComparison.Ordinal);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.Organisations.CountAsync());
            Assert.Equal(4, await db.Plans.CountAsync());
            Assert.Equal(12, await db.Reviews.CountAsync());
            Assert.Equal(120, await db.Actions.CountAsync());
            Assert.Equal(summary.GetProperty("progressUpdates").GetInt32(), await db.ProgressUpdates.CountAsync());
            Assert.Equal(10, await db.Users.CountAsync());
            Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Entity == "Plan"));
            var updatesPerAction = await db.ProgressUpdates.GroupBy(u => u.ActionId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(120, updatesPerAction.Count);
            Assert.All(updatesPerAction, n => Assert.InRange(n, 1, 3));
            Assert.True(await db.Set<Dictionary<string, object>>("ActionLeads").CountAsync() >= 100);
            Assert.True(await db.Set<Dictionary<string, object>>("ObjectiveSources").CountAsync() > 0);
            Assert.Equal(1, await db.Plans.CountAsync(p => p.Status == ServicePlan.Plans.PlanStatus.Open && p.OrganisationId == db.Organisations.OrderBy(o => o.Id).First().Id));
        }

        // The generated accounts sign in with the demo password and see their own organisation's plans.
        await using var factory = new ServicePlanFactory(database.ConnectionString, new FixedClock(FixedClock.DemoToday));
        using var client = new TestClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var owner = summary.GetProperty("accounts").EnumerateArray().First(a => a.GetProperty("role").GetString() == Roles.PlanOwner);
        var signIn = await client.SignInAsEmailAsync(owner.GetProperty("email").GetString()!, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var plans = await client.GetJsonAsync<JsonElement>("/api/plans");
        Assert.Equal(2, plans.GetArrayLength());
        Assert.All(plans.EnumerateArray(), p => Assert.Equal(30, p.GetProperty("actions").GetInt32()));
    }

    [Fact]
    public async Task The_same_seed_writes_identical_rows_into_two_databases()
    {
        await using var first = await TestDatabase.CreateAsync();
        await using var second = await TestDatabase.CreateAsync();

        var one = await GenerateAsync(first);
        var two = await GenerateAsync(second);

        Assert.True(one.ExitCode == 0, one.StandardError);
        Assert.True(two.ExitCode == 0, two.StandardError);
        Assert.Equal(await ContentAsync(first), await ContentAsync(second));
    }

    [Fact]
    public async Task A_seed_already_in_the_database_is_refused_and_nothing_more_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await GenerateAsync(database)).ExitCode);

        var again = await GenerateAsync(database);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Seed 5 has already been generated", again.StandardError, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(120, await db.Actions.CountAsync());
    }

    [Fact]
    public async Task Redirected_output_shows_progress_as_lines_batch_by_batch()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", database.ConnectionString, "demo", "generate", "--orgs", "1", "--plans", "2", "--actions", "5000", "--seed", "8"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        // About 5,000 actions go in each transaction, and progress is reported after each.
        Assert.Contains("5,000 of 10,000 actions (50%), 1 of 2 plans", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("10,000 of 10,000 actions (100%), 2 of 2 plans", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Generated 1 organisations, 2 plans", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Seed 8", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impossible_sizes_are_bad_usage()
    {
        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", "unused.db", "demo", "generate", "--orgs", "0", "--plans", "1", "--actions", "10", "--reviews", "5"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--orgs must be between 1", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--reviews must be between 1 and 4", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Every column of the plan tables and the accounts' names, ids and stamps, in key order.</summary>
    private static async Task<string> ContentAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var text = new StringBuilder();
        void Rows<T>(IEnumerable<T> rows)
        {
            foreach (var row in rows)
                text.AppendLine(JsonSerializer.Serialize(row));
        }

        Rows(await db.Organisations.AsNoTracking().OrderBy(o => o.Id).ToListAsync());
        Rows(await db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync());
        Rows(await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.DisplayName, u.OrganisationId, u.SecurityStamp }).ToListAsync());
        Rows(await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.OrganisationId, p.Title, p.Period.StartYear, p.Owner, p.Status, p.PreviousPlanId }).ToListAsync());
        Rows(await db.People.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
        Rows(await db.Reviews.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Rows(await db.Sections.AsNoTracking().OrderBy(s => s.Id).ToListAsync());
        Rows(await db.Objectives.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.SectionId, o.Aim, o.Order }).ToListAsync());
        Rows(await db.Actions.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.PlanId, a.ObjectiveId, a.Ref, a.LeadsText, a.DoesWhat, a.DueText, a.DueKind, a.DueOn, a.Measure, a.ChildrenExperience, a.CreatedAtUtc, a.RetainedForOversight }).ToListAsync());
        Rows(await db.ProgressUpdates.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.ActionId, u.ReviewId, u.Rating, u.Comment, u.AuthorName, u.AuthorUserId, u.RecordedAtUtc }).ToListAsync());
        return text.ToString();
    }
}
