using ServicePlan.Plans;

namespace ServicePlan.Tests.Plans;

public sealed class LeadMatcherTests
{
    private static readonly PlanPerson HeadOfService = new() { Name = "Rachel Talmage", Initials = "HoS", Role = "Head of Service" };
    private static readonly PlanPerson EarlyHelpLead = new() { Name = "Sam Okafor", Initials = "EHL", Role = "EH lead" };
    private static readonly PlanPerson Team = new() { Name = "CSC & EH Management Team", Initials = "MT", Role = "Management Team" };
    private static readonly PlanPerson[] People = [HeadOfService, EarlyHelpLead, Team];

    [Theory]
    [InlineData("HoS")]
    [InlineData("HOS")]
    [InlineData("hos")]
    [InlineData("Head of Service")]
    [InlineData(" head  of service ")]
    [InlineData("Rachel Talmage")]
    public void Names_initials_and_roles_match_in_any_case(string who)
    {
        Assert.Equal([HeadOfService], LeadMatcher.Match(who, People));
    }

    [Fact]
    public void Several_leads_joined_with_and_or_ampersand_all_match()
    {
        Assert.Equal([HeadOfService, Team], LeadMatcher.Match("hos & management team", People));
        Assert.Equal([HeadOfService, EarlyHelpLead], LeadMatcher.Match("HoS and EH lead", People));
        Assert.Equal([HeadOfService, EarlyHelpLead], LeadMatcher.Match("HoS/ EHL", People));
    }

    [Fact]
    public void A_team_whose_name_contains_an_ampersand_matches_as_a_whole()
    {
        Assert.Equal([Team], LeadMatcher.Match("CSC & EH Management Team", People));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Assistant Director & Service Manager")]
    public void Unknown_or_empty_leads_match_nobody(string? who)
    {
        Assert.Empty(LeadMatcher.Match(who, People));
    }
}
