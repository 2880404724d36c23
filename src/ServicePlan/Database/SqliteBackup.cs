using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Database;

/// <summary>Why a backup or restore was refused, in words for whoever runs it.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Backs up and restores the SQLite database with SQLite's online backup API: a consistent copy page by page while the
/// app keeps running, never a file copy that could catch a write half-done. PostgreSQL has pg_dump and pg_restore.
/// </summary>
public static class SqliteBackup
{
    public const string PostgresAdvice =
        "ServicePlan backs up SQLite only. For PostgreSQL use its own tools: pg_dump --format=custom --file=serviceplan.dump <database>, " +
        "and pg_restore --clean --if-exists --dbname=<database> serviceplan.dump. See README, \"Backups\".";

    public static async Task BackupAsync(ServicePlanDatabase database, string file, CancellationToken ct = default)
    {
        RequireSqlite(database);
        if (File.Exists(file))
            throw new BackupException($"{file} already exists. Choose a new file name: a backup never overwrites another.");

        await using var source = new SqliteConnection(database.ConnectionString);
        await source.OpenAsync(ct);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
    }

    /// <summary>
    /// Replaces the database's contents with the backup's, after checking the backup is a sound ServicePlan database
    /// that this version understands. Nothing is changed when a check fails.
    /// </summary>
    public static async Task RestoreAsync(ServicePlanDatabase database, string file, CancellationToken ct = default)
    {
        RequireSqlite(database);
        if (!File.Exists(file))
            throw new BackupException($"There is no file {file}.");

        await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await backup.OpenAsync(ct);
            await CheckAsync(backup, database, file, ct);
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"{file} is not a SQLite database ServicePlan can read: {ex.Message}");
        }

        await using var target = new SqliteConnection(database.ConnectionString);
        await target.OpenAsync(ct);
        backup.BackupDatabase(target);
    }

    private static async Task CheckAsync(SqliteConnection backup, ServicePlanDatabase database, string file, CancellationToken ct)
    {
        if (await ScalarAsync(backup, "PRAGMA integrity_check", ct) != "ok")
            throw new BackupException($"{file} is damaged (SQLite's integrity check failed). It was not restored.");
        if (await ScalarAsync(backup, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'", ct) is null)
            throw new BackupException($"{file} is not a ServicePlan backup: it has no migration history. It was not restored.");

        var known = new HashSet<string>(StringComparer.Ordinal);
        await using (var context = database.CreateContext())
            known.UnionWith(context.Database.GetMigrations());
        await using var command = backup.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var migration = reader.GetString(0);
            if (!known.Contains(migration))
                throw new BackupException($"{file} was made by a newer version of ServicePlan (it has migration {migration}). Upgrade ServicePlan, then restore it.");
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }

    private static void RequireSqlite(ServicePlanDatabase database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            throw new BackupException(PostgresAdvice);
    }
}
