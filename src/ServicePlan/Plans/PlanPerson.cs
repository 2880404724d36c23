namespace ServicePlan.Plans;

/// <summary>Someone named in the plan (or a team, such as "CSC &amp; EH Management Team"), as the plan refers to them.</summary>
public sealed class PlanPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public required string Name { get; set; }

    /// <summary>How the plan's "Who?" column names them: "RG", "HoS", "EH lead".</summary>
    public required string Initials { get; set; }
    public string? Role { get; set; }

    /// <summary>The sign-in account of this person, when they have one; a Lead may update only actions they lead.</summary>
    public string? UserId { get; set; }

    /// <summary>Concurrency token: two owners linking or merging the same person at once cannot both win.</summary>
    public int Version { get; set; }
}
