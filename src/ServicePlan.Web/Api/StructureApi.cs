using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Api;

/// <summary>
/// The plan's structure through the API, as the "Change the plan's structure" pages change it and with the same
/// permissions (plan owners and admins): sections, objectives and actions added, changed and removed.
/// </summary>
/// <remarks>
/// Changes and removals are conditional: send the <c>ETag</c> that the GET of the record returned as <c>If-Match</c>.
/// Without it the answer is 428 (Precondition Required); with an out-of-date one it is 412 (Precondition Failed) and
/// nothing is written. Sections and objectives are named by their text in action bodies, as a spreadsheet row names them.
/// </remarks>
public static class StructureApi
{
    public static void MapStructureApi(this RouteGroupBuilder api)
    {
        var edit = api.MapGroup("").RequireAuthorization(Policies.EditPlan).WithTags("Plan structure");

        edit.MapGet("/plans/{planId:guid}/sections", ListSectionsAsync).WithName("ListSections")
            .WithSummary("The plan's sections, in order").Produces<IReadOnlyList<SectionItemJson>>().Produces(StatusCodes.Status404NotFound);
        edit.MapGet("/plans/{planId:guid}/sections/{sectionId:guid}", GetSectionAsync).WithName("GetSection")
            .WithSummary("One section; its ETag is for If-Match").Produces<SectionItemJson>().Produces(StatusCodes.Status404NotFound);
        edit.MapPost("/plans/{planId:guid}/sections", AddSectionAsync).WithName("AddSection")
            .WithSummary("Add a section at the end of the plan").Accepts<SectionBodyJson>("application/json")
            .Produces<SectionItemJson>(StatusCodes.Status201Created).ProducesRefusals();
        edit.MapPatch("/plans/{planId:guid}/sections/{sectionId:guid}", RenameSectionAsync).WithName("ChangeSection")
            .WithSummary("Rename a section (If-Match required)").Accepts<SectionBodyJson>("application/json")
            .Produces<SectionItemJson>().ProducesRefusals().ProducesPreconditionProblems();
        edit.MapDelete("/plans/{planId:guid}/sections/{sectionId:guid}", RemoveSectionAsync).WithName("RemoveSection")
            .WithSummary("Remove a section with its objectives and actions; kept in the plan's removed list (If-Match required)")
            .ProducesRemoval();

        edit.MapGet("/plans/{planId:guid}/objectives", ListObjectivesAsync).WithName("ListObjectives")
            .WithSummary("The plan's objectives, in order").Produces<IReadOnlyList<ObjectiveItemJson>>().Produces(StatusCodes.Status404NotFound);
        edit.MapGet("/plans/{planId:guid}/objectives/{objectiveId:guid}", GetObjectiveAsync).WithName("GetObjective")
            .WithSummary("One objective; its ETag is for If-Match").Produces<ObjectiveItemJson>().Produces(StatusCodes.Status404NotFound);
        edit.MapPost("/plans/{planId:guid}/objectives", AddObjectiveAsync).WithName("AddObjective")
            .WithSummary("Add an objective to the section named (made when new)").Accepts<ObjectiveBodyJson>("application/json")
            .Produces<ObjectiveItemJson>(StatusCodes.Status201Created).ProducesRefusals();
        edit.MapPatch("/plans/{planId:guid}/objectives/{objectiveId:guid}", ChangeObjectiveAsync).WithName("ChangeObjective")
            .WithSummary("Change an objective's Why? or move it to another section (If-Match required)").Accepts<ObjectiveBodyJson>("application/json")
            .Produces<ObjectiveItemJson>().ProducesRefusals().ProducesPreconditionProblems();
        edit.MapDelete("/plans/{planId:guid}/objectives/{objectiveId:guid}", RemoveObjectiveAsync).WithName("RemoveObjective")
            .WithSummary("Remove an objective with its actions; kept in the plan's removed list (If-Match required)")
            .ProducesRemoval();

        edit.MapPost("/plans/{planId:guid}/actions", AddActionAsync).WithName("AddAction")
            .WithSummary("Add an action; its section and objective are named by their text and made when new").Accepts<ActionBodyJson>("application/json")
            .Produces<ActionJson>(StatusCodes.Status201Created).ProducesRefusals();
        edit.MapPatch("/actions/{actionId:guid}", ChangeActionAsync).WithName("ChangeAction")
            .WithSummary("Change an action's fields, or move it by naming another section or objective (If-Match required)").Accepts<ActionBodyJson>("application/json")
            .Produces<ActionJson>().ProducesRefusals().ProducesPreconditionProblems();
        edit.MapDelete("/actions/{actionId:guid}", RemoveActionAsync).WithName("RemoveAction")
            .WithSummary("Remove an action; kept in the plan's removed list (If-Match required)")
            .ProducesRemoval();
    }

