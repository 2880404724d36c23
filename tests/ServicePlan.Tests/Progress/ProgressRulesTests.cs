using ServicePlan.Database;
using ServicePlan.Progress;
using ServicePlan.Users;

namespace ServicePlan.Tests.Progress;

public class ProgressRulesTests
{
    [Theory]
    [InlineData(Roles.Lead, true, false, ProgressResult.Saved)]
    [InlineData(Roles.Lead, false, false, ProgressResult.NotAllowed)]
    [InlineData(Roles.Lead, false, true, ProgressResult.NotAllowed)]
    [InlineData(Roles.Lead, true, true, ProgressResult.PlanClosed)]
    [InlineData(Roles.PlanOwner, false, false, ProgressResult.Saved)]
    [InlineData(Roles.PlanOwner, false, true, ProgressResult.PlanClosed)]
    [InlineData(Roles.Admin, false, false, ProgressResult.Saved)]
    [InlineData(Roles.Viewer, true, false, ProgressResult.NotAllowed)]
    public void A_lead_updates_only_their_own_actions_and_nobody_updates_a_closed_plan(string role, bool leadsTheAction, bool planIsReadOnly, ProgressResult expected)
    {
        Assert.Equal(expected, ProgressRules.Check([role], leadsTheAction, planIsReadOnly));
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.PlanOwner, true)]
    [InlineData(Roles.Lead, false)]
    [InlineData(Roles.Viewer, false)]
    public void Only_owners_and_admins_enter_updates_on_a_leads_behalf(string role, bool expected)
    {
        Assert.Equal(expected, ProgressRules.MayEnterOnBehalf([role]));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("", "  ", true)]
    [InlineData("Amber", null, false)]
    [InlineData(null, "Started", false)]
    public void A_row_with_neither_rating_nor_comment_is_blank(string? rating, string? comment, bool expected)
    {
        Assert.Equal(expected, ProgressRules.IsBlank(rating, comment));
    }

    [Theory]
    [InlineData("Amber", "Started", Rating.Amber)]
    [InlineData("amber", "Started", Rating.Amber)]
    [InlineData("A", "Started", Rating.Amber)]
    [InlineData("Complete", "Done", Rating.Blue)]
    [InlineData("Green", "On track", Rating.Green)]
    public void A_row_with_a_brag_rating_and_a_comment_is_valid(string rating, string comment, Rating expected)
    {
        Assert.Empty(ProgressRules.ValidateRow(rating, comment, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null, "Started", ProgressEntry.Field.Rating, "Select a rating")]
    [InlineData("Amber", " ", ProgressEntry.Field.Comment, "Enter a comment on progress")]
    [InlineData("Amber", null, ProgressEntry.Field.Comment, "Enter a comment on progress")]
    [InlineData("Purple", "Started", ProgressEntry.Field.Rating, "\"Purple\" is not a BRAG rating. Use Blue, Red, Amber or Green (or Complete for Blue).")]
    [InlineData("Blue,Red", "Started", ProgressEntry.Field.Rating, "\"Blue,Red\" is not a BRAG rating. Use Blue, Red, Amber or Green (or Complete for Blue).")]
    [InlineData("999", "Started", ProgressEntry.Field.Rating, "\"999\" is not a BRAG rating. Use Blue, Red, Amber or Green (or Complete for Blue).")]
    public void A_row_missing_a_rating_or_comment_or_with_a_rating_that_is_not_brag_says_which(string? rating, string? comment, ProgressEntry.Field field, string message)
    {
        var problem = Assert.Single(ProgressRules.ValidateRow(rating, comment, out _));
        Assert.Equal((field, message), problem);
    }

    [Fact]
    public void A_comment_longer_than_the_single_form_allows_is_refused()
    {
        var problem = Assert.Single(ProgressRules.ValidateRow("Red", new string('x', FieldLengths.ProgressComment + 1), out _));
        Assert.Equal(ProgressEntry.Field.Comment, problem.Field);
        Assert.Equal($"Comment on progress must be {FieldLengths.ProgressComment:N0} characters or fewer", problem.Message);
    }

    [Fact]
    public void A_comment_as_long_as_the_single_form_allows_is_valid() =>
        Assert.Empty(ProgressRules.ValidateRow("Red", new string('x', FieldLengths.ProgressComment), out _));

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("0196f5b2-0000-7000-8000-000000000001", "0196f5b2-0000-7000-8000-000000000001", false)]
    [InlineData(null, "0196f5b2-0000-7000-8000-000000000001", true)]
    [InlineData("0196f5b2-0000-7000-8000-000000000001", "0196f5b2-0000-7000-8000-000000000002", true)]
    public void A_row_is_stale_when_the_latest_update_is_not_the_one_seen(string? seen, string? now, bool expected)
    {
        Assert.Equal(expected, ProgressRules.IsStale(seen is null ? null : Guid.Parse(seen), now is null ? null : Guid.Parse(now)));
    }

    [Fact]
    public void An_update_entered_for_its_author_says_who_entered_it() =>
        Assert.Equal("entered by Rachel Talmage on behalf of Sam Okafor", ProgressRules.OnBehalfText("Rachel Talmage", "Sam Okafor"));
}
