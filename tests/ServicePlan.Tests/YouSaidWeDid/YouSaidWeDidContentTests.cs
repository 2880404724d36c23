using ServicePlan.Privacy;
using ServicePlan.Sources;
using ServicePlan.YouSaidWeDid;

namespace ServicePlan.Tests.YouSaidWeDid;

public sealed class YouSaidWeDidContentTests
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private static Source Voice(SourceKind kind, string title, string? said, string? did, DateOnly? date = null) =>
        new() { OrganisationId = Organisation, Kind = kind, Title = title, YouSaid = said, WeDid = did, Date = date, WeDidStatus = WeDidStatus.Doing };

    private static readonly YouSaidWeDidPage Page = new() { OrganisationId = Organisation, Slug = "city", Title = " You said, we did ", Introduction = "What you told us." };

    [Fact]
    public void The_page_has_only_voices_with_both_halves_written_children_first()
    {
        Source[] sources =
        [
            Voice(SourceKind.Staff, "Staff feedback", "Too many forms.", "Shorter forms."),
            Voice(SourceKind.ChildrenAndYoungPeople, "Survey 2023", "More time with my worker.", "Longer visits.", new DateOnly(2023, 8, 1)),
            Voice(SourceKind.ChildrenAndYoungPeople, "Survey 2024", "Better Wi-Fi.", "New routers.", new DateOnly(2024, 8, 1)),
            Voice(SourceKind.ParentsAndCarers, "Parents' forum", "Earlier letters.", null),
            Voice(SourceKind.Audit, "Independent audit", "Should not show.", "Should not show."),
            new Source { OrganisationId = Guid.NewGuid(), Kind = SourceKind.Staff, Title = "Someone else's", YouSaid = "x", WeDid = "y" },
        ];

        var content = YouSaidWeDidContent.From("City of London", Page, sources);

        Assert.Equal(["Better Wi-Fi.", "More time with my worker.", "Too many forms."], content.Entries.Select(e => e.YouSaid));
        Assert.Equal([SourceKind.ChildrenAndYoungPeople, SourceKind.Staff], content.Groups.Select(g => g.Kind));
        Assert.Equal("You said, we did", content.Title);
    }

    [Fact]
    public void Every_printed_text_is_checked_and_named_by_its_source()
    {
        var source = Voice(SourceKind.ChildrenAndYoungPeople, "Survey 2023", "More time with my worker.", "Longer visits.");
        var content = YouSaidWeDidContent.From("City of London", Page, [source]);

        var texts = content.TextsToPublish(new Dictionary<Guid, string> { [source.Id] = source.Title }).ToList();

        Assert.Equal(
            [("Page title", "You said, we did"), ("Introduction", "What you told us."), ("Survey 2023 – You said", "More time with my worker."), ("Survey 2023 – We did", "Longer visits.")],
            texts.Select(t => (t.Location, t.Text)));
    }

    [Fact]
    public void A_childs_name_stops_publishing_and_says_where_and_why()
    {
        var texts = new[] { new TextToPublish("Survey 2023 – You said", "Jayden (aged 9) asked for more football.") };

        var problems = PublishingCheck.Problems(texts, KnownNames.None, []);

        var problem = Assert.Single(problems);
        Assert.Equal("Survey 2023 – You said", problem.Location);
        Assert.Equal("Jayden", problem.Found);
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
    }

    [Fact]
    public void A_sentence_copied_from_an_exempt_comment_stops_publishing_whatever_its_spacing_or_case()
    {
        string[] exempt = ["Review held. The placement at the residential unit ended after the incident in March."];
        var texts = new[] { new TextToPublish("Survey – We did", "We listened.  the placement at the residential unit ENDED after the incident in March. We are sorry.") };

        var problem = Assert.Single(PublishingCheck.Problems(texts, KnownNames.None, exempt));

        Assert.Equal("The placement at the residential unit ended after the incident in March.", problem.Found);
        Assert.Equal(PublishingCheck.ExemptReason, problem.Reason);
    }

    [Fact]
    public void Short_common_phrases_from_exempt_text_do_not_stop_publishing()
    {
        string[] exempt = ["Review in March. Ongoing."];
        var texts = new[] { new TextToPublish("Survey – We did", "We will review in March. Ongoing.") };

        Assert.Empty(PublishingCheck.Problems(texts, KnownNames.None, exempt));
    }
}
