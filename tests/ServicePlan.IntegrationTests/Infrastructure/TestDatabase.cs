using Npgsql;
using ServicePlan.Database;

namespace ServicePlan.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test fixture: a SQLite file in a temporary folder, or, when the test command
/// provides a PostgreSQL server in SERVICEPLAN_TEST_POSTGRES, a uniquely named database on it, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SERVICEPLAN_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresServer;
    private readonly string? _postgresName;

    private TestDatabase(string connectionString, string? sqliteFolder, string? postgresServer, string? postgresName)
    {
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresServer = postgresServer;
        _postgresName = postgresName;
    }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public DatabaseProvider Provider => _postgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public static async Task<TestDatabase> CreateAsync()
    {
        if (PostgresServer is { } server)
        {
            var name = "serviceplan_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            return new TestDatabase(builder.ToString(), null, server, name);
        }

        var folder = Directory.CreateTempSubdirectory("serviceplan-test-").FullName;
        return new TestDatabase($"Data Source={Path.Combine(folder, "serviceplan.db")}", folder, null, null);
    }

    public ServicePlanDbContext CreateContext() => ServicePlanDatabase.FromConnectionString(ConnectionString).CreateContext();

    public async ValueTask DisposeAsync()
    {
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a lingering connection: the OS temp folder is cleaned later anyway.
            }
        }
    }
}
