namespace ServicePlan.Users;

/// <summary>A council's children's service: owns plans, people and sources. Users see only their own organisation's data.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
}
