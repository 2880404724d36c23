using ServicePlan.Sources;

namespace ServicePlan.Plans;

/// <summary>The "Why?" of one or more actions: the specific aim, and the sources that asked for it.</summary>
public sealed class Objective
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SectionId { get; set; }
    public Section? Section { get; set; }

    /// <summary>The aim as written; may be empty when a sheet gave actions without one.</summary>
    public string Aim { get; set; } = "";
    public int Order { get; set; }
    public List<PlanAction> Actions { get; set; } = [];
    public List<Source> Sources { get; set; } = [];

    /// <summary>When the owner removed the objective (UTC), with its actions; null while it is in the plan. See <see cref="PlanStructure"/>.</summary>
    public DateTime? RemovedAtUtc { get; set; }

    /// <summary>Who removed it, by name as they were known then.</summary>
    public string? RemovedBy { get; set; }

    public int Version { get; set; }
}
