using ServicePlan.Privacy;

namespace ServicePlan.Tests.Privacy;

public sealed class PersonalDataDecisionTests
{
    private static PersonalDataFlag Flag(string location, string found) =>
        new(location, PersonalDataKind.PersonalName, found, 0, found.Length, "A name that is not one of the plan's people");

    private static PersonalDataDecision Accepted(string location, string found) => new()
    {
        Location = location,
        Found = found,
        Reason = "Named with consent",
        DecidedBy = "Rachel Talmage",
    };

    [Fact]
    public void A_decision_covers_the_same_words_in_the_same_place_only()
    {
        var decisions = new[] { Accepted("Action 4 – comment on progress", "Ellie") };
        var flags = new[]
        {
            Flag("Action 4 – comment on progress", "Ellie"),
            Flag("Action 5 – comment on progress", "Ellie"),
            Flag("Action 4 – comment on progress", "Tyler"),
        };

        var outstanding = PersonalDataDecision.Outstanding(flags, decisions);

        Assert.Equal([flags[1], flags[2]], outstanding);
    }

    [Fact]
    public void With_no_decisions_every_flag_is_outstanding()
    {
        var flags = new[] { Flag("Summary", "Jayden") };

        Assert.Equal(flags, PersonalDataDecision.Outstanding(flags, []));
    }

    [Fact]
    public void Words_must_match_exactly()
    {
        Assert.False(Accepted("Summary", "Jayden").Covers(Flag("Summary", "jayden")));
        Assert.False(Accepted("Summary", "Jayden").Covers(Flag("summary", "Jayden")));
    }
}
