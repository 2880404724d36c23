using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Privacy;
using ServicePlan.Progress;
using ServicePlan.Sources;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Privacy;

/// <summary>
/// Warn at the point of entry: a form whose text looks like a child's personal data comes back with the findings and
/// saves nothing, until the text is changed or the finding is confirmed with a reason, which is recorded.
/// </summary>
[Trait("Category", "Database")]
public sealed class EntryWarningTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string ChildsName = "Jayden Whitfield-Oyelaran";
    private const string Flagged = "Sept: " + ChildsName + " joined the group.";
    private const string Reason = "Checked with the team: the name is made up for training";

    private static Dictionary<string, string> Progress(string comment) => new() { ["Input.Rating"] = "Amber", ["Input.Comment"] = comment };

    private static IReadOnlyList<string> Findings(IHtmlDocument page) =>
        page.QuerySelectorAll("#personal-data-warning .app-personal-data-findings li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>Posts the form again as a person who ticked "save it as written", with the findings the page showed.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(TestClient client, string url, HttpResponseMessage warned, Dictionary<string, string> fields, string? reason)
    {
        var page = TestClient.Parse(await warned.Content.ReadAsStringAsync());
        var seen = page.QuerySelector("input[name='Confirm.Seen']")?.GetAttribute("value") ?? throw new InvalidOperationException("No warning shown.");
        var confirmed = new Dictionary<string, string>(fields) { ["Confirm.SaveAsWritten"] = "true", ["Confirm.Seen"] = seen, ["Confirm.Reason"] = reason ?? "" };
        return await client.PostFormAsync(url, url, confirmed);
    }

    private async Task<List<PersonalDataConfirmation>> ConfirmationsAsync(Guid? planId)
    {
        await using var db = app.Database.CreateContext();
        return await db.PersonalDataConfirmations.AsNoTracking().Where(c => c.PlanId == planId).ToListAsync();
    }

    [Fact]
    public async Task A_progress_comment_naming_a_child_comes_back_with_the_warning_and_is_not_saved()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var action = (await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithRef("2.1").WithUpdate(Rating.Green))))).SingleAction;
        var url = $"/actions/{action.Id}/progress";

        var response = await owner.PostFormAsync(url, url, Progress(Flagged));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var finding = Assert.Single(Findings(page));
        Assert.StartsWith("Comment on progress: ", finding, StringComparison.Ordinal);
        Assert.Contains(ChildsName, finding, StringComparison.Ordinal);
        Assert.Equal(Flagged, page.QuerySelector("#Input_Comment")!.TextContent);
        Assert.NotNull(page.QuerySelector("#Confirm_SaveAsWritten"));
        Assert.Null(page.QuerySelector(".govuk-error-summary"));
        Assert.Single((await app.TestData.ActionAsync(action.Id)).Updates);
    }

    [Fact]
    public async Task A_changed_comment_with_nothing_found_is_saved()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var action = (await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithUpdate(Rating.Green))))).SingleAction;
        var url = $"/actions/{action.Id}/progress";
        await owner.PostFormAsync(url, url, Progress(Flagged));

        var changed = await owner.PostFormAsync(url, url, new(Progress("Sept: a young person joined the group.")) { ["Confirm.Seen"] = "stale", ["Confirm.Reason"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var saved = await app.TestData.ActionAsync(action.Id);
        Assert.Contains(saved.Updates, u => u.Comment == "Sept: a young person joined the group.");
    }

    [Fact]
    public async Task A_confirmed_comment_is_saved_and_who_when_why_and_what_are_recorded_and_audited()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithRef("2.1").WithUpdate(Rating.Green))));
        var url = $"/actions/{plan.SingleAction.Id}/progress";
        var warned = await owner.PostFormAsync(url, url, Progress(Flagged));

        var saved = await ConfirmAsync(owner, url, warned, Progress(Flagged), Reason);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains((await app.TestData.ActionAsync(plan.SingleAction.Id)).Updates, u => u.Comment == Flagged);
        var confirmation = Assert.Single(await ConfirmationsAsync(plan.PlanId));
        Assert.Equal("Action 2.1 – Comment on progress", confirmation.Where);
        Assert.Equal(ChildsName, confirmation.Found);
        Assert.Equal(PersonalDataKind.PersonalName, confirmation.Kind);
        Assert.Equal(Reason, confirmation.Reason);
        Assert.Equal(TestData.OwnerName, confirmation.ConfirmedBy);
        Assert.NotNull(confirmation.ConfirmedByUserId);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, confirmation.ConfirmedAtUtc);
        Assert.Equal(plan.SingleAction.Id, confirmation.ActionId);

        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Entity == "Personal data confirmed when saved" && e.EntityId == confirmation.Id.ToString());
        Assert.Equal(plan.PlanId, entry.PlanId);
        Assert.Equal(plan.SingleAction.Id, entry.ActionId);
        Assert.Contains(entry.Fields, f => f.Field == "Reason" && f.After == Reason);
    }

    [Fact]
    public async Task Confirming_without_a_reason_is_an_error_and_nothing_is_saved()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithUpdate(Rating.Green))));
        var url = $"/actions/{plan.SingleAction.Id}/progress";
        var warned = await owner.PostFormAsync(url, url, Progress(Flagged));

        var refused = await ConfirmAsync(owner, url, warned, Progress(Flagged), "  ");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = TestClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains(EntryCheck.ReasonMissing, page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Confirm_Reason", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Single(Findings(page));
        Assert.Single((await app.TestData.ActionAsync(plan.SingleAction.Id)).Updates);
        Assert.Empty(await ConfirmationsAsync(plan.PlanId));
    }

    [Fact]
    public async Task A_confirmation_covers_only_what_was_shown_so_a_new_finding_is_shown_again()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithUpdate(Rating.Green))));
        var url = $"/actions/{plan.SingleAction.Id}/progress";
        var warned = await owner.PostFormAsync(url, url, Progress(Flagged));

        var again = await ConfirmAsync(owner, url, warned, Progress(Flagged + " Call 07700 900123."), Reason);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = TestClient.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(2, Findings(page).Count);
        Assert.Null(page.QuerySelector("#Confirm_SaveAsWritten")!.GetAttribute("checked"));
        Assert.Empty(await ConfirmationsAsync(plan.PlanId));
    }

    [Fact]
    public async Task Editing_an_action_warns_about_each_changed_text_by_its_label_and_saves_once_confirmed()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithRef("3.2").WithDoesWhat("Runs the transition group."))));
        var action = await app.TestData.ActionAsync(plan.SingleAction.Id);
        var url = $"/actions/{action.Id}/edit";
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = action.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Ref"] = action.Ref,
            ["Input.LeadsText"] = action.LeadsText,
            ["Input.DoesWhat"] = $"Runs the transition group with {ChildsName}.",
            ["Input.DueText"] = action.DueText,
            ["Input.Measure"] = "Families called on 07700 900123 say it helped.",
            ["Input.ChildrenExperience"] = action.ChildrenExperience,
        };

        var warned = await owner.PostFormAsync(url, url, fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var findings = Findings(TestClient.Parse(await warned.Content.ReadAsStringAsync()));
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("Does what?: ", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("How will we know it has been done?: ", findings[1], StringComparison.Ordinal);
        Assert.Equal("Runs the transition group.", (await app.TestData.ActionAsync(action.Id)).DoesWhat);

        var saved = await ConfirmAsync(owner, url, warned, fields, Reason);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"Runs the transition group with {ChildsName}.", (await app.TestData.ActionAsync(action.Id)).DoesWhat);
        Assert.Equal(["Action 3.2 – Does what?", "Action 3.2 – How will we know it has been done?"], (await ConfirmationsAsync(plan.PlanId)).Select(c => c.Where).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_narrative_warns_about_a_paragraph_but_allows_the_authors_own_details()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithTitle("Entry warning narrative plan").WithOpenReview("Q1 2024-25", new DateOnly(2024, 7, 15)));
        var url = $"/reviews/{plan.ReviewId("Q1 2024-25")}/narrative";
        var fields = new Dictionary<string, string>
        {
            ["Version"] = "0",
            ["Input.Committees"] = "Safeguarding Sub-Committee",
            ["Input.Subject"] = "Q1 update",
            ["Input.AuthorName"] = "Rachel Talmage",
            ["Input.AuthorPhone"] = "020 7332 3501",
            ["Input.Summary"] = "The plan is on track. Ask Rachel Talmage on 020 7332 3501.",
            ["Input.ImpactOnChildren"] = $"{ChildsName} told us the group helped.",
            ["Input.Recommendation"] = "Members are asked to note the report.",
        };

        var warned = await owner.PostFormAsync(url, url, fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var finding = Assert.Single(Findings(TestClient.Parse(await warned.Content.ReadAsStringAsync())));
        Assert.StartsWith("Impact on children and families: ", finding, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
            Assert.False(await db.Narratives.AnyAsync(n => n.ReviewId == plan.ReviewId("Q1 2024-25")));

        var saved = await ConfirmAsync(owner, url, warned, fields, Reason);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Q1 2024-25 report – Impact on children and families", Assert.Single(await ConfirmationsAsync(plan.PlanId)).Where);
    }

    [Fact]
    public async Task You_said_we_did_warns_when_saved_and_a_confirmed_text_is_still_checked_when_published()
    {
        Guid staff;
        await using (var db = app.Database.CreateContext())
            staff = await db.Sources.Where(s => s.Title == "Staff feedback").Select(s => s.Id).SingleAsync();
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        const string url = "/you-said-we-did/edit";
        var form = await owner.GetPageAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "You said, we did",
            ["Input.Introduction"] = "What our staff told us.",
            ["Input.Slug"] = "entry-warning-test",
            ["Input.Version"] = form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
            ["Input.Entries[0].SourceId"] = staff.ToString(),
            ["Input.Entries[0].YouSaid"] = $"Staff said {ChildsName} needed a quicker reply.",
            ["Input.Entries[0].WeDid"] = "We answer within a day.",
            ["Input.Entries[0].Status"] = nameof(WeDidStatus.Done),
        };

        var warned = await owner.PostFormAsync(url, $"{url}?handler=Save", fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.StartsWith("Staff feedback – You said: ", Assert.Single(Findings(TestClient.Parse(await warned.Content.ReadAsStringAsync()))), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
            Assert.Null(await db.Sources.Where(s => s.Id == staff).Select(s => s.YouSaid).SingleAsync());

        var seen = TestClient.Parse(await warned.Content.ReadAsStringAsync()).QuerySelector("input[name='Confirm.Seen']")!.GetAttribute("value")!;
        var published = await owner.PostFormAsync(url, $"{url}?handler=Publish", new(fields) { ["Confirm.SaveAsWritten"] = "true", ["Confirm.Seen"] = seen, ["Confirm.Reason"] = Reason });

        // Saved as written, and recorded; the public page's own check still refuses to publish it.
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.NotNull(TestClient.Parse(await published.Content.ReadAsStringAsync()).QuerySelector("#publishing-problems"));
        Assert.Equal("You said, we did – Staff feedback – You said", Assert.Single(await ConfirmationsAsync(null)).Where);
    }

    [Fact]
    public async Task The_import_preview_warns_per_row_and_column_and_the_import_can_still_go_ahead()
    {
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var csv = "Why?,Who?,Does what?,By when?,How will we know it has been done?,What will be the experience of children?,RAG,Comments on progress\n" +
            "Improve transitions,HoS,Run the transition group,Oct-24,Fewer complaints,Children feel heard,Green,\"Sept: " + ChildsName + " joined the group.\"\n";
        var path = Path.Combine(Path.GetTempPath(), $"entry-warning-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        try
        {
            var page = await owner.GetPageAsync("/plans/import");
            var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "transitions.csv");
            form.Add(new StringContent("Imported"), "Input.ReviewLabel");
            form.Add(new StringContent("2024-25"), "Input.Period");
            form.Add(new StringContent(token), "__RequestVerificationToken");

            var preview = TestClient.Parse(await (await owner.Http.PostAsync("/plans/import?handler=Preview", form)).Content.ReadAsStringAsync());

            var row = Assert.Single(preview.QuerySelectorAll("#personal-data tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal("2", row[0]);
            Assert.Equal("Comments on progress", row[1]);
            Assert.Contains(ChildsName, row[2], StringComparison.Ordinal);
            Assert.Null(preview.QuerySelector("#errors"));
            Assert.NotNull(preview.QuerySelector("form[action*='handler=Confirm'] button"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
