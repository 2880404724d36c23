using ServicePlan.Sources;

namespace ServicePlan.Tests.Sources;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("Staff to have been on training (QA Annual Report)", new[] { "QA Annual Report" })]
    [InlineData("Clear reason for involvement in CIN process (Action for children)", new[] { "Action for children" })]
    [InlineData("Profile to be developed (Adolescent Safeguarding SEF).", new[] { "Adolescent Safeguarding SEF" })]
    [InlineData("Two sources (Ofsted 2016) (Staff survey)", new[] { "Ofsted 2016", "Staff survey" })]
    [InlineData("Pilot group supervision facilitated by the Clinical Lead (newly permanent)", new string[0])]
    [InlineData("No brackets at all", new string[0])]
    public void Sources_are_the_brackets_at_the_end_of_an_aim_that_name_a_kind_of_source(string aim, string[] expected)
    {
        Assert.Equal(expected, SourceText.SourcesAtEndOf(aim));
    }

    [Theory]
    [InlineData("Ofsted 2016", SourceKind.OfstedRecommendation)]
    [InlineData("ILACS 2020", SourceKind.Inspection)]
    [InlineData("QA Annual Report", SourceKind.Audit)]
    [InlineData("Independent audit Feb 2024", SourceKind.Audit)]
    [InlineData("Action for Children", SourceKind.ChildrenAndYoungPeople)]
    [InlineData("Parents' forum", SourceKind.ParentsAndCarers)]
    [InlineData("Staff feedback", SourceKind.Staff)]
    [InlineData("Child Q serious case review", SourceKind.SeriousCaseReview)]
    [InlineData("Achieving Excellence Board", SourceKind.Board)]
    [InlineData("National research", SourceKind.Research)]
    [InlineData("Performance data", SourceKind.PerformanceData)]
    public void A_source_is_classified_by_the_words_in_its_title(string title, SourceKind kind)
    {
        Assert.Equal(kind, SourceText.Classify(title));
    }
}
