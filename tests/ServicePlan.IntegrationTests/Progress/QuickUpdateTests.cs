using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Progress;

/// <summary>"Update several at once": a lead's actions of one plan on one form, saved all or nothing; an owner on a lead's behalf.</summary>
[Trait("Category", "Database")]
public sealed class QuickUpdateTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string ChildsName = "Jayden Whitfield-Oyelaran";

    /// <summary>A plan with an open review whose actions 4.1, 4.2 and 4.3 the lead leads, and 4.9 a colleague leads.</summary>
    private async Task<CreatePlanResult> PlanLedByAsync(TestUser lead) =>
        await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q3 2024-25")
            .WithSection("Early Help", s => s
                .WithAction(a => a.WithRef("4.1").WithDoesWhat("Run the parenting group").WithLead(lead.Name).WithUpdate(Rating.Green, "Group planned."))
                .WithAction(a => a.WithRef("4.2").WithDoesWhat("Review the front door").WithLead(lead.Name))
                .WithAction(a => a.WithRef("4.3").WithDoesWhat("Train the duty team").WithLead(lead.Name).WithUpdate(Rating.Amber, "Dates being set."))
                .WithAction(a => a.WithRef("4.9").WithDoesWhat("Someone else's action").WithLead("Morgan Hale").WithUpdate(Rating.Red, "Stuck."))));

    private async Task<(TestClient Client, TestUser Lead, CreatePlanResult Plan)> LeadWithPlanAsync()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead, $"Avery Lindqvist {Guid.NewGuid():N}"[..24]);
        var plan = await PlanLedByAsync(lead);
        var client = app.CreateClient();
        await client.SignInAsync(lead);
        return (client, lead, plan);
    }

    /// <summary>The form's hidden fields as the page gave them, with a rating and comment for each ref given.</summary>
    private static Dictionary<string, string> Fill(IHtmlDocument page, params (string Ref, string? Rating, string? Comment)[] rows)
    {
        var fields = page.QuerySelectorAll("form input[type=hidden][name^='Rows[']")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (reference, rating, comment) in rows)
        {
            var section = page.QuerySelector($"section[data-action-ref='{reference}']") ?? throw new InvalidOperationException($"No row for action {reference}");
            var prefix = section.QuerySelector("input[name$='.ActionId']")!.GetAttribute("name")![..^".ActionId".Length];
            if (rating is not null)
                fields[$"{prefix}.Rating"] = rating;
            if (comment is not null)
                fields[$"{prefix}.Comment"] = comment;
        }

        return fields;
    }

    private async Task<int> UpdatesAsync(Guid actionId)
    {
        await using var db = app.Database.CreateContext();
        return await db.ProgressUpdates.CountAsync(u => u.ActionId == actionId);
    }

    [Fact]
    public async Task My_actions_offers_to_update_several_at_once()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;

        var page = await client.GetPageAsync("/my-actions");

        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Update several at once", StringComparison.Ordinal));
        Assert.Equal($"/plans/{plan.PlanId}/quick-update", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_form_lists_the_leads_own_actions_with_their_latest_update_beside_the_fields()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;

        var page = await client.GetPageAsync($"/plans/{plan.PlanId}/quick-update");

        Assert.Equal(["4.1", "4.2", "4.3"], page.QuerySelectorAll("section[data-action-ref]").Select(s => s.GetAttribute("data-action-ref") ?? "").ToArray());
        var first = page.QuerySelector("[data-previous='4.1']")!.TextContent;
        Assert.Contains("Green", first, StringComparison.Ordinal);
        Assert.Contains("Group planned.", first, StringComparison.Ordinal);
        Assert.Contains("No update yet", page.QuerySelector("[data-previous='4.2']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Run the parenting group", page.QuerySelector("section[data-action-ref='4.1']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quick_update_saves_every_filled_row_under_the_open_review_and_skips_blank_ones()
    {
        var (client, lead, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var url = $"/plans/{plan.PlanId}/quick-update";
        var form = Fill(await client.GetPageAsync(url), ("4.1", "Blue", "Group ran for six weeks."), ("4.2", "Amber", "Front door review started."));

        var response = await client.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("2 progress updates saved: actions 4.1, 4.2", after.QuerySelector("#quick-update-saved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Rating.Blue, (await app.TestData.ActionAsync(plan.Action("4.1").Id)).CurrentRating);
        Assert.Equal(Rating.Amber, (await app.TestData.ActionAsync(plan.Action("4.2").Id)).CurrentRating);
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.3").Id));
        await using var db = app.Database.CreateContext();
        var saved = await db.ProgressUpdates.AsNoTracking().Where(u => u.ActionId == plan.Action("4.2").Id).SingleAsync();
        Assert.Equal(plan.ReviewId("Q3 2024-25"), saved.ReviewId);
        Assert.Equal(lead.Name, saved.AuthorName);
        Assert.Null(saved.EnteredByName);
    }

    [Fact]
    public async Task One_bad_row_saves_nothing_and_the_error_names_the_row_and_links_to_its_field()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var url = $"/plans/{plan.PlanId}/quick-update";
        var form = Fill(await client.GetPageAsync(url), ("4.1", "Blue", "Group ran for six weeks."), ("4.2", "Amber", ""), ("4.3", null, "Training booked."));

        var response = await client.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Action 4.2: Enter a comment on progress", "#Rows_1__Comment"), links);
        Assert.Contains(("Action 4.3: Select a rating", "#Rows_2__Rating"), links);
        Assert.NotNull(page.QuerySelector("#Rows_1__Comment.govuk-textarea--error"));
        Assert.NotNull(page.QuerySelector("#Rows_2__Rating"));
        // What was typed is kept.
        Assert.Equal("Group ran for six weeks.", page.QuerySelector("#Rows_0__Comment")!.TextContent);
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.1").Id));
        Assert.Equal(0, await UpdatesAsync(plan.Action("4.2").Id));
    }

    [Fact]
    public async Task A_form_with_every_row_blank_says_so_and_saves_nothing()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var url = $"/plans/{plan.PlanId}/quick-update";

        var response = await client.PostFormAsync(url, url, Fill(await client.GetPageAsync(url)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a rating and a comment for at least one action", TestClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_cannot_include_an_action_they_do_not_lead_and_nothing_is_saved()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var url = $"/plans/{plan.PlanId}/quick-update";
        var page = await client.GetPageAsync(url);
        Assert.Null(page.QuerySelector("section[data-action-ref='4.9']"));
        var form = Fill(page, ("4.1", "Blue", "Group ran for six weeks."));
        // Appended after the page's three rows, as a hand-made post would have to be for the list to bind.
        form["Rows[3].ActionId"] = plan.Action("4.9").Id.ToString();
        form["Rows[3].Rating"] = "Green";
        form["Rows[3].Comment"] = "Not mine to update.";

        var response = await client.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = TestClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Action 4.9: You do not lead this action, so you cannot update it", summary, StringComparison.Ordinal);
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.1").Id));
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.9").Id));
    }

    [Fact]
    public async Task A_lead_cannot_enter_a_colleagues_updates_on_their_behalf()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var colleague = plan.PersonIds["Morgan Hale"];
        var url = $"/plans/{plan.PlanId}/quick-update/{colleague}";

        var get = await client.Http.GetAsync(url);
        var post = await client.PostFormAsync($"/plans/{plan.PlanId}/quick-update", url, new() { ["Rows[0].ActionId"] = plan.Action("4.9").Id.ToString(), ["Rows[0].Rating"] = "Green", ["Rows[0].Comment"] = "On their behalf." });

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("access-denied", get.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("access-denied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.9").Id));
    }

    [Fact]
    public async Task An_owner_enters_a_leads_updates_on_their_behalf_recorded_as_the_leads_and_shown_as_entered_by_the_owner()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead, $"Avery Lindqvist {Guid.NewGuid():N}"[..24]);
        var plan = await PlanLedByAsync(lead);
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var overview = await owner.GetPageAsync($"/plans/{plan.PlanId}");
        Assert.Equal($"/plans/{plan.PlanId}/quick-update", overview.QuerySelector("#quick-update-on-behalf")!.GetAttribute("href"));
        var chooser = await owner.GetPageAsync($"/plans/{plan.PlanId}/quick-update");
        var personId = plan.PersonIds[lead.Name];
        var url = $"/plans/{plan.PlanId}/quick-update/{personId}";
        Assert.Contains(chooser.QuerySelectorAll("#leads a"), a => a.GetAttribute("href") == url && a.TextContent == lead.Name);
        var page = await owner.GetPageAsync(url);
        Assert.Contains($"Update on behalf of {lead.Name}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["4.1", "4.2", "4.3"], page.QuerySelectorAll("section[data-action-ref]").Select(s => s.GetAttribute("data-action-ref") ?? "").ToArray());

        var response = await owner.PostFormAsync(url, url, Fill(page, ("4.2", "Red", "Front door review paused.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        var saved = await db.ProgressUpdates.AsNoTracking().SingleAsync(u => u.ActionId == plan.Action("4.2").Id);
        Assert.Equal(lead.Name, saved.AuthorName);
        Assert.Equal(await db.Users.Where(u => u.Email == lead.Email).Select(u => u.Id).SingleAsync(), saved.AuthorUserId);
        Assert.Equal(TestData.OwnerName, saved.EnteredByName);
        Assert.NotNull(saved.EnteredByUserId);
        var said = $"entered by {TestData.OwnerName} on behalf of {lead.Name}";
        var history = (await owner.GetPageAsync($"/actions/{plan.Action("4.2").Id}")).QuerySelector(".app-history-row")!.TextContent;
        Assert.Contains(said, history, StringComparison.Ordinal);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.ActionId == plan.Action("4.2").Id && e.Entity == "Progress update");
        Assert.Equal($"Progress update to action 4.2 {said}: Red", entry.Summary);
        Assert.Equal(plan.PlanId, entry.PlanId);
    }

    [Fact]
    public async Task An_owner_on_a_leads_behalf_cannot_include_an_action_the_lead_does_not_lead()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead, $"Avery Lindqvist {Guid.NewGuid():N}"[..24]);
        var plan = await PlanLedByAsync(lead);
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/plans/{plan.PlanId}/quick-update/{plan.PersonIds[lead.Name]}";
        var form = Fill(await owner.GetPageAsync(url), ("4.1", "Blue", "Done."));
        form["Rows[3].ActionId"] = plan.Action("4.9").Id.ToString();
        form["Rows[3].Rating"] = "Green";
        form["Rows[3].Comment"] = "Moving again.";

        var response = await owner.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Action 4.9: This action is not led by {lead.Name}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.1").Id));
    }

    [Fact]
    public async Task A_comment_naming_a_child_brings_the_personal_data_warning_and_confirming_saves_with_the_confirmation_recorded()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var url = $"/plans/{plan.PlanId}/quick-update";
        var form = Fill(await client.GetPageAsync(url), ("4.1", "Amber", $"Sept: {ChildsName} joined the group."), ("4.2", "Green", "Review under way."));

        var warned = await client.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = TestClient.Parse(await warned.Content.ReadAsStringAsync());
        Assert.Contains("Action 4.1 – Comment on progress", page.QuerySelector("#personal-data-warning")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Confirm_SaveAsWritten"));
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.1").Id));
        Assert.Equal(0, await UpdatesAsync(plan.Action("4.2").Id));

        var confirmed = await client.PostFormConfirmingPersonalDataAsync(url, form);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(Rating.Amber, (await app.TestData.ActionAsync(plan.Action("4.1").Id)).CurrentRating);
        Assert.Equal(Rating.Green, (await app.TestData.ActionAsync(plan.Action("4.2").Id)).CurrentRating);
        await using var db = app.Database.CreateContext();
        var confirmation = await db.PersonalDataConfirmations.AsNoTracking().SingleAsync(c => c.PlanId == plan.PlanId);
        Assert.Equal("Action 4.1 – Comment on progress", confirmation.Where);
        Assert.Equal(plan.Action("4.1").Id, confirmation.ActionId);
    }

    [Fact]
    public async Task A_row_updated_by_someone_else_since_the_form_was_opened_is_reported_and_saving_again_confirms()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var url = $"/plans/{plan.PlanId}/quick-update";
        var form = Fill(await client.GetPageAsync(url), ("4.1", "Blue", "Group ran for six weeks."), ("4.2", "Green", "Review under way."));
        using (var owner = app.CreateClient())
        {
            await owner.SignInAsync(Roles.PlanOwner);
            var single = $"/actions/{plan.Action("4.1").Id}/progress";
            Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync(single, single, new() { ["Input.Rating"] = "Red", ["Input.Comment"] = "Venue lost." })).StatusCode);
        }

        var stale = await client.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = TestClient.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Contains($"Action 4.1: {TestData.OwnerName} added an update on", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector("section[data-action-ref='4.1']")!;
        Assert.NotNull(row.QuerySelector(".app-newer-update"));
        Assert.Contains("Venue lost.", row.QuerySelector("[data-previous='4.1']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("section[data-action-ref='4.2'] .app-newer-update"));
        Assert.Equal(2, await UpdatesAsync(plan.Action("4.1").Id));
        Assert.Equal(0, await UpdatesAsync(plan.Action("4.2").Id));

        // The page now carries the newer update: saving again adds the lead's after it.
        var again = await client.PostFormAsync(url, url, Fill(page, ("4.1", "Blue", "Group ran for six weeks."), ("4.2", "Green", "Review under way.")));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(Rating.Blue, (await app.TestData.ActionAsync(plan.Action("4.1").Id)).CurrentRating);
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.2").Id));
    }

    [Fact]
    public async Task Hand_made_rows_get_messages_not_errors_and_nothing_is_saved()
    {
        var (client, _, plan) = await LeadWithPlanAsync();
        using var _c = client;
        var url = $"/plans/{plan.PlanId}/quick-update";
        var form = Fill(await client.GetPageAsync(url), ("4.1", "999", "Posted by hand."), ("4.2", "Blue,Red", new string('x', 5000)));
        form["Rows[0].Seen"] = "not-an-id";
        form["Rows[3].ActionId"] = "not-an-id";
        form["Rows[3].Rating"] = "Green";
        form["Rows[4].ActionId"] = Guid.NewGuid().ToString();
        form["Rows[4].Rating"] = "Green";
        form["Rows[4].Comment"] = "An action that is not there.";

        var response = await client.PostFormAsync(url, url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = TestClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Action 4.1: \"999\" is not a BRAG rating", summary, StringComparison.Ordinal);
        Assert.Contains("Action 4.2: Comment on progress must be 4,000 characters or fewer", summary, StringComparison.Ordinal);
        Assert.Contains("One of the actions was not found in this plan", summary, StringComparison.Ordinal);
        Assert.Equal(1, await UpdatesAsync(plan.Action("4.1").Id));
        Assert.Equal(0, await UpdatesAsync(plan.Action("4.2").Id));
    }

    [Fact]
    public async Task A_closed_plan_has_no_quick_update_form()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead, $"Avery Lindqvist {Guid.NewGuid():N}"[..24]);
        var plan = await app.TestData.CreatePlanAsync(p => p.Closed().WithSection("Early Help", s => s.WithAction(a => a.WithRef("4.1").WithLead(lead.Name))));
        using var client = app.CreateClient();
        await client.SignInAsync(lead);

        var response = await client.Http.GetAsync($"/plans/{plan.PlanId}/quick-update");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/plans/{plan.PlanId}", response.Headers.Location!.OriginalString);
    }
}
