namespace ServicePlan.Reviews;

/// <summary>A quarterly checkpoint ("Q3 2019-20"): leads add progress updates while it is open; closing it freezes them.</summary>
public sealed class Review
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public required string Label { get; set; }
    public DateOnly Date { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Open;

    /// <summary>
    /// UTC, when the owner opened it: reminder e-mails count their weeks from here. Empty for reviews opened before
    /// reminders existed, which get none, so turning reminders on never mails about a review opened long ago.
    /// </summary>
    public DateTime? OpenedAtUtc { get; set; }

    /// <summary>The account that opened it, which gets the weekly digest of who has not updated.</summary>
    public string? OpenedByUserId { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>
    /// The review an import writes, holding the sheet's ratings as they stood. It records what the council's own sheet
    /// said rather than a review held in ServicePlan, so it does not keep a plan imported by mistake from being deleted.
    /// </summary>
    public bool WrittenByImport { get; set; }
    public int Version { get; set; }
}

public enum ReviewStatus
{
    Open,
    Closed,
}
