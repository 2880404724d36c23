using ServicePlan.Users;

namespace ServicePlan.Progress;

/// <summary>
/// Who may add progress to an action and when, and what a row of a many-at-once update must hold: one set of rules for
/// the Add progress page, the API, the quick update page and the update sheet.
/// </summary>
public static class ProgressRules
{
    /// <summary>
    /// Whether an update may be added: <see cref="ProgressResult.Saved"/> when it may, otherwise why not. Who first,
    /// so a lead is never told anything about a plan's state for an action that is not theirs.
    /// </summary>
    /// <param name="leadsTheAction">The person entering the update leads the action.</param>
    /// <param name="planIsReadOnly">The plan is rolled over and closed, or archived.</param>
    public static ProgressResult Check(IEnumerable<string> roles, bool leadsTheAction, bool planIsReadOnly)
    {
        if (!Roles.MayAddProgress(roles, leadsTheAction))
            return ProgressResult.NotAllowed;
        return planIsReadOnly ? ProgressResult.PlanClosed : ProgressResult.Saved;
    }

    /// <summary>
    /// Owners and admins may enter a lead's updates on their behalf (a lead who sent them by e-mail, or read them out in
    /// a meeting); a lead enters only their own.
    /// </summary>
    public static bool MayEnterOnBehalf(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return set.Contains(Roles.Admin) || set.Contains(Roles.PlanOwner);
    }

    /// <summary>A row with neither a rating nor a comment: the person left it for another time, so it is skipped, not refused.</summary>
    public static bool IsBlank(string? rating, string? comment) => string.IsNullOrWhiteSpace(rating) && string.IsNullOrWhiteSpace(comment);

    /// <summary>
    /// The problems with one row's rating and comment, in the Add progress page's words; none when it can be saved.
    /// The rating may be written as a sheet would have it ("A", "amber", "Complete"); anything else that is not blank
    /// is named in the message, so a sheet's author sees what they typed.
    /// </summary>
    public static IReadOnlyList<(ProgressEntry.Field Field, string Message)> ValidateRow(string? ratingText, string? comment, out Rating rating)
    {
        var understood = Ratings.TryParse(ratingText, out var parsed, out var ratingError) && parsed != Rating.None;
        var problems = ProgressEntry.Validate(understood ? parsed.ToString() : ratingText, comment, out rating).ToList();
        if (ratingError is not null)
        {
            var at = problems.FindIndex(p => p.Field == ProgressEntry.Field.Rating);
            if (at >= 0)
                problems[at] = (ProgressEntry.Field.Rating, ratingError);
        }

        return problems;
    }

    /// <summary>
    /// Whether someone else added an update to the action after the form or sheet was made: the latest update now is
    /// not the one the person saw (<paramref name="seenLatestId"/> null: they saw none).
    /// </summary>
    public static bool IsStale(Guid? seenLatestId, Guid? latestIdNow) => seenLatestId != latestIdNow;

    /// <summary>How an update entered for its author by someone else is described, on the action's history and in the audit trail.</summary>
    public static string OnBehalfText(string enteredBy, string author) => $"entered by {enteredBy} on behalf of {author}";
}
