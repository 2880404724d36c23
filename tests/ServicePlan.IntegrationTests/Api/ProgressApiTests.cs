using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Privacy;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

/// <summary>POST /api/actions/{id}/progress: the Add progress page's rules, permissions and personal-data warning, for scripts.</summary>
[Trait("Category", "Database")]
public sealed class ProgressApiTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string ChildsName = "Jayden Whitfield-Oyelaran";
    private const string Flagged = "Sept: " + ChildsName + " joined the group.";

    private async Task<CreatePlanResult> PlanAsync() =>
        await app.TestData.CreatePlanAsync(p => p.WithOpenReview("Q2 2024-25").WithSection("Early Help", s => s.WithAction(a => a.WithRef("4.1").WithLead(TestData.LeadName).WithUpdate(Rating.Green))));

    [Fact]
    public async Task A_comment_naming_a_child_is_refused_with_422_listing_the_findings_and_nothing_is_saved()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.Lead);

        var response = await script.PostAsJsonAsync($"/api/actions/{plan.SingleAction.Id}/progress", new { rating = "Amber", comment = Flagged, confirm = false, reason = (string?)null });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(422, body.GetProperty("status").GetInt32());
        var finding = Assert.Single(body.GetProperty("findings").EnumerateArray());
        Assert.Equal("Comment on progress", finding.GetProperty("field").GetString());
        Assert.Equal(ChildsName, finding.GetProperty("text").GetString());
        Assert.Equal("PersonalName", finding.GetProperty("kind").GetString());

        // The same words as the page: the check's own reason.
        var flag = Assert.Single(PersonalDataCheck.Scan([new TextToPublish("x", Flagged)], KnownNames.None));
        Assert.Equal(flag.Reason, finding.GetProperty("message").GetString());
        Assert.Single((await app.TestData.ActionAsync(plan.SingleAction.Id)).Updates);
    }

    [Fact]
    public async Task A_confirmed_comment_with_a_reason_is_saved_as_201_and_the_confirmation_recorded()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.Lead);

        var response = await script.PostAsJsonAsync($"/api/actions/{plan.SingleAction.Id}/progress", new { rating = "Amber", comment = Flagged, confirm = true, reason = "A made-up name in a training plan" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var update = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Amber", update.GetProperty("rating").GetString());
        Assert.Equal(Flagged, update.GetProperty("comment").GetString());
        Assert.Equal("Q2 2024-25", update.GetProperty("review").GetString());
        Assert.Equal($"/api/actions/{plan.SingleAction.Id}", response.Headers.Location!.OriginalString);
        await using var db = app.Database.CreateContext();
        var confirmation = await db.PersonalDataConfirmations.AsNoTracking().SingleAsync(c => c.PlanId == plan.PlanId);
        Assert.Equal("Action 4.1 – Comment on progress", confirmation.Where);
        Assert.Equal(TestData.LeadName, confirmation.ConfirmedBy);
        Assert.Equal("A made-up name in a training plan", confirmation.Reason);
    }

    [Fact]
    public async Task A_clean_comment_is_saved_as_201_and_becomes_the_current_rating()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);

        var response = await script.PostAsJsonAsync($"/api/actions/{plan.SingleAction.Id}/progress", new { rating = "Blue", comment = "Group running; evaluation shared with the board." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Rating.Blue, (await app.TestData.ActionAsync(plan.SingleAction.Id)).CurrentRating);
    }

    [Fact]
    public async Task A_leads_key_sending_just_a_rating_and_comment_gets_201_with_the_update_it_added()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.Lead);

        var response = await script.PostAsync($"/api/actions/{plan.SingleAction.Id}/progress",
            new StringContent("""{"rating":"Amber","comment":"Sessions now run weekly."}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var update = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        await using var db = app.Database.CreateContext();
        var saved = await db.ProgressUpdates.AsNoTracking().Where(u => u.ActionId == plan.SingleAction.Id && u.Comment == "Sessions now run weekly.").SingleAsync();
        Assert.Equal(saved.Id, update.GetProperty("id").GetGuid());
        Assert.Equal("Amber", update.GetProperty("rating").GetString());
        Assert.Equal("Sessions now run weekly.", update.GetProperty("comment").GetString());
        Assert.Equal(TestData.LeadName, update.GetProperty("author").GetString());
        Assert.Equal("Q2 2024-25", update.GetProperty("review").GetString());
        Assert.Equal(TestData.LeadName, saved.AuthorName);
        Assert.Null(saved.EnteredByName);
        Assert.Equal(Rating.Amber, (await app.TestData.ActionAsync(plan.SingleAction.Id)).CurrentRating);
    }

    [Fact]
    public async Task Field_problems_are_a_400_problem_with_the_forms_own_messages()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.Lead);

        var response = await script.PostAsJsonAsync($"/api/actions/{plan.SingleAction.Id}/progress", new { rating = "Purple", comment = " ", confirm = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("Select a rating", errors.GetProperty("rating")[0].GetString());
        Assert.Equal("Enter a comment on progress", errors.GetProperty("comment")[0].GetString());
        Assert.Equal(EntryCheck.ReasonMissing, errors.GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task A_viewers_key_is_refused_with_403_and_nothing_is_saved()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.Viewer);

        var response = await script.PostAsJsonAsync($"/api/actions/{plan.SingleAction.Id}/progress", new { rating = "Red", comment = "From a viewer." });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single((await app.TestData.ActionAsync(plan.SingleAction.Id)).Updates);
    }

    [Fact]
    public async Task A_lead_cannot_add_progress_to_an_action_they_do_not_lead()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithLead("Morgan Hale").WithUpdate(Rating.Green))));
        using var script = await app.ScriptAsync(Roles.Lead);

        var response = await script.PostAsJsonAsync($"/api/actions/{plan.SingleAction.Id}/progress", new { rating = "Red", comment = "Not mine." });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single((await app.TestData.ActionAsync(plan.SingleAction.Id)).Updates);
    }

    [Fact]
    public async Task The_endpoint_is_typed_in_the_openapi_document()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);

        var document = JsonDocument.Parse(await owner.Http.GetStringAsync("/openapi/v1.json")).RootElement;

        var post = document.GetProperty("paths").GetProperty("/api/actions/{actionId}/progress").GetProperty("post");
        Assert.Equal("AddProgress", post.GetProperty("operationId").GetString());
        var responses = post.GetProperty("responses");
        Assert.True(responses.TryGetProperty("201", out _));
        Assert.True(responses.GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
