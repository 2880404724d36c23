using ServicePlan.People;

namespace ServicePlan.Tests.People;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("HOS", "HOS")]
    [InlineData("HoS", "HOS")]
    [InlineData(" h o s ", "HOS")]
    [InlineData("Head of  Service", "HEADOFSERVICE")]
    [InlineData("EH lead.", "EHLEAD")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_compare_without_case_or_spaces(string? text, string key)
    {
        Assert.Equal(key, PersonNames.Key(text));
    }

    [Theory]
    [InlineData("Head of Service (HoS)", "Head of Service", "HoS")]
    [InlineData("HOS (HOS)", "HOS", "HOS")]
    [InlineData("  Rachel  Green (RG) ", "Rachel Green", "RG")]
    [InlineData("Rachel Green", "Rachel Green", null)]
    [InlineData("(HoS)", "(HoS)", null)]
    [InlineData("Team (north and south)", "Team (north and south)", null)]
    public void A_bracket_at_the_end_holds_the_initials(string text, string name, string? initials)
    {
        Assert.Equal((name, initials), PersonNames.SplitBracketed(text));
    }

    [Theory]
    [InlineData("Head of Service", "HoS")]
    [InlineData("Rachel Green", "RG")]
    [InlineData("EH lead", "EHL")]
    [InlineData("Assistant Director", "AD")]
    [InlineData("CSC & EH Management Team", "CSCEHMT")]
    [InlineData("of", "O")]
    public void Initials_are_written_as_services_write_them(string name, string initials)
    {
        Assert.Equal(initials, PersonNames.InitialsOf(name));
    }

    [Theory]
    [InlineData("HOS", "Head of Service", true)]
    [InlineData("hos", "Head of Service", true)]
    [InlineData("AD", "Assistant Director", true)]
    [InlineData("HS", "Head of Service", false)]
    [InlineData("H O S", "Head of Service", false)]
    [InlineData("HOS", "Service", false)]
    public void A_word_abbreviates_a_name_of_several_words(string abbreviation, string name, bool abbreviates)
    {
        Assert.Equal(abbreviates, PersonNames.Abbreviates(abbreviation, name));
    }

    [Theory]
    [InlineData("management team", "CSC & EH Management Team", true)]
    [InlineData("Management  Team", "CSC & EH Management Team", true)]
    [InlineData("team", "CSC & EH Management Team", false)]
    [InlineData("Service Manager", "Assistant Service Manager", false)]
    [InlineData("CSC & EH Management Team", "CSC & EH Management Team", false)]
    public void The_end_of_a_teams_name_names_the_team(string text, string team, bool names)
    {
        Assert.Equal(names, PersonNames.NamesTheEndOf(text, team));
    }

    [Theory]
    [InlineData("HOS", "Head of Service", "HoS", true)]
    [InlineData("HoS", "HOS", "HOS", true)]
    [InlineData("Head of Service (HoS)", "HOS", "HOS", true)]
    [InlineData("HOS (HOS)", "Head of Service", "HoS", true)]
    [InlineData("management team", "CSC & EH Management Team", "CSC & EH Management Team", true)]
    [InlineData("RG", "Rachel Green", "RG", true)]
    [InlineData("Rachel Green", "Rob Gray", "RG", false)]
    [InlineData("SM", "Head of Service", "HoS", false)]
    public void A_text_names_a_person_by_initials_name_or_both(string text, string name, string initials, bool names)
    {
        Assert.Equal(names, PersonNames.Names(text, name, initials, null));
    }

    [Theory]
    [InlineData("HOS", "HOS", "Head of Service", "HoS", true)]
    [InlineData("hos", "hos", "HOS", "HOS", true)]
    [InlineData("Rachel Green", "RG", "rachel green", "RG", true)]
    [InlineData("Rachel Green", "RG", "Rob Gray", "RG", false)]
    [InlineData("RG", "RG", "Rob Gray", "RG", true)]
    [InlineData("Head of Service", "HoS", "Assistant Director", "AD", false)]
    public void Entries_are_one_person_by_name_or_by_initials_written_alone(string nameA, string initialsA, string nameB, string initialsB, bool same)
    {
        Assert.Equal(same, PersonNames.Same(new NamedPerson(nameA, initialsA), new NamedPerson(nameB, initialsB)));
        Assert.Equal(same, PersonNames.Same(new NamedPerson(nameB, initialsB), new NamedPerson(nameA, initialsA)));
    }

    [Fact]
    public void The_leads_of_a_real_sheet_make_one_person_each()
    {
        string[] who =
        [
            "HOS", "Head of Service", "HoS", "hos", "CSC & EH Management Team", "EH lead", "", "hos & management team",
            "Assistant Director & Service Manager", "HOS (HOS)", "Head of Service (HoS)",
        ];

        var people = PersonNames.FromLeads(who);

        Assert.Equal(
            [
                new NamedPerson("Head of Service", "HoS"),
                new NamedPerson("CSC & EH Management Team", "CSC & EH Management Team"),
                new NamedPerson("EH lead", "EHL"),
                new NamedPerson("Assistant Director", "AD"),
                new NamedPerson("Service Manager", "SM"),
            ],
            people);
    }

    [Fact]
    public void A_list_of_people_keeps_two_full_names_with_the_same_initials_apart()
    {
        var people = PersonNames.Distinct([new("Rachel Green", "RG", "Service Manager"), new("Rob Gray", "RG"), new("rachel  green", "RG")]);

        Assert.Equal([new NamedPerson("Rachel Green", "RG", "Service Manager"), new NamedPerson("Rob Gray", "RG")], people);
    }

    [Theory]
    [InlineData("Head of Service", "HoS", "user-hos")]
    [InlineData("HOS", "HOS", "user-hos")]
    [InlineData("Rachel Green", "RG", "user-rg")]
    [InlineData("Rob Gray", "RG", "user-rg")]
    [InlineData("Assistant Director", "AD", null)]
    [InlineData("Sam Okafor", "SO", null)]
    public void A_new_person_takes_the_account_of_the_same_person_in_another_plan(string name, string initials, string? userId)
    {
        LinkedPerson[] linked =
        [
            new("Head of Service", "HoS", "user-hos"),
            new("Rachel Green", "RG", "user-rg"),
            new("Assistant Director", "AD", "user-ad-1"),
            new("Assistant Director", "AD", "user-ad-2"),
            new("Sam O", "SO", "user-so-1"),
            new("Sam Oak", "SO", "user-so-2"),
        ];

        Assert.Equal(userId, PersonNames.AccountFor(new NamedPerson(name, initials), linked));
    }
}
