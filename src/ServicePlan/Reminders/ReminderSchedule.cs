namespace ServicePlan.Reminders;

/// <summary>An open review as reminders see it: when it opened and who opened it (the owner, who gets the digest).</summary>
public sealed record OpenReviewForReminders(Guid ReviewId, DateTime OpenedAtUtc, string? OwnerUserId);

/// <summary>A lead with a sign-in account and how many of their actions have no update in the open review yet.</summary>
public sealed record LeadToRemind(string UserId, int ActionsNeedingUpdate);

/// <summary>A reminder already sent, with when, so a late opening digest is not followed at once by a weekly one.</summary>
public sealed record ReminderAlreadySent(ReminderKey Key, DateTime SentAtUtc);

/// <summary>
/// Which reminder e-mails are due for one open review, now. Plain rules, no clock or database, so they can be
/// tested directly:
/// <list type="bullet">
/// <item>each lead with actions to update gets the opening digest once;</item>
/// <item>then one reminder in each later week (7 days from opening) while any of their actions still needs an update;</item>
/// <item>the owner gets a digest of who has not updated in each of those weeks, while anyone has not.</item>
/// </list>
/// Weeks that passed while the app was stopped are not caught up: only the current week's reminder is sent, and
/// nobody gets two e-mails in one week. A chase the owner sent from the review page (<see cref="ReminderKind.Chase"/>)
/// counts as the lead's reminder for its week. Closing the review ends it all, because only open reviews are asked about.
/// </summary>
public static class ReminderSchedule
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The week of the review that <paramref name="nowUtc"/> falls in: 0 in the first 7 days.</summary>
    public static int WeekOf(DateTime openedAtUtc, DateTime nowUtc) =>
        nowUtc < openedAtUtc ? 0 : (int)((nowUtc - openedAtUtc).Ticks / Week.Ticks);

    public static IReadOnlyList<ReminderKey> Due(
        OpenReviewForReminders review,
        IEnumerable<LeadToRemind> leads,
        int actionsNeedingUpdate,
        IEnumerable<ReminderAlreadySent> alreadySent,
        DateTime nowUtc)
    {
        var sent = alreadySent.Where(s => s.Key.ReviewId == review.ReviewId).ToList();
        var sentKeys = sent.Select(s => s.Key).ToHashSet();
        var week = WeekOf(review.OpenedAtUtc, nowUtc);
        var weekStarted = review.OpenedAtUtc + Week * week;
        var due = new List<ReminderKey>();

        foreach (var lead in leads.Where(l => l.ActionsNeedingUpdate > 0).DistinctBy(l => l.UserId))
        {
            var opening = new ReminderKey(review.ReviewId, lead.UserId, ReminderKind.ReviewOpened, 0);
            if (!sentKeys.Contains(opening))
            {
                due.Add(opening);
                continue;
            }

            var weekly = new ReminderKey(review.ReviewId, lead.UserId, ReminderKind.WeeklyReminder, week);
            var heardThisWeek = sent.Any(s => s.Key.RecipientUserId == lead.UserId && s.Key.Kind != ReminderKind.OwnerDigest && s.SentAtUtc >= weekStarted);
            if (week >= 1 && !sentKeys.Contains(weekly) && !heardThisWeek)
                due.Add(weekly);
        }

        // In the opening week nobody has had a chance to update yet, so a list of "who has not" would be everyone.
        if (review.OwnerUserId is { Length: > 0 } owner && week >= 1 && actionsNeedingUpdate > 0)
        {
            var digest = new ReminderKey(review.ReviewId, owner, ReminderKind.OwnerDigest, week);
            if (!sentKeys.Contains(digest))
                due.Add(digest);
        }

        return due;
    }
}
