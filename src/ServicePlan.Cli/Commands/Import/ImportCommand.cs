using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.Import;
using ServicePlan.Plans;
using ServicePlan.Users;
using Spectre.Console;

namespace ServicePlan.Cli.Commands.Import;

/// <summary>
/// `serviceplan import file [--title] [--period] [--sheet] [--review] [--dry-run] [--json]`: brings a plan spreadsheet in.
/// Exit 0 imported (or importable, with --dry-run), 1 the file has errors and nothing was written, 2 it cannot be read at all.
/// </summary>
public static class ImportCommand
{
    public static Command Create(Option<string?> db)
    {
        var file = new Argument<FileInfo>("file") { Description = "The plan: .xlsx, .csv or .tsv" };
        var title = new Option<string?>("--title") { Description = "The plan's title, when the sheet's is not the one wanted" };
        var period = new Option<string?>("--period") { Description = "The financial year, e.g. 2024-25, when the sheet does not say" };
        var sheet = new Option<string?>("--sheet") { Description = "The sheet to read, when the workbook has several" };
        var review = new Option<string>("--review") { Description = "The label of the review that keeps the sheet's ratings and comments", DefaultValueFactory = _ => "Imported" };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation the plan belongs to; needed only when there are several" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would be imported, without importing it" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var reviewDate = new Option<string?>("--review-date") { Description = "The date of the review the sheet records, like 2024-10-15, when the sheet's \"Date of this review\" is missing or wrong" };
        var asAnother = new Option<bool>("--as-another-plan") { Description = "Import it although the organisation already has a plan of the same title and year" };

        var command = new Command("import", "Import a plan from a spreadsheet (all or nothing)") { file, title, period, sheet, review, reviewDate, organisation, asAnother, dryRun, json };
        command.SetAction(async (parse, ct) =>
        {
            FinancialYear? year = null;
            if (parse.GetValue(period) is { } periodText)
            {
                if (!FinancialYear.TryParse(periodText, out var parsedYear))
                    throw new CliException($"\"{periodText}\" is not a financial year: write it like 2024-25.");
                year = parsedYear;
            }

            DateOnly? givenDate = null;
            if (parse.GetValue(reviewDate) is { } dateText)
            {
                if (!DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                    throw new CliException($"\"{dateText}\" is not a date: write it like 2024-10-15.");
                givenDate = date;
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliException($"There is no file {path.FullName}.");

            await using var services = await CliDatabase.OpenAsync(parse.GetValue(db), ct);
            await using var scope = services.CreateAsyncScope();
            var dbContext = scope.ServiceProvider.GetRequiredService<ServicePlanDbContext>();
            ServicePlan.Users.Organisation org;
            try
            {
                // Not saved here: a new organisation is written with the plan, so a dry run or a refused file leaves no trace.
                org = await OrganisationChoice.ResolveAsync(dbContext, parse.GetValue(organisation), ct, save: false);
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ex.Message);
            }

            var request = new ImportRequest
            {
                FileName = path.Name,
                OrganisationId = org.Id,
                NewOrganisation = await dbContext.Organisations.AnyAsync(o => o.Id == org.Id, ct) ? null : org,
                ReviewLabel = parse.GetValue(review)!,
                DryRun = parse.GetValue(dryRun),
                ReviewDate = givenDate,
                AsAnotherPlan = parse.GetValue(asAnother),
                Options = new ImportOptions
                {
                    Title = parse.GetValue(title),
                    Period = year,
                    SheetName = parse.GetValue(sheet),
                    FallbackTitle = Path.GetFileNameWithoutExtension(path.Name),
                },
            };

            ImportReport report;
            await using (var content = path.OpenRead())
                report = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(content, request, ct);

            if (parse.GetValue(json))
                Console.Out.WriteLine(ToJson(report));
            else
                Describe(report, request.DryRun);

            if (report.SamePlan is { } same)
            {
                Console.Error.WriteLine(
                    request.DryRun ? $"Warning: {same.Warning} Importing it will be refused unless --as-another-plan is given."
                    : request.AsAnotherPlan ? $"Warning: {same.Warning} Imported as another plan, as --as-another-plan asked."
                    : $"{same.Warning} Nothing was imported: give --as-another-plan to import it as another plan.");
            }
            if (report.Succeeded && report.ReviewDateFrom == ReviewDateSource.Today)
                Console.Error.WriteLine("Warning: the sheet gives no \"Date of this review\", so the review holding its ratings is dated today; give the date with --review-date.");

            // Warnings, not errors: the import goes ahead, and the public report checks the texts again.
            foreach (var issue in report.PersonalData)
                Console.Error.WriteLine($"Warning: {ImportReport.Describe(issue)}");

            return report.Unreadable ? 2 : report.Succeeded ? 0 : 1;
        });

        return command;
    }

    public static string ToJson(ImportReport report)
    {
        object Issue(ImportIssue i) => new { row = i.Row, column = i.Column, message = i.Message };
        return JsonSerializer.Serialize(
            new
            {
                planId = report.PlanId,
                sheet = report.SheetName,
                title = report.Title,
                period = report.Period?.ToString(),
                sections = report.Sections,
                objectives = report.Objectives,
                actions = report.Actions,
                ratings = new { blue = report.Ratings.Blue, red = report.Ratings.Red, amber = report.Ratings.Amber, green = report.Ratings.Green, unrated = report.Ratings.Unrated },
                sources = report.Sources,
                reviewDate = report.ReviewDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                reviewDateFrom = report.ReviewDateFrom.ToString().ToLowerInvariant(),
                samePlan = report.SamePlan is { } same ? new { id = same.Id, title = same.Title, period = same.Period.ToString(), archived = same.Archived } : null,
                warnings = report.Warnings.Select(Issue),
                errors = report.Errors.Select(Issue),
                personalData = report.PersonalData.Select(Issue),
            },
            new JsonSerializerOptions { WriteIndented = true });
    }

    private static void Describe(ImportReport report, bool dryRun)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
            console.Profile.Width = 240;

        if (report.Succeeded)
        {
            var verb = dryRun ? "Would import" : "Imported";
            console.MarkupLine($"{verb} [bold]{Markup.Escape(report.Title)}[/] ({report.Period}) from sheet \"{Markup.Escape(report.SheetName ?? "")}\": " +
                $"{report.Sections} sections, {report.Objectives} objectives, {report.Actions} actions " +
                $"({report.Ratings.Blue} blue, {report.Ratings.Red} red, {report.Ratings.Amber} amber, {report.Ratings.Green} green, {report.Ratings.Unrated} not rated), {report.Sources} sources.");
            if (report.PlanId is { } id)
                console.MarkupLine($"Plan id: {id}");
        }
        else
        {
            console.MarkupLine(report.Unreadable ? "[red]The file cannot be read.[/]" : $"[red]The file has {report.Errors.Count} error(s): nothing was imported.[/]");
        }

        Issues(console, "Errors", report.Errors);
        Issues(console, "Warnings", report.Warnings);
    }

    private static void Issues(IAnsiConsole console, string title, IReadOnlyList<ImportIssue> issues)
    {
        if (issues.Count == 0)
            return;
        var table = new Table().Title(title).AddColumns("Row", "Column", "Message");
        foreach (var issue in issues)
            table.AddRow(issue.Row == 0 ? "" : issue.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(issue.Column), Markup.Escape(issue.Message));
        console.Write(table);
    }
}
