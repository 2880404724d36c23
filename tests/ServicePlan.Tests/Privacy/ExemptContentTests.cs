using ServicePlan.Plans;
using ServicePlan.Privacy;
using ServicePlan.Progress;
using ServicePlan.Reviews;
using ServicePlan.Users;

namespace ServicePlan.Tests.Privacy;

public sealed class ExemptContentTests
{
    [Theory]
    [InlineData("Paragraph 1", "Exempt (Schedule 12A paragraph 1)")]
    [InlineData("Paragraph 7", "Exempt (Schedule 12A paragraph 7)")]
    [InlineData(null, "Exempt (Schedule 12A)")]
    [InlineData("Paragraph 99", "Exempt (Schedule 12A)")]
    public void Exempt_content_is_marked_with_its_paragraph(string? paragraph, string marker) =>
        Assert.Equal(marker, Schedule12A.Marker(paragraph));

    [Theory]
    [InlineData(new string[0], "For the service's own use: not for a public paper")]
    [InlineData(new[] { "Paragraph 1" }, "Exempt information under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972")]
    [InlineData(new[] { "Paragraph 2", "Paragraph 1", "Paragraph 2" }, "Exempt information under paragraphs 1 and 2 of Part 1 of Schedule 12A to the Local Government Act 1972")]
    [InlineData(new[] { "Paragraph 3", "Paragraph 1", "Paragraph 7" }, "Exempt information under paragraphs 1, 3 and 7 of Part 1 of Schedule 12A to the Local Government Act 1972")]
    public void A_paper_not_for_publication_says_which_paragraphs_make_it_so(string[] paragraphs, string why) =>
        Assert.Equal(why, Schedule12A.WhyNotForPublication(paragraphs));

    [Theory]
    [InlineData(Roles.Admin, false, true)]
    [InlineData(Roles.PlanOwner, false, true)]
    [InlineData(Roles.Lead, false, true)]
    [InlineData(Roles.Viewer, true, true)]
    [InlineData(Roles.Viewer, false, false)]
    public void Officers_see_exempt_content_and_committee_members_only_where_the_committee_receives_exempt_papers(string role, bool committeeReceives, bool sees) =>
        Assert.Equal(sees, Roles.MaySeeExempt([role], committeeReceives));

    [Fact]
    public void A_withheld_exempt_action_keeps_its_ref_and_rating_but_none_of_its_words()
    {
        var row = Row(isExempt: true) with { LatestComment = "Met Kofi Mensah at home", LatestCommentIsExempt = false };

        var shown = ExemptContent.Withhold(row);

        Assert.Equal(("2.1", Rating.Amber), (shown.Ref, shown.Rating));
        Assert.Equal(Schedule12A.WithheldAction, shown.DoesWhat);
        Assert.Equal(["", "", "", ""], new[] { shown.LeadsText, shown.DueText, shown.Measure, shown.ChildrenExperience });
        Assert.Null(shown.LatestComment);
    }

    [Fact]
    public void A_withheld_exempt_comment_says_so_in_its_place_and_the_action_stays()
    {
        var row = Row(isExempt: false) with { LatestComment = "Met Kofi Mensah at home", LatestCommentIsExempt = true };

        var shown = ExemptContent.Withhold(row);

        Assert.Equal(Schedule12A.WithheldComment, shown.LatestComment);
        Assert.Equal(row.DoesWhat, shown.DoesWhat);
    }

    [Fact]
    public void Content_that_is_not_exempt_is_shown_as_it_is()
    {
        var row = Row(isExempt: false) with { LatestComment = "Workshop held", LatestCommentIsExempt = false };

        Assert.Equal(row, ExemptContent.Withhold(row));
    }

    [Theory]
    [InlineData(true, false, "Withheld: exempt information.", "Comment withheld: exempt information.")]
    [InlineData(false, true, "Recruits a deputy team manager", "Comment withheld: exempt information.")]
    [InlineData(false, false, "Recruits a deputy team manager", "Met the family")]
    public void A_moved_action_withholds_what_is_exempt(bool actionIsExempt, bool commentIsExempt, string doesWhat, string comment)
    {
        var moved = new MovedAction(Guid.NewGuid(), "2.1", "Children in Need", "Recruits a deputy team manager", Rating.Red, Rating.Amber, "Met the family", commentIsExempt);

        var shown = ExemptContent.Withhold(moved, actionIsExempt);

        Assert.Equal((doesWhat, comment), (shown.DoesWhat, shown.Comment));
    }

    [Theory]
    [InlineData(PersonalDataKind.PersonalName, "name")]
    [InlineData(PersonalDataKind.CaseNumber, "record number")]
    [InlineData(PersonalDataKind.DateOfBirth, "date of birth")]
    [InlineData(PersonalDataKind.Postcode, "postcode")]
    [InlineData(PersonalDataKind.PhoneNumber, "phone")]
    [InlineData(PersonalDataKind.EmailAddress, "email")]
    public void Each_kind_of_personal_data_has_a_name_in_plain_words(PersonalDataKind kind, string words) =>
        Assert.Equal(words, kind.Words());

    private static ActionRow Row(bool isExempt) => new(
        Guid.NewGuid(), "2.1", Guid.NewGuid(), "Children in Need", Guid.NewGuid(), "Stability", "HoS", "Recruits a deputy team manager",
        "June 2025", DueKind.Date, new DateOnly(2025, 6, 30), "DTM in post", "A steady worker", false, isExempt, Rating.Amber, null, false, null, false,
        ExemptParagraph: isExempt ? "Paragraph 1" : null);
}
