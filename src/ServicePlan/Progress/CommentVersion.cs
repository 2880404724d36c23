namespace ServicePlan.Progress;

/// <summary>
/// The earlier wording of a progress comment that its author corrected while the review was open: kept, so the
/// history shows what the comment said before, and shown to plan owners and admins as "Earlier wording".
/// </summary>
public sealed class CommentVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgressUpdateId { get; set; }

    /// <summary>The action the comment is on: the audit trail files the version under the action and its plan.</summary>
    public Guid ActionId { get; set; }

    /// <summary>The words as they were before the change.</summary>
    public string Comment { get; set; } = "";

    /// <summary>UTC, when these words were replaced.</summary>
    public DateTime ReplacedAtUtc { get; set; }

    /// <summary>Who replaced them: the comment's author.</summary>
    public string ReplacedBy { get; set; } = "";
}
