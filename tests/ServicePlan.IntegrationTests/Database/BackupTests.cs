using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;

namespace ServicePlan.IntegrationTests.Database;

/// <summary>
/// `serviceplan backup` and `restore` on SQLite, while the app has the database open: a backup, then changes, then a
/// restore gives back exactly what was backed up. SQLite only (no Database trait, so never run on PostgreSQL), which
/// is refused with a pointer to pg_dump.
/// </summary>
public sealed class BackupTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("serviceplan-backup-").FullName;

    [Fact]
    public async Task A_restore_gives_back_exactly_what_was_backed_up()
    {
        var backup = Path.Combine(_folder, "before.db");
        var action = await app.TestData.CreateActionAsync(a => a.WithUpdate(ServicePlan.Progress.Rating.Green, "Guidance drafted."));
        var before = await SnapshotAsync(app.Database.ConnectionString);

        var backedUp = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "backup", "-o", backup]);
        Assert.True(backedUp.ExitCode == 0, backedUp.StandardError);

        await using (var db = app.Database.CreateContext())
        {
            await db.ProgressUpdates.Where(u => u.ActionId == action.Id).ExecuteDeleteAsync();
            await db.Actions.Where(a => a.Id == action.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.DoesWhat, "Changed after the backup."));
        }

        Assert.NotEqual(before, await SnapshotAsync(app.Database.ConnectionString));

        var restored = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "restore", backup]);

        Assert.True(restored.ExitCode == 0, restored.StandardError);
        Assert.Equal(before, await SnapshotAsync(app.Database.ConnectionString));
        using var client = app.CreateClient();
        await client.SignInAsync(ServicePlan.Users.Roles.Viewer);
        var page = await client.GetPageAsync($"/actions/{action.Id}");
        Assert.DoesNotContain("Changed after the backup.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_a_file_that_is_not_a_backup_is_not_restored()
    {
        var existing = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");
        var notABackup = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(notABackup, "These are not the tables you are looking for.");
        var before = await SnapshotAsync(app.Database.ConnectionString);

        var overwrite = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "backup", "-o", existing]);
        var restore = await Processes.RunDotnetAsync(Processes.Cli, ["--db", app.Database.ConnectionString, "restore", notABackup]);

        Assert.Equal(1, overwrite.ExitCode);
        Assert.Contains("already exists", overwrite.StandardError, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("not a SQLite database ServicePlan can read", restore.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app.Database.ConnectionString));
    }

    [Fact]
    public async Task PostgreSQL_is_pointed_to_pg_dump_and_pg_restore()
    {
        var result = await Processes.RunDotnetAsync(Processes.Cli, ["--db", "Host=127.0.0.1;Port=1;Database=none;Username=none", "backup", "-o", Path.Combine(_folder, "pg.db")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pg_dump", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("pg_restore", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Every row of every table, in a fixed order: two equal snapshots mean two equal databases.</summary>
    private static async Task<string> SnapshotAsync(string connectionString)
    {
        var text = new StringBuilder();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        foreach (var table in tables)
        {
            text.AppendLine(table);
            await using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                text.AppendLine();
            }
        }

        return text.ToString();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
