using ServicePlan.Progress;

namespace ServicePlan.Reviews;

/// <summary>
/// A closed review's figures written down when it closed: which review it was compared with, and each action as it
/// stood (<see cref="ReviewSnapshotAction"/>). Closing a review promises that it never changes, so a closed review is
/// read from here, never worked out again from history that later events (an earlier-dated review, new or edited
/// actions, roll-over) may have moved.
/// </summary>
/// <remarks>
/// Not audited: it is the review's own figures, not a change anyone made; the close that wrote it is in the trail.
/// Redaction erases words from it as it does from every other copy of them.
/// </remarks>
public sealed class ReviewSnapshot
{
    public Guid ReviewId { get; set; }
    public Guid PlanId { get; set; }

    /// <summary>The review it was compared with, as it was then; null for a plan's first review.</summary>
    public Guid? PreviousReviewId { get; set; }
    public string? PreviousLabel { get; set; }
    public DateOnly? PreviousDate { get; set; }

    public DateTime TakenAtUtc { get; set; }
    public List<ReviewSnapshotAction> Actions { get; } = [];
}

/// <summary>
/// One action in a closed review as it stood: its words, its rating before and at the review, its comment, and which
/// of the review's lists it was in. Whether the comment is exempt is not kept: it is read live from
/// <see cref="CommentUpdateId"/>'s update, so a comment marked exempt later is still withheld from public papers.
/// </summary>
public sealed class ReviewSnapshotAction
{
    public Guid ReviewId { get; set; }

    /// <summary>No foreign key: the review's record of an action outlives any change to the action itself.</summary>
    public Guid ActionId { get; set; }

    /// <summary>Its place in the plan at the time, so the lists keep their order.</summary>
    public int Order { get; set; }

    public required string Ref { get; set; }
    public required string Section { get; set; }
    public required string DoesWhat { get; set; }
    public Rating Previous { get; set; }
    public Rating Current { get; set; }
    public required string Comment { get; set; }

    /// <summary>The update the comment and rating came from; null when the action had none.</summary>
    public Guid? CommentUpdateId { get; set; }

    public bool UpdatedHere { get; set; }
    public bool IsNew { get; set; }
    public bool IsOverdue { get; set; }
}
