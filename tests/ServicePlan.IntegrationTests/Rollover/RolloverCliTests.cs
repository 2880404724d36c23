using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;

namespace ServicePlan.IntegrationTests.Rollover;

/// <summary>`serviceplan rollover` run as a process, as a script would run it each April.</summary>
[Trait("Category", "Database")]
public sealed class RolloverCliTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "rollover", .. arguments]);

    [Fact]
    public async Task Rollover_reports_carried_retained_archived_and_the_new_plan_as_json_and_refuses_a_second_time()
    {
        var old = await app.SmallPlanAsync(title: "CLI plan");

        var dryRun = await RunAsync(old.Id.ToString(), "--period", "2025-26", "--dry-run", "--json");

        Assert.True(dryRun.ExitCode == 0, dryRun.StandardError + dryRun.StandardOutput);
        var preview = JsonDocument.Parse(dryRun.StandardOutput).RootElement;
        Assert.Equal((5, 1, 1), (preview.GetProperty("carried").GetInt32(), preview.GetProperty("retained").GetInt32(), preview.GetProperty("archived").GetInt32()));
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("newPlanId").ValueKind);
        await using (var db = app.Database.CreateContext())
            Assert.False(await db.Plans.AnyAsync(p => p.PreviousPlanId == old.Id));

        var done = await RunAsync(old.Id.ToString(), "--period", "2025-26", "--json");

        Assert.True(done.ExitCode == 0, done.StandardError + done.StandardOutput);
        var json = JsonDocument.Parse(done.StandardOutput).RootElement;
        Assert.Equal(["carried", "retained", "archived", "newPlanId"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal((5, 1, 1), (json.GetProperty("carried").GetInt32(), json.GetProperty("retained").GetInt32(), json.GetProperty("archived").GetInt32()));
        await using (var db = app.Database.CreateContext())
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == json.GetProperty("newPlanId").GetGuid());
            Assert.Equal((old.Id, new FinancialYear(2025)), (plan.PreviousPlanId, plan.Period));
            Assert.Equal(6, await db.Actions.CountAsync(a => a.PlanId == plan.Id));
            Assert.Equal(PlanStatus.Closed, (await db.Plans.SingleAsync(p => p.Id == old.Id)).Status);
        }

        var again = await RunAsync(old.Id.ToString(), "--period", "2025-26", "--json");

        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("Plan 2024-25 was already rolled over into 2025-26 on ", again.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Single(again.StandardError.Trim().Split('\n'));
        await using (var db = app.Database.CreateContext())
            Assert.Equal(1, await db.Plans.CountAsync(p => p.PreviousPlanId == old.Id));
    }

    [Fact]
    public async Task Rollover_prints_what_happens_to_each_action_for_people()
    {
        var old = await app.SmallPlanAsync(title: "Text plan");

        var result = await RunAsync(old.Id.ToString(), "--period", "2025-26", "--dry-run");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("Would roll over Text plan 2024-25 (2024-25) into Text plan 2025-26 (2025-26): 5 carried forward, 1 retained for oversight, 1 completed", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Year end 2024-25 is still open and would be closed with the plan.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("next year", 2, "\"next year\" is not a financial year: write it like 2025-26.")]
    [InlineData("2023-24", 1, "The new plan's year must come after 2024-25: 2023-24 does not.")]
    public async Task Rollover_refuses_a_year_it_cannot_use_in_one_line(string period, int exitCode, string message)
    {
        var old = await app.SmallPlanAsync(title: "Year plan " + exitCode);

        var result = await RunAsync(old.Id.ToString(), "--period", period);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(message, result.StandardError.Trim());
    }

    [Fact]
    public async Task Rollover_of_a_plan_that_does_not_exist_says_so()
    {
        var id = Guid.NewGuid();

        var result = await RunAsync(id.ToString(), "--period", "2025-26");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"There is no plan {id}.", result.StandardError.Trim());
    }
}
