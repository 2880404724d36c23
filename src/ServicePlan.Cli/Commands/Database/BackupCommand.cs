namespace ServicePlan.Cli.Commands.Database;

/// <summary>`serviceplan backup -o file` and `serviceplan restore file`: an online copy of a SQLite database, and putting one back.</summary>
public static class BackupCommand
{
    public static Command Backup(Option<string?> db)
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "The backup file to write (never overwritten)", Required = true };
        var command = new Command("backup", "Back up a SQLite database while the app keeps running (PostgreSQL: use pg_dump)") { output };
        command.SetAction(async (parse, ct) =>
        {
            var database = await OpenAsync(parse.GetValue(db), ct);
            var file = parse.GetValue(output)!;
            await RunAsync(() => SqliteBackup.BackupAsync(database, file.FullName, ct));
            Console.Out.WriteLine($"Backed up {database.Describe()} to {file.FullName}");
            return 0;
        });
        return command;
    }

    public static Command Restore(Option<string?> db)
    {
        var input = new Argument<FileInfo>("file") { Description = "A backup written by `serviceplan backup`" };
        var command = new Command("restore", "Replace a SQLite database's contents with a backup (PostgreSQL: use pg_restore)") { input };
        command.SetAction(async (parse, ct) =>
        {
            var database = await OpenAsync(parse.GetValue(db), ct);
            var file = parse.GetValue(input)!;
            await RunAsync(() => SqliteBackup.RestoreAsync(database, file.FullName, ct));
            Console.Out.WriteLine($"Restored {database.Describe()} from {file.FullName}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The database as the other commands open it (created and migrated if new), then let go of. PostgreSQL is
    /// refused with the pointer to its own tools before any connection is tried.
    /// </summary>
    private static async Task<ServicePlanDatabase> OpenAsync(string? db, CancellationToken ct)
    {
        var database = CliDatabase.Choose(db);
        if (database.Provider != DatabaseProvider.Sqlite)
            throw new CliException(SqliteBackup.PostgresAdvice, exitCode: 1);
        await (await CliDatabase.OpenAsync(db, ct)).DisposeAsync();
        return database;
    }

    private static async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (BackupException ex)
        {
            throw new CliException(ex.Message, exitCode: 1);
        }
    }
}