    /// <summary>What an addition or change may answer instead: bad fields, a personal-data finding, not found, or not as the plan stands.</summary>
    private static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .Produces<PersonalDataProblemJson>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>A conditional request's answers: If-Match out of date (412) or missing (428).</summary>
    internal static RouteHandlerBuilder ProducesPreconditionProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static RouteHandlerBuilder ProducesRemoval(this RouteHandlerBuilder endpoint) => endpoint
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesPreconditionProblems();

    /// <summary>The ETag of a record at a version: a strong tag of the version number.</summary>
    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    // Sections

    private static async Task<IResult> ListSectionsAsync(Guid planId, PlanStructure structure, CurrentUser user, CancellationToken ct) =>
        await structure.OutlineAsync(planId, user.OrganisationId, ct) is { } outline
            ? Results.Ok(outline.Sections.Select(SectionItemJson.From).ToList())
            : Results.NotFound();

    private static async Task<IResult> GetSectionAsync(Guid planId, Guid sectionId, PlanStructure structure, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if ((await structure.OutlineAsync(planId, user.OrganisationId, ct))?.Sections.FirstOrDefault(s => s.Id == sectionId) is not { } section)
            return Results.NotFound();
        http.Response.Headers.ETag = ETag(section.Version);
        return Results.Ok(SectionItemJson.From(section));
    }

