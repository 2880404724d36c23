using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ServicePlan.Dates;
using ServicePlan.IntegrationTests.Infrastructure;
using ServicePlan.Progress;
using ServicePlan.Reminders;
using ServicePlan.Users;

namespace ServicePlan.IntegrationTests.Reviews;

/// <summary>The app with reminder e-mails on, sending to a mail server inside the test.</summary>
public sealed class ChaseAppFixture : ServicePlanAppFixture
{
    public const string AppUrl = "https://serviceplan.example";

    public SmtpSink Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Reminders:Enabled"] = "true",
        ["Reminders:Smtp:Host"] = "127.0.0.1",
        ["Reminders:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Reminders:Smtp:UseStartTls"] = "false",
        ["Reminders:From"] = "ServicePlan <serviceplan@council.example>",
        ["Reminders:AppUrl"] = AppUrl,
        // The timed reminders never fire during a test: only the chase sends here.
        ["Reminders:CheckEvery"] = "1.00:00:00",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// The quarterly chase on the review page: the owner sees which leads still have actions without an update in the open
/// review and sends them a reminder, never two to one person in a day.
/// </summary>
[Trait("Category", "Database")]
public sealed class ChaseTests(ChaseAppFixture app) : IClassFixture<ChaseAppFixture>
{
    private const string Q1 = "Q1 chase";
    private const string Q2 = "Q2 chase";

    /// <summary>
    /// Two leads with accounts and a team without one. The first leads two actions, neither updated in Q2 (one was in
    /// Q1); the second leads two, one updated in Q2; the team one, never updated.
    /// </summary>
    private async Task<(CreatePlanResult Plan, TestUser First, TestUser Second)> PlanWithLeadsBehindAsync()
    {
        var first = await app.TestData.CreateUserAsync(Roles.Lead);
        var second = await app.TestData.CreateUserAsync(Roles.Lead);
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithClosedReview(Q1, new DateOnly(2024, 6, 30))
            .WithOpenReview(Q2, new DateOnly(2024, 9, 30))
            .WithSection("Early help (test data)", s => s
                .WithAction(a => a.WithRef("1").WithDoesWhat("Runs the weekly panel (test data)").WithLead(first.Name).WithUpdate(Rating.Green, review: Q1))
                .WithAction(a => a.WithRef("2").WithDoesWhat("Audits the step-down cases (test data)").WithLead(first.Name))
                .WithAction(a => a.WithRef("3").WithLead(second.Name).WithUpdate(Rating.Amber))
                .WithAction(a => a.WithRef("4").WithLead(second.Name))
                .WithAction(a => a.WithRef("5").WithLead("Sample Team", "ST"))));
        return (plan, first, second);
    }

    private static string ReviewUrl(CreatePlanResult plan) => $"/reviews/{plan.ReviewId(Q2)}";

    private async Task<TestClient> SignedInAsync(string role)
    {
        var client = app.CreateClient();
        await client.SignInAsync(role);
        return client;
    }

    private static IReadOnlyList<string> LeadsBehind(IHtmlDocument page) =>
        page.QuerySelectorAll("#chase-table tbody tr").Select(r => r.GetAttribute("data-lead") ?? "").ToList();

    private static string Row(IHtmlDocument page, string lead, string selector) =>
        page.QuerySelector($"#chase-table tr[data-lead='{lead}'] {selector}")?.TextContent.Trim() ?? "";

