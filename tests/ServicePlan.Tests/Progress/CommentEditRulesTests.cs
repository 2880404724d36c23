using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Tests.Progress;

public class CommentEditRulesTests
{
    [Theory]
    [InlineData(true, false, ReviewStatus.Open, null)]
    [InlineData(true, false, null, null)]
    [InlineData(true, false, ReviewStatus.Closed, CommentEditRefusal.ReviewClosed)]
    [InlineData(true, true, ReviewStatus.Closed, CommentEditRefusal.PlanClosed)]
    [InlineData(true, true, null, CommentEditRefusal.PlanClosed)]
    [InlineData(true, true, ReviewStatus.Open, CommentEditRefusal.PlanClosed)]
    [InlineData(false, false, ReviewStatus.Open, CommentEditRefusal.NotTheAuthor)]
    [InlineData(false, true, ReviewStatus.Closed, CommentEditRefusal.NotTheAuthor)]
    public void Only_the_author_changes_a_comment_and_only_while_its_review_is_open(bool isAuthor, bool planIsReadOnly, ReviewStatus? review, CommentEditRefusal? expected)
    {
        Assert.Equal(expected, CommentEditRules.Refusal(isAuthor, planIsReadOnly, review));
    }

    [Theory]
    [InlineData("user-1", "user-1", true)]
    [InlineData("user-1", "user-2", false)]
    [InlineData(null, "user-1", false)]
    [InlineData("", "", false)]
    [InlineData("USER-1", "user-1", false)]
    public void The_author_is_known_by_account_never_by_name(string? authorUserId, string userId, bool expected)
    {
        Assert.Equal(expected, CommentEditRules.IsAuthor(authorUserId, userId));
    }
}
