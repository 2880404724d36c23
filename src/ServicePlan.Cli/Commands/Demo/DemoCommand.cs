using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ServicePlan.Demo;
using Spectre.Console;

namespace ServicePlan.Cli.Commands.Demo;

/// <summary>
/// `serviceplan demo generate --orgs n --plans n --actions n [--reviews n] [--seed n] [--json]`: realistic made-up
/// organisations, accounts and plans for demonstrations and load tests. The same seed always makes the same data.
/// Exit 0 generated, 1 refused (the seed is already in the database), 2 bad usage.
/// </summary>
public static class DemoCommand
{
    public static Command Create(Option<string?> db)
    {
        var orgs = new Option<int>("--orgs") { Description = "How many organisations (councils) to make", Required = true };
        var plans = new Option<int>("--plans") { Description = "Plans per organisation: one per financial year, the newest 2024-25", Required = true };
        var actions = new Option<int>("--actions") { Description = "Actions per plan", Required = true };
        var reviews = new Option<int>("--reviews") { Description = $"Quarterly reviews per plan, 1 to {PlanGenerator.MaxReviews}; each action has progress in 1 to this many", DefaultValueFactory = _ => PlanGenerator.MaxReviews };
        var seed = new Option<int?>("--seed") { Description = "The seed: the same seed makes the same data (a random one is chosen and printed when not given)" };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary on standard output (progress goes to standard error)" };

        var generate = new Command("generate", "Generate realistic organisations, accounts and plans") { orgs, plans, actions, reviews, seed, json };
        generate.Validators.Add(result =>
        {
            void Range(Option<int> option, int min, int max)
            {
                var value = result.GetValue(option);
                if (result.GetResult(option) is not null && (value < min || value > max))
                    result.AddError($"{option.Name} must be between {min:N0} and {max:N0}.");
            }

            Range(orgs, 1, 100_000);
            Range(plans, 1, 50);
            Range(actions, 1, 100_000);
            Range(reviews, 1, PlanGenerator.MaxReviews);
            if (result.GetValue(seed) is < 0)
                result.AddError("--seed must be 0 or more.");
        });

        generate.SetAction(async (parse, ct) =>
        {
            var request = new DemoRequest(
                parse.GetValue(orgs),
                parse.GetValue(plans),
                parse.GetValue(actions),
                parse.GetValue(reviews),
                parse.GetValue(seed) ?? RandomNumberGenerator.GetInt32(0, 1_000_000));
            var asJson = parse.GetValue(json);

            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var generator = scope.ServiceProvider.GetRequiredService<DemoGenerator>();

            DemoResult result;
            try
            {
                result = asJson || Console.IsOutputRedirected
                    ? await generator.GenerateAsync(request, new ProgressLines(asJson ? Console.Error : Console.Out), ct)
                    : await WithProgressBarAsync(generator, request, ct);
            }
            catch (DemoRefusedException ex)
            {
                throw new CliException(ex.Message, exitCode: 1);
            }

            if (asJson)
                Console.Out.WriteLine(ToJson(result));
            else
                Describe(result);
            return 0;
        });

        return new Command("demo", "Demonstration and load-test data") { generate };
    }

    private static async Task<DemoResult> WithProgressBarAsync(DemoGenerator generator, DemoRequest request, CancellationToken ct)
    {
        DemoResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Writing actions", maxValue: (double)request.Organisations * request.PlansPerOrganisation * request.ActionsPerPlan);
                result = await generator.GenerateAsync(request, new Inline(p => task.Value = p.ActionsWritten), ct);
            });
        return result!;
    }

    public static string ToJson(DemoResult result) => JsonSerializer.Serialize(
        new
        {
            seed = result.Seed,
            organisations = result.Organisations,
            plans = result.Plans,
            sections = result.Sections,
            objectives = result.Objectives,
            actions = result.Actions,
            progressUpdates = result.Updates,
            reviews = result.Reviews,
            ratings = new { blue = result.Ratings.Blue, red = result.Ratings.Red, amber = result.Ratings.Amber, green = result.Ratings.Green, unrated = result.Ratings.Unrated },
            seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
            password = DemoData.Password,
            accounts = result.Accounts.Select(a => new { email = a.Email, role = a.Role, organisationId = a.OrganisationId }),
        },
        new JsonSerializerOptions { WriteIndented = true });

    private static void Describe(DemoResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        var perSecond = result.Actions / Math.Max(result.Elapsed.TotalSeconds, 0.001);
        Console.Out.WriteLine(string.Create(culture,
            $"Generated {result.Organisations:N0} organisations, {result.Plans:N0} plans, {result.Sections:N0} sections, {result.Objectives:N0} objectives, " +
            $"{result.Actions:N0} actions and {result.Updates:N0} progress updates in {result.Reviews:N0} reviews, in {result.Elapsed.TotalSeconds:0.0} s ({perSecond:N0} actions a second)."));
        Console.Out.WriteLine(string.Create(culture,
            $"Latest ratings: {result.Ratings.Blue:N0} blue, {result.Ratings.Red:N0} red, {result.Ratings.Amber:N0} amber, {result.Ratings.Green:N0} green, {result.Ratings.Unrated:N0} not rated."));
        Console.Out.WriteLine(string.Create(culture, $"Seed {result.Seed}: run again with --seed {result.Seed} into an empty database for the same data."));
        var first = result.Accounts.Take(5).Select(a => $"{a.Email} ({a.Role})");
        Console.Out.WriteLine($"Accounts (password \"{DemoData.Password}\", to be changed at first sign-in), for example: {string.Join(", ", first)}.");
    }

    /// <summary>Progress as plain lines, for logs and pipes: at most one every two seconds, and the last.</summary>
    private sealed class ProgressLines(TextWriter writer) : IProgress<DemoProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan? _last;

        public void Report(DemoProgress value)
        {
            var done = value.ActionsWritten >= value.ActionsTotal;
            if (!done && _last is { } last && _clock.Elapsed - last < TimeSpan.FromSeconds(2))
                return;
            _last = _clock.Elapsed;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{value.ActionsWritten:N0} of {value.ActionsTotal:N0} actions ({100.0 * value.ActionsWritten / Math.Max(1, value.ActionsTotal):0}%), {value.PlansWritten:N0} of {value.PlansTotal:N0} plans, {_clock.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    /// <summary>Runs the handler on the reporting thread: Progress&lt;T&gt; would post it later, after the bar has finished.</summary>
    private sealed class Inline(Action<DemoProgress> report) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => report(value);
    }
}
