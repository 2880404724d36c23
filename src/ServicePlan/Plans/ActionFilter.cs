using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>What the action list is narrowed to. Every part is optional; the page, the API and the CLI share it.</summary>
public sealed record ActionFilter
{
    public Guid? SectionId { get; init; }

    /// <summary>A person of the plan who leads the action.</summary>
    public Guid? LeadId { get; init; }
    public Rating? Rating { get; init; }
    public Guid? SourceId { get; init; }
    public bool OverdueOnly { get; init; }

    /// <summary>Words to find in the action's aim, "Who?", "Does what?", due, measure, experience or latest comment.</summary>
    public string? Search { get; init; }

    /// <summary>
    /// False for readers who are shown exempt content as withheld: a search must not find an action by words they may
    /// not read.
    /// </summary>
    public bool SearchExempt { get; init; } = true;

    public bool IsEmpty => SectionId is null && LeadId is null && Rating is null && SourceId is null && !OverdueOnly && string.IsNullOrWhiteSpace(Search);
}
