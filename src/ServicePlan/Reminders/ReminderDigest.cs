namespace ServicePlan.Reminders;

/// <summary>An action as a reminder lists it: its ref, what it does, and the plan's "Who?" as written.</summary>
public sealed record ActionToUpdate(Guid Id, string Ref, string DoesWhat, string LeadsText);

/// <summary>A lead who has not yet updated all their actions, for the owner's digest.</summary>
public sealed record LeadStillToUpdate(string Name, IReadOnlyList<ActionToUpdate> Actions);

/// <summary>
/// One reminder e-mail, ready to write: who it is to, the review, and what it lists. For a lead,
/// <see cref="Actions"/> are theirs that need an update; for the owner, <see cref="NotUpdated"/> says who has not
/// updated and <see cref="NobodyToRemind"/> the actions nobody could be reminded about. A chase names who asked
/// for it in <see cref="RequestedBy"/>.
/// </summary>
public sealed record ReminderDigest(
    ReminderKey Key,
    string RecipientEmail,
    string RecipientName,
    string PlanTitle,
    string ReviewLabel,
    IReadOnlyList<ActionToUpdate> Actions,
    IReadOnlyList<LeadStillToUpdate> NotUpdated,
    IReadOnlyList<ActionToUpdate> NobodyToRemind,
    string? RequestedBy = null);
