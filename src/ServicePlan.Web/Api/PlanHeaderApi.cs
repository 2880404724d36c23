using Microsoft.AspNetCore.Http.HttpResults;

namespace ServicePlan.Web.Api;

/// <summary>
/// Changing a plan through the API as the plan pages let its owner: its header (<c>PATCH</c> with the ETag from
/// <c>GET /api/plans/{planId}</c> in If-Match, 412 when someone changed the plan since), archiving, restoring and deleting.
/// </summary>
public static class PlanHeaderApi
{
    public static void MapPlanHeaderApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("").WithTags("Plans").RequireAuthorization(Policies.EditPlan);

        plans.MapPatch("/plans/{planId:guid}", PatchAsync)
            .WithName("ChangePlanHeader")
            .WithSummary("Change the plan's header: send only the fields to change, \"\" to clear one, and the ETag from GET /api/plans/{planId} in If-Match")
            .Accepts<PlanHeaderPatchJson>("application/json")
            .ProducesPreconditionProblems();

        plans.MapPost("/plans/{planId:guid}/archive", ArchiveAsync)
            .WithName("ArchivePlan")
            .WithSummary("Archive the plan: out of the list of plans and read-only until restored");

        plans.MapPost("/plans/{planId:guid}/restore", RestoreAsync)
            .WithName("RestorePlan")
            .WithSummary("Restore an archived plan");

