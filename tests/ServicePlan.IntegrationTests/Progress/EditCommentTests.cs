using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Progress;

[Trait("Category", "Database")]
public sealed class EditCommentTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string Review = "Q2 2024-25";

    /// <summary>An action the demo lead leads, in an open review, with one comment the lead wrote through the form.</summary>
    private async Task<(CreatePlanResult Plan, Guid ActionId, Guid UpdateId)> LeadsCommentAsync(TestClient lead, string comment)
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview(Review).WithSection("Early Help", s => s.WithAction(a => a.WithRef("2.1").WithLead(TestData.LeadName))));
        var actionId = plan.SingleAction.Id;
        var added = await lead.PostFormAsync($"/actions/{actionId}/progress", $"/actions/{actionId}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = comment });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return (plan, actionId, await UpdateIdAsync(actionId));
    }

    private async Task<Guid> UpdateIdAsync(Guid actionId)
    {
        await using var db = app.Database.CreateContext();
        return await db.ProgressUpdates.Where(u => u.ActionId == actionId).OrderByDescending(u => u.RecordedAtUtc).Select(u => u.Id).FirstAsync();
    }

    private async Task<ProgressUpdate> UpdateAsync(Guid updateId)
    {
        await using var db = app.Database.CreateContext();
        return await db.ProgressUpdates.AsNoTracking().SingleAsync(u => u.Id == updateId);
    }

    private static Task<HttpResponseMessage> ChangeAsync(TestClient client, Guid actionId, Guid updateId, string comment, int? version = null)
    {
        var url = $"/actions/{actionId}/updates/{updateId}/edit";
        var fields = new Dictionary<string, string> { ["Comment"] = comment };
        if (version is { } v)
            fields["Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return version is null ? PostWithFormVersionAsync(client, url, fields) : client.PostFormAsync(url, url, fields);
    }

    /// <summary>Posts with the version the form was rendered with, as a browser would.</summary>
    private static async Task<HttpResponseMessage> PostWithFormVersionAsync(TestClient client, string url, Dictionary<string, string> fields)
    {
        var form = await client.GetPageAsync(url);
        fields["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return await client.PostFormAsync(url, url, fields);
    }

    [Fact]
    public async Task The_author_changes_their_comment_while_the_review_is_open_and_the_owner_sees_the_earlier_wording()
    {
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var (_, actionId, updateId) = await LeadsCommentAsync(lead, "Drop-in sessions started in two schools.");
        var page = await lead.GetPageAsync($"/actions/{actionId}");
        Assert.NotNull(page.QuerySelector($"a.app-change-comment[href='/actions/{actionId}/updates/{updateId}/edit']"));

        var saved = await ChangeAsync(lead, actionId, updateId, "Drop-in sessions started in three schools.");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var update = await UpdateAsync(updateId);
        Assert.Equal("Drop-in sessions started in three schools.", update.Comment);
        Assert.Equal(1, update.Version);

        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var history = await owner.GetPageAsync($"/actions/{actionId}");
        var row = history.QuerySelector(".app-history-row")!;
        Assert.StartsWith("Drop-in sessions started in three schools.", row.QuerySelectorAll("td")[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Drop-in sessions started in two schools.", row.QuerySelector(".app-earlier-wording__text")!.TextContent.Trim());
        Assert.Contains("Earlier wording (1)", row.QuerySelector(".app-earlier-wording summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"by {TestData.LeadName}", row.QuerySelector(".app-earlier-wording")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_did_not_write_a_comment_can_neither_change_it_nor_read_its_earlier_wording()
    {
        // The owner writes and corrects a comment on an action the lead leads.
        var plan = await app.TestData.CreatePlanAsync(p => p.WithOpenReview(Review).WithSection("Early Help", s => s.WithAction(a => a.WithRef("2.1").WithLead(TestData.LeadName))));
        var actionId = plan.SingleAction.Id;
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        await owner.PostFormAsync($"/actions/{actionId}/progress", $"/actions/{actionId}/progress", new() { ["Input.Rating"] = "Amber", ["Input.Comment"] = "Waiting on the first draft from the provider." });
        var updateId = await UpdateIdAsync(actionId);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(owner, actionId, updateId, "Waiting on the second draft from the provider.")).StatusCode);

        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var page = await lead.GetPageAsync($"/actions/{actionId}");
        Assert.Null(page.QuerySelector(".app-change-comment"));
        Assert.Null(page.QuerySelector(".app-earlier-wording"));
        Assert.DoesNotContain("first draft", page.Body!.TextContent, StringComparison.Ordinal);

        var form = await lead.Http.GetAsync($"/actions/{actionId}/updates/{updateId}/edit");
        var post = await lead.PostFormAsync($"/actions/{actionId}", $"/actions/{actionId}/updates/{updateId}/edit", new() { ["Comment"] = "Not mine to change.", ["Version"] = "1" });

        Assert.Contains("access-denied", form.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("access-denied", post.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("Waiting on the second draft from the provider.", (await UpdateAsync(updateId)).Comment);
    }

    [Fact]
    public async Task A_comment_cannot_be_changed_once_its_review_is_closed()
    {
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var (plan, actionId, updateId) = await LeadsCommentAsync(lead, "Audit of step-down cases booked.");
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var review = plan.ReviewId(Review);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/reviews/{review}", $"/reviews/{review}?handler=Close", [])).StatusCode);

        var page = await lead.GetPageAsync($"/actions/{actionId}");
        var form = await lead.GetPageAsync($"/actions/{actionId}/updates/{updateId}/edit");
        var post = await ChangeAsync(lead, actionId, updateId, "Audit of step-down cases done.", version: 0);

        Assert.Null(page.QuerySelector(".app-change-comment"));
        Assert.Null(form.QuerySelector("textarea"));
        Assert.Contains("is closed, so this comment can no longer be changed", form.QuerySelector("#closed")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("is closed, so this comment can no longer be changed", TestClient.Parse(await post.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Audit of step-down cases booked.", (await UpdateAsync(updateId)).Comment);
    }

    [Fact]
    public async Task Two_changes_from_forms_opened_at_the_same_version_never_silently_overwrite_each_other()
    {
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var (_, actionId, updateId) = await LeadsCommentAsync(lead, "Panel dates agreed.");

        var first = await ChangeAsync(lead, actionId, updateId, "Panel dates agreed for the year.", version: 0);
        var second = await ChangeAsync(lead, actionId, updateId, "Panel dates agreed for autumn.", version: 0);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refused = TestClient.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("was changed after you opened it", refused.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Panel dates agreed for autumn.", refused.QuerySelector("textarea#Comment")!.TextContent);
        Assert.Equal("Panel dates agreed for the year.", (await UpdateAsync(updateId)).Comment);
    }

    [Fact]
    public async Task An_empty_comment_is_refused_with_an_error_summary()
    {
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        var (_, actionId, updateId) = await LeadsCommentAsync(lead, "Training dates set.");

        var post = await ChangeAsync(lead, actionId, updateId, "  ");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Enter a comment on progress", TestClient.Parse(await post.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Training dates set.", (await UpdateAsync(updateId)).Comment);
    }
}
