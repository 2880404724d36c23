using System.Globalization;
using System.Text;
using System.Text.Json;
using ServicePlan.Privacy;

namespace ServicePlan.Cli.Commands.Privacy;

/// <summary>
/// `serviceplan check plan-id [--review label] [--json]`: the personal-data check over everything the public report of
/// the review and the public export of the plan would print, as the web app's gate runs it. Exit 0 when nothing is
/// unresolved, 1 otherwise, so a script can stop before publishing.
/// </summary>
public static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Command Create(Option<string?> db)
    {
        var planId = new Argument<Guid>("plan-id") { Description = "The plan's id, as `plans list` shows it" };
        var review = new Option<string?>("--review") { Description = "The review whose public report to check, e.g. \"Q3 2024-25\"; the latest when not given" };
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON" };

        var command = new Command("check", "Check a plan's public papers for personal data before publishing") { planId, review, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var id = parse.GetValue(planId);
            PublicPaperCheckResult? result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<PublicPaperChecks>().ForPlanAsync(id, parse.GetValue(review), organisationId: null, ct);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message, exitCode: 2);
            }

            if (result is null)
                throw new CliException($"There is no plan {id}.", exitCode: 2);

            if (parse.GetValue(json))
            {
                var findings = result.Findings.Select(f => new
                {
                    where = f.Where,
                    actionRef = f.ActionRef,
                    field = f.Field,
                    text = f.Text,
                    kind = f.KindName,
                    message = f.Message,
                    resolved = f.Resolved,
                });
                Console.Out.WriteLine(JsonSerializer.Serialize(new { findings }, Json));
            }
            else if (result.Findings.Count == 0)
            {
                Console.Out.WriteLine("Nothing in the public papers looks like personal data.");
            }
            else
            {
                foreach (var finding in result.Findings)
                    Console.Out.WriteLine(Line(finding));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Unresolved.Count} unresolved, {result.Findings.Count - result.Unresolved.Count} accepted."));
            }

            return result.MayPublish ? 0 : 1;
        });

        return command;
    }

    /// <summary>Why a public paper was not written, with each unresolved finding on its own line, for standard error.</summary>
    public static string Refusal(string what, PublicPaperCheckResult check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Refusal(what, check.PlanId, check.ReviewLabel, check.Unresolved.Select(Line).ToList());
    }

    /// <summary>The same, from the places (one line each) that look like personal data in a plan or one of its reviews.</summary>
    public static string Refusal(string what, Guid planId, string? reviewLabel, IReadOnlyList<string> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var where = reviewLabel is null
            ? "edit the text or mark it exempt"
            : $"edit the text, mark it exempt, or accept it with a reason on the {reviewLabel} \"Check for personal data\" page";
        var message = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {places.Count} place(s) look like personal data. Deal with each ({where}), or run `serviceplan check {planId}`, then try again:"));
        foreach (var place in places)
            message.AppendLine().Append(place);
        return message.ToString();
    }

    private static string Line(PublicPaperFinding finding) =>
        $"- {(finding.Resolved ? "[accepted] " : "")}{finding.Where}: \"{finding.Text}\" – {finding.Message}";
}
