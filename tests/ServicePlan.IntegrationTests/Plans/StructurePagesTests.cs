using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Users;
using ServicePlan.Web.Pages;

namespace ServicePlan.IntegrationTests.Plans;

/// <summary>The "Change the plan's structure" pages: sections, objectives and actions added, moved, removed and restored.</summary>
[Trait("Category", "Database")]
public sealed class StructurePagesTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<TestClient> OwnerAsync()
    {
        var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        return client;
    }

    private async Task<CreatePlanResult> PlanAsync() => await app.TestData.CreatePlanAsync(p => p
        .WithPerson("Morgan Hale", "MH")
        .WithSection("Early Help", s => s
            .WithObjective("Families get help sooner", o => o
                .WithAction(a => a.WithRef("1").WithDoesWhat("Open a second family hub.").WithUpdate(Rating.Green))
                .WithAction(a => a.WithRef("2").WithDoesWhat("Run a parenting course each term.").WithUpdate(Rating.Red))))
        .WithSection("Children in Need", s => s
            .WithObjective("Visits happen on time", o => o
                .WithAction(a => a.WithRef("3").WithDoesWhat("Check visit timeliness every month.")))));

    private async Task<(Guid Id, int Version)> ObjectiveAsync(string aim)
    {
        await using var db = app.Database.CreateContext();
        return await db.Objectives.IgnoreQueryFilters().Where(o => o.Aim == aim).OrderByDescending(o => o.Id).Select(o => new ValueTuple<Guid, int>(o.Id, o.Version)).FirstAsync();
    }

    private async Task<Section> SectionAsync(Guid sectionId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Sections.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == sectionId);
    }

    private async Task<PlanAction> ActionAsync(Guid actionId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Actions.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == actionId);
    }

    private static Dictionary<string, string> ActionForm(string reference, string doesWhat) => new()
    {
        ["Input.Ref"] = reference,
        ["Input.LeadsText"] = "MH",
        ["Input.DoesWhat"] = doesWhat,
        ["Input.DueText"] = "Mar-25",
        ["Input.Measure"] = "Minutes of the board.",
        ["Input.ChildrenExperience"] = "Help arrives sooner.",
    };

    [Fact]
    public async Task The_owner_adds_a_section_an_objective_and_an_action_and_the_action_list_shows_it()
    {
        var plan = await PlanAsync();
        using var owner = await OwnerAsync();
        Assert.NotNull((await owner.GetPageAsync(Links.Plan(plan.PlanId))).QuerySelector("#change-structure"));

        var added = await owner.PostFormAsync(Links.AddSection(plan.PlanId), Links.AddSection(plan.PlanId), new() { ["Title"] = "Care leavers" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            var section = await db.Sections.SingleAsync(s => s.PlanId == plan.PlanId && s.Title == "Care leavers");
            Assert.Equal(3, section.Order);
            var objectiveUrl = Links.AddObjective(plan.PlanId, section.Id);
            Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync(objectiveUrl, objectiveUrl, new() { ["Input.Why"] = "Care leavers have a home" })).StatusCode);
        }

        var (objectiveId, _) = await ObjectiveAsync("Care leavers have a home");
        var actionUrl = Links.AddStructureAction(plan.PlanId, objectiveId);
        var form = ActionForm("4", "Find twenty more supported flats.");
        form["Input.LeadIds"] = plan.PersonIds["Morgan Hale"].ToString();
        var response = await owner.PostFormAsync(actionUrl, actionUrl, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var structure = await owner.GetPageAsync(response.Headers.Location!.OriginalString.Split('#')[0]);
        Assert.Equal("Action 4 added", structure.QuerySelector("#confirmation")!.TextContent.Trim());
        var list = await owner.GetPageAsync(Links.PlanActions(plan.PlanId));
        Assert.Contains("Find twenty more supported flats.", list.Body!.TextContent, StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        var action = await check.Actions.Include(a => a.Leads).SingleAsync(a => a.PlanId == plan.PlanId && a.Ref == "4");
        Assert.Equal("Morgan Hale", Assert.Single(action.Leads).Name);
        Assert.Equal(new DateOnly(2025, 3, 31), action.DueOn);
    }

    [Fact]
    public async Task A_ref_already_used_is_refused_on_add_and_on_edit_with_a_clear_message()
    {
        var plan = await PlanAsync();
        using var owner = await OwnerAsync();
        var (objectiveId, _) = await ObjectiveAsync("Families get help sooner");
        var actionUrl = Links.AddStructureAction(plan.PlanId, objectiveId);

        var refusedAdd = await owner.PostFormAsync(actionUrl, actionUrl, ActionForm(" 2 ", "A second action numbered 2."));
        var action = await app.TestData.ActionAsync(plan.Action("1").Id);
        var editForm = ActionForm("3", action.DoesWhat);
        editForm["Input.Version"] = action.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refusedEdit = await owner.PostFormAsync(Links.EditAction(action.Id), Links.EditAction(action.Id), editForm);

        Assert.Equal(HttpStatusCode.OK, refusedAdd.StatusCode);
        var page = TestClient.Parse(await refusedAdd.Content.ReadAsStringAsync());
        Assert.Contains("Ref 2 is already used by another action in this plan", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".govuk-form-group--error #Input_Ref"));
        Assert.Contains("Ref 3 is already used by another action in this plan", await refusedEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(3, await db.Actions.CountAsync(a => a.PlanId == plan.PlanId));
        Assert.Equal("1", (await app.TestData.ActionAsync(action.Id)).Ref);
    }

    [Fact]
    public async Task Removing_an_action_keeps_it_in_the_removed_list_and_out_of_the_list_the_counts_and_the_export_until_restored()
    {
        var plan = await PlanAsync();
        using var owner = await OwnerAsync();
        var removed = await app.TestData.ActionAsync(plan.Action("2").Id);
        var url = Links.RemoveStructureAction(plan.PlanId, removed.Id);

        var confirm = await owner.GetPageAsync(url);
        Assert.Contains("Are you sure you want to remove action 2?", confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var response = await owner.PostFormAsync(url, url, new() { ["Version"] = removed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ActionAsync(removed.Id);
        Assert.NotNull(stored.RemovedAtUtc);
        Assert.Equal(TestData.OwnerName, stored.RemovedBy);
        Assert.DoesNotContain(removed.DoesWhat, (await owner.GetPageAsync(Links.PlanActions(plan.PlanId))).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(removed.DoesWhat, await owner.Http.GetStringAsync(Links.ExportPlan(plan.PlanId, "csv")), StringComparison.Ordinal);
        Assert.DoesNotContain(removed.DoesWhat, await owner.Http.GetStringAsync($"/api/plans/{plan.PlanId}/actions"), StringComparison.Ordinal);
        var counts = (await owner.GetPageAsync(Links.Plan(plan.PlanId))).QuerySelector("#sections-table tfoot")!.TextContent;
        var numbers = Numbers(counts);
        Assert.Equal("0", numbers[1]);
        Assert.Equal("2", numbers[^1]);
        await owner.GetPageAsync(Links.Action(removed.Id), HttpStatusCode.NotFound);

        var list = await owner.GetPageAsync(Links.RemovedFromPlan(plan.PlanId));
        var row = list.QuerySelector("#removed-actions tbody tr")!.TextContent;
        Assert.Contains("Action 2: Run a parenting course each term.", row, StringComparison.Ordinal);
        Assert.Contains("by " + TestData.OwnerName, row, StringComparison.Ordinal);

        var restored = await owner.PostFormAsync(Links.RemovedFromPlan(plan.PlanId), Links.RemovedFromPlan(plan.PlanId) + "?handler=RestoreAction", new() { ["id"] = removed.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null((await ActionAsync(removed.Id)).RemovedAtUtc);
        Assert.Contains(removed.DoesWhat, await owner.Http.GetStringAsync(Links.ExportPlan(plan.PlanId, "csv")), StringComparison.Ordinal);
        Assert.NotNull((await owner.GetPageAsync(Links.RemovedFromPlan(plan.PlanId))).QuerySelector("#nothing-removed"));

        // The trail says what happened in words, on the action's page and the admin's audit trail.
        await using var db = app.Database.CreateContext();
        var sentences = await db.AuditEntries.Where(e => e.ActionId == removed.Id && e.Summary != null).Select(e => e.Summary).ToListAsync();
        Assert.Contains("Action 2 removed", sentences);
        Assert.Contains("Action 2 restored", sentences);
        Assert.Contains("Action 2 removed", (await owner.GetPageAsync(Links.Action(removed.Id))).QuerySelector("#change-log")!.TextContent, StringComparison.Ordinal);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        var audit = await admin.GetPageAsync(Links.Audit("Action", "", "", "", "Action 2 restored"));
        Assert.Contains("Action 2 restored", audit.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string[] Numbers(string text) => text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsDigit)).ToArray();

    [Fact]
    public async Task Removing_a_section_takes_its_objectives_and_actions_with_it_and_restoring_it_brings_back_only_those()
    {
        var plan = await PlanAsync();
        using var owner = await OwnerAsync();
        var sectionId = plan.SectionId("Early Help");
        // Removed on its own first: restoring the section later must leave it removed.
        var alone = await app.TestData.ActionAsync(plan.Action("1").Id);
        var aloneUrl = Links.RemoveStructureAction(plan.PlanId, alone.Id);
        await owner.PostFormAsync(aloneUrl, aloneUrl, new() { ["Version"] = alone.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var section = await SectionAsync(sectionId);
        var url = Links.RemoveSection(plan.PlanId, sectionId);

        var response = await owner.PostFormAsync(url, url, new() { ["Version"] = section.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await ActionAsync(plan.Action("2").Id)).RemovedAtUtc);
        var overview = (await owner.GetPageAsync(Links.Plan(plan.PlanId))).QuerySelector("#sections-table")!.TextContent;
        Assert.DoesNotContain("Early Help", overview, StringComparison.Ordinal);
        var removedList = await owner.GetPageAsync(Links.RemovedFromPlan(plan.PlanId));
        Assert.Contains("With 1 objective and 1 action", removedList.QuerySelector("#removed-sections")!.TextContent, StringComparison.Ordinal);
        Assert.Null(removedList.QuerySelector("#removed-objectives"));

        // An action whose section is removed is restored with the section, not on its own.
        var refused = await owner.PostFormAsync(Links.RemovedFromPlan(plan.PlanId), Links.RemovedFromPlan(plan.PlanId) + "?handler=RestoreAction", new() { ["id"] = alone.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = TestClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")?.TextContent ?? await refused.Content.ReadAsStringAsync();
        Assert.Contains("Section 'Early Help' was removed too: restore the section first", refusal, StringComparison.Ordinal);

        var restored = await owner.PostFormAsync(Links.RemovedFromPlan(plan.PlanId), Links.RemovedFromPlan(plan.PlanId) + "?handler=RestoreSection", new() { ["id"] = sectionId.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null((await SectionAsync(sectionId)).RemovedAtUtc);
        Assert.Null((await ActionAsync(plan.Action("2").Id)).RemovedAtUtc);
        Assert.NotNull((await ActionAsync(alone.Id)).RemovedAtUtc);
        await using var db = app.Database.CreateContext();
        Assert.Contains("Section 'Early Help' removed", await db.AuditEntries.Where(e => e.PlanId == plan.PlanId).Select(e => e.Summary).ToListAsync());
        Assert.Contains("Action 2 removed with section 'Early Help'", await db.AuditEntries.Where(e => e.ActionId == plan.Action("2").Id).Select(e => e.Summary).ToListAsync());
    }

    [Fact]
    public async Task Sections_are_renamed_and_moved_and_objectives_and_actions_move_between_them()
    {
        var plan = await PlanAsync();
        using var owner = await OwnerAsync();
        var early = plan.SectionId("Early Help");
        var need = plan.SectionId("Children in Need");

        var rename = Links.RenameSection(plan.PlanId, early);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync(rename, rename, new() { ["Title"] = "Early Help and Prevention", ["Version"] = "0" })).StatusCode);
        var moved = await owner.PostFormAsync(Links.PlanStructure(plan.PlanId), Links.PlanStructure(plan.PlanId) + "?handler=Move", new() { ["sectionId"] = need.ToString(), ["direction"] = "up" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var action = await app.TestData.ActionAsync(plan.Action("1").Id);
        var (target, _) = await ObjectiveAsync("Visits happen on time");
        var moveAction = Links.MoveStructureAction(plan.PlanId, action.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync(moveAction, moveAction, new() { ["Version"] = action.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ObjectiveId"] = target.ToString() })).StatusCode);

        var (objectiveId, version) = await ObjectiveAsync("Families get help sooner");
        var edit = Links.EditObjective(plan.PlanId, objectiveId);
        var objectiveSaved = await owner.PostFormAsync(edit, edit, new()
        {
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Why"] = "Families get help sooner, nearer home",
            ["Input.SectionId"] = need.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, objectiveSaved.StatusCode);

        Assert.Equal("Early Help and Prevention", (await SectionAsync(early)).Title);
        Assert.Equal(1, (await SectionAsync(need)).Order);
        Assert.Equal(2, (await SectionAsync(early)).Order);
        Assert.Equal(target, (await ActionAsync(action.Id)).ObjectiveId);
        var structure = (await owner.GetPageAsync(Links.PlanStructure(plan.PlanId))).QuerySelector($"#section-{need}")!.TextContent;
        Assert.Contains("Families get help sooner, nearer home", structure, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var sentences = await db.AuditEntries.Where(e => e.PlanId == plan.PlanId && e.Summary != null).Select(e => e.Summary!).ToListAsync();
        Assert.Contains("Section 'Early Help' renamed to 'Early Help and Prevention'", sentences);
        Assert.Contains("Section 'Children in Need' moved up to position 1", sentences);
        Assert.Contains("Action 1 moved to objective 'Visits happen on time'", sentences);
        Assert.Contains("Objective 'Families get help sooner' now reads 'Families get help sooner, nearer home', moved to section 'Children in Need'", sentences);
    }

    [Fact]
    public async Task Renumbering_a_section_gives_its_actions_numbers_after_the_sections_above()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithSection("First", s => s.WithAction(a => a.WithRef("5")).WithAction(a => a.WithRef("A")))
            .WithSection("Second", s => s.WithAction(a => a.WithRef("X1")).WithAction(a => a.WithRef("9"))));
        using var owner = await OwnerAsync();
        var url = Links.RenumberSection(plan.PlanId, plan.SectionId("Second"));

        var preview = await owner.GetPageAsync(url);
        Assert.Contains("Renumber 2 actions", preview.QuerySelector("#renumber-button")!.TextContent, StringComparison.Ordinal);
        var response = await owner.PostFormAsync(url, url, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("6", (await ActionAsync(plan.Action("X1").Id)).Ref);
        Assert.Equal("7", (await ActionAsync(plan.Action("9").Id)).Ref);
        Assert.Equal("A", (await ActionAsync(plan.Action("A").Id)).Ref);
    }

    [Fact]
    public async Task A_removal_from_a_stale_page_is_refused_and_removes_nothing()
    {
        var plan = await PlanAsync();
        using var owner = await OwnerAsync();
        var action = await app.TestData.ActionAsync(plan.Action("3").Id);
        var url = Links.RemoveStructureAction(plan.PlanId, action.Id);

        var response = await owner.PostFormAsync(url, url, new() { ["Version"] = (action.Version + 5).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed action 3 after you opened this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await ActionAsync(action.Id)).RemovedAtUtc);
    }

    [Fact]
    public async Task Leads_and_viewers_cannot_change_the_structure_and_a_closed_plan_cannot_be_changed()
    {
        var plan = await PlanAsync();
        foreach (var role in new[] { Roles.Lead, Roles.Viewer })
        {
            using var client = app.CreateClient();
            await client.SignInAsync(role);
            Assert.Null((await client.GetPageAsync(Links.Plan(plan.PlanId))).QuerySelector("#change-structure"));
            var page = await client.Http.GetAsync(Links.PlanStructure(plan.PlanId));
            Assert.Contains("/account/access-denied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var post = await client.PostFormAsync("/account/change-password", Links.AddSection(plan.PlanId), new() { ["Title"] = "Not allowed" });
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
            Assert.False(await db.Sections.AnyAsync(s => s.PlanId == plan.PlanId && s.Title == "Not allowed"));

        var closed = await app.TestData.CreatePlanAsync(p => p.Closed().WithSection("Old", s => s.WithAction()));
        using var owner = await OwnerAsync();
        var structure = await owner.GetPageAsync(Links.PlanStructure(closed.PlanId));
        Assert.NotNull(structure.QuerySelector("#plan-closed"));
        Assert.Null(structure.QuerySelector("a[href$='/remove']"));
        var add = await owner.Http.GetAsync(Links.AddSection(closed.PlanId));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var refused = await owner.PostFormAsync(Links.PlanStructure(closed.PlanId), Links.AddSection(closed.PlanId), new() { ["Title"] = "Too late" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.False(await check.Sections.AnyAsync(s => s.PlanId == closed.PlanId && s.Title == "Too late"));
    }
}
