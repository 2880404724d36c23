using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.Demo;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Security;

/// <summary>Guessing is slowed per address, stopped per account, and the easiest passwords cannot be chosen.</summary>
public sealed class SignInHardeningTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task An_account_is_locked_after_five_wrong_passwords_even_against_the_right_one()
    {
        using var client = app.CreateClient();
        var email = TestClient.EmailOf(Roles.Viewer);

        for (var attempt = 0; attempt < 5; attempt++)
            await client.SignInAsEmailAsync(email, "not-the-password-" + attempt);
        var right = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = DemoData.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Your account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_per_minute()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ServicePlanFactory(database.ConnectionString, new FixedClock(FixedClock.DemoToday),
            settings: new Dictionary<string, string> { ["RequestLimits:SignInPerMinute"] = "3" });
        using var client = new TestClient(factory.CreateClient(new() { AllowAutoRedirect = false }));

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
            answers.Add((await client.SignInAsEmailAsync("someone@example.org", "a-wrong-password-" + attempt)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password2024!")]
    [InlineData("qwertyuiop12")]
    [InlineData("123456789012")]
    [InlineData("monkeymonkey")]
    [InlineData("liverpool1892")]
    [InlineData("serviceplan-2025")]
    [InlineData("jo.bloggs-2025")]
    public async Task Common_and_guessable_passwords_are_refused(string password)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var organisation = await app.TestData.DemoOrganisationIdAsync();

        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync("jo.bloggs@example.org", "Jo Bloggs", Roles.Viewer, organisation, password);

        var refused = Assert.IsType<AddUserResult.Refused>(result);
        Assert.Contains(refused.Errors, e => e.StartsWith(CommonPasswordValidator.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_uncommon_passphrase_is_accepted_without_complexity_rules()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var organisation = await app.TestData.DemoOrganisationIdAsync();

        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync("kim.oduya@example.org", "Kim Oduya", Roles.Viewer, organisation, "kettle orchard lantern");

        Assert.IsType<AddUserResult.Added>(result);
    }
}
