using Microsoft.Extensions.Logging;
using ServicePlan.Audit;

namespace ServicePlan.Cli;

/// <summary>Opens the database named by --db (a SQLite file path or any connection string the web app accepts), creating and migrating it when needed.</summary>
public static class CliDatabase
{
    public const string EnvironmentVariable = "ConnectionStrings__ServicePlan";

    /// <summary>The database --db or the environment names, not yet opened.</summary>
    public static ServicePlanDatabase Choose(string? db)
    {
        var connection = db ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connection))
            throw new CliException($"Say which database to use with --db <file-or-connection-string>, or set {EnvironmentVariable}.");

        try
        {
            return ServicePlanDatabase.FromConnectionString(connection);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    public static async Task<ServiceProvider> OpenAsync(string? db, CancellationToken ct)
    {
        var database = Choose(db);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddServicePlan(database);
        services.AddSingleton<IAuditActor>(new ProcessActor($"Command line ({Environment.UserName})"));
        var provider = services.BuildServiceProvider();

        try
        {
            await DatabaseStartup.PrepareAsync(provider, database, seedDemoData: false, ct);
        }
        catch (DatabaseUnavailableException ex)
        {
            await provider.DisposeAsync();
            throw new CliException(ex.Message);
        }

        return provider;
    }
}

/// <summary>A problem to tell the user in one line, with no stack trace.</summary>
public sealed class CliException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
