using ServicePlan.Reminders;

namespace ServicePlan.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly Guid ReviewId = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly DateTime Opened = new(2024, 10, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly OpenReviewForReminders Review = new(ReviewId, Opened, "owner");

    private static ReminderKey Key(string recipient, ReminderKind kind, int week) => new(ReviewId, recipient, kind, week);

    private static ReminderAlreadySent Sent(string recipient, ReminderKind kind, int week, DateTime at) => new(Key(recipient, kind, week), at);

    private static IReadOnlyList<ReminderKey> Due(DateTime now, LeadToRemind[] leads, params ReminderAlreadySent[] sent) =>
        ReminderSchedule.Due(Review, leads, leads.Sum(l => l.ActionsNeedingUpdate), sent, now);

    private static readonly LeadToRemind[] TwoLeads = [new("sam", 2), new("priya", 1)];

    [Fact]
    public void When_a_review_opens_each_lead_with_actions_to_update_gets_the_opening_digest_and_the_owner_nothing_yet()
    {
        var due = Due(Opened.AddMinutes(15), [new("sam", 2), new("priya", 1), new("jo", 0)]);

        Assert.Equal([Key("sam", ReminderKind.ReviewOpened, 0), Key("priya", ReminderKind.ReviewOpened, 0)], due);
    }

    [Fact]
    public void The_opening_digest_is_sent_once()
    {
        var due = Due(Opened.AddDays(3), TwoLeads,
            Sent("sam", ReminderKind.ReviewOpened, 0, Opened.AddMinutes(15)),
            Sent("priya", ReminderKind.ReviewOpened, 0, Opened.AddMinutes(15)));

        Assert.Empty(due);
    }

    [Fact]
    public void Each_week_after_opening_leads_still_to_update_are_reminded_and_the_owner_gets_a_digest()
    {
        var opening = new[] { Sent("sam", ReminderKind.ReviewOpened, 0, Opened), Sent("priya", ReminderKind.ReviewOpened, 0, Opened) };

        var weekOne = Due(Opened.AddDays(7), TwoLeads, opening);
        var weekTwo = Due(Opened.AddDays(15), TwoLeads, [.. opening, .. weekOne.Select(k => new ReminderAlreadySent(k, Opened.AddDays(7)))]);

        Assert.Equal([Key("sam", ReminderKind.WeeklyReminder, 1), Key("priya", ReminderKind.WeeklyReminder, 1), Key("owner", ReminderKind.OwnerDigest, 1)], weekOne);
        Assert.Equal([Key("sam", ReminderKind.WeeklyReminder, 2), Key("priya", ReminderKind.WeeklyReminder, 2), Key("owner", ReminderKind.OwnerDigest, 2)], weekTwo);
    }

    [Fact]
    public void A_weekly_reminder_already_sent_this_week_is_not_sent_again()
    {
        var due = Due(Opened.AddDays(9), TwoLeads,
            Sent("sam", ReminderKind.ReviewOpened, 0, Opened),
            Sent("priya", ReminderKind.ReviewOpened, 0, Opened),
            Sent("sam", ReminderKind.WeeklyReminder, 1, Opened.AddDays(7)),
            Sent("priya", ReminderKind.WeeklyReminder, 1, Opened.AddDays(7)),
            Sent("owner", ReminderKind.OwnerDigest, 1, Opened.AddDays(7)));

        Assert.Empty(due);
    }

    [Fact]
    public void A_lead_whose_actions_all_have_their_update_hears_no_more()
    {
        var due = Due(Opened.AddDays(7), [new("sam", 0), new("priya", 1)],
            Sent("sam", ReminderKind.ReviewOpened, 0, Opened),
            Sent("priya", ReminderKind.ReviewOpened, 0, Opened));

        Assert.Equal([Key("priya", ReminderKind.WeeklyReminder, 1), Key("owner", ReminderKind.OwnerDigest, 1)], due);
    }

    [Fact]
    public void When_every_action_has_its_update_nobody_is_mailed()
    {
        var due = Due(Opened.AddDays(14), [new("sam", 0)], Sent("sam", ReminderKind.ReviewOpened, 0, Opened));

        Assert.Empty(due);
    }

    [Fact]
    public void Weeks_missed_while_the_app_was_stopped_are_not_caught_up()
    {
        var due = Due(Opened.AddDays(22), [new("sam", 1)], Sent("sam", ReminderKind.ReviewOpened, 0, Opened));

        Assert.Equal([Key("sam", ReminderKind.WeeklyReminder, 3), Key("owner", ReminderKind.OwnerDigest, 3)], due);
    }

    [Fact]
    public void A_lead_who_got_a_late_opening_digest_this_week_is_not_also_sent_the_weekly_one()
    {
        // The app was stopped when the review opened and started in week 2: the opening digest went then.
        var due = Due(Opened.AddDays(16), [new("sam", 1)], Sent("sam", ReminderKind.ReviewOpened, 0, Opened.AddDays(15)));

        Assert.Equal([Key("owner", ReminderKind.OwnerDigest, 2)], due);
    }

    [Fact]
    public void A_lead_joining_after_the_review_opened_gets_the_opening_digest_first()
    {
        var due = Due(Opened.AddDays(8), [new("new-lead", 1)]);

        Assert.Equal([Key("new-lead", ReminderKind.ReviewOpened, 0), Key("owner", ReminderKind.OwnerDigest, 1)], due);
    }

    [Fact]
    public void Without_an_owner_account_there_is_no_owner_digest()
    {
        var due = ReminderSchedule.Due(Review with { OwnerUserId = null }, [new("sam", 1)], 1,
            [new(Key("sam", ReminderKind.ReviewOpened, 0), Opened)], Opened.AddDays(7));

        Assert.Equal([Key("sam", ReminderKind.WeeklyReminder, 1)], due);
    }

    [Fact]
    public void Reminders_of_other_reviews_do_not_count()
    {
        var other = new ReminderAlreadySent(new ReminderKey(Guid.NewGuid(), "sam", ReminderKind.ReviewOpened, 0), Opened);

        var due = ReminderSchedule.Due(Review, [new("sam", 1)], 1, [other], Opened.AddHours(1));

        Assert.Equal([Key("sam", ReminderKind.ReviewOpened, 0)], due);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(6.99, 0)]
    [InlineData(7, 1)]
    [InlineData(13.9, 1)]
    [InlineData(14, 2)]
    [InlineData(-1, 0)]
    public void Weeks_are_counted_in_whole_sevens_of_days_from_opening(double days, int week) =>
        Assert.Equal(week, ReminderSchedule.WeekOf(Opened, Opened.AddDays(days)));

    [Fact]
    public void A_lead_the_owner_chased_this_week_gets_no_weekly_reminder_on_top()
    {
        var chasedDay = ChaseRules.ChaseKey(ReviewId, "sam", Opened.AddDays(8)).Week;

        var due = Due(Opened.AddDays(9), TwoLeads,
            Sent("sam", ReminderKind.ReviewOpened, 0, Opened),
            Sent("priya", ReminderKind.ReviewOpened, 0, Opened),
            Sent("sam", ReminderKind.Chase, chasedDay, Opened.AddDays(8)));

        Assert.Equal([Key("priya", ReminderKind.WeeklyReminder, 1), Key("owner", ReminderKind.OwnerDigest, 1)], due);
    }
}
