using ServicePlan.Progress;

namespace ServicePlan.Plans;

/// <summary>One action as the plan table shows it: everything a reader needs, with its current rating and latest comment.</summary>
public sealed record ActionRow(
    Guid Id,
    string Ref,
    Guid SectionId,
    string SectionTitle,
    Guid ObjectiveId,
    string Aim,
    string LeadsText,
    string DoesWhat,
    string DueText,
    DueKind DueKind,
    DateOnly? DueOn,
    string Measure,
    string ChildrenExperience,
    bool RetainedForOversight,
    bool IsExempt,
    Rating Rating,
    string? LatestComment,
    bool LatestCommentIsExempt,
    DateTime? LatestUpdateUtc,
    bool IsOverdue,
    string? ExemptParagraph = null,
    string? LatestCommentExemptParagraph = null);
