namespace ServicePlan.Sources;

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

    /// <summary>
    /// "You said": what children, families or staff told us, in plain words the owner chose for the public page.
    /// Only for the kinds <see cref="SourceKinds.IsVoice"/> names; never copied from the plan, which may hold exempt text.
    /// </summary>
    public string? YouSaid { get; set; }

    /// <summary>"We did": what the service did about it, in plain words.</summary>
    public string? WeDid { get; set; }

    public WeDidStatus WeDidStatus { get; set; } = WeDidStatus.Planned;

    /// <summary>Goes up with each edit of the source's details, so two people editing it cannot overwrite each other.</summary>
    public int Version { get; set; }

    /// <summary>On the "You said, we did" page: a voice the service listened to, with both halves written.</summary>
    public bool IsReadyForYouSaidWeDid =>
        SourceKinds.IsVoice(Kind) && !string.IsNullOrWhiteSpace(YouSaid) && !string.IsNullOrWhiteSpace(WeDid);
}

/// <summary>Whether what "we did" is done, as the owner judges it for children and families (not the BRAG rating).</summary>
public enum WeDidStatus
{
    Planned,
    Doing,
    Done,
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
