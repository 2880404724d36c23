using Microsoft.EntityFrameworkCore;
using ServicePlan.Audit;
using ServicePlan.Database;
using ServicePlan.People;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.Import;

public sealed record ImportRequest
{
    public required string FileName { get; init; }
    public required Guid OrganisationId { get; init; }

    /// <summary>An organisation to create with the plan, in the same transaction, when the database has none yet.</summary>
    public Organisation? NewOrganisation { get; init; }
    public ImportOptions Options { get; init; } = new();

    /// <summary>The label of the review that holds the sheet's ratings and comments.</summary>
    public string ReviewLabel { get; init; } = "Imported";

    /// <summary>The date of the review the sheet records, when the person importing gives one: it wins over the sheet's own.</summary>
    public DateOnly? ReviewDate { get; init; }

    /// <summary>
    /// Import it even though the organisation already has a plan of the same title and year. The import page and the
    /// CLI set it false unless the person importing has seen the warning and said they mean a second plan, and such an
    /// import is then refused; code that imports on its own account (tests, tools) imports regardless.
    /// </summary>
    public bool AsAnotherPlan { get; init; } = true;
    public bool DryRun { get; init; }
    public string AuthorName { get; init; } = "Import";
    public string? AuthorUserId { get; init; }
}

/// <summary>What an import made, or would make with a dry run, and everything wrong with the file.</summary>
public sealed record ImportReport(
    Guid? PlanId,
    string? SheetName,
    string Title,
    FinancialYear? Period,
    int Sections,
    int Objectives,
    int Actions,
    RatingCounts Ratings,
    int Sources,
    IReadOnlyList<ImportIssue> Warnings,
    IReadOnlyList<ImportIssue> Errors,
    bool Unreadable)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The organisation's plan with the same title and year, when it already has one.</summary>
    public ExistingPlan? SamePlan { get; init; }

    /// <summary>The date the review holding the sheet's ratings gets, and where it came from.</summary>
    public DateOnly? ReviewDate { get; init; }

    public ReviewDateSource ReviewDateFrom { get; init; }

    /// <summary>
    /// Texts that look like a child's personal data, by row and column: warnings, not errors, so the import can still go
    /// ahead, and the public report checks them again before anything is printed.
    /// </summary>
    public IReadOnlyList<ImportIssue> PersonalData { get; init; } = [];

    /// <summary>A personal-data warning as one line, in the words the preview, the CLI and the forms share.</summary>
    public static string Describe(ImportIssue issue) => $"{Where(issue.Row, issue.Column)}: {issue.Message}";

    internal static string Where(int row, string column) => $"Row {row}, column '{column}'";

    public static ImportReport CannotRead(string message) =>
        new(null, null, "", null, 0, 0, 0, RatingCounts.Empty, 0, [], [new ImportIssue(0, "", message)], Unreadable: true);
}

/// <summary>A plan the organisation already has, that an import would repeat.</summary>
public sealed record ExistingPlan(Guid Id, string Title, FinancialYear Period, bool Archived)
{
    /// <summary>The warning the preview, the CLI and the refusal share.</summary>
    public string Warning => $"This organisation already has a plan called {Title} for {Period}{(Archived ? " (archived)" : "")}.";
}

public enum ReviewDateSource
{
    /// <summary>The sheet's "Date of this review".</summary>
    Sheet,

    /// <summary>Given by the person importing.</summary>
    Given,

    /// <summary>Neither said: the day of the import, with a warning.</summary>
    Today,
}

/// <summary>Which date the imported review gets: the one given, else the sheet's own, else today's (warned about).</summary>
public static class ImportReviewDate
{
    public static (DateOnly Date, ReviewDateSource From) Choose(DateOnly? given, DateOnly? sheet, DateOnly today) =>
        given is { } g ? (g, ReviewDateSource.Given)
        : sheet is { } s ? (s, ReviewDateSource.Sheet)
        : (today, ReviewDateSource.Today);

