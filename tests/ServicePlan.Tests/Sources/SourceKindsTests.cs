using ServicePlan.Sources;

namespace ServicePlan.Tests.Sources;

public sealed class SourceKindsTests
{
    [Fact]
    public void Every_kind_has_a_name_in_users_words()
    {
        Assert.Equal(
            ["Ofsted recommendation", "Inspection", "Audit", "Children and young people", "Parents and carers", "Staff", "Board", "Serious case review", "Research", "Performance data", "Other"],
            SourceKinds.All.Select(k => k.Name()));
    }

    [Fact]
    public void Only_children_families_and_staff_are_voices_for_you_said_we_did()
    {
        Assert.Equal([SourceKind.ChildrenAndYoungPeople, SourceKind.ParentsAndCarers, SourceKind.Staff], SourceKinds.All.Where(SourceKinds.IsVoice));
    }

    [Fact]
    public void Only_inspections_audits_and_Ofsted_have_a_recommendation()
    {
        Assert.Equal([SourceKind.OfstedRecommendation, SourceKind.Inspection, SourceKind.Audit], SourceKinds.All.Where(SourceKinds.HasRecommendation));
    }

    [Theory]
    [InlineData("Audit", SourceKind.Audit)]
    [InlineData("childrenandyoungpeople", SourceKind.ChildrenAndYoungPeople)]
    [InlineData("3", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("Survey", null)]
    public void A_kind_is_read_by_name_only(string? text, SourceKind? expected)
    {
        Assert.Equal(expected, SourceKinds.Parse(text));
    }

    [Fact]
    public void A_source_is_on_the_page_only_when_it_is_a_voice_with_both_halves_written()
    {
        var source = new Source { Title = "Children in care council", Kind = SourceKind.ChildrenAndYoungPeople, YouSaid = "More activities.", WeDid = " " };
        Assert.False(source.IsReadyForYouSaidWeDid);
        source.WeDid = "A summer programme.";
        Assert.True(source.IsReadyForYouSaidWeDid);
        source.Kind = SourceKind.Audit;
        Assert.False(source.IsReadyForYouSaidWeDid);
    }
}
