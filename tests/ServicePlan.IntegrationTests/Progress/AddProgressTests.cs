using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Progress;

[Trait("Category", "Database")]
public sealed class AddProgressTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static Dictionary<string, string> Update(string rating, string comment) => new() { ["Input.Rating"] = rating, ["Input.Comment"] = comment };

    [Fact]
    public async Task Owner_adds_a_progress_update_that_becomes_the_current_rating_and_tops_the_history()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q1 2024-25")
            .WithSection("Children in Need", s => s.WithAction(a => a.WithUpdate(Rating.Green, "Kinship offer scoped."))));
        var action = await app.TestData.ActionAsync(plan.SingleAction.Id);
        Assert.Equal(Rating.Green, action.CurrentRating);

        var response = await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", Update("Amber", "Kinship offer drafted; waiting on legal sign-off."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync($"/actions/{action.Id}");
        // The owner's sixth column says whether the comment is printed in public papers.
        var newest = page.QuerySelectorAll(".app-history-row").First().QuerySelectorAll("td").Take(5).Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["15 Oct 2024", "Q1 2024-25", "Amber", "Kinship offer drafted; waiting on legal sign-off.", "Rachel Talmage"], newest);
        Assert.Equal(2, page.QuerySelectorAll(".app-history-row").Length);
        Assert.Equal(Rating.Amber, (await app.TestData.ActionAsync(action.Id)).CurrentRating);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("Blue,Red")]
    [InlineData("0")]
    public async Task A_rating_that_is_not_one_of_the_four_is_refused_and_the_action_page_still_shows(string rating)
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.ActionAsync((await app.TestData.CreatePlanAsync()).SingleAction.Id);

        var response = await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", Update(rating, "Posted by hand."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select a rating", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(action.Updates.Count, (await app.TestData.ActionAsync(action.Id)).Updates.Count);
        await client.GetPageAsync($"/actions/{action.Id}");
    }

    [Fact]
    public async Task Missing_rating_and_comment_show_an_error_summary_and_nothing_is_saved()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.ActionAsync((await app.TestData.CreatePlanAsync()).SingleAction.Id);

        var response = await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", new() { ["Input.Rating"] = "", ["Input.Comment"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select a rating", summary, StringComparison.Ordinal);
        Assert.Contains("Enter a comment on progress", summary, StringComparison.Ordinal);
        Assert.Equal(action.Updates.Count, (await app.TestData.ActionAsync(action.Id)).Updates.Count);
    }

    [Fact]
    public async Task An_invalid_form_keeps_what_the_user_typed()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.ActionAsync((await app.TestData.CreatePlanAsync()).SingleAction.Id);

        var response = await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", Update("", "Half-written comment"));

        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Half-written comment", page.QuerySelector("#Input_Comment")!.TextContent);
    }

    [Fact]
    public async Task A_rating_that_is_not_brag_is_refused()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.ActionAsync((await app.TestData.CreatePlanAsync()).SingleAction.Id);

        var response = await client.PostFormAsync($"/actions/{action.Id}/progress", $"/actions/{action.Id}/progress", Update("Purple", "text"));

        Assert.Contains("Select a rating", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(action.Updates.Count, (await app.TestData.ActionAsync(action.Id)).Updates.Count);
    }

    [Fact]
    public async Task A_lead_may_update_an_action_they_lead()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Lead);
        var own = (await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithLead(TestData.LeadName))))).SingleAction;

        var response = await client.PostFormAsync($"/actions/{own.Id}/progress", $"/actions/{own.Id}/progress", Update("Blue", "Presented at SEND programme board."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Rating.Blue, (await app.TestData.ActionAsync(own.Id)).CurrentRating);
    }

    [Fact]
    public async Task A_lead_cannot_update_another_leads_action()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Lead);
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s.WithAction(a => a.WithLead("Morgan Hale").WithUpdate(Rating.Green))));
        var others = await app.TestData.ActionAsync(plan.SingleAction.Id);

        var form = await client.Http.GetAsync($"/actions/{others.Id}/progress");
        var post = await client.PostFormAsync($"/actions/{others.Id}", $"/actions/{others.Id}/progress", Update("Red", "not mine"));

        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Contains("/account/access-denied", form.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(others.Updates.Count, (await app.TestData.ActionAsync(others.Id)).Updates.Count);
    }

    [Fact]
    public async Task A_viewer_cannot_add_progress()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);
        var action = (await app.TestData.CreatePlanAsync()).SingleAction;

        var response = await client.PostFormAsync($"/actions/{action.Id}", $"/actions/{action.Id}/progress", Update("Red", "viewer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.ProgressUpdates.AnyAsync(u => u.Comment == "viewer"));
    }

    [Fact]
    public async Task The_action_page_offers_the_update_form_only_to_those_who_may_use_it()
    {
        var plan = await app.TestData.CreatePlanAsync(p => p.WithSection("Early Help", s => s
            .WithAction(a => a.WithRef("1").WithLead(TestData.LeadName))
            .WithAction(a => a.WithRef("2").WithLead("Morgan Hale"))));
        var own = plan.Action("1");
        var others = plan.Action("2");
        using var lead = app.CreateClient();
        await lead.SignInAsync(Roles.Lead);
        using var viewer = app.CreateClient();
        await viewer.SignInAsync(Roles.Viewer);

        Assert.NotNull((await lead.GetPageAsync($"/actions/{own.Id}")).QuerySelector($"a[href='/actions/{own.Id}/progress']"));
        Assert.Null((await lead.GetPageAsync($"/actions/{others.Id}")).QuerySelector($"a[href='/actions/{others.Id}/progress']"));
        Assert.Null((await viewer.GetPageAsync($"/actions/{own.Id}")).QuerySelector($"a[href='/actions/{own.Id}/progress']"));
    }
}
