using System.Net;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Plans;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Plans;

[Trait("Category", "Database")]
public sealed class EditActionTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private static Dictionary<string, string> Form(ServicePlan.Plans.PlanAction action, int version, string doesWhat, string due) => new()
    {
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Ref"] = action.Ref,
        ["Input.LeadsText"] = action.LeadsText,
        ["Input.DoesWhat"] = doesWhat,
        ["Input.DueText"] = due,
        ["Input.Measure"] = action.Measure,
        ["Input.ChildrenExperience"] = action.ChildrenExperience,
    };

    [Fact]
    public async Task Owner_edits_an_action_and_the_due_date_is_read_again()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        var response = await client.PostFormAsync($"/actions/{action.Id}/edit", $"/actions/{action.Id}/edit", Form(action, action.Version, "Runs the transition group quarterly.", "Jan-25"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.TestData.ActionAsync(action.Id);
        Assert.Equal("Runs the transition group quarterly.", saved.DoesWhat);
        Assert.Equal("Jan-25", saved.DueText);
        Assert.Equal(DueKind.Date, saved.DueKind);
        Assert.Equal(new DateOnly(2025, 1, 31), saved.DueOn);
        Assert.Equal(action.Version + 1, saved.Version);
    }

    [Fact]
    public async Task A_second_save_from_a_stale_form_is_refused_and_overwrites_nothing()
    {
        using var first = app.CreateClient();
        await first.SignInAsync(Roles.PlanOwner);
        using var second = app.CreateClient();
        await second.SignInAsync(Roles.Admin);
        var opened = await app.TestData.CreateActionAsync();

        var saved = await first.PostFormAsync($"/actions/{opened.Id}/edit", $"/actions/{opened.Id}/edit", Form(opened, opened.Version, "First person's wording.", opened.DueText));
        var refused = await second.PostFormAsync($"/actions/{opened.Id}/edit", $"/actions/{opened.Id}/edit", Form(opened, opened.Version, "Second person's wording.", opened.DueText));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = TestClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this action after you opened it", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("First person's wording.", page.QuerySelector(".app-conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second person's wording.", page.QuerySelector("#Input_DoesWhat")!.TextContent);
        Assert.Equal("First person's wording.", (await app.TestData.ActionAsync(opened.Id)).DoesWhat);
    }

    [Fact]
    public async Task Empty_action_text_is_refused_with_a_message()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        var response = await client.PostFormAsync($"/actions/{action.Id}/edit", $"/actions/{action.Id}/edit", Form(action, action.Version, "", "Jul-24"));

        Assert.Contains("Enter what is done", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(action.DoesWhat, (await app.TestData.ActionAsync(action.Id)).DoesWhat);
    }

    [Fact]
    public async Task Leads_and_viewers_cannot_edit_the_plan()
    {
        var action = await app.TestData.CreateActionAsync(a => a.WithLead(TestData.LeadName));
        foreach (var role in new[] { Roles.Lead, Roles.Viewer })
        {
            using var client = app.CreateClient();
            await client.SignInAsync(role);

            var response = await client.PostFormAsync($"/actions/{action.Id}", $"/actions/{action.Id}/edit", Form(action, action.Version, "changed by " + role, action.DueText));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(action.DoesWhat, (await app.TestData.ActionAsync(action.Id)).DoesWhat);
    }
}
