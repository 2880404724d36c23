using Microsoft.EntityFrameworkCore;
using ServicePlan.Cli.Commands.Privacy;
using ServicePlan.CommitteeReport;
using ServicePlan.Export;

namespace ServicePlan.Cli.Commands.CommitteeReport;

/// <summary>
/// `serviceplan report plan-id --review label --format docx|html|json -o file [--public]`: the committee cover report.
/// A public report leaves exempt actions out and is refused (exit 1) while any text in it looks like personal data.
/// </summary>
public static class ReportCommand
{
    public static Command Create(Option<string?> db)
    {
        var planId = new Argument<Guid>("plan-id") { Description = "The plan's id, as `plans list` shows it" };
        var review = new Option<string>("--review") { Description = "The review's label, e.g. \"Q3 2024-25\"", Required = true };
        var formats = CoverReportFiles.Formats;
        var format = new Option<string>("--format") { Description = formats.Describe(), DefaultValueFactory = _ => formats[0].Name };
        format.AcceptOnlyFromAmong(formats.Names());
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write", Required = true };
        var isPublic = new Option<bool>("--public") { Description = "A public paper: exempt content left out, personal data refused" };

        var command = new Command("report", "Write the committee cover report for a review") { planId, review, format, output, isPublic };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
            var label = parse.GetValue(review)!.Trim();
            var reviews = await context.Reviews.AsNoTracking().Where(r => r.PlanId == parse.GetValue(planId)).ToListAsync(ct);
            var found = reviews.FirstOrDefault(r => r.Label.Equals(label, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException(reviews.Count == 0
                    ? $"There is no plan {parse.GetValue(planId)} with reviews."
                    : $"The plan has no review called \"{label}\". Its reviews are: {string.Join(", ", reviews.Select(r => $"\"{r.Label}\""))}.");

            var result = (await scope.ServiceProvider.GetRequiredService<CommitteeReports>().BuildAsync(found.Id, organisationId: null, parse.GetValue(isPublic), ct))!;
            if (!result.MayPublish)
            {
                var places = result.PersonalData.Select(flag => $"- {flag.Location}: \"{flag.Found}\" – {flag.Reason}").ToList();
                throw new CliException(CheckCommand.Refusal("The public report was not written", found.PlanId, found.Label, places), exitCode: 1);
            }

            var file = parse.GetValue(output)!;
            await using (var stream = file.Create())
            {
                formats.Find(parse.GetValue(format))!.Write(result.Report, stream);
            }

            Console.Out.WriteLine($"Wrote {file.FullName}");
            return 0;
        });

        return command;
    }
}
