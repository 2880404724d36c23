namespace ServicePlan.Users;

/// <summary>A council's children's service: owns plans, people and sources. Users see only their own organisation's data.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>
    /// Whether the committee receives exempt papers (most do, in a closed part of the meeting): when not, viewers are
    /// shown exempt content as withheld, as in a public paper.
    /// </summary>
    public bool CommitteeReceivesExemptPapers { get; set; } = true;
}
