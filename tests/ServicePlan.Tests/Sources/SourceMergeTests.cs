using ServicePlan.Sources;

namespace ServicePlan.Tests.Sources;

public sealed class SourceMergeTests
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private static Source Make(string title) => new() { OrganisationId = Organisation, Title = title };

    [Fact]
    public void The_kept_sources_own_details_win()
    {
        var kept = Make("Ofsted ILACS 2020");
        kept.Date = new DateOnly(2020, 2, 1);
        kept.Reference = "ILACS-1";
        var duplicate = Make("ILACS 2020");
        duplicate.Date = new DateOnly(2020, 3, 1);
        duplicate.Reference = "Other";

        SourceMerge.FillFrom(kept, [duplicate]);

        Assert.Equal(new DateOnly(2020, 2, 1), kept.Date);
        Assert.Equal("ILACS-1", kept.Reference);
        Assert.Equal("Ofsted ILACS 2020", kept.Title);
    }

    [Fact]
    public void A_detail_only_a_duplicate_has_is_not_lost()
    {
        var kept = Make("Action for children");
        var duplicate = Make("Action For Children survey");
        duplicate.Date = new DateOnly(2023, 8, 1);
        duplicate.Reference = "AfC-2023";
        duplicate.YouSaid = "You wanted to see your social worker more.";
        duplicate.WeDid = "Social workers now visit every four weeks.";
        duplicate.WeDidStatus = WeDidStatus.Done;

        SourceMerge.FillFrom(kept, [duplicate]);

        Assert.Equal(new DateOnly(2023, 8, 1), kept.Date);
        Assert.Equal("AfC-2023", kept.Reference);
        Assert.Equal(("You wanted to see your social worker more.", "Social workers now visit every four weeks.", WeDidStatus.Done), (kept.YouSaid, kept.WeDid, kept.WeDidStatus));
    }

    [Fact]
    public void The_public_words_travel_together_so_half_an_answer_is_never_mixed_with_another()
    {
        var kept = Make("Staff feedback");
        kept.WeDid = "Group supervision started.";
        var duplicate = Make("Staff survey");
        duplicate.YouSaid = "Supervision is rushed.";
        duplicate.WeDid = "Longer supervision.";

        SourceMerge.FillFrom(kept, [duplicate]);

        Assert.Null(kept.YouSaid);
        Assert.Equal("Group supervision started.", kept.WeDid);
    }

    [Fact]
    public void A_source_cannot_be_merged_into_itself_or_across_organisations()
    {
        var kept = Make("Board");
        Assert.Throws<ArgumentException>(() => SourceMerge.FillFrom(kept, [kept]));
        Assert.Throws<ArgumentException>(() => SourceMerge.FillFrom(kept, [new Source { OrganisationId = Guid.NewGuid(), Title = "Board" }]));
    }
}
