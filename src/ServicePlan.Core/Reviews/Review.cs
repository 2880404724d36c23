namespace ServicePlan.Core.Reviews;

/// <summary>A quarterly checkpoint ("Q3 2019-20"): leads add progress updates while it is open; closing it freezes them.</summary>
public sealed class Review
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public required string Label { get; set; }
    public DateOnly Date { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Open;
    public DateTime? ClosedAtUtc { get; set; }
    public int Version { get; set; }
}

public enum ReviewStatus
{
    Open,
    Closed,
}
