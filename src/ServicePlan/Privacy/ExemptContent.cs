using ServicePlan.Plans;
using ServicePlan.Reviews;

namespace ServicePlan.Privacy;

/// <summary>
/// Exempt content as readers who may not see it are shown it: withheld in its place, as a public paper withholds it,
/// so they can see that something was left out and where, but not what.
/// </summary>
public static class ExemptContent
{
    public static ActionRow Withhold(ActionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.IsExempt)
        {
            row = row with
            {
                LeadsText = "",
                DoesWhat = Schedule12A.WithheldAction,
                DueText = "",
                Measure = "",
                ChildrenExperience = "",
                LatestComment = null,
            };
        }

        return row.LatestCommentIsExempt && row.LatestComment is not null ? row with { LatestComment = Schedule12A.WithheldComment } : row;
    }

    /// <summary>Every list of a review's movement, with the exempt actions and comments withheld.</summary>
    public static ReviewMovement Withhold(ReviewMovement movement, IReadOnlySet<Guid> exemptActions)
    {
        ArgumentNullException.ThrowIfNull(movement);
        ArgumentNullException.ThrowIfNull(exemptActions);
        IReadOnlyList<MovedAction> Each(IReadOnlyList<MovedAction> list) => list.Select(m => Withhold(m, exemptActions.Contains(m.ActionId))).ToList();
        return movement with
        {
            NewlyBlue = Each(movement.NewlyBlue),
            Improved = Each(movement.Improved),
            Slipped = Each(movement.Slipped),
            StillRed = Each(movement.StillRed),
            StillAmber = Each(movement.StillAmber),
            NoUpdate = Each(movement.NoUpdate),
            Overdue = Each(movement.Overdue),
            New = Each(movement.New),
            AmberAndRed = Each(movement.AmberAndRed),
        };
    }

    public static MovedAction Withhold(MovedAction moved, bool actionIsExempt)
    {
        ArgumentNullException.ThrowIfNull(moved);
        if (actionIsExempt)
            return moved with { DoesWhat = Schedule12A.WithheldAction, Comment = Schedule12A.WithheldComment };
        return moved.CommentIsExempt ? moved with { Comment = Schedule12A.WithheldComment } : moved;
    }
}