    private static async Task<IResult> AddSectionAsync(Guid planId, SectionBodyJson? body, PlanStructure structure, EntryChecks checks, CurrentUser user, CancellationToken ct)
    {
        if (await PersonalDataAsync(checks, planId, [new(PlanColumn.Section.Name(), body?.Title)], body?.Confirm, body?.Reason, "Section", user, ct) is { } problem)
            return problem;
        var result = await structure.AddSectionAsync(planId, user.OrganisationId, body?.Title, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return await AnswerAsync(result, async done =>
        {
            var section = (await structure.OutlineAsync(planId, user.OrganisationId, ct))!.Sections.Single(s => s.Id == done.Id);
            return Results.Created($"/api/plans/{planId}/sections/{section.Id}", SectionItemJson.From(section));
        });
    }

    private static async Task<IResult> RenameSectionAsync(
        Guid planId, Guid sectionId, SectionBodyJson? body, PlanStructure structure, EntryChecks checks, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if ((await structure.OutlineAsync(planId, user.OrganisationId, ct))?.Sections.Any(s => s.Id == sectionId) != true)
            return Results.NotFound();
        if (IfMatch(http) is not { } version)
            return PreconditionRequired();
        if (await PersonalDataAsync(checks, planId, [new(PlanColumn.Section.Name(), body?.Title)], body?.Confirm, body?.Reason, "Section", user, ct) is { } problem)
            return problem;
        var result = await structure.RenameSectionAsync(sectionId, user.OrganisationId, version, body?.Title, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return await AnswerAsync(result, async done =>
        {
            var section = (await structure.OutlineAsync(planId, user.OrganisationId, ct))!.Sections.Single(s => s.Id == done.Id);
            http.Response.Headers.ETag = ETag(section.Version);
            return Results.Ok(SectionItemJson.From(section));
        });
    }

    private static async Task<IResult> RemoveSectionAsync(Guid planId, Guid sectionId, PlanStructure structure, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if ((await structure.OutlineAsync(planId, user.OrganisationId, ct))?.Sections.Any(s => s.Id == sectionId) != true)
            return Results.NotFound();
        if (IfMatch(http) is not { } version)
            return PreconditionRequired();
        return await AnswerAsync(await structure.RemoveSectionAsync(sectionId, user.OrganisationId, version, ct), _ => Task.FromResult(Results.NoContent()));
    }

    // Objectives

    private static async Task<IResult> ListObjectivesAsync(Guid planId, PlanStructure structure, CurrentUser user, CancellationToken ct) =>
        await structure.OutlineAsync(planId, user.OrganisationId, ct) is { } outline
            ? Results.Ok(outline.Sections.SelectMany(s => s.Objectives.Select(o => ObjectiveItemJson.From(o, s))).ToList())
            : Results.NotFound();

    private static async Task<IResult> GetObjectiveAsync(Guid planId, Guid objectiveId, PlanStructure structure, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await FindObjectiveAsync(structure, planId, objectiveId, user, ct) is not { } found)
            return Results.NotFound();
        http.Response.Headers.ETag = ETag(found.Version);
        return Results.Ok(found);
    }

    private static async Task<IResult> AddObjectiveAsync(Guid planId, ObjectiveBodyJson? body, PlanStructure structure, EntryChecks checks, CurrentUser user, CancellationToken ct)
    {
        EnteredText[] texts = [new(PlanColumn.Section.Name(), body?.Section), new(PlanColumn.Why.Name(), body?.Why)];
        if (await PersonalDataAsync(checks, planId, texts, body?.Confirm, body?.Reason, "Objective", user, ct) is { } problem)
            return problem;
        var result = await structure.AddObjectiveByNamesAsync(planId, user.OrganisationId, body?.Section, body?.Why, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return await AnswerAsync(result, async done =>
            Results.Created($"/api/plans/{planId}/objectives/{done.Id}", await FindObjectiveAsync(structure, planId, done.Id, user, ct)));
    }

    private static async Task<IResult> ChangeObjectiveAsync(
        Guid planId, Guid objectiveId, ObjectiveBodyJson? body, PlanStructure structure, EntryChecks checks, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await structure.OutlineAsync(planId, user.OrganisationId, ct) is not { } outline || outline.Objectives.FirstOrDefault(o => o.Id == objectiveId) is not { } objective)
            return Results.NotFound();
        if (IfMatch(http) is not { } version)
            return PreconditionRequired();
        Guid? sectionId = null;
        if (body?.Section is { } title)
        {
            if (outline.Sections.FirstOrDefault(s => StructureRules.RefKey(s.Title) == StructureRules.RefKey(title)) is not { } section)
                return Results.ValidationProblem(new Dictionary<string, string[]> { [StructureField.Section] = [$"The plan has no section called '{title.Trim()}'"] });
            sectionId = section.Id;
        }

        EnteredText[] changed = body?.Why is { } why && why.Trim() != objective.Aim.Trim() ? [new(PlanColumn.Why.Name(), why)] : [];
        if (await PersonalDataAsync(checks, planId, changed, body?.Confirm, body?.Reason, "Objective", user, ct) is { } problem)
            return problem;
        var result = await structure.EditObjectiveAsync(objectiveId, user.OrganisationId, version, body?.Why ?? objective.Aim, null, sectionId, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return await AnswerAsync(result, async done =>
        {
            var changed = await FindObjectiveAsync(structure, planId, done.Id, user, ct);
            http.Response.Headers.ETag = ETag(changed!.Version);
            return Results.Ok(changed);
        });
    }

    private static async Task<IResult> RemoveObjectiveAsync(Guid planId, Guid objectiveId, PlanStructure structure, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await FindObjectiveAsync(structure, planId, objectiveId, user, ct) is null)
            return Results.NotFound();
        if (IfMatch(http) is not { } version)
            return PreconditionRequired();
        return await AnswerAsync(await structure.RemoveObjectiveAsync(objectiveId, user.OrganisationId, version, ct), _ => Task.FromResult(Results.NoContent()));
    }

    private static async Task<ObjectiveItemJson?> FindObjectiveAsync(PlanStructure structure, Guid planId, Guid objectiveId, CurrentUser user, CancellationToken ct)
    {
        var outline = await structure.OutlineAsync(planId, user.OrganisationId, ct);
        var section = outline?.Sections.FirstOrDefault(s => s.Objectives.Any(o => o.Id == objectiveId));
        return section is null ? null : ObjectiveItemJson.From(section.Objectives.Single(o => o.Id == objectiveId), section);
    }

    // Actions

    private static async Task<IResult> AddActionAsync(
        Guid planId, ActionBodyJson? body, PlanStructure structure, ActionDetails details, ActionQueries queries, EntryChecks checks, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        body ??= new ActionBodyJson();
        if (await PersonalDataAsync(checks, planId, Texts(body), body.Confirm, body.Reason, EntryChecks.PlaceOfAction(body.Ref), user, ct) is { } problem)
            return problem;
        var leads = body.Leads ?? [];
        var fields = new ActionChanges(
            0, body.Ref ?? "", body.Who ?? string.Join(" & ", leads.Select(l => l.Trim()).Where(l => l.Length > 0)), [], body.Action ?? "", body.Due ?? "",
            body.Measure ?? "", body.Impact ?? "", body.RetainedForOversight ?? false, body.ExemptParagraph is not null, body.ExemptParagraph);
        var result = await structure.AddActionByNamesAsync(planId, user.OrganisationId, body.Section, body.Objective, new NewAction(fields, leads), ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return await AnswerAsync(result, async done =>
        {
            var (json, version) = await ActionAsync(done.Id, details, queries, user, ct);
            http.Response.Headers.ETag = ETag(version);
            return Results.Created($"/api/actions/{done.Id}", json);
        });
    }

    private static async Task<IResult> ChangeActionAsync(
        Guid actionId, ActionBodyJson? body, PlanStructure structure, ActionDetails details, ActionQueries queries, EntryChecks checks, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await details.FindAsync(actionId, user.OrganisationId, ct) is not { } detail)
            return Results.NotFound();
        if (IfMatch(http) is not { } version)
            return PreconditionRequired();
        body ??= new ActionBodyJson();
        var a = detail.Action;
        var leads = body.Leads;
        var who = body.Who ?? (leads is null ? a.LeadsText : string.Join(" & ", leads.Select(l => l.Trim()).Where(l => l.Length > 0)));
        var fields = new ActionChanges(
            version, body.Ref ?? a.Ref, who, leads is null ? a.Leads.Select(p => p.Id).ToList() : [], body.Action ?? a.DoesWhat, body.Due ?? a.DueText,
            body.Measure ?? a.Measure, body.Impact ?? a.ChildrenExperience, body.RetainedForOversight ?? a.RetainedForOversight,
            body.ExemptParagraph is null ? a.IsExempt : body.ExemptParagraph.Length > 0,
            body.ExemptParagraph is null ? a.ExemptParagraph : body.ExemptParagraph.Length > 0 ? body.ExemptParagraph : null);
        if (await PersonalDataAsync(checks, detail.Plan.Id, Texts(body), body.Confirm, body.Reason, EntryChecks.PlaceOfAction(fields.Ref), user, ct) is { } problem)
            return problem;
        var result = await structure.UpdateActionAsync(actionId, user.OrganisationId, version, new NewAction(fields, leads), body.Section, body.Objective, ct);
        if (result is not StructureResult.Done)
            checks.Forget();
        return await AnswerAsync(result, async done =>
        {
            var (json, newVersion) = await ActionAsync(done.Id, details, queries, user, ct);
            http.Response.Headers.ETag = ETag(newVersion);
            return Results.Ok(json);
        });
    }

    private static async Task<IResult> RemoveActionAsync(Guid actionId, PlanStructure structure, ActionDetails details, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (await details.FindAsync(actionId, user.OrganisationId, ct) is null)
            return Results.NotFound();
        if (IfMatch(http) is not { } version)
            return PreconditionRequired();
        return await AnswerAsync(await structure.RemoveActionAsync(actionId, user.OrganisationId, version, ct), _ => Task.FromResult(Results.NoContent()));
    }

    /// <summary>
    /// The texts a body sends, by the plan's column names; those left out are not checked again. Leads are not among them:
    /// they name the council's own staff, who become the plan's people, as the importer treats a sheet's people.
    /// </summary>
    private static EnteredText[] Texts(ActionBodyJson body) =>
    [
        new(PlanColumn.Section.Name(), body.Section),
        new(PlanColumn.Why.Name(), body.Objective),
        new(PlanColumn.Ref.Name(), body.Ref),
        new(PlanColumn.Who.Name(), body.Who),
        new(PlanColumn.DoesWhat.Name(), body.Action),
        new(PlanColumn.ByWhen.Name(), body.Due),
        new(PlanColumn.Measure.Name(), body.Measure),
        new(PlanColumn.Experience.Name(), body.Impact),
    ];

    /// <summary>The action as the action list's API gives it, with exempt content withheld from readers who may not see it.</summary>
    private static async Task<(ActionJson Json, int Version)> ActionAsync(Guid actionId, ActionDetails details, ActionQueries queries, CurrentUser user, CancellationToken ct)
    {
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct) ?? throw new InvalidOperationException("The action has gone.");
        var a = detail.Action;
        var latest = a.Updates.FirstOrDefault();
        var rating = latest?.Rating ?? Rating.None;
        var row = new ActionRow(
            a.Id, a.Ref, detail.Section.Id, detail.Section.Title, detail.Objective.Id, detail.Objective.Aim, a.LeadsText, a.DoesWhat, a.DueText, a.DueKind,
            a.DueOn, a.Measure, a.ChildrenExperience, a.RetainedForOversight, a.IsExempt, rating, latest?.Comment, latest?.IsExempt ?? false,
            latest?.RecordedAtUtc, DueDate.IsOverdue(a.DueKind, a.DueOn, queries.Today, rating == Rating.Blue), a.ExemptParagraph, latest?.ExemptParagraph);
        return (ActionJson.From(await user.MaySeeExemptAsync(ct) ? row : ExemptContent.Withhold(row)), a.Version);
    }

