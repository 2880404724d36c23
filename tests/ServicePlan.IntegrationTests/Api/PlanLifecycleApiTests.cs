using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

/// <summary>Reviews, the plan's header, archiving and deleting through the API, as the pages allow, with problems for every refusal.</summary>
[Trait("Category", "Database")]
public sealed class PlanLifecycleApiTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task An_owner_opens_a_review_reads_it_lists_it_and_closes_it()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithRating(Rating.Green)).WithAction()));
        using var script = await app.ScriptAsync(Roles.PlanOwner);

        var opened = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/reviews", new { label = "Q2 2024-25", date = "2024-10-15" });

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var review = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = review.GetProperty("id").GetGuid();
        Assert.Equal($"/api/reviews/{id}", opened.Headers.Location!.OriginalString);
        Assert.Equal("Q2 2024-25", review.GetProperty("label").GetString());
        Assert.Equal("2024-10-15", review.GetProperty("date").GetString());
        Assert.Equal("open", review.GetProperty("status").GetString());
        Assert.Equal(2, review.GetProperty("actions").GetInt32());
        Assert.Equal(0, review.GetProperty("updated").GetInt32());
        var ratings = review.GetProperty("ratings");
        Assert.Equal([0, 0, 0, 1, 1], new[] { "blue", "red", "amber", "green", "unrated" }.Select(r => ratings.GetProperty(r).GetInt32()));

        var read = await script.GetFromJsonAsync<JsonElement>($"/api/reviews/{id}");
        var list = await script.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/reviews");
        var closed = await script.PostAsync($"/api/reviews/{id}/close", null);

        Assert.Equal("Q2 2024-25", read.GetProperty("label").GetString());
        Assert.Equal([id], list.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Refusals_are_409_problems_and_field_errors_400_problems()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q1 2024-25").WithClosedReview("Q4 2023-24"));
        using var script = await app.ScriptAsync(Roles.PlanOwner);

        var stillOpen = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/reviews", new { label = "Q2 2024-25", date = "2024-10-15" });
        var closedAgain = await script.PostAsync($"/api/reviews/{plan.ReviewId("Q4 2023-24")}/close", null);
        var impossible = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/reviews", new { label = "", date = "2024-02-30" });

        Assert.Contains("Q1 2024-25 is still open", (await ProblemAsync(stillOpen, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("already closed", (await ProblemAsync(closedAgain, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var errors = (await ProblemAsync(impossible, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("label", out _));
        Assert.Contains("must be a real date", errors.GetProperty("date")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_label_is_a_409_problem()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithClosedReview("Q1 2024-25"));
        using var script = await app.ScriptAsync(Roles.Admin);

        var response = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/reviews", new { label = "q1 2024-25", date = "2024-10-15" });

        Assert.Contains("already has a review called", (await ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Lead)]
    public async Task Viewers_and_leads_are_refused_with_403_problems_and_nothing_changes(string role)
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q1 2024-25"));
        using var script = await app.ScriptAsync(role);

        var open = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/reviews", new { label = "Q2 2024-25", date = "2024-10-15" });
        var close = await script.PostAsync($"/api/reviews/{plan.ReviewId("Q1 2024-25")}/close", null);
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/plans/{plan.PlanId}") { Content = JsonContent.Create(new { title = "Not allowed" }) };
        patch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        var patched = await script.SendAsync(patch);
        var archive = await script.PostAsync($"/api/plans/{plan.PlanId}/archive", null);
        var delete = await script.DeleteAsync($"/api/plans/{plan.PlanId}");

        foreach (var response in new[] { open, close, patched, archive, delete })
            await ProblemAsync(response, HttpStatusCode.Forbidden);
        await using var db = app.Database.CreateContext();
        var stored = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == plan.PlanId);
        Assert.Equal(plan.Title, stored.Title);
        Assert.Null(stored.ArchivedAtUtc);
        Assert.Equal(1, await db.Reviews.CountAsync(r => r.PlanId == plan.PlanId && r.Status == ServicePlan.Reviews.ReviewStatus.Open));
    }

    [Fact]
    public async Task Patch_changes_the_header_with_the_etag_and_a_stale_etag_is_412()
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);
        var read = await script.GetAsync($"/api/plans/{plan.PlanId}");
        var etag = read.Headers.ETag!.Tag;

        var first = new HttpRequestMessage(HttpMethod.Patch, $"/api/plans/{plan.PlanId}") { Content = JsonContent.Create(new { monitoringBoard = "Improvement Board", reviewDate = "2024-10-15" }) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var saved = await script.SendAsync(first);
        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/plans/{plan.PlanId}") { Content = JsonContent.Create(new { monitoringBoard = "Another Board" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await script.SendAsync(stale);
        var missing = await script.PatchAsync($"/api/plans/{plan.PlanId}", JsonContent.Create(new { title = "No If-Match" }));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Improvement Board", body.GetProperty("monitoringBoard").GetString());
        Assert.Equal("2024-10-15", body.GetProperty("reviewDate").GetString());
        Assert.Equal(plan.Title, body.GetProperty("title").GetString());
        await ProblemAsync(refused, HttpStatusCode.PreconditionFailed);
        await ProblemAsync(missing, HttpStatusCode.PreconditionRequired);
        await using var db = app.Database.CreateContext();
        Assert.Equal("Improvement Board", (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == plan.PlanId)).MonitoringBoard);
    }

    [Fact]
    public async Task Patch_with_an_impossible_date_or_year_is_a_400_problem_naming_the_fields()
    {
        var plan = await app.TestData.CreatePlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/plans/{plan.PlanId}") { Content = JsonContent.Create(new { period = "2024-26", implementationDate = "2024-02-30", title = "" }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));

        var response = await script.SendAsync(request);

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("period", out _));
        Assert.True(errors.TryGetProperty("implementationDate", out _));
        Assert.True(errors.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Archive_restore_and_delete_through_the_api()
    {
        var kept = await app.TestData.CreatePlanAsync(p => p.WithClosedReview("Q1 2024-25"));
        var mistaken = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction()));
        using var script = await app.ScriptAsync(Roles.PlanOwner);

        var archived = await script.PostAsync($"/api/plans/{kept.PlanId}/archive", null);
        var listed = await script.GetFromJsonAsync<JsonElement>("/api/plans");
        var listedWithArchived = await script.GetFromJsonAsync<JsonElement>("/api/plans?archived=true");
        var again = await script.PostAsync($"/api/plans/{kept.PlanId}/archive", null);
        var review = await script.PostAsJsonAsync($"/api/plans/{kept.PlanId}/reviews", new { label = "Q2 2024-25", date = "2024-10-15" });
        var restored = await script.PostAsync($"/api/plans/{kept.PlanId}/restore", null);
        var withoutIfMatch = await script.DeleteAsync($"/api/plans/{mistaken.PlanId}");
        var refusedDelete = await DeleteAsync(script, kept.PlanId);
        var deleted = await DeleteAsync(script, mistaken.PlanId);
        var gone = await script.GetAsync($"/api/plans/{mistaken.PlanId}");

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.True((await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archivedAtUtc").ValueKind == JsonValueKind.String);
        Assert.DoesNotContain(listed.EnumerateArray(), p => p.GetProperty("id").GetGuid() == kept.PlanId);
        Assert.Contains(listedWithArchived.EnumerateArray(), p => p.GetProperty("id").GetGuid() == kept.PlanId);
        await ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("archived", (await ProblemAsync(review, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        await ProblemAsync(withoutIfMatch, (HttpStatusCode)428);
        Assert.Contains("Archive it instead", (await ProblemAsync(refusedDelete, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_problem_and_an_unknown_plan_a_404_problem()
    {
        using var wrong = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        wrong.DefaultRequestHeaders.Add(ApiKeyText.Header, "sp_abcd2345_" + new string('0', 64));
        using var script = await app.ScriptAsync(Roles.Viewer);

        await ProblemAsync(await wrong.GetAsync("/api/plans"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await wrong.GetAsync("/openapi/v1.json"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await script.GetAsync($"/api/plans/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemAsync(await script.GetAsync($"/api/reviews/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    /// <summary>Deletes the plan as the client last read it: with its ETag in If-Match.</summary>
    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient script, Guid planId)
    {
        var read = await script.GetAsync($"/api/plans/{planId}");
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/plans/{planId}");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue(read.Headers.ETag!.Tag));
        return await script.SendAsync(delete);
    }
}
