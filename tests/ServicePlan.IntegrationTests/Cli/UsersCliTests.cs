using ServicePlan.Demo;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Cli;

[Trait("Category", "Database")]
public sealed class UsersCliTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, .. arguments],
            environment: new Dictionary<string, string> { ["COLUMNS"] = "240" });

    [Fact]
    public async Task Users_add_accepts_the_role_names_people_use_as_well_as_the_stored_ones()
    {
        var added = await RunAsync("users", "add", "--email", "cli-owner@test.example", "--name", "Cli Owner", "--role", "plan OWNER");
        var old = await RunAsync("users", "add", "--email", "cli-viewer@test.example", "--role", "Viewer");
        var wrong = await RunAsync("users", "add", "--email", "cli-nobody@test.example", "--role", "Boss");

        Assert.True(added.ExitCode == 0, added.StandardError);
        Assert.Contains("as Plan owner", added.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, old.ExitCode);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("\"Boss\" is not a role", wrong.StandardError + wrong.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_list_set_role_deactivate_and_reactivate_work_by_email()
    {
        var user = await app.TestData.CreateUserAsync(Roles.Lead, "Cli Person");

        var promoted = await RunAsync("users", "set-role", user.Email, "Administrator");
        var deactivated = await RunAsync("users", "deactivate", user.Email);
        var list = await RunAsync("users", "list");

        Assert.True(promoted.ExitCode == 0, promoted.StandardError);
        Assert.Contains("Cli Person is now Administrator", promoted.StandardOutput, StringComparison.Ordinal);
        Assert.True(deactivated.ExitCode == 0, deactivated.StandardError);
        var row = list.StandardOutput.Split('\n').Single(l => l.Contains(user.Email, StringComparison.Ordinal));
        Assert.Contains("Administrator", row, StringComparison.Ordinal);
        Assert.Contains("deactivated", row, StringComparison.Ordinal);
        Assert.Contains("never", row, StringComparison.Ordinal);
        using var client = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ServicePlan.IntegrationTests.Users.UserAdministrationTests.SignInRefusedOrNotAsync(client, user.Email)).StatusCode);

        var reactivated = await RunAsync("users", "reactivate", user.Email);

        Assert.Equal(0, reactivated.ExitCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SignInAsEmailAsync(user.Email, DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task Users_commands_fail_clearly_for_an_unknown_user_or_role()
    {
        var unknown = await RunAsync("users", "deactivate", "nobody-at-all@test.example");
        var badRole = await RunAsync("users", "set-role", TestClient.EmailOf(Roles.Viewer), "Boss");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no user with the e-mail address", unknown.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains("\"Boss\" is not a role", badRole.StandardError, StringComparison.Ordinal);
    }
}
