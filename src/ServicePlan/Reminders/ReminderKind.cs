namespace ServicePlan.Reminders;

public enum ReminderKind
{
    /// <summary>To a lead when a review opens: the actions of theirs that need an update.</summary>
    ReviewOpened,

    /// <summary>To a lead each week after that, while any of their actions still needs an update.</summary>
    WeeklyReminder,

    /// <summary>To the person who opened the review each week: who has not yet updated.</summary>
    OwnerDigest,

    /// <summary>
    /// To a lead when the owner presses "Send a reminder" on the review page. At most one a day: its
    /// <see cref="ReminderKey.Week"/> is the UK day's number (<see cref="ChaseRules.ChaseKey"/>).
    /// </summary>
    Chase,
}
