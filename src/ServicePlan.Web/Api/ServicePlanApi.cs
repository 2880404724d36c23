using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ServicePlan.Web.Api;

/// <summary>The JSON API: plans and actions, scoped to the caller's organisation; read-only but for adding progress. See ServicePlan.Web.http.</summary>
public static class ServicePlanApi
{
    public static void MapServicePlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Plans")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/plans", async (bool? archived, PlanQueries plans, CurrentUser user, CancellationToken ct) =>
                (await plans.ListAsync(user.OrganisationId, ct, archived: archived ?? false)).Select(PlanJson.From).ToList())
            .WithName("ListPlans")
            .WithSummary("The organisation's plans; archived plans only with ?archived=true");

        api.MapGet("/plans/{planId:guid}", async (Guid planId, PlanQueries plans, CurrentUser user, HttpContext context, CancellationToken ct) =>
            {
                if (await plans.OverviewAsync(planId, user.OrganisationId, ct) is not { } overview)
                    return Results.NotFound();
                // The version the plan is at, for If-Match on PATCH.
                context.Response.Headers.ETag = PlanHeaderApi.ETag(overview.Plan.Version);
                return Results.Ok(PlanDetailJson.From(overview));
            })
            .WithName("GetPlan")
            .Produces<PlanDetailJson>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/plans/{planId:guid}/actions", async (
                Guid planId,
                string? section,
                string? lead,
                string? rating,
                string? source,
                string? overdue,
                string? q,
                string? sort,
                string? order,
                PlanQueries plans,
                ActionQueries actions,
                PlanChanges changes,
                PlanViewCache cache,
                IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                CurrentUser user,
                CancellationToken ct) =>
            {
                // The action list's parameters read as the page reads them; what the page shows a message about, a
                // script is told about with 400, naming the parameter.
                var request = ActionListParameters.Parse(section, lead, rating, source, overdue, q, sort, order);
                if (request.Problems.Count > 0)
                    return Results.ValidationProblem(request.Problems.GroupBy(p => p.Parameter).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

                if (await plans.FindAsync(planId, user.OrganisationId, ct) is null)
                    return Results.NotFound();

                var seeExempt = await user.MaySeeExemptAsync(ct);
                var filter = request.Filter with { SearchExempt = seeExempt };
                async Task<IEnumerable<ActionJson>> ListAsync() =>
                    ActionSorting.Sort(await actions.ListAsync(planId, filter, ct), request.Sort).Select(r => ActionJson.From(seeExempt ? r : ExemptContent.Withhold(r)));
                if (!string.IsNullOrWhiteSpace(filter.Search))
                    return Results.Ok(await ListAsync());

                // The version first, then the rows: see PlanChanges.
                var key = string.Join('|', planId, await changes.VersionAsync(planId, ct), actions.Today, filter.SectionId, filter.LeadId, filter.Rating, filter.SourceId,
                    filter.OverdueOnly, seeExempt, request.Sort.Slug(), request.Sort.Descending);
                var body = await cache.GetOrAddAsync("api|" + key, async () =>
                    JsonSerializer.SerializeToUtf8Bytes(await ListAsync(), json.Value.SerializerOptions));
                return Results.Bytes(body, "application/json; charset=utf-8");
            })
            .WithName("ListActions")
            .Produces<List<ActionJson>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/actions/{actionId:guid}", async (Guid actionId, ActionDetails details, CurrentUser user, HttpContext http, CancellationToken ct) =>
            {
                if (await details.FindAsync(actionId, user.OrganisationId, ct) is not { } detail)
                    return Results.NotFound();
                // For If-Match on PATCH and DELETE (StructureApi).
                http.Response.Headers.ETag = StructureApi.ETag(detail.Action.Version);
                return Results.Ok(ActionDetailJson.From(detail, await user.MaySeeExemptAsync(ct)));
            })
            .WithName("GetAction")
            .Produces<ActionDetailJson>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapProgressApi();
        api.MapPlanHeaderApi();
        api.MapReviewsApi();
        api.MapStructureApi();
        api.MapPeopleApi();
    }
}

public sealed record RatingsJson(int Blue, int Red, int Amber, int Green, int Unrated)
{
    public static RatingsJson From(RatingCounts c) => new(c.Blue, c.Red, c.Amber, c.Green, c.Unrated);
}

public sealed record PlanJson(Guid Id, string Title, string Period, string Status, int Actions, RatingsJson Ratings)
{
    /// <summary>When the plan was archived (UTC); null for a plan in use.</summary>
    public DateTime? ArchivedAtUtc { get; init; }

    public static PlanJson From(PlanSummary p) => new(p.Id, p.Title, p.Period.ToString(), p.Status.ToString(), p.Actions, RatingsJson.From(p.Ratings)) { ArchivedAtUtc = p.ArchivedAtUtc };
}

public sealed record SectionJson(Guid Id, string Title, int Order, RatingsJson Ratings, int Overdue);

