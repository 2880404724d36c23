namespace ServicePlan.Plans;

/// <summary>A theme heading of the plan, e.g. "Children in Need". Sections keep the order the owner gave them.</summary>
public sealed class Section
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    public List<Objective> Objectives { get; set; } = [];

    /// <summary>When the owner removed the section (UTC), with its objectives and actions; null while it is in the plan. See <see cref="PlanStructure"/>.</summary>
    public DateTime? RemovedAtUtc { get; set; }

    /// <summary>Who removed it, by name as they were known then.</summary>
    public string? RemovedBy { get; set; }

    public int Version { get; set; }
}