        plans.MapDelete("/plans/{planId:guid}", DeleteAsync)
            .WithName("DeletePlan")
            .WithSummary("Delete a plan with everything in it, with the ETag from GET /api/plans/{planId} in If-Match; refused (409) once it has a closed review: archive it instead")
            .ProducesPreconditionProblems();
    }

    /// <summary>The ETag of a plan at a version: strong, quoted, and changing with every save of the plan.</summary>
    public static string ETag(int version) => $"\"{version}\"";

    private static async Task<Results<Ok<PlanDetailJson>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        Guid planId, PlanHeaderPatchJson? body, HttpContext context, PlanQueries plans, PlanHeaderEditing editing, CurrentUser user, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return ApiProblems.NotFound("There is no such plan.");
        if (IfMatch(context, out var version) is { } problem)
            return problem;

        body ??= new PlanHeaderPatchJson();
        var current = PlanHeader.Of(plan);
        var errors = new Dictionary<string, string[]>();
        DateEntry Date(string field, string name, string? sent, DateOnly? stored)
        {
            if (sent is null)
                return DateEntry.Of(stored);
            if (sent.Length == 0)
                return DateEntry.Empty;
            var date = ApiDates.Read(sent, name, out var problem);
            if (problem is not null)
                errors[field] = [problem];
            return DateEntry.Of(date);
        }

        var entry = new PlanHeaderEntry(
            body.Title ?? current.Title,
            body.Service ?? current.Service,
            body.Period ?? current.Period.ToString(),
            body.Owner ?? current.Owner,
            body.MonitoringBoard ?? current.MonitoringBoard,
            body.RelevantStrategies ?? current.RelevantStrategies,
            body.ReviewFrequency ?? current.ReviewFrequency,
            body.Aims ?? current.Aims,
            body.CreatedWithIdeasFrom ?? current.CreatedWithIdeasFrom,
            Date("implementationDate", PlanHeader.Names.ImplementationDate, body.ImplementationDate, current.ImplementationDate),
            Date("reviewDate", PlanHeader.Names.ReviewDate, body.ReviewDate, current.ReviewDate));
        var header = PlanHeaderRules.Read(entry, out var problems);
        foreach (var group in problems.GroupBy(p => JsonField(p.Field)))
            errors.TryAdd(group.Key, group.Select(p => p.Message).ToArray());
        if (errors.Count > 0 || header is null)
            return TypedResults.ValidationProblem(errors);

        switch (await editing.SaveAsync(planId, user.OrganisationId, header, version, ct))
        {
            case HeaderEditResult.Saved:
                return await AnswerAsync(planId, context, plans, user, ct);
            case HeaderEditResult.Conflict conflict:
                return ApiProblems.Stale(
                    $"The plan was changed after the ETag you sent was read{(conflict.ChangedFields.Count > 0 ? " (it now differs from yours in: " + string.Join(", ", conflict.ChangedFields) + ")" : "")}. Nothing was saved: GET the plan again, then send your changes with its new ETag.");
            case HeaderEditResult.ReadOnly readOnly:
                return ApiProblems.Conflict($"{readOnly.Reason}, so its details can no longer be changed.");
            default:
                return ApiProblems.NotFound("There is no such plan.");
        }
    }

    private static async Task<Results<Ok<PlanDetailJson>, ProblemHttpResult>> ArchiveAsync(Guid planId, HttpContext context, PlanArchiving archiving, PlanQueries plans, CurrentUser user, CancellationToken ct) =>
        await ChangeAsync(await archiving.ArchiveAsync(planId, user.OrganisationId, ct), planId, context, plans, user, ct);

    private static async Task<Results<Ok<PlanDetailJson>, ProblemHttpResult>> RestoreAsync(Guid planId, HttpContext context, PlanArchiving archiving, PlanQueries plans, CurrentUser user, CancellationToken ct) =>
        await ChangeAsync(await archiving.RestoreAsync(planId, user.OrganisationId, ct), planId, context, plans, user, ct);

    /// <summary>The version the client's If-Match names, or the problem when it names none.</summary>
    private static ProblemHttpResult? IfMatch(HttpContext context, out int version)
    {
        var named = ApiProblems.IfMatch(context);
        version = named ?? 0;
        return named switch
        {
            null => ApiProblems.PreconditionRequired("Send the ETag from GET /api/plans/{planId} in an If-Match header, so that a change made since is not overwritten."),
            < 0 => ApiProblems.Stale("The If-Match header is not an ETag of this plan: GET the plan again and send its ETag."),
            _ => null,
        };
    }

    /// <remarks>
    /// Deleting asks for the plan's ETag as changing it does: a plan is only deleted as the client last saw it, and a
    /// script or a stray request cannot delete one it never read.
    /// </remarks>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid planId, HttpContext context, PlanQueries plans, PlanArchiving archiving, CurrentUser user, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, user.OrganisationId, ct);
        if (plan is null)
            return ApiProblems.NotFound("There is no such plan.");
        if (IfMatch(context, out var version) is { } problem)
            return problem;
        if (version != plan.Version)
            return ApiProblems.Stale("The plan has changed since you read it: GET it again, check it, and send its new ETag.");
        return await archiving.DeleteAsync(planId, user.OrganisationId, ct) switch
        {
            PlanChangeResult.Done => TypedResults.NoContent(),
            PlanChangeResult.Refused refused => ApiProblems.Conflict(refused.Reason),
            _ => ApiProblems.NotFound("There is no such plan."),
        };
    }

    private static async Task<Results<Ok<PlanDetailJson>, ProblemHttpResult>> ChangeAsync(PlanChangeResult result, Guid planId, HttpContext context, PlanQueries plans, CurrentUser user, CancellationToken ct) =>
        result switch
        {
            PlanChangeResult.Done => await AnswerAsync(planId, context, plans, user, ct),
            PlanChangeResult.Refused refused => ApiProblems.Conflict(refused.Reason),
            _ => ApiProblems.NotFound("There is no such plan."),
        };

    private static async Task<Ok<PlanDetailJson>> AnswerAsync(Guid planId, HttpContext context, PlanQueries plans, CurrentUser user, CancellationToken ct)
    {
        var overview = (await plans.OverviewAsync(planId, user.OrganisationId, ct))!;
        context.Response.Headers.ETag = ETag(overview.Plan.Version);
        return TypedResults.Ok(PlanDetailJson.From(overview));
    }

    private static string JsonField(PlanHeaderField field) => field switch
    {
        PlanHeaderField.Title => "title",
        PlanHeaderField.Service => "service",
        PlanHeaderField.Period => "period",
        PlanHeaderField.Owner => "owner",
        PlanHeaderField.MonitoringBoard => "monitoringBoard",
        PlanHeaderField.RelevantStrategies => "relevantStrategies",
        PlanHeaderField.ReviewFrequency => "reviewFrequency",
        PlanHeaderField.Aims => "aims",
        PlanHeaderField.CreatedWithIdeasFrom => "createdWithIdeasFrom",
        PlanHeaderField.ImplementationDate => "implementationDate",
        _ => "reviewDate",
    };
}

/// <summary>The header fields to change: a field left out (or null) stays as it is; "" clears an optional one.</summary>
/// <param name="Period">The financial year, like 2024-25.</param>
/// <param name="ImplementationDate">Written like 2024-04-01.</param>
/// <param name="ReviewDate">The plan's "Date of this review", written like 2024-10-15.</param>
public sealed record PlanHeaderPatchJson(
    string? Title = null,
    string? Service = null,
    string? Period = null,
    string? Owner = null,
    string? MonitoringBoard = null,
    string? RelevantStrategies = null,
    string? ReviewFrequency = null,
    string? Aims = null,
    string? CreatedWithIdeasFrom = null,
    string? ImplementationDate = null,
    string? ReviewDate = null);