    // Answers

    /// <summary>
    /// The personal-data check, as on the forms and the progress API: null when the texts may be saved (nothing found, or
    /// confirmed with a reason, recorded with the save); otherwise the 400 or 422 problem to answer, with nothing saved.
    /// </summary>
    private static async Task<IResult?> PersonalDataAsync(
        EntryChecks checks, Guid planId, IEnumerable<EnteredText> texts, bool? confirm, string? reason, string where, CurrentUser user, CancellationToken ct)
    {
        if (confirm == true && string.IsNullOrWhiteSpace(reason))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [EntryCheck.ReasonMissing] });
        if (reason?.Trim().Length > FieldLengths.PersonalDataReason)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [EntryCheck.ReasonTooLong] });
        var findings = await checks.ForPlanAsync(planId, texts, ct);
        if (!EntryCheck.MaySave(findings, confirm == true, reason, out _))
            return Results.Json(PersonalDataProblemJson.From(findings), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
        if (findings.Count > 0)
            checks.Confirm(findings, reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), where, planId);
        return null;
    }

    private static int? IfMatch(HttpContext http) => ApiProblems.IfMatch(http);

    private static IResult PreconditionRequired() =>
        ApiProblems.PreconditionRequired("Send the ETag from the record's GET as If-Match, so that a change made by someone else since is never overwritten.");

    private static async Task<IResult> AnswerAsync(StructureResult result, Func<StructureResult.Done, Task<IResult>> done) => result switch
    {
        StructureResult.Done ok => await done(ok),
        StructureResult.Invalid invalid => Results.ValidationProblem(invalid.Problems.ToDictionary(p => p.Key, p => new[] { p.Value })),
        StructureResult.Stale stale => ApiProblems.Stale(stale.Message),
        StructureResult.Refused refused => ApiProblems.Conflict(refused.Message),
        StructureResult.PlanClosed => ApiProblems.Conflict("This plan has been rolled over and closed, or archived, so it can no longer be changed"),
        _ => ApiProblems.NotFound("There is no such part of this plan."),
    };
}

