using Microsoft.AspNetCore.Http.HttpResults;

namespace ServicePlan.Web.Api;

/// <summary>
/// A plan's people through the API, as the People page: anyone who may read the plan lists them; owners and admins link
/// a person to an account of the organisation by its e-mail address.
/// </summary>
public static class PeopleApi
{
    public static void MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("").WithTags("People");

        people.MapGet("/plans/{planId:guid}/people", ListAsync)
            .WithName("ListPeople")
            .WithSummary("Everyone the plan names as leading actions, how many actions each leads, and the e-mail of the account each is linked to (null when not linked)");

        people.MapPost("/plans/{planId:guid}/people/{personId:guid}/link", LinkAsync)
            .RequireAuthorization(Policies.EditPlan)
            .WithName("LinkPerson")
            .WithSummary("Link a person of the plan to an account of the organisation, found by its e-mail address, so they can update the actions they lead")
            .Accepts<LinkPersonJson>("application/json");
    }

    private static async Task<Results<Ok<List<PlanPersonJson>>, ProblemHttpResult>> ListAsync(Guid planId, PlanPeople people, CurrentUser user, CancellationToken ct) =>
        await people.ListAsync(planId, user.OrganisationId, ct) is { } list
            ? TypedResults.Ok(list.People.Select(PlanPersonJson.From).ToList())
            : ApiProblems.NotFound("There is no such plan.");

    private static async Task<Results<Ok<PlanPersonJson>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid planId, Guid personId, LinkPersonJson? body, PlanPeople people, CurrentUser user, CancellationToken ct)
    {
        // Whose plan first: another organisation's plan or person is not found, whatever was sent.
        if (await people.ListAsync(planId, user.OrganisationId, ct) is not { } list || list.Find(personId) is not { } person)
            return ApiProblems.NotFound("There is no such person in the plan.");
        if (string.IsNullOrWhiteSpace(body?.Email))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Enter the e-mail address of the account to link"] });

        switch (await people.LinkAsync(planId, personId, user.OrganisationId, body.Email, person.Version, ct))
        {
            case PeopleResult.Done:
                var linked = (await people.ListAsync(planId, user.OrganisationId, ct))!.Find(personId)!;
                return TypedResults.Ok(PlanPersonJson.From(linked));
            case PeopleResult.Refused refused:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [refused.Message] });
            case PeopleResult.PlanClosed closed:
                return ApiProblems.Conflict(closed.Message);
            case PeopleResult.Stale stale:
                return ApiProblems.Conflict(stale.Message);
            default:
                return ApiProblems.NotFound("There is no such person in the plan.");
        }
    }
}

/// <param name="Email">The e-mail address of an account of the caller's organisation.</param>
public sealed record LinkPersonJson(string? Email);

/// <param name="UserEmail">The e-mail address of the account the person is linked to; null when not linked.</param>
/// <param name="Actions">How many of the plan's actions the person leads.</param>
public sealed record PlanPersonJson(Guid Id, string Name, string Initials, string? Role, string? UserEmail, int Actions)
{
    public static PlanPersonJson From(PersonRow person) => new(person.Id, person.Name, person.Initials, person.Role, person.UserEmail, person.Actions);
}
