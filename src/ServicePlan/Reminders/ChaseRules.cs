using ServicePlan.Dates;

namespace ServicePlan.Reminders;

/// <summary>
/// A person the plan names as leading at least one action, as the review page's chase lists them: how many of their
/// actions have no update in the open review, and the last time any of them (or anything they wrote) was updated.
/// </summary>
/// <param name="Account">Whether they are linked to a sign-in account, and whether that account can be e-mailed.</param>
/// <param name="Outstanding">Their actions with no progress update in this review.</param>
/// <param name="Leads">All the actions they lead (removed ones left out).</param>
/// <param name="LastUpdatedUtc">The latest update, in any review of this plan, to an action they lead or written by their account; null when never.</param>
public sealed record LeadProgress(Guid PersonId, string Name, string Initials, LeadAccount Account, int Outstanding, int Leads, DateTime? LastUpdatedUtc)
{
    public bool IsBehind => ChaseRules.IsBehind(Outstanding);
}

/// <summary>Whether a lead can be sent a reminder, and if not why, in the words the page and its banner use.</summary>
public enum LeadAccount
{
    /// <summary>Linked to an active account with an e-mail address: can be reminded.</summary>
    CanBeEmailed,

    /// <summary>Not linked to any account: the people page is where they are linked.</summary>
    NoAccount,

    /// <summary>Linked, but the account is deactivated or has no e-mail address.</summary>
    CannotBeEmailed,
}

/// <summary>What happened to one lead's reminder when the owner pressed "Send a reminder".</summary>
public enum ChaseOutcome
{
    Sent,
    AlreadyRemindedToday,
    NoAccount,
    CannotBeEmailed,
    NothingToUpdate,

    /// <summary>The mail server could not be reached or refused it: nothing was recorded, so it can be tried again.</summary>
    NotSentMailServer,
}

/// <summary>One lead and what happened to their reminder.</summary>
public sealed record ChaseResult(string Name, ChaseOutcome Outcome);

/// <summary>
/// The plain rules of the quarterly chase: who is behind, who comes first, how a day is told apart for "never two
/// reminders in one day", and what the owner is told afterwards. No clock or database, so they are tested directly.
/// </summary>
public static class ChaseRules
{

    public static bool IsBehind(int outstanding) => outstanding > 0;

    /// <summary>
    /// Most behind first: most actions without an update, then whoever last updated longest ago (never before any
    /// date), then by name, so the list reads the same on every visit.
    /// </summary>
    public static IReadOnlyList<LeadProgress> MostBehindFirst(IEnumerable<LeadProgress> leads) =>
        leads
            .OrderByDescending(l => l.Outstanding)
            .ThenBy(l => l.LastUpdatedUtc ?? DateTime.MinValue)
            .ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(l => l.PersonId)
            .ToList();

    /// <summary>Whether a person can be e-mailed: linked, the account has an address, and it has not been deactivated.</summary>
    public static LeadAccount AccountOf(bool linked, string? email, bool deactivated) =>
        !linked ? LeadAccount.NoAccount
        : string.IsNullOrWhiteSpace(email) || deactivated ? LeadAccount.CannotBeEmailed
        : LeadAccount.CanBeEmailed;

    /// <summary>The UK calendar day of an instant: "one reminder a day" means a day as the people reading it count days.</summary>
    public static DateOnly UkDay(DateTime utc) => DateOnly.FromDateTime(UkTime.ToUk(utc));

    /// <summary>
    /// A chase reminder's key: the ledger's <see cref="ReminderKey.Week"/> holds the UK day's number (days since
    /// 1 January 0001, <see cref="DateOnly.DayNumber"/>), so the unique index lets one chase per person per review per day through.
    /// </summary>
    public static ReminderKey ChaseKey(Guid reviewId, string recipientUserId, DateTime nowUtc) =>
        new(reviewId, recipientUserId, ReminderKind.Chase, UkDay(nowUtc).DayNumber);

    /// <summary>Why a lead would not be reminded before any e-mail is tried; null when they can be.</summary>
    public static ChaseOutcome? Unsendable(LeadProgress lead) =>
        !lead.IsBehind ? ChaseOutcome.NothingToUpdate
        : lead.Account == LeadAccount.NoAccount ? ChaseOutcome.NoAccount
        : lead.Account == LeadAccount.CannotBeEmailed ? ChaseOutcome.CannotBeEmailed
        : null;

    /// <summary>What the owner is told after pressing send, one sentence per line: who was sent a reminder and who was not, and why.</summary>
    public static IReadOnlyList<string> Confirmation(IReadOnlyList<ChaseResult> results)
    {
        var lines = new List<string>();
        var sent = results.Where(r => r.Outcome == ChaseOutcome.Sent).Select(r => r.Name).ToList();
        if (sent.Count > 0)
            lines.Add($"A reminder was sent to {Names(sent)}.");
        foreach (var (outcome, why) in new (ChaseOutcome, string)[]
        {
            (ChaseOutcome.AlreadyRemindedToday, "already sent a reminder today"),
            (ChaseOutcome.NoAccount, "no account: link them on the people page"),
            (ChaseOutcome.CannotBeEmailed, "their account is deactivated or has no e-mail address"),
            (ChaseOutcome.NothingToUpdate, "all their actions have an update"),
            (ChaseOutcome.NotSentMailServer, "the mail server did not take it; try again later"),
        })
        {
            var names = results.Where(r => r.Outcome == outcome).Select(r => r.Name).ToList();
            if (names.Count > 0)
                lines.Add($"Not sent to {Names(names)} ({why}).");
        }

        if (lines.Count == 0)
            lines.Add("Nobody is behind with their updates, so no reminder was sent.");
        return lines;
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
