using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Reminders;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Reminders;

/// <summary>
/// Reminder e-mails end to end: the real app on a fresh demo database sends to an SMTP server inside the test.
/// Each test runs the reminder check itself (the background timer is set to a day, so it never fires here) and moves
/// the clock by hand, so nothing depends on timing.
/// </summary>
[Trait("Category", "Database")]
public sealed class ReminderEmailTests : IAsyncLifetime
{
    private const string AppUrl = "https://serviceplan.example";
    private const string Q2 = "Q2 2024-25";

    private readonly FixedClock _clock = new(FixedClock.DemoToday);
    private readonly SmtpSink _smtp = new();
    private readonly List<IAsyncDisposable> _hosts = [];
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _app = null!;

    private static string LeadEmail => TestClient.EmailOf(Roles.Lead);
    private static string OwnerEmail => TestClient.EmailOf(Roles.PlanOwner);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = StartApp();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    private WebApplicationFactory<Program> StartApp(Dictionary<string, string>? settings = null)
    {
        settings ??= new()
        {
            ["Reminders:Enabled"] = "true",
            ["Reminders:Smtp:Host"] = "127.0.0.1",
            ["Reminders:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reminders:Smtp:UseStartTls"] = "false",
            ["Reminders:From"] = "ServicePlan <serviceplan@council.example>",
            ["Reminders:AppUrl"] = AppUrl,
            ["Reminders:CheckEvery"] = "1.00:00:00",
        };
        var factory = new ServicePlanFactory(_database.ConnectionString, _clock);
        var configured = factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        });
        _hosts.Add(configured);
        _hosts.Add(factory);
        return configured;
    }

    private static Task<int> CheckRemindersAsync(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<ReminderSender>().RunOnceAsync();

    private TestClient Client(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>As in the demo's story: the owner closes Q1 (already fully updated) and opens Q2.</summary>
    private async Task OpenQ2Async()
    {
        using var owner = Client(_app);
        await owner.SignInAsync(Roles.PlanOwner);
        await using var db = _database.CreateContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync();
        var q1 = await db.Reviews.Where(r => r.Label == "Q1 2024-25").Select(r => r.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/reviews/{q1}", $"/reviews/{q1}?handler=Close", [])).StatusCode);
        var opened = await owner.PostFormAsync($"/plans/{plan.Id}/reviews", $"/plans/{plan.Id}/reviews",
            new() { ["Input.Label"] = Q2, ["Input.Day"] = "15", ["Input.Month"] = "10", ["Input.Year"] = "2024" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
    }

    private async Task<Guid> ActionIdAsync(string reference)
    {
        await using var db = _database.CreateContext();
        return await db.Actions.Where(a => a.Ref == reference).Select(a => a.Id).SingleAsync();
    }

    private static MimeMessage[] To(IEnumerable<MimeMessage> messages, string email) =>
        messages.Where(m => m.To.Mailboxes.Any(a => a.Address == email)).ToArray();

    private static bool IsOwnerDigest(MimeMessage message) => (message.Subject ?? "").StartsWith(Q2 + ":", StringComparison.Ordinal);

    private void AWeekPasses() => _clock.Now += TimeSpan.FromDays(7);

    [Fact]
    public async Task Opening_a_review_sends_each_lead_a_digest_of_the_actions_they_need_to_update()
    {
        await OpenQ2Async();

        Assert.True(await CheckRemindersAsync(_app) > 0);

        var sent = _smtp.Take();
        // The demo's leads with accounts are the owner (Head of Service) and Sam Okafor; nobody else is mailed,
        // and in the opening week there is no digest of who has not updated.
        Assert.Equal([LeadEmail, OwnerEmail], sent.SelectMany(m => m.To.Mailboxes).Select(a => a.Address).Order().ToArray());
        Assert.DoesNotContain(sent, IsOwnerDigest);
        var digest = Assert.Single(To(sent, LeadEmail));
        Assert.Equal("Q2 2024-25 is open: 2 of your actions need an update", digest.Subject);
        Assert.Equal("serviceplan@council.example", digest.From.Mailboxes.Single().Address);
        Assert.Contains("Dear Sam Okafor,", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 13: Disproportionality session", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 15: Ensures families can access", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{AppUrl}/actions/{await ActionIdAsync("13")}/progress", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{AppUrl}/my-actions", digest.TextBody, StringComparison.Ordinal);
        var html = TestClient.Parse(digest.HtmlBody ?? "");
        Assert.Equal(["13", "15"], html.QuerySelectorAll("li a").Select(a => a.TextContent).ToArray());
        Assert.Equal($"{AppUrl}/actions/{await ActionIdAsync("15")}/progress", html.QuerySelectorAll("li a")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task Restarting_the_app_does_not_send_a_digest_twice()
    {
        await OpenQ2Async();
        await CheckRemindersAsync(_app);
        var first = _smtp.Take();
        Assert.NotEmpty(first);

        // The app stops and starts again on the same database, later the same day.
        foreach (var host in _hosts.ToArray())
            await host.DisposeAsync();
        _hosts.Clear();
        _clock.Now += TimeSpan.FromHours(3);
        var restarted = StartApp();

        Assert.Equal(0, await CheckRemindersAsync(restarted));
        Assert.Equal(0, await CheckRemindersAsync(restarted));
        Assert.Empty(_smtp.Take());

        // A week on, the weekly reminders go once, whichever copy of the app checks first.
        AWeekPasses();
        var secondCopy = StartApp();
        var sentByRestarted = await CheckRemindersAsync(restarted);
        Assert.Equal(0, await CheckRemindersAsync(secondCopy));
        var weekOne = _smtp.Take();
        Assert.Equal(sentByRestarted, weekOne.Count);
        Assert.Single(To(weekOne, LeadEmail));

        await using var db = _database.CreateContext();
        var records = await db.SentReminders.AsNoTracking().ToListAsync();
        Assert.Equal(first.Count + weekOne.Count, records.Count);
        Assert.Equal(records.Count, records.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public async Task Each_week_leads_who_have_not_updated_are_reminded_and_the_owner_hears_who_has_not()
    {
        await OpenQ2Async();
        await CheckRemindersAsync(_app);
        _smtp.Take();

        // Six days on is still the opening week: nothing more.
        _clock.Now += TimeSpan.FromDays(6);
        Assert.Equal(0, await CheckRemindersAsync(_app));

        _clock.Now += TimeSpan.FromDays(1);
        await CheckRemindersAsync(_app);
        var sent = _smtp.Take();

        var reminder = Assert.Single(To(sent, LeadEmail));
        Assert.Equal("Reminder: 2 of your actions still need an update for Q2 2024-25", reminder.Subject);
        Assert.Contains("- 13: ", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 15: ", reminder.TextBody, StringComparison.Ordinal);

        var digest = Assert.Single(To(sent, OwnerEmail), IsOwnerDigest);
        Assert.Equal("Q2 2024-25: 31 actions still need an update", digest.Subject);
        Assert.Contains("Sam Okafor (2 actions):\n- 13: ", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rachel Talmage (", digest.TextBody, StringComparison.Ordinal);
        // Actions led only by people without an account are listed for the owner, since nobody was reminded.
        Assert.Contains("Nobody could be reminded about these actions", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 14: Reviews EH step downs", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{AppUrl}/reviews/", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal(["Rachel Talmage", "Sam Okafor"], TestClient.Parse(digest.HtmlBody ?? "").QuerySelectorAll("h2").Select(h => h.TextContent).ToArray());

        // Checking again in the same week sends nothing; the next week sends again.
        Assert.Equal(0, await CheckRemindersAsync(_app));
        AWeekPasses();
        await CheckRemindersAsync(_app);
        Assert.Single(To(_smtp.Take(), LeadEmail));
    }

    [Fact]
    public async Task A_lead_who_has_updated_all_their_actions_is_not_reminded_again()
    {
        await OpenQ2Async();
        await CheckRemindersAsync(_app);
        _smtp.Take();

        using (var lead = Client(_app))
        {
            await lead.SignInAsync(Roles.Lead);
            foreach (var reference in new[] { "13", "15" })
            {
                var id = await ActionIdAsync(reference);
                var saved = await lead.PostFormAsync($"/actions/{id}/progress", $"/actions/{id}/progress", new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "On track." });
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }
        }

        AWeekPasses();
        await CheckRemindersAsync(_app);
        var sent = _smtp.Take();

        Assert.Empty(To(sent, LeadEmail));
        var digest = Assert.Single(To(sent, OwnerEmail), IsOwnerDigest);
        Assert.Equal("Q2 2024-25: 29 actions still need an update", digest.Subject);
        Assert.DoesNotContain("Sam Okafor", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_the_review_stops_the_reminders()
    {
        await OpenQ2Async();
        await CheckRemindersAsync(_app);
        _smtp.Take();

        using (var owner = Client(_app))
        {
            await owner.SignInAsync(Roles.PlanOwner);
            await using var db = _database.CreateContext();
            var q2 = await db.Reviews.Where(r => r.Label == Q2).Select(r => r.Id).SingleAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/reviews/{q2}", $"/reviews/{q2}?handler=Close", [])).StatusCode);
        }

        AWeekPasses();
        Assert.Equal(0, await CheckRemindersAsync(_app));
        Assert.Empty(_smtp.Take());
    }

    [Fact]
    public async Task Reminders_are_off_unless_turned_on()
    {
        _app = StartApp(settings: []);
        await OpenQ2Async();
        AWeekPasses();

        Assert.Equal(0, await CheckRemindersAsync(_app));

        Assert.Empty(_smtp.Take());
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.SentReminders.CountAsync());
    }

    [Fact]
    public void Turning_reminders_on_without_a_mail_server_stops_the_app_saying_what_to_fix()
    {
        var app = StartApp(new() { ["Reminders:Enabled"] = "true", ["Reminders:From"] = "serviceplan@council.example", ["Reminders:AppUrl"] = AppUrl });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Reminders:Smtp:Host is empty", refused.Message, StringComparison.Ordinal);
    }
}
