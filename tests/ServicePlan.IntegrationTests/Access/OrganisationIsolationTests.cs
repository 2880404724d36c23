using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Access;

/// <summary>
/// Organisations never see each other's plans: the demo council and <see cref="SecondOrganisation"/> (Riverside) share
/// one server, and every URL of one is "not found" to the other's users, in every role, both ways round.
/// </summary>
[Trait("Category", "Database")]
public sealed class OrganisationIsolationTests(TwoOrganisationsAppFixture app) : IClassFixture<TwoOrganisationsAppFixture>
{
    private static readonly string[] SignedInRoles = [Roles.Viewer, Roles.Lead, Roles.PlanOwner, Roles.Admin];

    private SecondOrganisation Riverside => app.Riverside;

    /// <summary>
    /// A plan of the demo council's for each test: an action led by the Lead test user with one update, an open review
    /// and a source, whose words (never "Riverside") a page leaking them would show.
    /// </summary>
    private Task<CreatePlanResult> DemoPlanAsync() =>
        app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25")
            .WithSection("Workforce", s => s.WithObjective("Social workers have time to reflect", o => o
                .WithSource(DemoSource, SourceKind.Staff)
                .WithAction(a => a.WithRef("1").WithLead(TestData.LeadName).WithUpdate(Rating.Green, "Group supervision has started."))
                .WithAction(a => a.WithRef("2").WithDoesWhat("Group supervision for every social worker each month.")))));

    private const string DemoSource = "Staff feedback (isolation test)";

    private async Task<MatrixIds> DemoIdsAsync()
    {
        var plan = await DemoPlanAsync();
        var action = plan.Action("1");
        return new MatrixIds(plan.PlanId, action.Id, action.UpdateIds.Single(), plan.ReviewId("Q1 2024-25"), plan.SourceIds[DemoSource], plan.OrganisationId.ToString());
    }

    /// <summary>Every plan of the organisation, to compare with what a page or the API lists.</summary>
    private async Task<List<Guid>> PlansOfAsync(Guid organisationId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Plans.Where(p => p.OrganisationId == organisationId).Select(p => p.Id).ToListAsync();
    }

    private MatrixIds RiversideIds => new(Riverside.PlanId, Riverside.ActionId, Riverside.UpdateId, Riverside.ReviewId, Riverside.SourceId, Riverside.OrganisationId.ToString());

    private async Task<TestClient> DemoUserAsync(string role)
    {
        var client = app.CreateClient();
        await client.SignInAsync(role);
        return client;
    }

    private async Task<TestClient> RiversideUserAsync(string role)
    {
        var client = app.CreateClient();
        await client.SignInToRiversideAsync(role);
        return client;
    }

    [Fact]
    public async Task Riverside_users_get_not_found_from_every_url_of_the_demo_organisations_data() =>
        await AssertNotFoundEverywhereAsync(await DemoIdsAsync(), RiversideUserAsync);

    [Fact]
    public async Task Demo_users_get_not_found_from_every_url_of_riversides_data() =>
        await AssertNotFoundEverywhereAsync(RiversideIds, DemoUserAsync);

    /// <summary>
    /// Every row of the authorisation matrix whose route names a plan, action, update, review or source, sent with the
    /// other organisation's ids: what the role may use is 404, what it may not is refused as usual, and nothing is saved.
    /// </summary>
    private async Task AssertNotFoundEverywhereAsync(MatrixIds others, Func<string, Task<TestClient>> signIn)
    {
        var rows = AuthorisationMatrix.Table.Where(r => AuthorisationMatrix.NamesOrganisationData(r.Key)).ToList();
        var failures = new List<string>();
        foreach (var role in SignedInRoles)
        {
            using var client = await signIn(role);
            foreach (var (key, row) in rows)
            {
                var url = AuthorisationMatrix.Url(key, row, others);
                var expected = row.Expected.For(role) == Answer.Allowed || (row.RefusedForThisDataOnly && role is not (null or Roles.Viewer))
                    ? Answer.NotFound
                    : row.Expected.For(role);

                // A row whose allowed answer is itself a 404 reads the same either way.
                if (expected == Answer.NotFound && row.AllowedStatus == HttpStatusCode.NotFound)
                    expected = Answer.Allowed;
                var before = await AuthorisationMatrix.FingerprintAsync(app);

                var response = await AuthorisationMatrix.SendAsync(client, role, key, url);

                var actual = AuthorisationMatrix.Classify(response, row, AuthorisationMatrix.IsApi(key));
                if (actual != expected)
                    failures.Add($"{key} as {role}: expected {expected}, got {actual} ({AuthorisationMatrix.Explain(response)})");
                else if (await AuthorisationMatrix.FingerprintAsync(app) != before)
                    failures.Add($"{key} as {role}: refused, yet something was saved");
            }
        }

        // Plans, actions, updates, reviews (and their reports), sources, exports and the API: at least one of each.
        Assert.True(rows.Count >= 25, $"Only {rows.Count} rows name an organisation's data");
        Assert.True(failures.Count == 0, $"{failures.Count} of {rows.Count * SignedInRoles.Length} answers were wrong:\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task Valid_forms_posted_to_another_organisations_data_are_not_found_and_change_nothing()
    {
        var demo = await DemoIdsAsync();
        var action = await app.TestData.ActionAsync(demo.ActionId);
        using var owner = await RiversideUserAsync(Roles.PlanOwner);
        var before = await AuthorisationMatrix.FingerprintAsync(app);
        var today = new Dictionary<string, string> { ["Input.Day"] = "15", ["Input.Month"] = "10", ["Input.Year"] = "2024" };

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/actions/{demo.ActionId}/progress", new() { ["Input.Rating"] = "Red", ["Input.Comment"] = "Written from Riverside" }),
            ($"/actions/{demo.ActionId}/edit", new()
            {
                ["Input.Version"] = action.Version.ToString(CultureInfo.InvariantCulture), ["Input.Ref"] = action.Ref, ["Input.LeadsText"] = action.LeadsText,
                ["Input.DoesWhat"] = "Rewritten from Riverside", ["Input.DueText"] = action.DueText, ["Input.Measure"] = action.Measure,
                ["Input.ChildrenExperience"] = action.ChildrenExperience,
            }),
            ($"/actions/{demo.ActionId}/updates/{demo.UpdateId}/exempt", new() { ["Paragraph"] = "Paragraph 1" }),
            ($"/plans/{demo.PlanId}/reviews", new(today) { ["Input.Label"] = "Q3 from Riverside" }),
            ($"/plans/{demo.PlanId}/rollover", new() { ["Period"] = "2025-26" }),
            ($"/reviews/{demo.ReviewId}?handler=Close", []),
            ($"/reviews/{demo.ReviewId}?handler=Remind", new() { ["personId"] = Guid.Empty.ToString() }),
            ($"/reviews/{demo.ReviewId}?handler=RemindAll", []),
            ($"/reviews/{demo.ReviewId}/narrative", new() { ["Input.Summary"] = "Written from Riverside", ["Version"] = "0" }),
            ($"/sources/{demo.SourceId}/edit", new() { ["Input.Kind"] = "Staff", ["Input.Title"] = "Renamed from Riverside" }),
        };

        foreach (var (url, fields) in posts)
        {
            var response = await owner.PostFormAsync("/account/change-password", url, fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {AuthorisationMatrix.Explain(response)}");
        }

        Assert.Equal(before, await AuthorisationMatrix.FingerprintAsync(app));
    }

    [Fact]
    public async Task Merging_sources_refuses_another_organisations_sources()
    {
        var demo = await DemoIdsAsync();
        using var owner = await RiversideUserAsync(Roles.PlanOwner);
        var before = await AuthorisationMatrix.FingerprintAsync(app);

        // Keeping Riverside's own source and folding the demo one into it would move the demo council's links.
        var response = await owner.PostFormAsync("/sources/merge", "/sources/merge", new() { ["Keep"] = Riverside.SourceId.ToString(), ["Merge"] = demo.SourceId.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no longer in the register", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await AuthorisationMatrix.FingerprintAsync(app));
        await using var db = app.Database.CreateContext();
        Assert.True(await db.Sources.AnyAsync(s => s.Id == demo.SourceId));
    }

    [Fact]
    public async Task Each_organisation_lists_only_its_own_plans_on_the_page_and_in_the_api()
    {
        var demo = await DemoPlanAsync();
        foreach (var (signIn, own, organisation, other, otherTitle) in new[]
        {
            ((Func<string, Task<TestClient>>)DemoUserAsync, demo.PlanId, demo.OrganisationId, Riverside.PlanId, SecondOrganisation.PlanTitle),
            (RiversideUserAsync, Riverside.PlanId, Riverside.OrganisationId, demo.PlanId, demo.Title),
        })
        {
            foreach (var role in SignedInRoles)
            {
                using var client = await signIn(role);
                var page = await client.Http.GetStringAsync("/plans");
                var api = await client.GetJsonAsync<JsonElement>("/api/plans");

                Assert.Contains(own.ToString(), page, StringComparison.Ordinal);
                Assert.DoesNotContain(other.ToString(), page, StringComparison.Ordinal);
                Assert.DoesNotContain(otherTitle, page, StringComparison.Ordinal);
                Assert.Equal((await PlansOfAsync(organisation)).Order(), api.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Order());
            }
        }
    }

    [Fact]
    public async Task My_actions_lists_only_the_leads_own_organisations_actions()
    {
        using var sam = await DemoUserAsync(Roles.Lead);
        using var tom = await RiversideUserAsync(Roles.Lead);
        var samsAction = (await DemoPlanAsync()).Action("1");

        var samsPage = await sam.Http.GetStringAsync("/my-actions");
        var tomsPage = await tom.Http.GetStringAsync("/my-actions");

        Assert.Contains(samsAction.Id.ToString(), samsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside", samsPage, StringComparison.Ordinal);
        Assert.Contains(Riverside.ActionId.ToString(), tomsPage, StringComparison.Ordinal);
        Assert.DoesNotContain(samsAction.Id.ToString(), tomsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_actions_finds_nothing_of_another_organisations_plan()
    {
        var demo = await DemoPlanAsync();
        using var riverside = await RiversideUserAsync(Roles.Viewer);

        // "drop-in" is only in Riverside's plan, "supervision" is in both: a search stays inside the plan asked for.
        var own = await riverside.GetJsonAsync<JsonElement>($"/api/plans/{Riverside.PlanId}/actions?q=supervision");
        var page = await riverside.Http.GetStringAsync($"/plans/{Riverside.PlanId}/actions?q=supervision");
        var theirs = await riverside.Http.GetAsync($"/api/plans/{demo.PlanId}/actions?q=drop-in");

        Assert.All(own.EnumerateArray(), a => Assert.Contains("Riverside", a.GetProperty("doesWhat").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(own.EnumerateArray());
        Assert.DoesNotContain("/actions/" + demo.Action("2").Id, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task The_source_register_and_user_list_show_only_the_organisations_own()
    {
        await DemoPlanAsync();
        var demoDomain = TestClient.EmailOf(Roles.PlanOwner).Split('@')[1];
        using var demoAdmin = await DemoUserAsync(Roles.Admin);
        using var riversideAdmin = await RiversideUserAsync(Roles.Admin);

        var demoSources = await demoAdmin.Http.GetStringAsync("/sources");
        var riversideSources = await riversideAdmin.Http.GetStringAsync("/sources");
        var demoUsers = await demoAdmin.Http.GetStringAsync("/admin/users");
        var riversideUsers = await riversideAdmin.Http.GetStringAsync("/admin/users");

        Assert.Contains(DemoSource, demoSources, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside", demoSources, StringComparison.Ordinal);
        Assert.Contains("Riverside parents", riversideSources, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoSource, riversideSources, StringComparison.Ordinal);
        Assert.Contains(TestClient.EmailOf(Roles.PlanOwner), demoUsers, StringComparison.Ordinal);
        Assert.DoesNotContain("riverside.example", demoUsers, StringComparison.Ordinal);
        Assert.Contains("owner@riverside.example", riversideUsers, StringComparison.Ordinal);
        Assert.DoesNotContain(demoDomain, riversideUsers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_admin_sees_only_their_own_organisations_changes_in_the_audit_trail()
    {
        // A change in each organisation, with words only it wrote.
        var demoAction = await app.TestData.CreateActionAsync();
        using (var demoOwner = await DemoUserAsync(Roles.PlanOwner))
            Assert.Equal(HttpStatusCode.Redirect, (await demoOwner.PostFormAsync("/account/change-password", $"/actions/{demoAction.Id}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Demo audit marker" })).StatusCode);
        using (var riversideOwner = await RiversideUserAsync(Roles.PlanOwner))
            Assert.Equal(HttpStatusCode.Redirect, (await riversideOwner.PostFormAsync("/account/change-password", $"/actions/{Riverside.ActionId}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "Riverside audit marker" })).StatusCode);

        foreach (var (signIn, own, other) in new[]
        {
            ((Func<string, Task<TestClient>>)DemoUserAsync, "Demo audit marker", "Riverside audit marker"),
            (RiversideUserAsync, "Riverside audit marker", "Demo audit marker"),
        })
        {
            using var admin = await signIn(Roles.Admin);
            var page = await admin.Http.GetStringAsync("/admin/audit");
            var export = await admin.Http.GetStringAsync("/admin/audit?handler=Export");
            var ownSearch = await admin.GetPageAsync("/admin/audit?Text=" + Uri.EscapeDataString(own));
            var otherSearch = await admin.GetPageAsync("/admin/audit?Text=" + Uri.EscapeDataString(other));

            Assert.Contains(own, page, StringComparison.Ordinal);
            Assert.DoesNotContain(other, page, StringComparison.Ordinal);
            Assert.Contains(own, export, StringComparison.Ordinal);
            Assert.DoesNotContain(other, export, StringComparison.Ordinal);
            // The search box repeats what was typed, so it is the results that are compared.
            Assert.NotEmpty(ownSearch.QuerySelectorAll("#audit tbody tr"));
            Assert.NotNull(otherSearch.QuerySelector("#no-entries"));
        }
    }
}
