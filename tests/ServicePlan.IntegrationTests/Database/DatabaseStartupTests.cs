using Microsoft.EntityFrameworkCore;
using ServicePlan.Database;
using ServicePlan.IntegrationTests.Infrastructure;

namespace ServicePlan.IntegrationTests.Database;

public sealed class DatabaseStartupTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = ServicePlanDatabase.FromConnectionString("Data Source=unused.db").CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last SQLite migration: add one with dotnet ef migrations add --context SqliteServicePlanDbContext.");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = ServicePlanDatabase.FromConnectionString("Host=localhost;Database=unused").CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last PostgreSQL migration: add one with dotnet ef migrations add --context PostgresServicePlanDbContext.");
    }

    [Theory]
    [InlineData("serviceplan.db", DatabaseProvider.Sqlite)]
    [InlineData("Data Source=/tmp/x.db", DatabaseProvider.Sqlite)]
    [InlineData("Host=127.0.0.1;Database=serviceplan;Username=app;Password=secret", DatabaseProvider.PostgreSql)]
    public void The_connection_string_chooses_the_database(string text, DatabaseProvider expected)
    {
        Assert.Equal(expected, ServicePlanDatabase.FromConnectionString(text).Provider);
    }

    [Fact]
    public void Describing_a_database_never_shows_its_password()
    {
        var described = ServicePlanDatabase.FromConnectionString("Host=db.internal;Database=serviceplan;Username=app;Password=hunter2-secret").Describe();

        Assert.Equal("PostgreSQL database serviceplan on db.internal:5432", described);
    }

    [Fact]
    public void A_connection_string_of_neither_kind_is_refused_with_a_message()
    {
        var error = Assert.Throws<ArgumentException>(() => ServicePlanDatabase.FromConnectionString("Foo=bar"));

        Assert.Contains("neither SQLite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_the_app_with_one_clear_message()
    {
        // A folder where the database file should be: SQLite cannot open it.
        var folder = Directory.CreateTempSubdirectory("serviceplan-bad-db-").FullName;

        var result = await Processes.RunDotnetAsync(Processes.WebApp, ["--urls", "http://127.0.0.1:0"],
            environment: new Dictionary<string, string> { ["ConnectionStrings__ServicePlan"] = $"Data Source={folder}", ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.Equal(1, result.ExitCode);
        var message = result.StandardError.Trim();
        Assert.StartsWith("ServicePlan cannot start. Could not open or migrate the SQLite database " + folder, message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_a_first_start_creates_the_roles_but_no_demo_data_or_users()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ServicePlanFactory(database.ConnectionString, new FixedClock(FixedClock.DemoToday), "Production");
        using var client = factory.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Equal(0, await db.Organisations.CountAsync());
        Assert.Equal(["Admin", "Lead", "PlanOwner", "Viewer"], (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    [Fact]
    public async Task A_first_start_creates_the_database_and_seeds_the_demo_plan()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ServicePlanFactory(database.ConnectionString, new FixedClock(FixedClock.DemoToday));
        factory.CreateClient().Dispose();

        await using var db = database.CreateContext();
        Assert.Equal(31, await db.Actions.CountAsync());
        Assert.Equal(26, await db.Objectives.CountAsync());
        Assert.Equal(8, await db.Sections.CountAsync());
        Assert.Equal(4, await db.Users.CountAsync());
    }
}

[Trait("Category", "Database")]
public sealed class TestDatabaseChoiceTests
{
    [Fact]
    public async Task Tests_use_postgresql_whenever_the_test_command_provides_a_server()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var expected = TestDatabase.PostgresServer is null ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL";
        Assert.Equal(expected, db.Database.ProviderName);
    }
}
