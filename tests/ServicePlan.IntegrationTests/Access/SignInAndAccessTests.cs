using System.Net;
using ServicePlan.Demo;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Access;

[Trait("Category", "Database")]
public sealed class SignInAndAccessTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/plans")]
    [InlineData("/my-actions")]
    [InlineData("/admin/users")]
    [InlineData("/account/change-password")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_see_a_plan_action_or_the_api()
    {
        using var client = app.CreateClient();
        var action = await app.TestData.CreateActionAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync($"/plans/{action.PlanId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync($"/actions/{action.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync($"/api/actions/{action.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Health_answers_without_sign_in()
    {
        using var client = app.CreateClient();

        var response = await client.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_one_message_that_does_not_say_whether_the_account_exists()
    {
        using var client = app.CreateClient();

        var wrongPassword = await client.SignInAsEmailAsync(TestClient.EmailOf(Roles.Viewer), "not-the-password");
        var unknownUser = await client.SignInAsEmailAsync("nobody@serviceplan.example", "not-the-password");

        foreach (var response in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Enter a correct email address and password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_only_within_the_site()
    {
        using var client = app.CreateClient();

        var local = await client.PostFormAsync("/account/sign-in", "/account/sign-in?ReturnUrl=%2Fmy-actions",
            new() { ["Input.Email"] = TestClient.EmailOf(Roles.Lead), ["Input.Password"] = DemoData.Password });

        Assert.Equal("/my-actions", local.Headers.Location!.ToString());

        using var other = app.CreateClient();
        var offsite = await other.PostFormAsync("/account/sign-in", "/account/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new() { ["Input.Email"] = TestClient.EmailOf(Roles.Lead), ["Input.Password"] = DemoData.Password });
        Assert.Equal("/plans", offsite.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Demo_accounts_are_prompted_to_change_their_password()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.Viewer);

        var page = await client.GetPageAsync("/plans");

        Assert.Contains("change-password", page.QuerySelector(".app-change-password-banner")?.InnerHtml ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.PlanOwner)]
    public async Task Only_admins_manage_users(string role)
    {
        using var client = app.CreateClient();
        await client.SignInAsync(role);

        var response = await client.Http.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_a_user_who_can_then_sign_in_with_the_password_shown_once()
    {
        using var admin = app.CreateClient();
        await admin.SignInAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/admin/users/add", "/admin/users/add",
            new() { ["Input.Email"] = "new.lead@serviceplan.example", ["Input.Name"] = "New Lead", ["Input.Role"] = Roles.Lead });

        var page = TestClient.Parse(await response.Content.ReadAsStringAsync());
        var password = page.QuerySelector(".app-password")!.TextContent.Trim();
        using var newUser = app.CreateClient();
        var signIn = await newUser.SignInAsEmailAsync("new.lead@serviceplan.example", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("new.lead@serviceplan.example", (await admin.GetPageAsync("/admin/users")).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_posted_without_the_antiforgery_token_are_refused()
    {
        using var client = app.CreateClient();
        await client.SignInAsync(Roles.PlanOwner);
        var action = await app.TestData.CreateActionAsync();

        var response = await client.Http.PostAsync($"/actions/{action.Id}/progress",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Rating"] = "Red", ["Input.Comment"] = "forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(action.Updates.Count, (await app.TestData.ActionAsync(action.Id)).Updates.Count);
    }
}
