namespace ServicePlan.Reminders;

/// <summary>
/// A reminder e-mail that was sent, or was about to be when the app stopped. Written before the e-mail goes, and
/// unique on <see cref="Key"/>, so that a restart, or a second copy of the app, can never send the same one again.
/// </summary>
public sealed class SentReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }
    public required string RecipientUserId { get; set; }
    public ReminderKind Kind { get; set; }

    /// <summary>
    /// The week of the review it belongs to: 0 for the opening digest, 1 for the first weekly one, and so on. For a
    /// <see cref="ReminderKind.Chase"/> it is the UK calendar day's <see cref="DateOnly.DayNumber"/> instead, so one a day.
    /// </summary>
    public int Week { get; set; }

    /// <summary>UTC, when it was decided to send it.</summary>
    public DateTime SentAtUtc { get; set; }

    public ReminderKey Key => new(ReviewId, RecipientUserId, Kind, Week);
}

/// <summary>What makes a reminder the same one: no two are ever sent for the same review, person, kind and week (for a chase, day).</summary>
public sealed record ReminderKey(Guid ReviewId, string RecipientUserId, ReminderKind Kind, int Week);
