using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Dates;
using ServicePlan.Demo;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Users;

/// <summary>
/// An administrator's changes to an account take effect on the person's next request, through their sign-in cookie
/// and their API keys alike; and two administrators never silently overwrite each other.
/// </summary>
[Trait("Category", "Database")]
public sealed class UserAdministrationTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private async Task<string> IdOfAsync(TestUser user)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Email == user.Email).Select(u => u.Id).SingleAsync();
    }

    private async Task<string> KeyForAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(userId, "Test script")).Key;
    }

    private static async Task<HttpStatusCode> ApiAsync(TestClient anonymous, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/plans");
        request.Headers.Add(ApiKeyText.Header, key);
        return (await anonymous.Http.SendAsync(request)).StatusCode;
    }

    /// <summary>Posts one of the account page's forms, with the ConcurrencyStamp that page showed.</summary>
    private static Task<HttpResponseMessage> PostOnUserPageAsync(TestClient admin, string userId, string handler, Dictionary<string, string>? fields = null) =>
        PostWithStampAsync(admin, userId, handler, fields ?? []);

    private static async Task<HttpResponseMessage> PostWithStampAsync(TestClient admin, string userId, string handler, Dictionary<string, string> fields, string? stamp = null)
    {
        var page = await admin.GetPageAsync($"/admin/users/{userId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        stamp ??= page.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>(fields) { ["Stamp"] = stamp, ["__RequestVerificationToken"] = token };
        return await admin.Http.PostAsync($"/admin/users/{userId}?handler={handler}", new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in without the helper's check that it worked: a 200 is the form again, with its message.</summary>
    internal static Task<HttpResponseMessage> SignInRefusedOrNotAsync(TestClient client, string email) =>
        client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = DemoData.Password });

    [Fact]
    public async Task Deactivating_a_user_stops_their_cookie_and_their_api_key_on_the_next_request_and_reactivating_restores_them()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var id = await IdOfAsync(lead);
        var key = await KeyForAsync(id);
        using var person = app.CreateClient();
        using var script = app.CreateClient();
        using var admin = app.CreateClient();
        await person.SignInAsync(lead);
        await admin.SignInAsync(Roles.Admin);
        await person.GetPageAsync("/plans");
        Assert.Equal(HttpStatusCode.OK, await ApiAsync(script, key));

        var deactivated = await PostOnUserPageAsync(admin, id, "Deactivate");

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var stale = await person.Http.GetAsync("/plans");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/account/sign-in", stale.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await ApiAsync(script, key));
        using var again = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await SignInRefusedOrNotAsync(again, lead.Email)).StatusCode);
        var shown = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.Equal("Deactivated", shown.QuerySelector("#status")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await PostOnUserPageAsync(admin, id, "Reactivate")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await ApiAsync(script, key));
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsEmailAsync(lead.Email, DemoData.Password)).StatusCode);
        await again.GetPageAsync("/plans");
        // The session that was ended stays ended: reactivating does not bring back a cookie from before.
        Assert.Equal(HttpStatusCode.Redirect, (await person.Http.GetAsync("/plans")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_applies_on_the_users_next_request_without_signing_them_out()
    {
        var viewer = await app.TestData.CreateUserAsync(Roles.Viewer);
        var id = await IdOfAsync(viewer);
        using var person = app.CreateClient();
        using var admin = app.CreateClient();
        await person.SignInAsync(viewer);
        await admin.SignInAsync(Roles.Admin);
        var refused = await person.Http.GetAsync("/plans/import");
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var changed = await PostOnUserPageAsync(admin, id, "Role", new() { ["Role"] = Roles.PlanOwner });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await person.GetPageAsync("/plans/import");
        var shown = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.Equal("Plan owner", shown.QuerySelector("#role")!.TextContent.Trim());
        Assert.Contains("is now Plan owner", shown.QuerySelector("#confirmation")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_from_a_page_opened_before_someone_elses_change_is_refused_and_saves_nothing()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var id = await IdOfAsync(lead);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        var opened = await admin.GetPageAsync($"/admin/users/{id}");
        var stamp = opened.QuerySelector("input[name=Stamp]")!.GetAttribute("value")!;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            Assert.IsType<UserChangeResult.Done>(await scope.ServiceProvider.GetRequiredService<UserAdministration>().ChangeRoleAsync(null, id, Roles.Viewer, null));

        var response = await PostWithStampAsync(admin, id, "Role", new() { ["Role"] = Roles.PlanOwner }, stamp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(AccountMessages.SomeoneElseChanged, page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Viewer", page.QuerySelector("#role")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_only_administrator_cannot_demote_themselves_and_nobody_can_deactivate_themselves()
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        await using var db = app.Database.CreateContext();
        var id = await db.Users.Where(u => u.Email == TestClient.EmailOf(Roles.Admin)).Select(u => u.Id).SingleAsync();

        var demoted = await PostOnUserPageAsync(admin, id, "Role", new() { ["Role"] = Roles.Lead });
        var deactivated = await PostOnUserPageAsync(admin, id, "Deactivate");

        Assert.Contains(UserAdministration.LastAdministrator, TestClient.Parse(await demoted.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(UserAdministration.NotYourself, TestClient.Parse(await deactivated.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await admin.GetPageAsync("/admin/users");
    }

    [Fact]
    public async Task A_password_reset_without_email_shows_a_one_time_link_that_sets_a_new_password()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var id = await IdOfAsync(lead);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        var response = await PostOnUserPageAsync(admin, id, "ResetPassword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = new Uri(TestClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#password-link")!.TextContent.Trim()).PathAndQuery;
        using var person = app.CreateClient();
        var set = await person.PostFormAsync(link, link, new() { ["Input.NewPassword"] = "copper meadow falcon ribbon", ["Input.ConfirmPassword"] = "copper meadow falcon ribbon" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        using var later = app.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsEmailAsync(lead.Email, "copper meadow falcon ribbon")).StatusCode);
        Assert.NotNull((await later.GetPageAsync(link)).QuerySelector("#link-not-valid"));
    }

    [Fact]
    public async Task The_users_pages_show_role_names_status_and_the_last_sign_in_in_uk_time()
    {
        var owner = await app.TestData.CreateUserAsync(Roles.PlanOwner);
        var id = await IdOfAsync(owner);
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);
        Assert.Equal("Never", (await admin.GetPageAsync($"/admin/users/{id}")).QuerySelector("#last-sign-in")!.TextContent.Trim());
        using var person = app.CreateClient();

        await person.SignInAsync(owner);

        var page = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.Equal(UkTime.Format(app.Clock.GetUtcNow().UtcDateTime), page.QuerySelector("#last-sign-in")!.TextContent.Trim());
        var roles = (await admin.GetPageAsync("/admin/users")).QuerySelectorAll("table tbody tr td:nth-child(3)").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Plan owner", roles);
        Assert.Contains("Administrator", roles);
        Assert.All(roles, role => Assert.Contains(role, new[] { "Administrator", "Plan owner", "Lead", "Viewer" }));
    }

    [Fact]
    public async Task Adding_a_user_whose_email_already_has_an_account_says_so_in_plain_words()
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/admin/users/add", "/admin/users/add",
            new() { ["Input.Email"] = TestClient.EmailOf(Roles.Lead), ["Input.Name"] = "Someone Else", ["Input.Role"] = Roles.Lead });

        var summary = TestClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("An account with this e-mail already exists", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("is already taken", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.Lead, true)]
    [InlineData(Roles.PlanOwner, true)]
    public async Task A_viewers_menu_shows_only_what_a_viewer_can_use(string role, bool seesMyActions)
    {
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        var menu = (await client.GetPageAsync("/plans")).QuerySelector("#navigation")!.TextContent;

        Assert.Equal(seesMyActions, menu.Contains("My actions", StringComparison.Ordinal));
        Assert.Contains("Plans", menu, StringComparison.Ordinal);
        Assert.DoesNotContain("Users", menu, StringComparison.Ordinal);
    }
}
