using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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

        return new Command("plans", "Plans") { list, Change(db, "archive", "Archive a plan: out of the list of plans, and read-only until restored", (a, id, org, ct) => a.ArchiveAsync(id, org, ct), "Archived"), Change(db, "restore", "Restore an archived plan", (a, id, org, ct) => a.RestoreAsync(id, org, ct), "Restored") };
    }

    /// <summary>`plans archive|restore &lt;plan&gt;`: the plan by its id, or by its title when only one plan has it.</summary>
    private static Command Change(Option<string?> db, string name, string description, Func<PlanArchiving, Guid, Guid, CancellationToken, Task<PlanChangeResult>> change, string done)
    {
        var which = new Argument<string>("plan") { Description = "The plan's id (see plans list), or its title" };
        var command = new Command(name, description) { which };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var wanted = parse.GetValue(which)!.Trim();
            var plans = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>().Plans;
            var matches = Guid.TryParse(wanted, out var id)
                ? await plans.Where(p => p.Id == id).Select(p => new { p.Id, p.OrganisationId, p.Title, p.Period }).ToListAsync(ct)
                : await plans.Where(p => p.Title == wanted).Select(p => new { p.Id, p.OrganisationId, p.Title, p.Period }).ToListAsync(ct);
            if (matches.Count == 0)
                throw new CliException($"There is no plan \"{wanted}\".", exitCode: 1);
            if (matches.Count > 1)
                throw new CliException($"{matches.Count} plans are called \"{wanted}\": give the plan's id (see plans list).", exitCode: 1);

            var plan = matches[0];
            switch (await change(scope.ServiceProvider.GetRequiredService<PlanArchiving>(), plan.Id, plan.OrganisationId, ct))
            {
                case PlanChangeResult.Done:
                    Console.Out.WriteLine($"{done} {plan.Title} ({plan.Period}).");
                    return 0;
                case PlanChangeResult.Refused refused:
                    throw new CliException(refused.Reason, exitCode: 1);
                default:
                    throw new CliException($"There is no plan \"{wanted}\".", exitCode: 1);
            }
        });
        return command;
    }
}
