using System.Text.Json;
using ServicePlan.Plans;
using Spectre.Console;

namespace ServicePlan.Cli.Commands.Plans;

/// <summary>`serviceplan plans list [--json]`: every plan with its action and BRAG counts.</summary>
public static class PlansCommand
{
    public static Command Create(Option<string?> db)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var list = new Command("list", "List the plans with their action and BRAG counts") { json };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var plans = await scope.ServiceProvider.GetRequiredService<PlanQueries>().ListAsync(organisationId: null, ct);

            if (parse.GetValue(json))
            {
                var rows = plans.Select(p => new
                {
                    id = p.Id,
                    title = p.Title,
                    period = p.Period.ToString(),
                    status = p.Status.ToString(),
                    actions = p.Actions,
                    ratings = new { blue = p.Ratings.Blue, red = p.Ratings.Red, amber = p.Ratings.Amber, green = p.Ratings.Green, unrated = p.Ratings.Unrated },
                });
                Console.Out.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            if (plans.Count == 0)
            {
                Console.Out.WriteLine("There are no plans.");
                return 0;
            }

            var table = new Table().AddColumns("Id", "Title", "Period", "Status", "Actions", "Blue", "Red", "Amber", "Green", "Not rated");
            foreach (var p in plans)
            {
                table.AddRow(
                    p.Id.ToString(), Markup.Escape(p.Title), p.Period.ToString(), p.Status.ToString(), p.Actions.ToString(),
                    p.Ratings.Blue.ToString(), p.Ratings.Red.ToString(), p.Ratings.Amber.ToString(), p.Ratings.Green.ToString(), p.Ratings.Unrated.ToString());
            }

            // Piped output has no terminal width to fit; keep rows on one line for logs and grep.
            if (Console.IsOutputRedirected)
                AnsiConsole.Console.Profile.Width = 240;
            AnsiConsole.Write(table);
            return 0;
        });

        return new Command("plans", "Plans") { list };
    }
}