public sealed record PlanDetailJson(
    Guid Id,
    string Title,
    string? Service,
    string Period,
    string Status,
    string? Owner,
    string? MonitoringBoard,
    string? RelevantStrategies,
    string ReviewFrequency,
    string? Aims,
    string? CreatedWithIdeasFrom,
    DateOnly? ImplementationDate,
    DateOnly? ReviewDate,
    bool RatingsAreIllustrative,
    int Actions,
    RatingsJson Ratings,
    int Overdue,
    IReadOnlyList<SectionJson> Sections,
    IReadOnlyList<PersonJson> People)
{
    /// <summary>When the plan was archived (UTC): read-only until restored. Null for a plan in use.</summary>
    public DateTime? ArchivedAtUtc { get; init; }

    public static PlanDetailJson From(PlanOverview o) => new(
        o.Plan.Id, o.Plan.Title, o.Plan.Service, o.Plan.Period.ToString(), o.Plan.Status.ToString(), o.Plan.Owner, o.Plan.MonitoringBoard,
        o.Plan.RelevantStrategies, o.Plan.ReviewFrequency, o.Plan.Aims, o.Plan.CreatedWithIdeasFrom, o.Plan.ImplementationDate, o.Plan.ReviewDate,
        o.Plan.RatingsAreIllustrative, o.Ratings.Total, RatingsJson.From(o.Ratings), o.Overdue,
        o.Sections.Select(s => new SectionJson(s.Id, s.Title, s.Order, RatingsJson.From(s.Ratings), s.Overdue)).ToList(),
        o.Plan.People.Select(p => new PersonJson(p.Id, p.Name, p.Initials, p.Role)).ToList())
    {
        ArchivedAtUtc = o.Plan.ArchivedAtUtc,
    };
}

public sealed record PersonJson(Guid Id, string Name, string Initials, string? Role);

public sealed record ActionJson(
    Guid Id,
    string Ref,
    string Section,
    string Aim,
    string Who,
    string DoesWhat,
    string ByWhen,
    string DueKind,
    DateOnly? DueOn,
    string Measure,
    string ExperienceOfChildren,
    string Rating,
    string? LatestComment,
    bool Overdue,
    bool RetainedForOversight,
    string? Exempt,
    string? LatestCommentExempt)
{
    /// <summary>The row as the reader may see it: with exempt content already withheld for readers who may not.</summary>
    public static ActionJson From(ActionRow r) => new(
        r.Id, r.Ref, r.SectionTitle, r.Aim, r.LeadsText, r.DoesWhat, r.DueText, r.DueKind.ToString(), r.DueOn, r.Measure,
        r.ChildrenExperience, r.Rating.Name(), r.LatestComment, r.IsOverdue, r.RetainedForOversight,
        r.IsExempt ? Schedule12A.Marker(r.ExemptParagraph) : null,
        r.LatestCommentIsExempt && r.LatestComment is not null ? Schedule12A.Marker(r.LatestCommentExemptParagraph) : null);
}

/// <param name="Exempt">"Exempt (Schedule 12A paragraph 1)" for an exempt comment, which readers who may not see it get as withheld.</param>
public sealed record UpdateJson(Guid Id, string Rating, string Comment, string Author, DateTime RecordedAtUtc, string? Review, string? Exempt);

public sealed record ActionDetailJson(
    Guid Id,
    Guid PlanId,
    string Ref,
    string Section,
    string Aim,
    IReadOnlyList<string> Sources,
    string Who,
    IReadOnlyList<PersonJson> Leads,
    string DoesWhat,
    string ByWhen,
    string DueMeaning,
    string Measure,
    string ExperienceOfChildren,
    string Rating,
    bool RetainedForOversight,
    int Version,
    IReadOnlyList<UpdateJson> History,
    string? Exempt)
{
    /// <summary>An exempt action's words, and exempt comments, are withheld in place unless the reader may see them.</summary>
    public static ActionDetailJson From(ActionDetail d, bool seeExempt)
    {
        var a = d.Action;
        var withheld = a.IsExempt && !seeExempt;
        string Shown(string text) => withheld ? "" : text;
        return new(
            a.Id, d.Plan.Id, a.Ref, d.Section.Title, d.Objective.Aim, d.Objective.Sources.Select(s => s.Title).ToList(),
            Shown(a.LeadsText), withheld ? [] : a.Leads.Select(p => new PersonJson(p.Id, p.Name, p.Initials, p.Role)).ToList(),
            withheld ? Schedule12A.WithheldAction : a.DoesWhat, Shown(a.DueText), Shown(a.Due(d.Plan.Period).Meaning), Shown(a.Measure), Shown(a.ChildrenExperience),
            a.CurrentRating.Name(), a.RetainedForOversight, a.Version,
            a.Updates.Select(u => new UpdateJson(
                u.Id, u.Rating.Name(), (u.IsExempt || a.IsExempt) && !seeExempt ? Schedule12A.WithheldComment : u.Comment, u.AuthorName, u.RecordedAtUtc,
                u.Review?.Label, u.IsExempt ? Schedule12A.Marker(u.ExemptParagraph) : null)).ToList(),
            a.IsExempt ? Schedule12A.Marker(a.ExemptParagraph) : null);
    }
}
