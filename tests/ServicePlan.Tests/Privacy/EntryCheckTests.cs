using ServicePlan.Privacy;

namespace ServicePlan.Tests.Privacy;

public sealed class EntryCheckTests
{
    private static readonly KnownNames Known = new(["Rachel Talmage", "RT", "Sam Okafor"], ["Action for Children", "City of London"], ["rachel.talmage@council.example"]);

    public static TheoryData<string, string, PersonalDataKind?, string?> Cases => new()
    {
        // field, text, what is found (null: nothing), the words found
        { "Comment on progress", "Sept: Jayden Whitfield-Oyelaran joined the group.", PersonalDataKind.PersonalName, "Jayden Whitfield-Oyelaran" },
        { "Comment on progress", "Young person's DOB 03/04/2015 recorded on file.", PersonalDataKind.DateOfBirth, null },
        { "Does what?", "Call the family on 07700 900123 each week.", PersonalDataKind.PhoneNumber, "07700 900123" },
        { "How will we know it has been done?", "Replies sent to kacper.nowak@gmail.com.", PersonalDataKind.EmailAddress, "kacper.nowak@gmail.com" },
        { "Comment on progress", "Sept: Rachel Talmage presented the audit to Action for Children.", null, null },
        { "Comment on progress", "Sam Okafor contacted the City of London team.", null, null },
        { "Comment on progress", "Questions answered by rachel.talmage@council.example.", null, null },
        { "Who?", "HoS & management team", null, null },
        { "By when?", "Oct-24", null, null },
        { "Comment on progress", "   ", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_text_about_to_be_saved_is_flagged_only_for_what_looks_like_a_childs_personal_data(string field, string text, PersonalDataKind? kind, string? found)
    {
        var findings = EntryCheck.Check([new EnteredText(field, text)], Known);

        if (kind is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings, f => f.Kind == kind);
        Assert.Equal(field, finding.Field);
        if (found is not null)
            Assert.Equal(found, finding.Found);
    }

    [Fact]
    public void The_message_is_the_checks_own_words_tied_to_the_field()
    {
        const string text = "Sept: Jayden Whitfield-Oyelaran joined the group.";

        var finding = Assert.Single(EntryCheck.Check([new EnteredText("Comment on progress", text)], Known));

        var flag = Assert.Single(PersonalDataCheck.Scan([new TextToPublish("anywhere", text)], Known));
        Assert.Equal(flag.Reason, finding.Message);
        Assert.Equal($"Comment on progress: {flag.Reason}", finding.Described);
    }

    [Fact]
    public void Each_text_is_checked_as_it_will_be_stored_trimmed_and_findings_keep_the_order_of_the_fields()
    {
        EnteredText[] texts =
        [
            new("Does what?", "   Call 07700 900123.   "),
            new("Comment on progress", null),
            new("Comment on progress", "Jayden Whitfield-Oyelaran joined."),
        ];

        var findings = EntryCheck.Check(texts, Known);

        Assert.Equal(["Does what?", "Comment on progress"], findings.Select(f => f.Field));
        Assert.Equal("07700 900123", findings[0].Found);
    }

    [Fact]
    public void Two_fields_with_the_same_label_keep_their_own_findings()
    {
        EnteredText[] texts = [new("Survey – You said", "Ask Jayden Whitfield-Oyelaran."), new("Survey – You said", "Call 07700 900123.")];

        var findings = EntryCheck.Check(texts, Known);

        Assert.Equal([PersonalDataKind.PersonalName, PersonalDataKind.PhoneNumber], findings.Select(f => f.Kind));
    }

    public static TheoryData<bool, bool, string?, bool, string?> Saving => new()
    {
        // anything found, confirmed, reason → may save, error
        { false, false, null, true, null },
        { false, true, null, true, null },
        { true, false, null, false, null },
        { true, false, "A member of staff", false, null },
        { true, true, null, false, EntryCheck.ReasonMissing },
        { true, true, "   ", false, EntryCheck.ReasonMissing },
        { true, true, new string('x', 1001), false, EntryCheck.ReasonTooLong },
        { true, true, "Jordan is a member of staff, not a child", true, null },
    };

    [Theory]
    [MemberData(nameof(Saving))]
    public void A_save_with_findings_goes_ahead_only_when_confirmed_with_a_reason(bool found, bool confirmed, string? reason, bool maySave, string? error)
    {
        IReadOnlyList<EntryFinding> findings = found ? [new EntryFinding("Comment on progress", "Jayden", PersonalDataKind.PersonalName, "Looks like a child's first name")] : [];

        Assert.Equal(maySave, EntryCheck.MaySave(findings, confirmed, reason, out var actual));
        Assert.Equal(error, actual);
    }

    [Fact]
    public void The_fingerprint_changes_when_something_new_is_found_but_not_with_the_order()
    {
        var name = new EntryFinding("Comment on progress", "Jayden", PersonalDataKind.PersonalName, "m");
        var phone = new EntryFinding("Comment on progress", "07700 900123", PersonalDataKind.PhoneNumber, "m");

        Assert.Equal(EntryCheck.Fingerprint([name, phone]), EntryCheck.Fingerprint([phone, name]));
        Assert.NotEqual(EntryCheck.Fingerprint([name]), EntryCheck.Fingerprint([name, phone]));
        Assert.NotEqual(EntryCheck.Fingerprint([name]), EntryCheck.Fingerprint([name with { Field = "Does what?" }]));
    }
}
