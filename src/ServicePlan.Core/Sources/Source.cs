namespace ServicePlan.Core.Sources;

/// <summary>
/// Where an objective came from: an Ofsted recommendation, an audit, the children's survey, staff feedback.
/// This is how the service evidences "you said, we did".
/// </summary>
public sealed class Source
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public SourceKind Kind { get; set; } = SourceKind.Other;
    public required string Title { get; set; }
    public DateOnly? Date { get; set; }
    public string? Reference { get; set; }

    /// <summary>For inspections and audits: the recommendation as the inspector or auditor wrote it.</summary>
    public string? Recommendation { get; set; }
}

public enum SourceKind
{
    OfstedRecommendation,
    Inspection,
    Audit,
    ChildrenAndYoungPeople,
    ParentsAndCarers,
    Staff,
    Board,
    SeriousCaseReview,
    Research,
    PerformanceData,
    Other,
}
