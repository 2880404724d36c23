using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Access;

/// <summary>Leads act only on actions they lead, alone or with others.</summary>
[Trait("Category", "Database")]
public sealed class LeadAccessTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static Dictionary<string, string> Update(string comment) => new() { ["Input.Rating"] = "Amber", ["Input.Comment"] = comment };

    /// <summary>
    /// A plan of its own for each test, in which the Lead test user leads L1 and L2 and co-leads L3 with Morgan Hale;
    /// Morgan Hale alone leads O1 and O2, and nobody leads O3.
    /// </summary>
    private async Task<(IReadOnlyList<(string Ref, Guid Id)> Led, IReadOnlyList<(string Ref, Guid Id)> NotLed)> ActionsAsync()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25")
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("L1").WithLead(TestData.LeadName))
                .WithAction(a => a.WithRef("L2").WithLead(TestData.LeadName).WithRating(Rating.Green))
                .WithAction(a => a.WithRef("L3").WithLead(TestData.LeadName).WithLead("Morgan Hale")))
            .WithSection("Children in Care", s => s
                .WithAction(a => a.WithRef("O1").WithLead("Morgan Hale").WithRating(Rating.Amber))
                .WithAction(a => a.WithRef("O2").WithLead("Morgan Hale"))
                .WithAction(a => a.WithRef("O3"))));
        IReadOnlyList<(string Ref, Guid Id)> Actions(char prefix) =>
            plan.Actions.Values.Where(a => a.Ref[0] == prefix).OrderBy(a => a.Ref, StringComparer.Ordinal).Select(a => (a.Ref, a.Id)).ToList();
        return (Actions('L'), Actions('O'));
    }

    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/access-denied", StringComparison.Ordinal);

    [Fact]
    public async Task The_demo_signs_its_lead_in_as_the_person_who_leads_refs_13_and_15()
    {
        // The demo itself is the subject: its Lead account must be the plan's Sam Okafor, or the demo cannot show a lead's view.
        await using var db = app.Database.CreateContext();
        var plan = await app.PlanAsync();
        var lead = await db.Users.Where(u => u.Email == TestClient.EmailOf(Roles.Lead)).Select(u => u.Id).SingleAsync();

        var led = await db.Actions.Where(a => a.PlanId == plan.Id && a.Leads.Any(p => p.UserId == lead)).Select(a => a.Ref).ToListAsync();

        Assert.Equal(["13", "15"], led.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_lead_adds_progress_to_the_actions_they_lead()
    {
        var (led, _) = await ActionsAsync();
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        foreach (var (reference, id) in led)
        {
            await lead.GetPageAsync($"/actions/{id}/progress");
            var response = await lead.PostFormAsync($"/actions/{id}/progress", $"/actions/{id}/progress", Update($"Lead's own update on {reference}"));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/actions/{id}#history", response.Headers.Location!.OriginalString);
        }

        await using var db = app.Database.CreateContext();
        var ids = led.Select(a => a.Id).ToList();
        Assert.Equal(led.Count, await db.ProgressUpdates.CountAsync(u => ids.Contains(u.ActionId) && u.Comment.StartsWith("Lead's own update on ") && u.AuthorName == TestData.LeadName));
    }

    [Fact]
    public async Task A_lead_is_refused_the_progress_form_and_its_post_on_every_action_they_do_not_lead()
    {
        var (_, notLed) = await ActionsAsync();
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var before = await AuthorisationMatrix.FingerprintAsync(app);

        var wrong = new List<string>();
        foreach (var (reference, id) in notLed)
        {
            var form = await lead.Http.GetAsync($"/actions/{id}/progress");
            var post = await lead.PostFormAsync("/account/change-password", $"/actions/{id}/progress", Update($"Not my action: {reference}"));
            if (!IsDenied(form) || !IsDenied(post))
                wrong.Add($"ref {reference}: form {AuthorisationMatrix.Explain(form)}, post {AuthorisationMatrix.Explain(post)}");
        }

        Assert.Empty(wrong);
        Assert.Equal(before, await AuthorisationMatrix.FingerprintAsync(app));
    }

    [Fact]
    public async Task The_action_page_offers_a_lead_the_progress_form_only_on_actions_they_lead()
    {
        var (led, notLed) = await ActionsAsync();
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);

        foreach (var (_, id) in led)
            Assert.NotNull((await lead.GetPageAsync($"/actions/{id}")).QuerySelector($"a[href='/actions/{id}/progress']"));
        foreach (var (_, id) in notLed)
            Assert.Null((await lead.GetPageAsync($"/actions/{id}")).QuerySelector($"a[href='/actions/{id}/progress']"));
    }

    [Fact]
    public async Task A_lead_cannot_edit_even_an_action_they_lead_nor_mark_its_comments_exempt()
    {
        var action = await app.TestData.CreateActionAsync(a => a.WithLead(TestData.LeadName).WithUpdate(Rating.Amber, "Started."));
        var update = action.Updates.First();
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var before = await AuthorisationMatrix.FingerprintAsync(app);

        var editForm = await lead.Http.GetAsync($"/actions/{action.Id}/edit");
        var edit = await lead.PostFormAsync("/account/change-password", $"/actions/{action.Id}/edit", new()
        {
            ["Input.Version"] = action.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Ref"] = action.Ref,
            ["Input.LeadsText"] = action.LeadsText,
            ["Input.DoesWhat"] = "Rewritten by the lead",
            ["Input.DueText"] = action.DueText,
            ["Input.Measure"] = action.Measure,
            ["Input.ChildrenExperience"] = action.ChildrenExperience,
        });
        var exempt = await lead.PostFormAsync("/account/change-password", $"/actions/{action.Id}/updates/{update.Id}/exempt", new() { ["Paragraph"] = "Paragraph 1" });

        Assert.True(IsDenied(editForm), AuthorisationMatrix.Explain(editForm));
        Assert.True(IsDenied(edit), AuthorisationMatrix.Explain(edit));
        Assert.True(IsDenied(exempt), AuthorisationMatrix.Explain(exempt));
        var after = await app.TestData.ActionAsync(action.Id);
        Assert.Equal((action.Version, action.DoesWhat), (after.Version, after.DoesWhat));
        Assert.False(after.Updates.Single(u => u.Id == update.Id).IsExempt);
        Assert.Equal(before, await AuthorisationMatrix.FingerprintAsync(app));
    }

    [Fact]
    public async Task Through_the_api_a_lead_adds_progress_only_to_their_own_actions_and_changes_nothing_else()
    {
        // Read from the endpoint data source, so a write endpoint added later must come with its own lead check and test.
        var apiMethods = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            .Distinct()
            .ToList();
        var (_, notLed) = await ActionsAsync();
        var others = notLed[0].Id;
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var before = await AuthorisationMatrix.FingerprintAsync(app);

        var answers = new List<HttpStatusCode>();
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, $"/api/actions/{others}")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { rating = "Red", comment = "through the API" }),
            };
            answers.Add((await lead.Http.SendAsync(request)).StatusCode);
        }

        using var progress = new HttpRequestMessage(HttpMethod.Post, $"/api/actions/{others}/progress")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { rating = "Red", comment = "through the API" }),
        };
        var progressAnswer = (await lead.Http.SendAsync(progress)).StatusCode;

        // The API writes progress, reviews and the plan's structure, each with its rows in the authorisation matrix; a
        // new kind of write must come with its own checks.
        Assert.Equal(["DELETE", "GET", "PATCH", "POST"], apiMethods.Order(StringComparer.Ordinal));
        Assert.All(answers, status => Assert.Contains(status, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.Forbidden }));
        Assert.Equal(HttpStatusCode.Forbidden, progressAnswer);
        Assert.Equal(before, await AuthorisationMatrix.FingerprintAsync(app));
    }
}
