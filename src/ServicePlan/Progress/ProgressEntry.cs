using ServicePlan.Database;

namespace ServicePlan.Progress;

/// <summary>What is wrong with a progress update as typed, in one set of words for the Add progress page and the API.</summary>
public static class ProgressEntry
{
    /// <summary>The comment field in users' words: the form's label, and where a personal-data finding is said to be.</summary>
    public const string CommentField = "Comment on progress";

    public enum Field
    {
        Rating,
        Comment,
    }

    /// <summary>The problems with the rating and comment, each with its field; none when <paramref name="rating"/> can be saved.</summary>
    public static IReadOnlyList<(Field Field, string Message)> Validate(string? ratingText, string? comment, out Rating rating)
    {
        var problems = new List<(Field, string)>();

        // A rating's name exactly, as the radios post it: Enum.TryParse would also take "999" or "Blue,Red" and store a
        // rating that does not exist, which every page showing the action then fails to render.
        rating = Enum.GetValues<Rating>().FirstOrDefault(r => r != Rating.None && r.ToString() == ratingText);
        if (rating == Rating.None)
            problems.Add((Field.Rating, "Select a rating"));
        if (string.IsNullOrWhiteSpace(comment))
            problems.Add((Field.Comment, "Enter a comment on progress"));
        else if (comment.Length > FieldLengths.ProgressComment)
            problems.Add((Field.Comment, $"Comment on progress must be {FieldLengths.ProgressComment:N0} characters or fewer"));
        return problems;
    }
}
