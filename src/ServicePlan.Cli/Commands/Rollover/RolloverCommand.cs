using System.Text.Json;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Rollover;
using Spectre.Console;

namespace ServicePlan.Cli.Commands.Rollover;

/// <summary>
/// `serviceplan rollover plan-id --period 2025-26 [--dry-run] [--json]`: makes next year's plan from this one and closes it.
/// Exit 0 rolled over (or would be, with --dry-run), 1 refused (already rolled over, closed, or the year is not later),
/// 2 bad usage or no such plan.
/// </summary>
public static class RolloverCommand
{
    public static Command Create(Option<string?> db)
    {
        var planId = new Argument<Guid>("plan-id") { Description = "The plan to roll over, as `plans list` shows it" };
        var period = new Option<string>("--period") { Description = "The new plan's financial year, e.g. 2025-26", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be carried, retained and archived, without changing anything" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };

        var command = new Command("rollover", "Roll a plan over into next year's: carry unfinished actions forward and close it") { planId, period, dryRun, json };
        command.SetAction(async (parse, ct) =>
        {
            var periodText = parse.GetValue(period)!;
            if (!FinancialYear.TryParse(periodText, out var year))
                throw new CliException($"\"{periodText}\" is not a financial year: write it like 2025-26.");

            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var rollover = scope.ServiceProvider.GetRequiredService<PlanRollover>();
            var id = parse.GetValue(planId);
            var result = parse.GetValue(dryRun)
                ? await rollover.PreviewAsync(id, organisationId: null, year, ct)
                : await rollover.RolloverAsync(id, organisationId: null, year, new RolloverAuthor("Roll-over (command line)", null), ct);

            switch (result)
            {
                case RolloverResult.NotFound:
                    throw new CliException($"There is no plan {id}.");
                case RolloverResult.Refused refused:
                    throw new CliException(refused.Reason, exitCode: 1);
                case RolloverResult.Done done:
                    if (parse.GetValue(json))
                        Console.Out.WriteLine(ToJson(done));
                    else
                        Describe(done);
                    return 0;
                default:
                    throw new InvalidOperationException($"Unexpected roll-over result {result}.");
            }
        });

        return command;
    }

    public static string ToJson(RolloverResult.Done done) => JsonSerializer.Serialize(
        new
        {
            carried = done.Preview.Carried.Count,
            retained = done.Preview.Retained.Count,
            archived = done.Preview.Archived.Count,
            newPlanId = done.NewPlanId,
        },
        new JsonSerializerOptions { WriteIndented = true });

    private static void Describe(RolloverResult.Done done)
    {
        var console = AnsiConsole.Console;
        // Piped output goes to logs and scripts: one line per row, and no colour codes.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
            console.Profile.Capabilities.Ansi = false;
        }

        var preview = done.Preview;
        var verb = done.NewPlanId is null ? "Would roll over" : "Rolled over";
        console.MarkupLine($"{verb} [bold]{Markup.Escape(preview.Title)}[/] ({preview.From}) into [bold]{Markup.Escape(preview.NewTitle)}[/] ({preview.Period}): " +
            $"{preview.Carried.Count} carried forward, {preview.Retained.Count} retained for oversight, {preview.Archived.Count} completed and kept in {preview.From}.");
        foreach (var review in preview.OpenReviews)
            console.MarkupLine($"{Markup.Escape(review)} {(done.NewPlanId is null ? "is still open and would be" : "was still open and has been")} closed with the plan.");

        var table = new Table().AddColumns("Ref", "Section", "Rating", "Roll-over");
        foreach (var item in preview.Actions)
            table.AddRow(Markup.Escape(item.Ref), Markup.Escape(item.Section), item.Rating.Name(), item.Outcome.ToString());
        console.Write(table);
        if (done.NewPlanId is { } id)
            console.MarkupLine($"New plan id: {id}");
    }
}
