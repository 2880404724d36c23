using ServicePlan.Cli.Commands.Privacy;
using ServicePlan.Export;
using ServicePlan.Plans;
using ServicePlan.Privacy;

namespace ServicePlan.Cli.Commands.Export;

/// <summary>
/// `serviceplan export plan-id --format xlsx|csv -o file [--public]`: the plan as a council's appendix spreadsheet, or
/// as CSV. Without --public it is marked NOT FOR PUBLICATION and shows exempt content, marked; with it, exempt content
/// is withheld and the file is refused (exit 1) while the personal-data check flags anything unresolved.
/// </summary>
public static class ExportCommand
{
    public static Command Create(Option<string?> db)
    {
        var planId = new Argument<Guid>("plan-id") { Description = "The plan's id, as `plans list` shows it" };
        var formats = PlanFiles.Formats;
        var format = new Option<string>("--format") { Description = formats.Describe(), DefaultValueFactory = _ => formats[0].Name };
        format.AcceptOnlyFromAmong(formats.Names());
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write", Required = true };
        var isPublic = new Option<bool>("--public") { Description = "For a public paper: exempt content withheld, personal data refused" };

        var command = new Command("export", "Export a plan as .xlsx or .csv") { planId, format, output, isPublic };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var id = parse.GetValue(planId);
            PlanTable table;
            if (parse.GetValue(isPublic))
            {
                var export = await scope.ServiceProvider.GetRequiredService<PublicPaperChecks>().ForExportAsync(id, organisationId: null, ct)
                    ?? throw new CliException($"There is no plan {id}.", exitCode: 1);
                if (!export.Check.MayPublish)
                    throw new CliException(CheckCommand.Refusal("The public export was not written", export.Check), exitCode: 1);
                table = export.Table;
            }
            else
            {
                table = await scope.ServiceProvider.GetRequiredService<PlanTables>().LoadAsync(id, organisationId: null, PlanReaders.Service, ct)
                    ?? throw new CliException($"There is no plan {id}.", exitCode: 1);
            }

            var file = parse.GetValue(output)!;
            await using (var stream = file.Create())
                formats.Find(parse.GetValue(format))!.Write(table, stream);

            Console.Out.WriteLine($"Wrote {file.FullName}");
            return 0;
        });

        return command;
    }
}
