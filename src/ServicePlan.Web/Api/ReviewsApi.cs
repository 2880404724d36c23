using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServicePlan.Web.Api;

/// <summary>
/// A plan's quarterly reviews through the API: list and read them, and, as the Reviews pages let a plan owner, open the
/// next one and close it. Refusals (a review already open, a label already used, a read-only plan) are 409 problems.
/// </summary>
public static class ReviewsApi
{
    public static void MapReviewsApi(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("").WithTags("Reviews");

        reviews.MapGet("/plans/{planId:guid}/reviews", ListAsync)
            .WithName("ListReviews")
            .WithSummary("The plan's reviews, oldest first, each with its BRAG counts and how many actions were updated in it");

        reviews.MapGet("/reviews/{reviewId:guid}", GetAsync)
            .WithName("GetReview")
            .WithSummary("One review: its BRAG counts and how many of the plan's actions were updated in it");

        reviews.MapPost("/plans/{planId:guid}/reviews", OpenAsync)
            .RequireAuthorization(Policies.EditPlan)
            .WithName("OpenReview")
            .WithSummary("Open the plan's next review: leads' progress updates are filed under it until it is closed")
            .Accepts<NewReviewJson>("application/json");

        reviews.MapPost("/reviews/{reviewId:guid}/close", CloseAsync)
            .RequireAuthorization(Policies.EditPlan)
            .WithName("CloseReview")
            .WithSummary("Close a review: its ratings and comments can no longer change");
    }

    private static async Task<Results<Ok<List<ReviewJson>>, ProblemHttpResult>> ListAsync(Guid planId, PlanQueries plans, ReviewQueries queries, CurrentUser user, CancellationToken ct)
    {
        if (await plans.FindAsync(planId, user.OrganisationId, ct) is null)
            return ApiProblems.NotFound("There is no such plan.");
        return TypedResults.Ok((await queries.MovementsAsync(planId, ct)).Select(m => ReviewJson.From(m.Review, m.Movement)).ToList());
    }

    private static async Task<Results<Ok<ReviewJson>, ProblemHttpResult>> GetAsync(Guid reviewId, ReviewQueries queries, CurrentUser user, CancellationToken ct) =>
        await queries.MovementAsync(reviewId, user.OrganisationId, ct) is { } found
            ? TypedResults.Ok(ReviewJson.From(found.Review, found.Movement))
            : ApiProblems.NotFound("There is no such review.");

    private static async Task<Results<Created<ReviewJson>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        Guid planId, NewReviewJson? body, PlanQueries plans, ReviewWorkflow workflow, ReviewQueries queries, CurrentUser user, CancellationToken ct)
    {
        // Whose plan first: another organisation's plan is not found, whatever was sent.
        if (await plans.FindAsync(planId, user.OrganisationId, ct) is null)
            return ApiProblems.NotFound("There is no such plan.");

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Label))
            errors["label"] = ["Enter a label for the review, like Q3 2024-25"];
        else if (body.Label.Trim().Length > FieldLengths.ReviewLabel)
            errors["label"] = [$"The label must be {FieldLengths.ReviewLabel} characters or fewer"];
        var date = ApiDates.Read(body?.Date, "The review date", out var dateProblem);
        if (date is null)
            errors["date"] = [dateProblem ?? "Enter the review date, like 2024-10-15"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        switch (await workflow.OpenAsync(planId, user.OrganisationId, body!.Label!, date!.Value, user.Id, ct))
        {
            case ReviewResult.Done done:
                var (review, _, movement) = (await queries.MovementAsync(done.ReviewId, user.OrganisationId, ct))!.Value;
                return TypedResults.Created($"/api/reviews/{review.Id}", ReviewJson.From(review, movement));
            case ReviewResult.Refused refused:
                return ApiProblems.Conflict(refused.Reason);
            default:
                return ApiProblems.NotFound("There is no such plan.");
        }
    }

    private static async Task<Results<Ok<ReviewJson>, ProblemHttpResult>> CloseAsync(Guid reviewId, ReviewWorkflow workflow, ReviewQueries queries, CurrentUser user, CancellationToken ct)
    {
        switch (await workflow.CloseAsync(reviewId, user.OrganisationId, ct))
        {
            case ReviewResult.Done:
                var (review, _, movement) = (await queries.MovementAsync(reviewId, user.OrganisationId, ct))!.Value;
                return TypedResults.Ok(ReviewJson.From(review, movement));
            case ReviewResult.Refused refused:
                return ApiProblems.Conflict(refused.Reason);
            default:
                return ApiProblems.NotFound("There is no such review.");
        }
    }
}

/// <param name="Label">What the review is called, like "Q2 2024-25": unique within the plan.</param>
/// <param name="Date">The review's date, written like 2024-10-15.</param>
public sealed record NewReviewJson(string? Label, string? Date);

/// <param name="Status">"open" or "closed".</param>
/// <param name="Ratings">How many of the plan's actions stood at each rating at this review.</param>
/// <param name="Updated">How many actions had a progress update filed under this review.</param>
/// <param name="Actions">How many actions the plan has.</param>
public sealed record ReviewJson(Guid Id, string Label, DateOnly Date, string Status, RatingsJson Ratings, int Updated, int Actions)
{
    public static ReviewJson From(Review review, ReviewMovement movement) => new(
        review.Id, review.Label, review.Date, review.Status == ReviewStatus.Open ? "open" : "closed",
        RatingsJson.From(movement.Counts), movement.Updated, movement.Total);
}

/// <summary>Dates as the API takes them: written like 2024-10-15, and a real day of a real month.</summary>
public static class ApiDates
{
    /// <summary>The date, or null with why not; null and no problem when nothing was sent.</summary>
    public static DateOnly? Read(string? text, string name, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Trim().Split('-');
        if (parts.Length != 3 || parts[0].Length != 4 || parts[1].Length != 2 || parts[2].Length != 2)
        {
            problem = $"{name} must be written like 2024-10-15";
            return null;
        }

        var date = new DateEntry(parts[2], parts[1], parts[0]).Read(name, out problem);
        if (problem is not null)
            problem = $"{name} must be a real date, written like 2024-10-15";
        return date;
    }

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