    public const string NoDateWarning = "The sheet gives no \"Date of this review\", so the review holding its ratings is dated today. Give the date of the review the sheet records to date it properly.";
}

/// <summary>
/// Brings a council's existing plan spreadsheet in as a plan. All or nothing: the file is read and checked in full
/// first, and the plan is written in one transaction, so an error anywhere leaves the database as it was.
/// </summary>
public sealed class PlanImporter(ServicePlanDbContext db, TimeProvider clock)
{
    public async Task<ImportReport> ImportAsync(Stream content, ImportRequest request, CancellationToken ct = default)
    {
        Workbook workbook;
        try
        {
            workbook = SpreadsheetReader.Read(content, request.FileName);
        }
        catch (SpreadsheetUnreadableException ex)
        {
            return ImportReport.CannotRead(ex.Message);
        }

        var parsed = PlanSheetParser.Parse(workbook, request.Options with { FallbackPeriod = FinancialYear.Containing(Today) });
        CheckLengths(parsed, request);
        var personalData = await PersonalDataAsync(parsed, request, ct);
        var (reviewDate, reviewDateFrom) = ImportReviewDate.Choose(request.ReviewDate, parsed.Header.ReviewDate, Today);
        var same = parsed.HasErrors ? null : await SamePlanAsync(request.OrganisationId, parsed.Header.Title, parsed.Header.Period, ct);
        if (same is not null && !request.AsAnotherPlan && !request.DryRun)
            parsed.Errors.Add(new ImportIssue(0, "", same.Warning + " Nothing was imported: import it again as another plan if that is what you mean."));
        ImportReport Answer(Guid? planId) => Report(parsed, planId) with { PersonalData = personalData, SamePlan = same, ReviewDate = reviewDate, ReviewDateFrom = reviewDateFrom };
        if (parsed.HasErrors || request.DryRun)
            return Answer(null);

        var planId = await WriteAsync(parsed, request with { ReviewDate = reviewDate }, ct);
        return Answer(planId);
    }

    /// <summary>
    /// The personal-data check over every text a row would store, with the names the new plan may carry: its people and
    /// owner, its service and sources, and the organisation's staff and sources, as the public report will allow them.
    /// Objectives have no edit form yet, so this is where their aims are checked as they come in.
    /// </summary>
    private async Task<IReadOnlyList<ImportIssue>> PersonalDataAsync(ParsedPlan parsed, ImportRequest request, CancellationToken ct)
    {
        var texts = new List<(int Row, string Column, string Text)>();
        foreach (var section in parsed.Sections)
        {
            texts.Add((section.Row, PlanColumn.Section.Name(), section.Title));
            foreach (var objective in section.Objectives)
            {
                texts.Add((objective.Row, PlanColumn.Why.Name(), objective.Aim));
                foreach (var action in objective.Actions)
                {
                    texts.Add((action.Row, PlanColumn.Who.Name(), action.Who));
                    texts.Add((action.Row, PlanColumn.DoesWhat.Name(), action.DoesWhat));
                    texts.Add((action.Row, PlanColumn.ByWhen.Name(), action.ByWhen));
                    texts.Add((action.Row, PlanColumn.Measure.Name(), action.Measure));
                    texts.Add((action.Row, PlanColumn.Experience.Name(), action.Experience));
                    texts.Add((action.Row, PlanColumn.Comments.Name(), action.Comment));
                }
            }
        }

        if (texts.Count == 0)
            return [];

        var organisation = await db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, ct)
            ? await Privacy.PublicNames.ForOrganisationAsync(db, request.OrganisationId, ct)
            : Privacy.KnownNames.None;
        var header = parsed.Header;
        var known = organisation with
        {
            People = organisation.People
                .Concat(parsed.People.SelectMany(p => new[] { p.Name, p.Initials }))
                .Append(CommitteeReport.Narratives.SplitOwner(header.Owner).Name)
                .Where(p => p.Length > 0).ToList(),
            Organisations = organisation.Organisations
                .Concat(parsed.Sources)
                .Append(header.Service ?? "")
                .Append(request.NewOrganisation?.Name ?? "")
                .Where(o => o.Length > 0).ToList(),
        };

