using System.Text.Json;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;

namespace ServicePlan.IntegrationTests.Cli;

[Trait("Category", "Database")]
public sealed class CliTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Plans_list_json_gives_id_title_period_action_count_and_ratings()
    {
        var created = await app.TestData.CreatePlanAsync(p => p
            .WithTitle(TestData.UniqueTitle("CLI listed plan"))
            .ForYear(2024)
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRating(Rating.Blue))
                .WithAction(a => a.WithRating(Rating.Blue))
                .WithAction(a => a.WithRating(Rating.Red))
                .WithAction(a => a.WithUpdate(Rating.Red).WithUpdate(Rating.Amber))
                .WithAction(a => a.WithRating(Rating.Green))
                .WithAction(a => a.WithRating(Rating.Green))
                .WithAction(a => a.WithRating(Rating.Green))
                .WithAction()));

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "plans", "list", "--json"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var plan = Assert.Single(JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray(), p => p.GetProperty("id").GetGuid() == created.PlanId);
        Assert.Equal(created.Title, plan.GetProperty("title").GetString());
        Assert.Equal("2024-25", plan.GetProperty("period").GetString());
        Assert.Equal(8, plan.GetProperty("actions").GetInt32());
        // Each action counted once, by its latest rating.
        var ratings = plan.GetProperty("ratings");
        Assert.Equal([2, 1, 1, 3, 1], new[] { "blue", "red", "amber", "green", "unrated" }.Select(r => ratings.GetProperty(r).GetInt32()));
    }

    [Fact]
    public async Task Plans_list_prints_a_table_for_people()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithTitle(TestData.UniqueTitle("CLI table plan")).ForYear(2025));

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "plans", "list"],
            environment: new Dictionary<string, string> { ["COLUMNS"] = "200" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(plan.Title, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2025-26", result.StandardOutput, StringComparison.Ordinal);
    }
}

public sealed class CliFirstRunTests
{
    [Fact]
    public async Task The_cli_creates_and_migrates_a_new_sqlite_file_given_as_a_path()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-cli-").FullName, "new.db");

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", file, "plans", "list", "--json"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("[]", result.StandardOutput.Trim());
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task Users_add_makes_the_first_administrator_with_a_password_from_standard_input()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-cli-").FullName, "prod.db");

        var added = await Processes.RunDotnetAsync(Processes.Cli, ["--db", file, "users", "add", "--email", "head@council.example", "--role", "Admin"], standardInput: "kettle orchard lantern maple");
        var again = await Processes.RunDotnetAsync(Processes.Cli, ["--db", file, "users", "add", "--email", "head@council.example", "--role", "Admin"], standardInput: "kettle orchard lantern maple");

        Assert.True(added.ExitCode == 0, added.StandardError);
        Assert.Contains("Added head@council.example as Admin", added.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("kettle orchard", added.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("An account with this e-mail already exists", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_generates_and_shows_a_password_when_none_is_piped_in()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-cli-").FullName, "prod.db");

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", file, "users", "add", "--email", "a@council.example", "--role", "Admin"], standardInput: "");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches("Password \\(shown once.*\\): [a-z0-9]{20}", result.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("serviceplan-cli-").FullName, "prod.db");

        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", file, "users", "add", "--email", "a@council.example", "--role", "Boss"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Boss", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_option_is_explained()
    {
        var result = await Processes.RunDotnetAsync(Processes.Cli, ["plans", "list"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--db", result.StandardError, StringComparison.Ordinal);
    }
}
