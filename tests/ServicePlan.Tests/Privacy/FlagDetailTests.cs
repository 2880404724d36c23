using ServicePlan.Privacy;

namespace ServicePlan.Tests.Privacy;

public sealed class FlagDetailTests
{
    private const string Comment = "Q3 2019-20 comment on progress";

    [Fact]
    public void A_flag_says_where_what_and_exactly_which_characters()
    {
        const string text = "Jan: Amira Hussain moved; call 07700 900123.";

        var flags = PersonalDataCheck.Scan([new TextToPublish("Action 12 – comment on progress (Q3 2019-20)", text)], SeedPlan.Known);

        Assert.Equal(2, flags.Count);
        var name = flags[0];
        Assert.Equal("Action 12 – comment on progress (Q3 2019-20)", name.Location);
        Assert.Equal(PersonalDataKind.PersonalName, name.Kind);
        Assert.Equal("Amira Hussain", name.Found);
        Assert.Equal(5, name.Start);
        Assert.Equal(13, name.Length);
        var phone = flags[1];
        Assert.Equal(PersonalDataKind.PhoneNumber, phone.Kind);
        Assert.Equal("07700 900123", phone.Found);
        Assert.Equal(31, phone.Start);
        Assert.Equal(12, phone.Length);
    }

    [Fact]
    public void Flags_follow_the_order_of_the_texts_and_carry_each_texts_location()
    {
        TextToPublish[] texts =
        [
            new("Action 1 – comment", "Sept: Jayden said he feels safer."),
            new("Action 2 – comment", "Sept: DTM in place."),
            new("Action 3 – aim", "Ensure YP AB and CD have their health histories; DOB 12/03/2011 recorded."),
        ];

        var flags = PersonalDataCheck.Scan(texts, SeedPlan.Known);

        Assert.Equal(
            [
                ("Action 1 – comment", PersonalDataKind.PersonalName, "Jayden"),
                ("Action 3 – aim", PersonalDataKind.Initials, "AB and CD"),
                ("Action 3 – aim", PersonalDataKind.DateOfBirth, "DOB 12/03/2011"),
            ],
            flags.Select(f => (f.Location, f.Kind, f.Found)));
    }

    [Fact]
    public void A_reason_names_what_was_found_in_plain_words()
    {
        var flag = Assert.Single(SeedPlan.Scan("Jayden said he feels safer."));

        Assert.Equal("Looks like a child's first name (Jayden) that is not one of the plan's people", flag.Reason);
    }

    [Theory]
    [InlineData("Jayden Smith was seen", "Jayden Smith")]
    [InlineData("sibling Tyrone", "sibling")]
    [InlineData("Adebowale (aged 9)", "age")]
    [InlineData("case no. 4521987", "case")]
    [InlineData("(77870, 77686)", "long number standing alone")]
    [InlineData("YP AB and CD attended", "AB, CD")]
    [InlineData("born on 4 May 2012", "date of birth")]
    [InlineData("14 Farringdon Road", "street address")]
    [InlineData("EC2Y 8DS", "postcode")]
    [InlineData("07700 900123", "mobile phone number")]
    [InlineData("kacper.nowak@gmail.com", "not the author's")]
    public void Every_reason_explains_the_clue_that_raised_it(string text, string explained)
    {
        var flags = SeedPlan.Scan(text);

        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.Contains(explained, f.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void An_e_mail_address_is_one_flag_and_not_also_a_name()
    {
        var flag = Assert.Single(SeedPlan.Scan("Send to Jayden.Smith@example.org today"));

        Assert.Equal(PersonalDataKind.EmailAddress, flag.Kind);
        Assert.Equal("Jayden.Smith@example.org", flag.Found);
    }

    [Fact]
    public void Initials_of_the_plans_people_pass_and_others_in_the_same_list_are_flagged()
    {
        var flags = SeedPlan.Scan("Actions for RG, HS and AM; YP JK and LM to be invited.");

        var flag = Assert.Single(flags);
        Assert.Equal("JK and LM", flag.Found);
    }

    [Fact]
    public void A_full_name_that_shares_only_a_first_name_with_one_of_the_plans_people_is_flagged()
    {
        var flag = Assert.Single(SeedPlan.Scan("Rachel Jones attended with her mother"));

        Assert.Equal("Rachel Jones", flag.Found);
    }

    [Fact]
    public void A_surname_of_one_of_the_plans_people_with_a_title_passes()
    {
        Assert.Empty(SeedPlan.Scan("Mrs Smith chaired the panel"));
    }

    [Fact]
    public void Allowed_phone_numbers_match_however_they_are_spaced()
    {
        var known = SeedPlan.Known with { AllowedPhoneNumbers = ["020 7332 3501"] };

        Assert.Empty(SeedPlan.Scan("Call +44 (0)20 7332 3501 or 02073323501", known));
        Assert.Single(SeedPlan.Scan("Call 020 7332 3502", known));
    }

    [Fact]
    public void Empty_texts_and_an_empty_plan_give_no_flags()
    {
        Assert.Empty(PersonalDataCheck.Scan([], KnownNames.None));
        Assert.Empty(PersonalDataCheck.Scan([new TextToPublish("Action 1", ""), new TextToPublish("Action 2", "   ")], KnownNames.None));
    }

    [Fact]
    public void A_large_plan_is_checked_in_one_pass_with_every_flag_found()
    {
        var texts = Enumerable.Range(1, 2000)
            .Select(i => new TextToPublish(
                $"Action {i} – {Comment}",
                i % 100 == 0
                    ? "Jan: Jayden moved placement and his social worker visited within timescales; the DTM reviewed the plan."
                    : "Jan: TM has been more thorough (evidenced in audit) in decision making. New DTM is having induction on recording decisions. Audit evidences good timely work for young people, and the CiCC met the Lord Mayor."))
            .ToList();

        var flags = PersonalDataCheck.Scan(texts, SeedPlan.Known);

        Assert.Equal(20, flags.Count);
        Assert.All(flags, f => Assert.Equal("Jayden", f.Found));
    }
}