    private async Task<IHtmlDocument> RemindAsync(TestClient owner, CreatePlanResult plan, TestUser? lead)
    {
        var url = ReviewUrl(plan);
        HttpResponseMessage response;
        if (lead is null)
        {
            response = await owner.PostFormAsync(url, url + "?handler=RemindAll", []);
        }
        else
        {
            await using var db = app.Database.CreateContext();
            var personId = await db.People.Where(p => p.PlanId == plan.PlanId && p.Name == lead.Name).Select(p => p.Id).SingleAsync();
            response = await owner.PostFormAsync(url, url + "?handler=Remind", new() { ["personId"] = personId.ToString() });
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(url, response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        return await owner.GetPageAsync(url);
    }

    private static string Banner(IHtmlDocument page) => page.QuerySelector("#chase-report")?.TextContent ?? "";

    private IReadOnlyList<MimeMessage> SentTo(params TestUser[] users) =>
        app.Smtp.Take().Where(m => m.To.Mailboxes.Any(a => users.Any(u => u.Email == a.Address))).ToList();

    [Fact]
    public async Task The_review_lists_leads_behind_with_counts_and_latest_dates_and_drops_a_lead_once_they_have_updated_all()
    {
        var (plan, first, second) = await PlanWithLeadsBehindAsync();
        var lastWeek = UkTime.Date(app.Clock.GetUtcNow().UtcDateTime.AddDays(-7), "d MMM yyyy");
        using var owner = await SignedInAsync(Roles.PlanOwner);

        var page = await owner.GetPageAsync(ReviewUrl(plan));

        // Most behind first; level on one action each, the team that never updated comes before a lead who has.
        Assert.Equal([first.Name, "Sample Team", second.Name], LeadsBehind(page));
        Assert.Equal("2 of 2", Row(page, first.Name, "[data-outstanding]"));
        Assert.Equal(lastWeek, Row(page, first.Name, "[data-last-updated]"));
        Assert.Equal("1 of 2", Row(page, second.Name, "[data-outstanding]"));
        Assert.Equal("Never", Row(page, "Sample Team", "[data-last-updated]"));
        Assert.Equal("No account — link them on the people page", Row(page, "Sample Team", "[data-no-account]"));
        Assert.Empty(page.QuerySelectorAll("#chase-table tr[data-lead='Sample Team'] button"));
        Assert.NotNull(page.QuerySelector($"#chase-table tr[data-lead='{first.Name}'] button"));
        Assert.NotNull(page.QuerySelector("#remind-all"));

        using var lead = app.CreateClient();
        await lead.SignInAsync(second);
        var fourth = plan.Action("4").Id;
        var saved = await lead.PostFormAsync($"/actions/{fourth}/progress", $"/actions/{fourth}/progress",
            new() { ["Input.Rating"] = "Green", ["Input.Comment"] = "The checks are done (test data)." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await owner.GetPageAsync(ReviewUrl(plan));
        Assert.Equal([first.Name, "Sample Team"], LeadsBehind(page));
        Assert.Contains(second.Name, page.QuerySelector("#chase-up-to-date")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(UkTime.Date(app.Clock.GetUtcNow().UtcDateTime, "d MMM yyyy"), page.QuerySelector("#chase-up-to-date")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_a_reminder_emails_the_lead_once_and_a_second_press_the_same_day_sends_nothing_and_says_so()
    {
        var (plan, first, _) = await PlanWithLeadsBehindAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);
        app.Smtp.Take();

        var page = await RemindAsync(owner, plan, first);

        Assert.Contains($"A reminder was sent to {first.Name}.", Banner(page), StringComparison.Ordinal);
        var reminder = Assert.Single(SentTo(first));
        Assert.Equal($"Please update your actions for {Q2} of {plan.Title}", reminder.Subject);
        Assert.Contains($"Dear {first.Name},", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{TestData.OwnerName} has asked you to add your progress updates for the {Q2} review of {plan.Title}.", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 1: Runs the weekly panel (test data)", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 2: Audits the step-down cases (test data)", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{ChaseAppFixture.AppUrl}/actions/{plan.Action("2").Id}/progress", reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("- 3:", reminder.TextBody, StringComparison.Ordinal);
        Assert.Equal(["1", "2"], TestClient.Parse(reminder.HtmlBody ?? "").QuerySelectorAll("li a").Select(a => a.TextContent).ToArray());

        page = await RemindAsync(owner, plan, first);

        Assert.Contains($"Not sent to {first.Name} (already sent a reminder today).", Banner(page), StringComparison.Ordinal);
        Assert.DoesNotContain("A reminder was sent", Banner(page), StringComparison.Ordinal);
        Assert.Empty(SentTo(first));

        await using var db = app.Database.CreateContext();
        var recorded = await db.SentReminders.AsNoTracking().Where(s => s.ReviewId == plan.ReviewId(Q2)).ToListAsync();
        var chase = Assert.Single(recorded);
        Assert.Equal(ReminderKind.Chase, chase.Kind);
        Assert.Equal(ChaseRules.UkDay(app.Clock.GetUtcNow().UtcDateTime).DayNumber, chase.Week);
    }

    [Fact]
    public async Task Send_a_reminder_to_all_who_are_behind_reaches_every_linked_lead_behind_and_says_who_was_not_reached()
    {
        var (plan, first, second) = await PlanWithLeadsBehindAsync();
        var upToDate = await app.TestData.CreateUserAsync(Roles.Lead);
        await using (var db = app.Database.CreateContext())
        {
            // A third lead whose one action has its update: behind on nothing, so not reminded.
            var person = new ServicePlan.Plans.PlanPerson { PlanId = plan.PlanId, Name = upToDate.Name, Initials = "TL", UserId = await db.Users.Where(u => u.Email == upToDate.Email).Select(u => u.Id).SingleAsync() };
            db.People.Add(person);
            var third = await db.Actions.Include(a => a.Leads).SingleAsync(a => a.Id == plan.Action("3").Id);
            third.Leads.Add(person);
            await db.SaveChangesAsync();
        }

        using var owner = await SignedInAsync(Roles.PlanOwner);
        app.Smtp.Take();

        var page = await RemindAsync(owner, plan, lead: null);

        var sent = SentTo(first, second, upToDate);
        Assert.Equal([first.Email, second.Email], sent.SelectMany(m => m.To.Mailboxes).Select(a => a.Address).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("- 4: ", Assert.Single(sent, m => m.To.Mailboxes.Any(a => a.Address == second.Email)).TextBody, StringComparison.Ordinal);
        Assert.Contains($"A reminder was sent to {first.Name} and {second.Name}.", Banner(page), StringComparison.Ordinal);
        Assert.Contains("Not sent to Sample Team (no account: link them on the people page).", Banner(page), StringComparison.Ordinal);

        // Pressed again the same day: everyone has had theirs.
        page = await RemindAsync(owner, plan, lead: null);
        Assert.Empty(SentTo(first, second, upToDate));
        Assert.Contains($"Not sent to {first.Name} and {second.Name} (already sent a reminder today).", Banner(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Lead)]
    [InlineData(Roles.Viewer)]
    public async Task Leads_and_viewers_see_no_chase_and_cannot_send_a_reminder(string role)
    {
        var (plan, first, _) = await PlanWithLeadsBehindAsync();
        await using var db = app.Database.CreateContext();
        var personId = await db.People.Where(p => p.PlanId == plan.PlanId && p.Name == first.Name).Select(p => p.Id).SingleAsync();
        using var client = await SignedInAsync(role);
        app.Smtp.Take();

        var page = await client.GetPageAsync(ReviewUrl(plan));
        var one = await client.PostFormAsync(ReviewUrl(plan), ReviewUrl(plan) + "?handler=Remind", new() { ["personId"] = personId.ToString() });
        var all = await client.PostFormAsync(ReviewUrl(plan), ReviewUrl(plan) + "?handler=RemindAll", []);

        Assert.Null(page.QuerySelector("#chase"));
        Assert.Contains("access-denied", one.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("access-denied", all.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Empty(app.Smtp.Take());
    }

    [Fact]
    public async Task A_closed_review_shows_no_chase()
    {
        var (plan, _, _) = await PlanWithLeadsBehindAsync();
        using var owner = await SignedInAsync(Roles.PlanOwner);

        var page = await owner.GetPageAsync($"/reviews/{plan.ReviewId(Q1)}");

        Assert.Null(page.QuerySelector("#chase"));
    }
}

/// <summary>The chase when ServicePlan has no e-mail set up: the owner still sees who is behind, with no buttons.</summary>
[Trait("Category", "Database")]
public sealed class ChaseWithoutEmailTests(ServicePlanAppFixture app) : IClassFixture<ServicePlanAppFixture>
{
    [Fact]
    public async Task Without_email_the_owner_sees_who_is_behind_but_no_reminder_buttons()
    {
        var lead = await app.TestData.CreateUserAsync(Roles.Lead);
        var plan = await app.TestData.CreatePlanAsync(p => p
            .WithOpenReview("Q2 no e-mail")
            .WithSection("Early help (test data)", s => s.WithAction(a => a.WithLead(lead.Name))));
        using var owner = app.CreateClient();
        await owner.SignInAsync(Roles.PlanOwner);
        var url = $"/reviews/{plan.ReviewId("Q2 no e-mail")}";

        var page = await owner.GetPageAsync(url);

        Assert.Equal([lead.Name], page.QuerySelectorAll("#chase-table tbody tr").Select(r => r.GetAttribute("data-lead") ?? "").ToArray());
        Assert.Empty(page.QuerySelectorAll("#chase-section button"));
        Assert.Contains("E-mail is not set up", page.QuerySelector("#chase-section")?.TextContent ?? "", StringComparison.Ordinal);

        var pressed = await owner.PostFormAsync(url, url + "?handler=RemindAll", []);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Contains("no reminder was sent", (await owner.GetPageAsync(url)).QuerySelector("#chase-report")?.TextContent ?? "", StringComparison.Ordinal);
    }
}
