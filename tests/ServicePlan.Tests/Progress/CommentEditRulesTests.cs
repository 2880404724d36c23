using ServicePlan.Plans;
using ServicePlan.Progress;
using ServicePlan.Reviews;

namespace ServicePlan.Tests.Progress;

public class CommentEditRulesTests
{
    [Theory]
    [InlineData(true, PlanStatus.Open, ReviewStatus.Open, null)]
    [InlineData(true, PlanStatus.Open, null, null)]
    [InlineData(true, PlanStatus.Open, ReviewStatus.Closed, CommentEditRefusal.ReviewClosed)]
    [InlineData(true, PlanStatus.Closed, ReviewStatus.Closed, CommentEditRefusal.PlanClosed)]
    [InlineData(true, PlanStatus.Closed, null, CommentEditRefusal.PlanClosed)]
    [InlineData(false, PlanStatus.Open, ReviewStatus.Open, CommentEditRefusal.NotTheAuthor)]
    [InlineData(false, PlanStatus.Closed, ReviewStatus.Closed, CommentEditRefusal.NotTheAuthor)]
    public void Only_the_author_changes_a_comment_and_only_while_its_review_is_open(bool isAuthor, PlanStatus plan, ReviewStatus? review, CommentEditRefusal? expected)
    {
        Assert.Equal(expected, CommentEditRules.Refusal(isAuthor, plan, review));
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
