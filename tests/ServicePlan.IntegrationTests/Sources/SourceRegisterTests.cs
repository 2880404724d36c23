using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Sources;

/// <summary>The source register: the list, one source with everything that answers it across years, adding, editing and merging.</summary>
[Trait("Category", "Database")]
public sealed class SourceRegisterTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    /// <summary>A source of the council's, answered by an objective in a plan of its own.</summary>
    private async Task<Source> CreateSourceAsync(string title, SourceKind kind = SourceKind.Other)
    {
        await app.TestData.CreatePlanAsync(p => p.WithSection("Quality assurance", s => s.WithObjective($"Answers {title}", o => o.WithSource(title, kind).WithAction())));
        return await SourceAsync(title);
    }

    private async Task<Source> SourceAsync(string title)
    {
        await using var db = app.Database.CreateContext();
        return await db.Sources.AsNoTracking().SingleAsync(s => s.Title == title);
    }

    [Fact]
    public async Task The_register_lists_the_organisations_sources_and_filters_by_kind()
    {
        var inspection = await CreateSourceAsync("Ofsted ILACS inspection (register test)", SourceKind.Inspection);
        var staff = await CreateSourceAsync("Staff feedback (register test)", SourceKind.Staff);
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var all = await client.GetPageAsync("/sources");
        var staffOnly = await client.GetPageAsync("/sources?kind=Staff");

        var titles = all.QuerySelectorAll("#sources tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(inspection.Title, titles);
        Assert.Contains(staff.Title, titles);
        var staffTitles = staffOnly.QuerySelectorAll("#sources tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(staff.Title, staffTitles);
        await using var db = app.Database.CreateContext();
        var everyStaffSource = await db.Sources.Where(s => s.OrganisationId == staff.OrganisationId && s.Kind == SourceKind.Staff).Select(s => s.Title).ToListAsync();
        Assert.Equal(everyStaffSource.Order(StringComparer.Ordinal), staffTitles.Order(StringComparer.Ordinal));
        Assert.NotNull(all.QuerySelector(".govuk-service-navigation__link[href='/sources']"));
    }

    [Fact]
    public async Task A_source_shows_every_objective_and_action_answering_it_in_every_years_plan_with_its_current_rating()
    {
        const string title = "Ofsted ILACS inspection (across years)";
        var current = await app.TestData.CreatePlanAsync(p => p.WithSection("Ofsted recommendations", s => s
            .WithObjective("Supervision is reflective", o => o.WithSource(title, SourceKind.Inspection)
                .WithAction(a => a.WithRef("1").WithRating(Rating.Amber))
                .WithAction(a => a.WithRef("2").WithRating(Rating.Blue)))
            .WithObjective("Plans are timely", o => o.WithSource(title, SourceKind.Inspection)
                .WithAction(a => a.WithRef("3")))
            .WithObjective("Something else", o => o.WithAction(a => a.WithRef("4")))));
        var ofsted = await SourceAsync(title);
        var (oldPlan, oldAction) = await AddClosedPlanAnsweringAsync(title);
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/sources/{ofsted.Id}");

        await using var db = app.Database.CreateContext();
        var expected = await db.Actions.Where(a => a.Objective!.Sources.Any(s => s.Id == ofsted.Id)).Select(a => a.Id).ToListAsync();
        var shown = page.QuerySelectorAll("tr[data-action]").Select(tr => Guid.Parse(tr.GetAttribute("data-action")!)).ToList();
        Assert.Equal(expected.Order(), shown.Order());
        Assert.True(expected.Count > 2);

        var plans = page.QuerySelectorAll("section[data-plan]").Select(s => s.GetAttribute("data-plan")).ToList();
        Assert.Equal([current.PlanId.ToString(), oldPlan.ToString()], plans);
        Assert.Contains("closed", page.QuerySelector($"#plan-{oldPlan}")!.TextContent, StringComparison.Ordinal);

        // The closed plan's action was Red, then Green: its current rating is the latest.
        Assert.Equal("Green", page.QuerySelector($"tr[data-action='{oldAction}'] .app-rating")!.TextContent.Trim());
        Assert.Equal("Amber", page.QuerySelector($"tr[data-action='{current.Action("1").Id}'] .app-rating")!.TextContent.Trim());
        Assert.Equal("Not rated", page.QuerySelector($"tr[data-action='{current.Action("3").Id}'] .app-rating")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_organisations_source_is_not_found()
    {
        Guid foreign;
        await using (var db = app.Database.CreateContext())
        {
            var organisation = new Organisation { Name = "Another council" };
            var source = new Source { OrganisationId = organisation.Id, Title = "Their audit", Kind = SourceKind.Audit };
            db.AddRange(organisation, source);
            await db.SaveChangesAsync();
            foreign = source.Id;
        }

        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        await client.GetPageAsync($"/sources/{foreign}", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/sources/{foreign}/edit", HttpStatusCode.NotFound);
        var list = await client.GetPageAsync("/sources");
        Assert.DoesNotContain("Their audit", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_save_of_a_source_from_a_stale_form_is_refused_and_shows_what_changed()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        var source = await CreateSourceAsync("Child Q serious case review", SourceKind.SeriousCaseReview);
        Dictionary<string, string> Form(string title) => new()
        {
            ["Input.Version"] = source.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = source.Kind.ToString(),
            ["Input.Title"] = title,
        };

        var saved = await owner.PostFormAsync($"/sources/{source.Id}/edit", $"/sources/{source.Id}/edit", Form("Child Q local safeguarding practice review"));
        var refused = await admin.PostFormAsync($"/sources/{source.Id}/edit", $"/sources/{source.Id}/edit", Form("Child Q review (2022)"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = TestClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this source after you opened it", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Child Q local safeguarding practice review", page.QuerySelector(".app-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your version differs in: Title.", page.QuerySelector("[aria-labelledby=conflict-title]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Child Q review (2022)", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Child Q local safeguarding practice review", (await SourceAsync("Child Q local safeguarding practice review")).Title);

        // Saving again from the refused form is judged against what is saved now, so it goes through.
        var version = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var again = await admin.PostFormAsync($"/sources/{source.Id}/edit", $"/sources/{source.Id}/edit", new(Form("Child Q review (2022)")) { ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task The_owner_adds_an_inspection_with_its_recommendation_and_corrects_it()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var added = await client.PostFormAsync("/sources/add", "/sources/add", new()
        {
            ["Input.Kind"] = "Inspection",
            ["Input.Title"] = "JTAI neglect 2025",
            ["Input.Day"] = "3",
            ["Input.Month"] = "2",
            ["Input.Year"] = "2025",
            ["Input.Reference"] = "JTAI-7",
            ["Input.Recommendation"] = "Leaders should ensure that supervision records the impact of plans.",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var source = await SourceAsync("JTAI neglect 2025");
        Assert.Equal((SourceKind.Inspection, new DateOnly(2025, 2, 3), "JTAI-7"), (source.Kind, source.Date, source.Reference));
        var page = await client.GetPageAsync(added.Headers.Location!.ToString());
        Assert.Equal("Leaders should ensure that supervision records the impact of plans.", page.QuerySelector("#recommendation")!.TextContent.Trim());

        var edited = await client.PostFormAsync($"/sources/{source.Id}/edit", $"/sources/{source.Id}/edit", new()
        {
            ["Input.Kind"] = "Inspection",
            ["Input.Title"] = "JTAI neglect February 2025",
            ["Input.Recommendation"] = "Leaders should ensure that supervision records the impact of plans.",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var saved = await SourceAsync("JTAI neglect February 2025");
        Assert.Null(saved.Date);
    }

    [Fact]
    public async Task A_source_form_with_mistakes_says_what_to_fix_and_saves_nothing()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.PostFormAsync("/sources/add", "/sources/add", new()
        {
            ["Input.Kind"] = "Staff",
            ["Input.Title"] = "Staff survey with a recommendation",
            ["Input.Day"] = "31",
            ["Input.Month"] = "2",
            ["Input.Year"] = "2025",
            ["Input.Recommendation"] = "Staff do not make recommendations.",
        });

        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var errors = page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("The source's date must be a real date", errors);
        Assert.Contains(errors, e => e.StartsWith("Only Ofsted recommendations, inspections and audits have a recommendation", StringComparison.Ordinal));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Sources.AnyAsync(s => s.Title == "Staff survey with a recommendation"));
    }

    [Fact]
    public async Task Viewers_and_leads_cannot_add_edit_or_merge_sources()
    {
        var staff = await CreateSourceAsync("Staff feedback (not theirs to edit)", SourceKind.Staff);
        foreach (var role in new[] { Roles.Viewer, Roles.Lead })
        {
            using var client = app.CreateClient();
            await client.SignInAsync(role);
            foreach (var url in new[] { "/sources/add", $"/sources/{staff.Id}/edit", "/sources/merge" })
            {
                var response = await client.Http.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Merging_moves_every_link_to_the_kept_source_once_and_deletes_the_duplicates()
    {
        var created = await app.TestData.CreatePlanAsync(p => p.WithSection("Children in Care", s => s.WithAction()).WithSection("Care Leavers", s => s.WithAction()));
        var plan = new { Id = created.PlanId, created.OrganisationId };
        Guid kept, duplicate, both, onlyDuplicate;
        await using (var db = app.Database.CreateContext())
        {
            var objectives = await db.Objectives.Include(o => o.Sources).Where(o => o.Section!.PlanId == plan.Id).OrderBy(o => o.Section!.Order).ThenBy(o => o.Order).Take(2).ToListAsync();
            var a = new Source { OrganisationId = plan.OrganisationId, Title = "Action for children", Kind = SourceKind.ChildrenAndYoungPeople };
            var b = new Source { OrganisationId = plan.OrganisationId, Title = "Action For Children survey", Kind = SourceKind.ChildrenAndYoungPeople, Date = new DateOnly(2023, 8, 1) };
            db.Sources.AddRange(a, b);
            objectives[0].Sources.AddRange([a, b]);
            objectives[1].Sources.Add(b);
            await db.SaveChangesAsync();
            (kept, duplicate, both, onlyDuplicate) = (a.Id, b.Id, objectives[0].Id, objectives[1].Id);
        }

        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var response = await client.PostFormAsync("/sources/merge", "/sources/merge", new() { ["Keep"] = kept.ToString() }, [new("Merge", duplicate.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/sources/{kept}", response.Headers.Location!.ToString());
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Sources.AnyAsync(s => s.Id == duplicate));
            var links = await db.Objectives.Where(o => o.Id == both || o.Id == onlyDuplicate)
                .Select(o => new { o.Id, Sources = o.Sources.Select(s => s.Id).ToList() }).ToListAsync();
            Assert.Equal([kept], links.Single(l => l.Id == both).Sources.Where(id => id == kept || id == duplicate));
            Assert.Equal([kept], links.Single(l => l.Id == onlyDuplicate).Sources.Where(id => id == kept || id == duplicate));
            Assert.Equal(new DateOnly(2023, 8, 1), (await db.Sources.SingleAsync(s => s.Id == kept)).Date);
        }
    }

    [Fact]
    public async Task Merging_needs_a_source_to_keep_and_another_to_merge()
    {
        var staff = await CreateSourceAsync("Staff feedback (nothing to merge)", SourceKind.Staff);
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);

        var response = await client.PostFormAsync("/sources/merge", "/sources/merge", new() { ["Keep"] = staff.Id.ToString() }, [new("Merge", staff.Id.ToString())]);

        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select at least one other source to merge into the one you keep", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.Sources.AnyAsync(s => s.Id == staff.Id));
    }

    [Fact]
    public async Task The_action_page_links_each_source_to_its_page()
    {
        var action = (await app.TestData.CreatePlanAsync(p => p.WithSection("Children in Care", s => s.WithObjective("Care plans are reviewed on time", o => o
            .WithSource("Ofsted ILACS inspection 2020 (linked)", SourceKind.Inspection)
            .WithAction())))).SingleAction;
        var ofsted = await SourceAsync("Ofsted ILACS inspection 2020 (linked)");
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync($"/actions/{action.Id}");

        Assert.Equal("Ofsted ILACS inspection 2020 (linked)", page.QuerySelector($"a[href='/sources/{ofsted.Id}']")!.TextContent.Trim());
    }

    /// <summary>Last year's plan, rolled over and closed, with one objective answering the source and one action rated Red then Green.</summary>
    private async Task<(Guid Plan, Guid Action)> AddClosedPlanAnsweringAsync(string sourceTitle)
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithTitle(TestData.UniqueTitle("Service Development Plan 2023-4"))
            .ForYear(2023)
            .Closed()
            .WithSection("Ofsted", s => s.WithObjective("Supervision is reflective (Ofsted)", o => o
                .WithSource(sourceTitle)
                .WithAction(a => a.WithRef("3").WithDoesWhat("Audit supervision quarterly").WithUpdate(Rating.Red).WithUpdate(Rating.Green)))));
        return (plan.PlanId, plan.SingleAction.Id);
    }
}
