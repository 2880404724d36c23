using ServicePlan.Reminders;

namespace ServicePlan.Tests.Reminders;

public sealed class ChaseRulesTests
{
    private static LeadProgress Lead(string name, int outstanding, string? lastUpdated = null, LeadAccount account = LeadAccount.CanBeEmailed, int leads = 5) =>
        new(Guid.NewGuid(), name, name[..1], account, outstanding, leads, lastUpdated is null ? null : DateTime.Parse(lastUpdated, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(12, true)]
    public void A_lead_is_behind_while_any_of_their_actions_has_no_update(int outstanding, bool behind)
    {
        Assert.Equal(behind, ChaseRules.IsBehind(outstanding));
        Assert.Equal(behind, Lead("Alex", outstanding).IsBehind);
    }

    [Theory]
    // Most actions without an update first.
    [InlineData("Alex:1:2024-10-01|Blake:3:2024-10-01|Casey:2:2024-10-01", "Blake,Casey,Alex")]
    // Level on actions: whoever updated longest ago, and never before any date.
    [InlineData("Alex:2:2024-10-05|Blake:2:2024-09-01|Casey:2:", "Casey,Blake,Alex")]
    // Level on both: by name, whatever its case.
    [InlineData("casey:1:2024-10-01|Alex:1:2024-10-01|blake:1:2024-10-01", "Alex,blake,casey")]
    // The up to date come last.
    [InlineData("Alex:0:|Blake:1:2024-10-19", "Blake,Alex")]
    public void Leads_are_listed_most_behind_first(string leads, string expected)
    {
        var given = leads.Split('|').Select(l => l.Split(':')).Select(p => Lead(p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2] == "" ? null : p[2]));

        Assert.Equal(expected.Split(','), ChaseRules.MostBehindFirst(given).Select(l => l.Name));
    }

    [Theory]
    [InlineData(false, "someone@council.example", false, LeadAccount.NoAccount)]
    [InlineData(true, "someone@council.example", false, LeadAccount.CanBeEmailed)]
    [InlineData(true, "", false, LeadAccount.CannotBeEmailed)]
    [InlineData(true, null, false, LeadAccount.CannotBeEmailed)]
    [InlineData(true, "someone@council.example", true, LeadAccount.CannotBeEmailed)]
    public void Only_a_linked_active_account_with_an_address_can_be_reminded(bool linked, string? email, bool deactivated, LeadAccount expected)
    {
        Assert.Equal(expected, ChaseRules.AccountOf(linked, email, deactivated));
    }

    [Theory]
    // Winter: UK time is UTC.
    [InlineData("2024-12-02T23:59:00Z", "2024-12-02")]
    [InlineData("2024-12-03T00:00:00Z", "2024-12-03")]
    // Summer: 23:30 UTC is already the next day in the UK.
    [InlineData("2024-07-01T22:59:00Z", "2024-07-01")]
    [InlineData("2024-07-01T23:30:00Z", "2024-07-02")]
    public void One_reminder_a_day_counts_days_as_the_UK_does(string utc, string ukDay)
    {
        var at = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var key = ChaseRules.ChaseKey(Guid.Empty, "user", at);

        Assert.Equal(DateOnly.Parse(ukDay, System.Globalization.CultureInfo.InvariantCulture), ChaseRules.UkDay(at));
        Assert.Equal(DateOnly.Parse(ukDay, System.Globalization.CultureInfo.InvariantCulture).DayNumber, key.Week);
        Assert.Equal(ReminderKind.Chase, key.Kind);
    }

    [Fact]
    public void Two_presses_on_the_same_UK_day_make_the_same_key_and_the_next_day_a_new_one()
    {
        var morning = new DateTime(2024, 10, 20, 7, 0, 0, DateTimeKind.Utc);

        Assert.Equal(ChaseRules.ChaseKey(Guid.Empty, "user", morning), ChaseRules.ChaseKey(Guid.Empty, "user", morning.AddHours(15)));
        Assert.NotEqual(ChaseRules.ChaseKey(Guid.Empty, "user", morning), ChaseRules.ChaseKey(Guid.Empty, "user", morning.AddDays(1)));
    }

    [Theory]
    [InlineData(0, LeadAccount.CanBeEmailed, ChaseOutcome.NothingToUpdate)]
    [InlineData(2, LeadAccount.NoAccount, ChaseOutcome.NoAccount)]
    [InlineData(2, LeadAccount.CannotBeEmailed, ChaseOutcome.CannotBeEmailed)]
    [InlineData(2, LeadAccount.CanBeEmailed, null)]
    public void A_lead_is_sent_a_reminder_only_when_behind_and_reachable(int outstanding, LeadAccount account, ChaseOutcome? expected) =>
        Assert.Equal(expected, ChaseRules.Unsendable(Lead("Alex", outstanding, account: account)));

    [Theory]
    [InlineData("", "")]
    [InlineData("Alex", "Alex")]
    [InlineData("Alex,Blake", "Alex and Blake")]
    [InlineData("Alex,Blake,Casey", "Alex, Blake and Casey")]
    public void Names_are_listed_as_a_sentence(string names, string expected) =>
        Assert.Equal(expected, ChaseRules.Names(names.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void The_owner_is_told_who_was_sent_a_reminder_and_who_was_not_and_why()
    {
        var lines = ChaseRules.Confirmation(
        [
            new("Alex Tester", ChaseOutcome.Sent),
            new("Blake Sample", ChaseOutcome.AlreadyRemindedToday),
            new("Casey Example", ChaseOutcome.Sent),
            new("Team Sample", ChaseOutcome.NoAccount),
        ]);

        Assert.Equal(
        [
            "A reminder was sent to Alex Tester and Casey Example.",
            "Not sent to Blake Sample (already sent a reminder today).",
            "Not sent to Team Sample (no account: link them on the people page).",
        ], lines);
    }

    [Fact]
    public void With_nobody_behind_the_owner_is_told_nothing_was_sent() =>
        Assert.Equal(["Nobody is behind with their updates, so no reminder was sent."], ChaseRules.Confirmation([]));
}