/// <param name="Title">The section's title.</param>
/// <param name="Confirm">True to save the words as written although the personal-data check found something in them.</param>
/// <param name="Reason">Why they may be saved as written: needed with <paramref name="Confirm"/>, and recorded with who and when.</param>
public sealed record SectionBodyJson(string? Title, bool? Confirm = null, string? Reason = null);

public sealed record SectionItemJson(Guid Id, string Title, int Order, int Objectives, int Actions, int Version)
{
    public static SectionItemJson From(StructureSection s) => new(s.Id, s.Title, s.Order, s.Objectives.Count, s.Objectives.Sum(o => o.Actions.Count), s.Version);
}

/// <param name="Section">The title of the section it is in; adding to a section not yet in the plan makes it.</param>
/// <param name="Why">The objective's specific aim.</param>
/// <param name="Confirm">True to save the words as written although the personal-data check found something in them.</param>
/// <param name="Reason">Why they may be saved as written: needed with <paramref name="Confirm"/>, and recorded with who and when.</param>
public sealed record ObjectiveBodyJson(string? Section, string? Why, bool? Confirm = null, string? Reason = null);

public sealed record ObjectiveItemJson(Guid Id, Guid SectionId, string Section, string Why, int Order, IReadOnlyList<string> Sources, int Actions, int Version)
{
    public static ObjectiveItemJson From(StructureObjective o, StructureSection s) =>
        new(o.Id, s.Id, s.Title, o.Aim, o.Order, o.Sources.Select(x => x.Title).ToList(), o.Actions.Count, o.Version);
}

