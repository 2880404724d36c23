using ServicePlan.Export;
using ServicePlan.Plans;

namespace ServicePlan.Cli.Commands.Export;

/// <summary>`serviceplan export plan-id --format xlsx|csv -o file`: the plan as a council's appendix spreadsheet, or as CSV.</summary>
public static class ExportCommand
{
    public static Command Create(Option<string?> db)
    {
        var planId = new Argument<Guid>("plan-id") { Description = "The plan's id, as `plans list` shows it" };
        var formats = PlanFiles.Formats;
        var format = new Option<string>("--format") { Description = formats.Describe(), DefaultValueFactory = _ => formats[0].Name };
        format.AcceptOnlyFromAmong(formats.Names());
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write", Required = true };
        var includeExempt = new Option<bool>("--include-exempt") { Description = "Include actions marked exempt (Schedule 12A): never for a public paper" };

        var command = new Command("export", "Export a plan as .xlsx or .csv") { planId, format, output, includeExempt };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var table = await scope.ServiceProvider.GetRequiredService<PlanTables>().LoadAsync(parse.GetValue(planId), organisationId: null, ct, parse.GetValue(includeExempt))
                ?? throw new CliException($"There is no plan {parse.GetValue(planId)}.", exitCode: 1);

            var file = parse.GetValue(output)!;
            await using (var stream = file.Create())
                formats.Find(parse.GetValue(format))!.Write(table, stream);

            Console.Out.WriteLine($"Wrote {file.FullName}");
            return 0;
        });

        return command;
    }
}
