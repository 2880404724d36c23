using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServicePlan.Audit;

namespace ServicePlan.Database;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The one place that turns a connection string into a configured DbContext, for the web app, the CLI and the tests.
/// A SQLite "Data Source=…" string (or, from the CLI, a bare file path) or a PostgreSQL "Host=…" string.
/// </summary>
public sealed record ServicePlanDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static ServicePlanDatabase FromConnectionString(string connectionStringOrPath)
    {
        var text = connectionStringOrPath.Trim();
        if (text.Length == 0)
            throw new ArgumentException("The database connection string is empty.");

        if (!text.Contains('='))
            return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = text }.ToString());

        var keys = text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2)[0].Trim().ToUpperInvariant())
            .ToHashSet();
        if (keys.Contains("HOST") || keys.Contains("SERVER"))
            return new(DatabaseProvider.PostgreSql, text);
        if (keys.Contains("DATA SOURCE") || keys.Contains("DATASOURCE") || keys.Contains("FILENAME"))
            return new(DatabaseProvider.Sqlite, text);

        throw new ArgumentException(
            "The database connection string is neither SQLite (Data Source=…) nor PostgreSQL (Host=…).");
    }

    /// <summary>Where the data is, without any password: safe to show in messages and logs.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite database {Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)}",
        _ => DescribePostgres(),
    };

    private string DescribePostgres()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {builder.Database ?? "(default)"} on {builder.Host}:{builder.Port}";
    }

    /// <summary>
    /// Registers the context with the audit trail: every SaveChanges records who changed what, taking the person from
    /// the app's <see cref="IAuditActor"/> (or naming the process when there is none).
    /// </summary>
    public void AddTo(IServiceCollection services)
    {
        void Options(IServiceProvider provider, DbContextOptionsBuilder options)
        {
            Configure(options);
            options.AddInterceptors(new AuditInterceptor(
                provider.GetService<IAuditActor>() ?? new ProcessActor("ServicePlan"),
                provider.GetService<TimeProvider>() ?? TimeProvider.System));
        }

        if (Provider == DatabaseProvider.Sqlite)
            services.AddDbContext<ServicePlanDbContext, SqliteServicePlanDbContext>(Options);
        else
            services.AddDbContext<ServicePlanDbContext, PostgresServicePlanDbContext>(Options);
    }

    public ServicePlanDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteServicePlanDbContext>();
            Configure(options);
            return new SqliteServicePlanDbContext(options.Options);
        }

        var pgOptions = new DbContextOptionsBuilder<PostgresServicePlanDbContext>();
        Configure(pgOptions);
        return new PostgresServicePlanDbContext(pgOptions.Options);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolderExists();
            options.UseSqlite(ConnectionString, sqlite => sqlite.CommandTimeout(60));
        }
        else
        {
            options.UseNpgsql(ConnectionString);
        }
    }

    private void EnsureSqliteFolderExists()
    {
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            Directory.CreateDirectory(folder);
    }
}
