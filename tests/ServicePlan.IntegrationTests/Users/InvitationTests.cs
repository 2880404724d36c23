using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Users;

/// <summary>
/// Inviting someone makes a Lead with no password and a one-time link to choose one: shown to copy when e-mail is
/// not configured, e-mailed (here to an SMTP server inside the test) when it is.
/// </summary>
[Trait("Category", "Database")]
public sealed class InvitationTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    private const string NewPassword = "kettle harbour violet lantern";

    private static int _people;

    private static string NewEmail() => $"invited-{Interlocked.Increment(ref _people)}@test.example";

    private static async Task<InvitationResult> InviteAsync(WebApplicationFactory<Program> factory, Guid organisationId, string email, string name = "Kit Marlowe")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Invitations>().InviteAsync(organisationId, email, name, CancellationToken.None);
    }

    private static Task<HttpResponseMessage> SetPasswordAsync(TestClient client, string link, string password, string? confirm = null) =>
        client.PostFormAsync(link, link, new() { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = confirm ?? password });

    [Fact]
    public async Task An_invitation_makes_a_lead_with_no_password_and_a_link_to_copy_when_email_is_not_configured()
    {
        var email = NewEmail();

        var created = Assert.IsType<InvitationResult.Created>(await InviteAsync(app.Factory, await app.TestData.DemoOrganisationIdAsync(), email));

        Assert.False(created.Emailed);
        Assert.StartsWith("/users/set-password?user=", created.Link, StringComparison.Ordinal);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.Equal(created.UserId, user.Id);
        Assert.Equal("Kit Marlowe", user.DisplayName);
        Assert.Equal([Roles.Lead], await users.GetRolesAsync(user));
        Assert.False(await users.HasPasswordAsync(user));
    }

    [Fact]
    public async Task The_link_sets_a_password_once_and_signs_the_person_in()
    {
        var email = NewEmail();
        var created = Assert.IsType<InvitationResult.Created>(await InviteAsync(app.Factory, await app.TestData.DemoOrganisationIdAsync(), email));
        using var invited = app.CreateClient();

        // Someone else opens the same link first, in another tab or from a forwarded e-mail.
        using var other = app.CreateClient();
        var otherForm = await other.GetPageAsync(created.Link);
        var form = await invited.GetPageAsync(created.Link);
        Assert.Contains(email, form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var set = await SetPasswordAsync(invited, created.Link, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var done = await invited.GetPageAsync(set.Headers.Location!.OriginalString);
        Assert.Equal("Your password has been set", done.QuerySelector("h1")!.TextContent.Trim());
        await invited.GetPageAsync("/plans");

        // The same link again: refused, and said so plainly, whether opened afresh or posted from the form opened before.
        var used = await other.GetPageAsync(created.Link);
        Assert.Contains("This link has expired or has already been used", used.QuerySelector("#link-not-valid")!.TextContent, StringComparison.Ordinal);
        var reused = await other.Http.PostAsync(created.Link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "another quite long password",
            ["Input.ConfirmPassword"] = "another quite long password",
            ["__RequestVerificationToken"] = otherForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.NotNull(TestClient.Parse(await reused.Content.ReadAsStringAsync()).QuerySelector("#link-not-valid"));

        // The password chosen is the one that works.
        using var later = app.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsEmailAsync(email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.SignInAsEmailAsync(email, "another quite long password")).StatusCode);
    }

    [Fact]
    public async Task The_password_must_follow_the_same_rules_as_changing_it()
    {
        var created = Assert.IsType<InvitationResult.Created>(await InviteAsync(app.Factory, await app.TestData.DemoOrganisationIdAsync(), NewEmail()));
        using var invited = app.CreateClient();

        var tooShort = TestClient.Parse(await (await SetPasswordAsync(invited, created.Link, "short")).Content.ReadAsStringAsync());
        var common = TestClient.Parse(await (await SetPasswordAsync(invited, created.Link, "passwordpassword")).Content.ReadAsStringAsync());
        var different = TestClient.Parse(await (await SetPasswordAsync(invited, created.Link, NewPassword, "something else entirely")).Content.ReadAsStringAsync());

        Assert.Contains("at least 12 characters", tooShort.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(CommonPasswordValidator.Message, common.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The passwords do not match", different.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        // None of those used the link up.
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(invited, created.Link, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_link_older_than_a_week_has_expired()
    {
        var created = Assert.IsType<InvitationResult.Created>(await InviteAsync(app.Factory, await app.TestData.DemoOrganisationIdAsync(), NewEmail()));
        using var invited = app.CreateClient();
        var start = app.Clock.Now;
        try
        {
            app.Clock.Now = start + PasswordLinkTokenProvider.Lifetime + TimeSpan.FromMinutes(1);

            var page = await invited.GetPageAsync(created.Link);

            Assert.NotNull(page.QuerySelector("#link-not-valid"));
        }
        finally
        {
            app.Clock.Now = start;
        }
    }

    [Fact]
    public async Task A_made_up_or_altered_link_is_refused()
    {
        var created = Assert.IsType<InvitationResult.Created>(await InviteAsync(app.Factory, await app.TestData.DemoOrganisationIdAsync(), NewEmail()));
        using var client = app.CreateClient();

        Assert.NotNull((await client.GetPageAsync(created.Link[..^4] + "AAAA")).QuerySelector("#link-not-valid"));
        Assert.NotNull((await client.GetPageAsync("/users/set-password?user=nobody&token=abc")).QuerySelector("#link-not-valid"));
        Assert.NotNull((await client.GetPageAsync("/users/set-password")).QuerySelector("#link-not-valid"));
    }

    [Fact]
    public async Task Inviting_an_address_that_already_has_an_account_says_so_in_plain_words()
    {
        var organisation = await app.TestData.DemoOrganisationIdAsync();
        var email = NewEmail();
        var first = Assert.IsType<InvitationResult.Created>(await InviteAsync(app.Factory, organisation, email));

        var second = Assert.IsType<InvitationResult.AlreadyExists>(await InviteAsync(app.Factory, organisation, "  " + email.ToUpperInvariant() + " "));
        var invalid = Assert.IsType<InvitationResult.Invalid>(await InviteAsync(app.Factory, organisation, "not an address"));

        Assert.Equal(first.UserId, second.UserId);
        Assert.False(second.InAnotherOrganisation);
        Assert.Equal("An account with this e-mail already exists", second.Message);
        Assert.Equal(EmailAddresses.WrongFormat, invalid.Message);
    }

    [Fact]
    public async Task With_email_configured_the_invitation_is_emailed_and_its_link_works()
    {
        await using var smtp = new SmtpSink();
        await using var mailing = app.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Reminders:Enabled", "true");
            builder.UseSetting("Reminders:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Reminders:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Reminders:Smtp:UseStartTls", "false");
            builder.UseSetting("Reminders:From", "ServicePlan <serviceplan@council.example>");
            builder.UseSetting("Reminders:AppUrl", "https://serviceplan.example");
            builder.UseSetting("Reminders:CheckEvery", "1.00:00:00");
        });
        var email = NewEmail();

        var created = Assert.IsType<InvitationResult.Created>(await InviteAsync(mailing, await app.TestData.DemoOrganisationIdAsync(), email, "Ada Quill"));

        Assert.True(created.Emailed);
        var message = Assert.Single(smtp.Take());
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Equal("You have been invited to ServicePlan", message.Subject);
        Assert.Contains("Dear Ada Quill,", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://serviceplan.example" + created.Link, message.TextBody, StringComparison.Ordinal);

        using var invited = new TestClient(mailing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(invited, created.Link, NewPassword)).StatusCode);
    }
}