/// <summary>An action to add, or the fields to change (those left out keep their value).</summary>
/// <param name="Section">The section's title; made when the plan has no such section.</param>
/// <param name="Objective">The objective's "Why?"; made in the section when it has no such objective.</param>
/// <param name="Ref">Unique in the plan (case and spaces ignored).</param>
/// <param name="Action">"Does what?"</param>
/// <param name="Leads">Who leads it, by name or initials as the plan's people are known; a name not among them is added to them.</param>
/// <param name="Who">"Who?" as the plan writes it; by default the leads joined with " &amp; ".</param>
/// <param name="Due">"By when?" as written: "Oct-24", "June and March 2025", "on-going".</param>
/// <param name="Measure">"How will we know it has been done?"</param>
/// <param name="Impact">"What will be the experience of children?"</param>
/// <param name="RetainedForOversight">Completed, but kept in the plan so that a dip can be seen.</param>
/// <param name="ExemptParagraph">The paragraph of Schedule 12A ("1" to "7") that makes the action exempt; "" to make it not exempt.</param>
/// <param name="Confirm">True to save the words as written although the personal-data check found something in them (422 until then).</param>
/// <param name="Reason">Why they may be saved as written: needed with <paramref name="Confirm"/>, and recorded with who and when.</param>
public sealed record ActionBodyJson(
    string? Section = null,
    string? Objective = null,
    string? Ref = null,
    string? Action = null,
    IReadOnlyList<string>? Leads = null,
    string? Who = null,
    string? Due = null,
    string? Measure = null,
    string? Impact = null,
    bool? RetainedForOversight = null,
    string? ExemptParagraph = null,
    bool? Confirm = null,
    string? Reason = null);
