namespace ServicePlan.Plans;

/// <summary>A theme heading of the plan, e.g. "Children in Need". Sections keep the order the owner gave them.</summary>
public sealed class Section
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
    public List<Objective> Objectives { get; set; } = [];
}
