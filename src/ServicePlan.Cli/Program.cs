using ServicePlan.Cli;
using ServicePlan.Cli.Commands.ApiKeys;
using ServicePlan.Cli.Commands.CommitteeReport;
using ServicePlan.Cli.Commands.Database;
using ServicePlan.Cli.Commands.Demo;
using ServicePlan.Cli.Commands.Export;
using ServicePlan.Cli.Commands.Import;
using ServicePlan.Cli.Commands.Plans;
using ServicePlan.Cli.Commands.Privacy;
using ServicePlan.Cli.Commands.Rollover;
using ServicePlan.Cli.Commands.Users;
var db = new Option<string?>("--db")
{
    Description = "The database: a SQLite file path, or a connection string (SQLite \"Data Source=…\" or PostgreSQL \"Host=…\")",
    Recursive = true,
};

var root = new RootCommand("ServicePlan: the Service Development Plan of a children's service, from the command line.");
root.Options.Add(db);
root.Subcommands.Add(PlansCommand.Create(db));
root.Subcommands.Add(UsersCommand.Create(db));
root.Subcommands.Add(ApiKeysCommand.Create(db));
root.Subcommands.Add(ImportCommand.Create(db));
root.Subcommands.Add(ExportCommand.Create(db));
root.Subcommands.Add(ReportCommand.Create(db));
root.Subcommands.Add(CheckCommand.Create(db));
root.Subcommands.Add(RolloverCommand.Create(db));
root.Subcommands.Add(BackupCommand.Backup(db));
root.Subcommands.Add(BackupCommand.Restore(db));
root.Subcommands.Add(DemoCommand.Create(db));

try
{
    // Our own errors are one clear line; the default handler would print a stack trace.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return ex.ExitCode;
}
