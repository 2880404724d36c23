using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Api;

/// <summary>The plan's structure through the API: the pages' rules and permissions, with ETags for changes and removals.</summary>
[Trait("Category", "Database")]
public sealed class StructureApiTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<CreatePlanResult> PlanAsync() => await app.TestData.CreatePlanAsync(p => p
        .WithPerson("Morgan Hale", "MH")
        .WithSection("Early Help", s => s.WithObjective("Families get help sooner", o => o
            .WithAction(a => a.WithRef("1").WithDoesWhat("Open a second family hub.").WithUpdate(Rating.Green)))));

    private static object NewAction(string reference, string section = "Care leavers") => new
    {
        section,
        objective = "Care leavers have a home",
        @ref = reference,
        action = "Find twenty more supported flats.",
        leads = new[] { "MH", "Robin Ashdown" },
        due = "Mar-25",
        measure = "Flats counted each quarter.",
        impact = "Young people move somewhere settled.",
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static HttpRequestMessage Request(HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task Adding_an_action_makes_its_section_objective_and_new_lead_and_answers_201_with_the_action()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);

        var response = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/actions", NewAction("2"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/actions/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Care leavers", body.GetProperty("section").GetString());
        Assert.Equal("Care leavers have a home", body.GetProperty("aim").GetString());
        Assert.Equal("MH & Robin Ashdown", body.GetProperty("who").GetString());
        var action = await app.TestData.ActionAsync(id);
        Assert.Equal(["Morgan Hale", "Robin Ashdown"], action.Leads.Select(l => l.Name).Order().ToArray());
        var sections = await script.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/sections");
        Assert.Equal(["Early Help", "Care leavers"], sections.EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToArray());
        Assert.Contains(id.ToString(), await script.GetStringAsync($"/api/plans/{plan.PlanId}/actions"), StringComparison.Ordinal);

        // A second action under the same names joins them rather than making new ones.
        Assert.Equal(HttpStatusCode.Created, (await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/actions", NewAction("3", "care LEAVERS"))).StatusCode);
        var objectives = await script.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/objectives");
        Assert.Equal(2, objectives.EnumerateArray().Count());
        Assert.Equal(2, objectives.EnumerateArray().Last().GetProperty("actions").GetInt32());
    }

    [Fact]
    public async Task A_ref_already_used_is_a_400_problem_with_the_forms_message_and_nothing_is_made()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.Admin);

        var response = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/actions", NewAction(" 1 "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal("Ref 1 is already used by another action in this plan", errors.GetProperty("ref")[0].GetString());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Sections.AnyAsync(s => s.PlanId == plan.PlanId && s.Title == "Care leavers"));
        Assert.False(await db.People.AnyAsync(p => p.PlanId == plan.PlanId && p.Name == "Robin Ashdown"));
    }

    [Fact]
    public async Task Changing_an_action_needs_the_etag_it_was_read_at_and_a_stale_one_is_412()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);
        var url = $"/api/actions/{plan.SingleAction.Id}";
        var read = await script.GetAsync(url);
        var etag = read.Headers.ETag!.ToString();

        var missing = await script.SendAsync(Request(HttpMethod.Patch, url, new { measure = "Hub opening recorded." }));
        var changed = await script.SendAsync(Request(HttpMethod.Patch, url, new { measure = "Hub opening recorded.", section = "Early Help", objective = "Families are supported nearer home" }, etag));
        var stale = await script.SendAsync(Request(HttpMethod.Patch, url, new { measure = "An older idea." }, etag));

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Equal("Families are supported nearer home", (await JsonAsync(changed)).GetProperty("aim").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var saved = await app.TestData.ActionAsync(plan.SingleAction.Id);
        Assert.Equal("Hub opening recorded.", saved.Measure);
        Assert.Equal("Open a second family hub.", saved.DoesWhat);
    }

    [Fact]
    public async Task Deleting_an_action_removes_it_from_the_plan_but_keeps_it_for_the_removed_list()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);
        var url = $"/api/actions/{plan.SingleAction.Id}";
        var etag = (await script.GetAsync(url)).Headers.ETag!.ToString();

        var response = await script.SendAsync(Request(HttpMethod.Delete, url, ifMatch: etag));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await script.GetAsync(url)).StatusCode);
        Assert.Equal("[]", await script.GetStringAsync($"/api/plans/{plan.PlanId}/actions"));
        Assert.Equal(HttpStatusCode.NotFound, (await script.SendAsync(Request(HttpMethod.Delete, url, ifMatch: etag))).StatusCode);
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        Assert.Contains("Open a second family hub.", (await owner.GetPageAsync($"/plans/{plan.PlanId}/structure/removed")).QuerySelector("#removed-actions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sections_and_objectives_are_added_renamed_and_removed_with_etags()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);

        var section = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/sections", new { title = "Workforce" });
        Assert.Equal(HttpStatusCode.Created, section.StatusCode);
        var sectionUrl = section.Headers.Location!.OriginalString;
        var sectionEtag = (await script.GetAsync(sectionUrl)).Headers.ETag!.ToString();
        var renamed = await script.SendAsync(Request(HttpMethod.Patch, sectionUrl, new { title = "Workforce and training" }, sectionEtag));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Workforce and training", (await JsonAsync(renamed)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await script.SendAsync(Request(HttpMethod.Patch, sectionUrl, new { title = "Again" }, sectionEtag))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/sections", new { title = " " })).StatusCode);

        var objective = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/objectives", new { section = "Workforce and training", why = "Staff stay longer" });
        Assert.Equal(HttpStatusCode.Created, objective.StatusCode);
        var objectiveUrl = objective.Headers.Location!.OriginalString;
        var objectiveEtag = (await script.GetAsync(objectiveUrl)).Headers.ETag!.ToString();
        var moved = await script.SendAsync(Request(HttpMethod.Patch, objectiveUrl, new { section = "Early Help" }, objectiveEtag));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Early Help", (await JsonAsync(moved)).GetProperty("section").GetString());

        var newSectionEtag = (await script.GetAsync(sectionUrl)).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await script.SendAsync(Request(HttpMethod.Delete, sectionUrl, ifMatch: newSectionEtag))).StatusCode);
        var newObjectiveEtag = (await script.GetAsync(objectiveUrl)).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await script.SendAsync(Request(HttpMethod.Delete, objectiveUrl, ifMatch: newObjectiveEtag))).StatusCode);
        Assert.Equal(["Early Help"], (await script.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/sections")).EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToArray());
        Assert.Equal(["Families get help sooner"], (await script.GetFromJsonAsync<JsonElement>($"/api/plans/{plan.PlanId}/objectives")).EnumerateArray().Select(s => s.GetProperty("why").GetString()!).ToArray());
    }

    [Fact]
    public async Task Words_that_look_like_a_childs_name_are_a_422_until_confirmed_with_a_reason()
    {
        var plan = await PlanAsync();
        using var script = await app.ScriptAsync(Roles.PlanOwner);
        var body = new { section = "Early Help", objective = "Families get help sooner", @ref = "5", action = "Sept: Jayden Whitfield-Oyelaran joined the group." };

        var refused = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/actions", body);
        var saved = await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/actions", new { body.section, body.objective, body.@ref, body.action, confirm = true, reason = "Made-up test words" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Actions.CountAsync(a => a.PlanId == plan.PlanId && a.Ref == "5"));
    }

    [Fact]
    public async Task Leads_and_viewers_keys_are_refused_with_403_and_nothing_is_changed()
    {
        var plan = await PlanAsync();
        var url = $"/api/actions/{plan.SingleAction.Id}";
        foreach (var role in new[] { Roles.Lead, Roles.Viewer })
        {
            using var script = await app.ScriptAsync(role);
            var etag = (await script.GetAsync(url)).Headers.ETag!.ToString();
            Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/actions", NewAction("9"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await script.SendAsync(Request(HttpMethod.Patch, url, new { measure = "No." }, etag))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await script.SendAsync(Request(HttpMethod.Delete, url, ifMatch: etag))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsJsonAsync($"/api/plans/{plan.PlanId}/sections", new { title = "No" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync($"/api/plans/{plan.PlanId}/sections")).StatusCode);
        }

        var action = await app.TestData.ActionAsync(plan.SingleAction.Id);
        Assert.Null(action.RemovedAtUtc);
        Assert.NotEqual("No.", action.Measure);
    }
}