        // Each text is named by its row and column, so each finding reads as the issue a person looks for in the sheet.
        var places = texts.Select(t => (t.Row, t.Column)).Distinct().ToDictionary(p => Where(p.Row, p.Column));
        var findings = Privacy.EntryCheck.Check(texts.Select(t => new Privacy.EnteredText(Where(t.Row, t.Column), t.Text)), known);
        return findings.Select(f => new ImportIssue(places[f.Field].Row, places[f.Field].Column, f.Message)).ToList();
    }

    private static string Where(int row, string column) => ImportReport.Where(row, column);

    /// <summary>The organisation's plan of this title (in any case) and year, archived or not; plans deleted are gone.</summary>
    private async Task<ExistingPlan?> SamePlanAsync(Guid organisationId, string title, FinancialYear period, CancellationToken ct)
    {
        // Without control characters: PostgreSQL refuses a NUL in a query's text, and no stored title holds one.
        var lowered = string.Concat(title.Where(c => !char.IsControl(c))).Trim().ToLowerInvariant();
        var found = await db.Plans.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.Period == period && p.Title.ToLower() == lowered)
            .Select(p => new { p.Id, p.Title, p.Period, p.ArchivedAtUtc })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new ExistingPlan(found.Id, found.Title, found.Period, found.ArchivedAtUtc is not null);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> WriteAsync(ParsedPlan parsed, ImportRequest request, CancellationToken ct)
    {
        var plan = new Plan { OrganisationId = request.OrganisationId, Title = "" };
        parsed.Header.ToPlanHeader().ApplyTo(plan);
        // A person whose name is exactly one account's name in the organisation is linked to it, so they can update their actions.
        var accounts = (await db.Users.AsNoTracking().Where(u => u.OrganisationId == request.OrganisationId).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .GroupBy(u => u.DisplayName.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
        // A person already linked in the organisation's other plans (last year's) keeps that link, the owner's own choice.
        var linked = await db.People.AsNoTracking()
            .Where(p => p.UserId != null && db.Plans.Any(other => other.Id == p.PlanId && other.OrganisationId == request.OrganisationId))
            .Select(p => new LinkedPerson(p.Name, p.Initials, p.UserId!))
            .ToListAsync(ct);
        foreach (var person in parsed.People)
        {
            var userId = PersonNames.AccountFor(new NamedPerson(person.Name, person.Initials, person.Role), linked) ?? accounts.GetValueOrDefault(person.Name.Trim());
            plan.People.Add(new PlanPerson { PlanId = plan.Id, Name = person.Name, Initials = person.Initials, Role = person.Role, UserId = userId });
        }

        // The sheet is a record of where the plan stood, so its ratings and comments are kept as a closed review.
        var now = clock.GetUtcNow().UtcDateTime;
        var review = new Review { PlanId = plan.Id, Label = request.ReviewLabel, Date = request.ReviewDate ?? Today, Status = ReviewStatus.Closed, ClosedAtUtc = now, WrittenByImport = true };
        plan.Reviews.Add(review);

        var (sources, newSources) = await SourcesAsync(request.OrganisationId, parsed.Sources, ct);
        var sections = new List<Section>();
        var objectives = new List<Objective>();
        var actions = new List<PlanAction>();
        var objectiveSources = new List<(Objective, Source)>();
        var order = 0;
        foreach (var (parsedSection, sectionIndex) in parsed.Sections.Select((s, i) => (s, i)))
        {
            var section = new Section { PlanId = plan.Id, Title = parsedSection.Title, Order = sectionIndex + 1 };
            sections.Add(section);
            foreach (var (parsedObjective, objectiveIndex) in parsedSection.Objectives.Select((o, i) => (o, i)))
            {
                var objective = new Objective { SectionId = section.Id, Aim = parsedObjective.Aim, Order = objectiveIndex + 1 };
                objectives.Add(objective);
                objectiveSources.AddRange(parsedObjective.Sources.Select(title => sources[title]).Distinct().Select(source => (objective, source)));
                foreach (var parsedAction in parsedObjective.Actions)
                    actions.Add(NewAction(plan, objective, parsedAction, ++order, review, request, now));
            }
        }

        // The imported review is closed, so its figures are written down with it, as closing any review does.
        var titles = sections.SelectMany(section => objectives.Where(o => o.SectionId == section.Id).Select(o => (o.Id, section.Title))).ToDictionary(p => p.Id, p => p.Title);
        var imported = new ReviewInHistory(review.Id, review.Label, review.Date, review.ClosedAtUtc);
        var snapshot = ReviewSnapshots.Take(plan.Id, imported, [imported], actions.Select(a => new ActionHistory(
            a.Id, a.Ref, titles[a.ObjectiveId], a.DoesWhat, a.DueKind, a.DueOn, a.CreatedAtUtc,
            a.Updates.Select(u => new UpdateInHistory(u.Id, u.ReviewId, u.RecordedAtUtc, u.Rating, u.Comment, u.IsExempt)).ToList())), now);

        // Written with multi-row inserts rather than tracked entities: a 10,000-action sheet is some 40,000 rows.
        var bulk = new BulkInsert(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (request.NewOrganisation is { } organisation)
            await bulk.RowsAsync([organisation], ct);
        await bulk.RowsAsync(newSources, ct);
        await bulk.RowsAsync([plan], ct);
        await bulk.RowsAsync(plan.People, ct);
        await bulk.RowsAsync(plan.Reviews, ct);
        await bulk.RowsAsync(sections, ct);
        await bulk.RowsAsync(objectives, ct);
        await bulk.LinksAsync("ObjectiveSources", objectiveSources, ct);
        await bulk.RowsAsync(actions, ct);
        await bulk.LinksAsync("ActionLeads", actions.SelectMany(a => a.Leads.Select(person => (a, person))).ToList(), ct);
        await bulk.RowsAsync(actions.SelectMany(a => a.Updates).ToList(), ct);
        await bulk.RowsAsync([snapshot], ct);
        await bulk.RowsAsync(snapshot.Actions, ct);

        // The rows above bypass the change tracker, so the audit trail gets one entry for the import as a whole.
        db.AuditEntries.Add(AuditEntry.ForPlanWrittenInBulk(
            plan, now, request.AuthorUserId, request.AuthorName, "Imported",
            $"{Count(sections.Count, "section")}, {Count(objectives.Count, "objective")}, {Count(actions.Count, "action")}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return plan.Id;
    }

    private static string Count(int count, string thing) => $"{count:N0} {thing}{(count == 1 ? "" : "s")}";

    private static PlanAction NewAction(Plan plan, Objective objective, ParsedAction parsed, int order, Review review, ImportRequest request, DateTime now)
    {
        var action = new PlanAction
        {
            PlanId = plan.Id,
            ObjectiveId = objective.Id,
            Ref = parsed.Ref,
            Order = order,
            LeadsText = parsed.Who,
            DoesWhat = parsed.DoesWhat,
            Measure = parsed.Measure,
            ChildrenExperience = parsed.Experience,
            CreatedAtUtc = now,
        };
        action.SetDue(parsed.ByWhen, plan.Period);
        action.Leads.AddRange(LeadMatcher.Match(parsed.Who, plan.People));
        if (parsed.Rating != Rating.None || parsed.Comment.Length > 0)
        {
            action.Updates.Add(new ProgressUpdate
            {
                ActionId = action.Id,
                ReviewId = review.Id,
                Rating = parsed.Rating,
                Comment = parsed.Comment,
                AuthorName = request.AuthorName,
                AuthorUserId = request.AuthorUserId,
                RecordedAtUtc = now,
            });
        }

        return action;
    }

    /// <summary>One source record per distinct source: reused when the organisation already has one of that title.</summary>
    private async Task<(Dictionary<string, Source> ByTitle, List<Source> New)> SourcesAsync(Guid organisationId, IReadOnlyList<string> titles, CancellationToken ct)
    {
        var existing = await db.Sources.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync(ct);
        var byTitle = new Dictionary<string, Source>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in existing)
            byTitle.TryAdd(source.Title, source);
        var added = new List<Source>();
        foreach (var title in titles)
        {
            if (!byTitle.ContainsKey(title))
            {
                var source = new Source { OrganisationId = organisationId, Title = title, Kind = SourceText.Classify(title) ?? SourceKind.Other };
                added.Add(source);
                byTitle[title] = source;
            }
        }

        return (byTitle, added);
    }

    private static ImportReport Report(ParsedPlan parsed, Guid? planId) => new(
        planId,
        parsed.SheetName,
        parsed.Header.Title,
        parsed.HasErrors && parsed.Sections.Count == 0 ? null : parsed.Header.Period,
        parsed.Sections.Count,
        parsed.ObjectiveCount,
        parsed.Actions.Count(),
        parsed.Ratings,
        parsed.Sources.Count,
        parsed.Warnings,
        parsed.Errors,
        Unreadable: false);

    /// <summary>
    /// Text longer than its column would be refused by PostgreSQL mid-write: each is reported with its row and column
    /// instead, against the lengths the EF model sets, so nothing is cut short and nothing half-written.
    /// </summary>
    private void CheckLengths(ParsedPlan parsed, ImportRequest request)
    {
        void Check<T>(string property, string? value, int row, string column, string what)
        {
            if (value is not null && db.Model.FindEntityType(typeof(T))?.FindProperty(property)?.GetMaxLength() is { } max && value.Length > max)
                parsed.Errors.Add(new ImportIssue(row, column, $"{what} is {value.Length:N0} characters long; it can be at most {max:N0}."));
        }

        var header = parsed.Header;
        Check<Plan>(nameof(Plan.Title), header.Title, 0, "", "The plan's title");
        Check<Plan>(nameof(Plan.Service), header.Service, 0, "", "The service name");
        Check<Plan>(nameof(Plan.Owner), header.Owner, 0, "", "The owner");
        Check<Plan>(nameof(Plan.MonitoringBoard), header.MonitoringBoard, 0, "", "The monitoring board");
        Check<Plan>(nameof(Plan.ReviewFrequency), header.ReviewFrequency, 0, "", "The review frequency");
        Check<Review>(nameof(Review.Label), request.ReviewLabel, 0, "", "The review label");
        foreach (var person in parsed.People)
        {
            Check<PlanPerson>(nameof(PlanPerson.Name), person.Name, 0, "", $"The name of person \"{Short(person.Name)}\"");
            Check<PlanPerson>(nameof(PlanPerson.Initials), person.Initials, 0, "", $"The initials of \"{Short(person.Name)}\"");
            Check<PlanPerson>(nameof(PlanPerson.Role), person.Role, 0, "", $"The role of \"{Short(person.Name)}\"");
        }

        foreach (var section in parsed.Sections)
            Check<Section>(nameof(Section.Title), section.Title, section.Row, "Section", "The section title");
        foreach (var action in parsed.Actions)
        {
            Check<PlanAction>(nameof(PlanAction.Ref), action.Ref, action.Row, PlanColumn.Ref.Name(), "The ref");
            Check<PlanAction>(nameof(PlanAction.LeadsText), action.Who, action.Row, PlanColumn.Who.Name(), "Who?");
            Check<PlanAction>(nameof(PlanAction.DueText), action.ByWhen, action.Row, PlanColumn.ByWhen.Name(), "By when?");
        }
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
