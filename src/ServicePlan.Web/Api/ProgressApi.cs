using Microsoft.EntityFrameworkCore;

namespace ServicePlan.Web.Api;

/// <summary>
/// <c>POST /api/actions/{actionId}/progress</c>: a script adds a progress update as the Add progress page does, with the
/// same permissions, the same field messages and the same personal-data warning, answered as a 422 problem listing
/// the findings until the request confirms them with a reason.
/// </summary>
public static class ProgressApi
{
    public const string FindingsProblemType = "https://serviceplan.example/problems/personal-data";

    public static void MapProgressApi(this RouteGroupBuilder api)
    {
        api.MapPost("/actions/{actionId:guid}/progress", AddAsync)
            .RequireAuthorization(Policies.AddProgress)
            .WithName("AddProgress")
            .WithTags("Progress")
            .WithSummary("Add a progress update (rating and comment) to an action")
            .Accepts<NewProgressJson>("application/json")
            .Produces<UpdateJson>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .Produces<PersonalDataProblemJson>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AddAsync(
        Guid actionId,
        NewProgressJson? body,
        ActionDetails details,
        ProgressRecording progress,
        EntryChecks checks,
        ServicePlanDbContext db,
        CurrentUser user,
        CancellationToken ct)
    {
        // Whose action, and whether the caller may update it, before anything about the body: another organisation's
        // action is not found, whatever was sent.
        var author = new ProgressAuthor(user.Id, user.DisplayName, user.Roles, user.OrganisationId);
        var detail = await details.FindAsync(actionId, user.OrganisationId, ct);
        if (detail is null)
            return Results.NotFound();
        if (!await progress.MayAddAsync(actionId, author, ct))
            return Results.Forbid();

        body ??= new NewProgressJson(null, null, false, null);
        var errors = ProgressEntry.Validate(body.Rating, body.Comment, out var rating)
            .GroupBy(p => p.Field == ProgressEntry.Field.Rating ? "rating" : "comment")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        if (body.Confirm && string.IsNullOrWhiteSpace(body.Reason))
            errors["reason"] = [EntryCheck.ReasonMissing];
        else if (body.Reason?.Trim().Length > FieldLengths.PersonalDataReason)
            errors["reason"] = [EntryCheck.ReasonTooLong];
        if (detail.Plan.ReadOnlyBecause is { } readOnly)
            errors["comment"] = [$"{readOnly}, so its progress can no longer be updated"];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var findings = await checks.ForPlanAsync(detail.Plan.Id, [new(ProgressEntry.CommentField, body.Comment)], ct);
        if (!EntryCheck.MaySave(findings, body.Confirm, body.Reason, out _))
            return Results.Json(PersonalDataProblemJson.From(findings), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: "application/problem+json");
        if (findings.Count > 0)
            checks.Confirm(findings, body.Reason!, new EntryAuthor(user.Id, user.DisplayName, user.OrganisationId), EntryChecks.PlaceOfAction(detail.Action.Ref), detail.Plan.Id, actionId);

        var result = await progress.AddAsync(actionId, author, new NewProgressUpdate(rating, body.Comment!), ct);
        if (result != ProgressResult.Saved)
        {
            checks.Forget();
            return result switch
            {
                ProgressResult.NotAllowed => Results.Forbid(),
                ProgressResult.PlanClosed => Results.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = [$"{detail.Plan.ReadOnlyBecause ?? "This plan is closed"}, so its progress can no longer be updated"] }),
                _ => Results.NotFound(),
            };
        }

        // The caller's newest update to this action is the one just saved.
        var saved = await db.ProgressUpdates.AsNoTracking().Include(u => u.Review)
            .Where(u => u.ActionId == actionId && u.AuthorUserId == user.Id)
            .OrderByDescending(u => u.RecordedAtUtc).ThenByDescending(u => u.Id)
            .FirstAsync(ct);
        return Results.Created($"/api/actions/{actionId}", new UpdateJson(saved.Id, saved.Rating.Name(), saved.Comment, saved.AuthorName, saved.RecordedAtUtc, saved.Review?.Label, null));
    }
}

/// <param name="Rating">Blue, Red, Amber or Green, as written.</param>
/// <param name="Comment">The comment on progress.</param>
/// <param name="Confirm">True to save the comment as written although the personal-data check found something in it.</param>
/// <param name="Reason">Why it may be saved as written: needed with <paramref name="Confirm"/>, and recorded with who and when.</param>
public sealed record NewProgressJson(string? Rating, string? Comment, bool Confirm, string? Reason);

/// <param name="Field">The field in users' words ("Comment on progress").</param>
/// <param name="Text">The words found.</param>
/// <param name="Kind">What they look like: PersonalName, CaseNumber, Initials, DateOfBirth, Address, PhoneNumber or EmailAddress.</param>
/// <param name="Message">Why, in the same words as the page, the import preview and the CLI.</param>
public sealed record FindingJson(string Field, string Text, string Kind, string Message);

/// <summary>An RFC 9457 problem: the personal-data check found something, and nothing was saved.</summary>
public sealed record PersonalDataProblemJson(string Type, string Title, int Status, string Detail, IReadOnlyList<FindingJson> Findings)
{
    public static PersonalDataProblemJson From(IReadOnlyList<EntryFinding> findings) => new(
        ProgressApi.FindingsProblemType,
        "This may include a child's personal data",
        StatusCodes.Status422UnprocessableEntity,
        "Nothing was saved. Change the text, or send it again with \"confirm\": true and a \"reason\" to save it as written.",
        findings.Select(f => new FindingJson(f.Field, f.Found, f.Kind.ToString(), f.Message)).ToList());
}
