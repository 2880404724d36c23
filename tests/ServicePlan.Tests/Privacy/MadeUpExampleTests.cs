using ServicePlan.Privacy;

namespace ServicePlan.Tests.Privacy;

// Made-up children's personal data of the kinds that slip into comments on progress, and made-up plan text that looks
// a little like it but must pass. The plan's people here are the 2019-20 plan's (Rachel Green, Heather Smith, …).
public sealed class MadeUpExampleTests
{
    [Theory]
    [InlineData("Jayden (aged 9) was seen at home", PersonalDataKind.PersonalName, "Jayden")]
    [InlineData("Amira Hussain moved placement", PersonalDataKind.PersonalName, "Amira Hussain")]
    [InlineData("Kacper Nowak has a new school place", PersonalDataKind.PersonalName, "Kacper Nowak")]
    [InlineData("The home visit to Ibrahim was cancelled", PersonalDataKind.PersonalName, "Ibrahim")]
    [InlineData("Priya's foster carer requested respite", PersonalDataKind.PersonalName, "Priya")]
    [InlineData("Fatima, aged 15, missed her PEP", PersonalDataKind.PersonalName, "Fatima")]
    [InlineData("Mr Okoye collected the children", PersonalDataKind.PersonalName, "Mr Okoye")]
    [InlineData("Mrs Begum attended the review", PersonalDataKind.PersonalName, "Mrs Begum")]
    [InlineData("Sept: sibling Tyrone moved to the same carer", PersonalDataKind.PersonalName, "Tyrone")]
    [InlineData("her brother Kwabena has been referred to CAMHS", PersonalDataKind.PersonalName, "Kwabena")]
    [InlineData("Adebowale (aged 12) is on a CP plan", PersonalDataKind.PersonalName, "Adebowale")]
    [InlineData("The young person Grace Adeyemi was placed out of borough", PersonalDataKind.PersonalName, "Grace Adeyemi")]
    [InlineData("her sister Ruby was also seen", PersonalDataKind.PersonalName, "Ruby")]
    [InlineData("baby Holly was discharged from hospital", PersonalDataKind.PersonalName, "Holly")]
    [InlineData("Will Thompson was placed in foster care", PersonalDataKind.PersonalName, "Will Thompson")]
    [InlineData("Jan: Zara and her mum attended the CIN meeting", PersonalDataKind.PersonalName, "Zara")]
    [InlineData("YP AB and CD attended", PersonalDataKind.Initials, "AB and CD")]
    [InlineData("JS, AB and KL were discussed at MACE", PersonalDataKind.Initials, "JS, AB and KL")]
    [InlineData("Child J.S. was referred", PersonalDataKind.Initials, "J.S.")]
    [InlineData("Audit of child A.B. found good direct work", PersonalDataKind.Initials, "A.B.")]
    [InlineData("Visit to YP TK overdue", PersonalDataKind.Initials, "TK")]
    [InlineData("Sept: YP (AB) had an RHI", PersonalDataKind.Initials, "AB")]
    [InlineData("Tyrone, 14 years old, missing overnight", PersonalDataKind.PersonalName, "Tyrone")]
    [InlineData("DOB 12/03/2011", PersonalDataKind.DateOfBirth, "DOB 12/03/2011")]
    [InlineData("Referred by school; born on 4 May 2012", PersonalDataKind.DateOfBirth, "born on 4 May 2012")]
    [InlineData("Date of birth: 21.07.2009", PersonalDataKind.DateOfBirth, "Date of birth: 21.07.2009")]
    [InlineData("He was born in 2011 in Eritrea", PersonalDataKind.DateOfBirth, "born in 2011")]
    [InlineData("Age assessment says 03/01/2008 is his date of birth", PersonalDataKind.DateOfBirth, "03/01/2008")]
    [InlineData("lives at 14 Farringdon Road", PersonalDataKind.Address, "14 Farringdon Road")]
    [InlineData("moved to EC2Y 8DS last month", PersonalDataKind.Postcode, "EC2Y 8DS")]
    [InlineData("now in Flat 3 with her aunt", PersonalDataKind.Address, "Flat 3")]
    [InlineData("call 07700 900123 after school", PersonalDataKind.PhoneNumber, "07700 900123")]
    [InlineData("Mum's landline is 020 7946 0018", PersonalDataKind.PhoneNumber, "020 7946 0018")]
    [InlineData("foster carer on +44 7700 900456", PersonalDataKind.PhoneNumber, "+44 7700 900456")]
    [InlineData("email kacper.nowak@gmail.com", PersonalDataKind.EmailAddress, "kacper.nowak@gmail.com")]
    [InlineData("case no. 4521987 closed", PersonalDataKind.CaseNumber, "case no. 4521987")]
    [InlineData("see case number 4521", PersonalDataKind.CaseNumber, "case number 4521")]
    [InlineData("NHS 943 476 5919", PersonalDataKind.CaseNumber, "NHS 943 476 5919")]
    [InlineData("Mosaic ID 1234567", PersonalDataKind.CaseNumber, "Mosaic ID 1234567")]
    [InlineData("ref 1234567 on the Mosaic record", PersonalDataKind.CaseNumber, "ref 1234567")]
    [InlineData("ID 12345", PersonalDataKind.CaseNumber, "ID 12345")]
    [InlineData("CN12345 was stepped down to EH", PersonalDataKind.CaseNumber, "CN12345")]
    [InlineData("EH/1234 closed in March", PersonalDataKind.CaseNumber, "EH/1234")]
    [InlineData("NI number JN 12 34 56 C held on file", PersonalDataKind.CaseNumber, "JN 12 34 56 C")]
    [InlineData("Audit of 4412873 showed drift", PersonalDataKind.CaseNumber, "4412873")]
    public void Childrens_personal_data_is_flagged(string text, PersonalDataKind kind, string found)
    {
        var flags = SeedPlan.Scan(text);

        var flag = Assert.Single(flags);
        Assert.Equal(kind, flag.Kind);
        Assert.Equal(found, flag.Found);
    }

    [Fact]
    public void Several_kinds_in_one_comment_are_each_flagged_in_order()
    {
        var flags = SeedPlan.Scan("Chloe Brown (DOB 01/02/2012) moved to 7 Whitecross Street; carer on 07700 900789.");

        Assert.Equal(
            [
                (PersonalDataKind.PersonalName, "Chloe Brown"),
                (PersonalDataKind.DateOfBirth, "DOB 01/02/2012"),
                (PersonalDataKind.Address, "7 Whitecross Street"),
                (PersonalDataKind.PhoneNumber, "07700 900789"),
            ],
            flags.Select(f => (f.Kind, f.Found)));
    }

    [Fact]
    public void Two_childrens_names_in_one_sentence_are_two_flags()
    {
        var flags = SeedPlan.Scan("Olivia and Noah stayed with their aunt over half term.");

        Assert.Equal(["Olivia", "Noah"], flags.Select(f => f.Found));
    }

    [Theory]
    [InlineData("Amber actions are reviewed in May")]
    [InlineData("Grace period agreed with the provider")]
    [InlineData("Will be reviewed in June 2025")]
    [InlineData("May Committee noted the plan")]
    [InlineData("Hope is that the CP, CIN and CiC teams share one duty rota")]
    [InlineData("Mark the action complete when the TOR is signed off")]
    [InlineData("Summer programme for children aged 5-11 was well attended")]
    [InlineData("Child Q serious case review")]
    [InlineData("Learning from Child Q shared at the Safeguarding Partnership")]
    [InlineData("Action for Children survey 2020 shows good use of the pledge")]
    [InlineData("EHCP applications reviewed by the VSH")]
    [InlineData("Head of Service (HoS) chaired the MACE")]
    [InlineData("Tracked by the QA, IT and HR teams")]
    [InlineData("Rachel Green and Heather Smith met the CIN team")]
    [InlineData("Contact rachel.green@cityoflondon.gov.uk for the minutes")]
    [InlineData("Contact RACHEL.GREEN@CityOfLondon.gov.uk for the minutes")]
    [InlineData("Staff at Sir John Cass School attended the training")]
    [InlineData("Referrals from St Mary's Hospital rose in Q3")]
    [InlineData("Consultation with the Anna Freud Centre is booked")]
    [InlineData("Meeting on 12/03/2024 with the SEND team")]
    [InlineData("Age assessments completed by 30/09/2019 for all new arrivals")]
    [InlineData("Referrals rose from 1,234 to 1,456 this year")]
    [InlineData("Budget of £125000 agreed for short breaks")]
    [InlineData("Section 17 of the Children Act 1989 applies")]
    [InlineData("Practice Standard 5 in the Practice Handbook should be referred to")]
    [InlineData("NSPCC helpline 0808 800 5000 shared with carers")]
    [InlineData("Q3 2019-20 review held; 2 of 12 actions rated amber")]
    [InlineData("Children aged 0-4 in EH/CIN/CP plans benefit from the pilot")]
    [InlineData("An organisation called Inclusive Solutions will run the workshop")]
    [InlineData("One Child Death Overview Panel referral was made")]
    [InlineData("CHILDREN IN CARE AND CARE LEAVERS")]
    [InlineData("The Elizabeth Garrett Anderson School joined the network")]
    [InlineData("Birthday cards are sent by the Lord Mayor to every child looked after")]
    [InlineData("Dr Patel from the GP surgery attended the strategy meeting")]
    [InlineData("Cllr Mary Durcan visited the team")]
    [InlineData("Referral from Queen Elizabeth Hospital")]
    [InlineData("The Grace Foundation funded the trip")]
    [InlineData("Sessions at Hope Street Centre continue")]
    [InlineData("Admin's summary of the quarter.")]
    [InlineData("Deputy Team Manager recruitment HoS - team stability as current postholder is successful in applying for a senior Social worker role with us.")]
    [InlineData("have joined 2 DSCO sessions so far, and will review with EH lead and Team Manager Social Care")]
    public void Plan_text_that_only_looks_like_personal_data_passes(string text)
    {
        // Roles the plan lists among its people, as the council's own sheets do.
        var flags = SeedPlan.Scan(text, SeedPlan.Known with { People = [.. SeedPlan.People, "Service Manager", "SM", "Assistant Director", "AD"] });

        Assert.True(flags.Count == 0, SeedPlan.Describe(flags));
    }

    [Theory]
    [InlineData("Summer's mum attended the CIN meeting", "Summer")]
    [InlineData("The social worker visited Grace at home", "Grace")]
    [InlineData("Hope (aged 9) was seen alone", "Hope")]
    [InlineData("Mr King collected the children", "Mr King")]
    [InlineData("Ivy Brown moved placement", "Ivy Brown")]
    [InlineData("Social worker visited Wojciech Kowalczyk at home", "Wojciech Kowalczyk")]
    [InlineData("Support for Chukwuemeka continues through the Virtual School", "Chukwuemeka")]
    [InlineData("Jan: Nguyễn Thị Hương started college", "Nguyễn Thị Hương")]
    [InlineData("The IRO met Siobhán before the review", "Siobhán")]
    public void Finds_names_never_seen_before_and_names_that_are_words_when_the_sentence_says_person(string text, string found)
    {
        var flag = Assert.Single(SeedPlan.Scan(text));

        Assert.Equal(found, flag.Found);
    }

    [Theory]
    [InlineData("In the summer the team ran three activity days")]
    [InlineData("Green space at the family centre was refurbished")]
    [InlineData("We hope to complete the audit by March")]
    [InlineData("Young people from Eritrea and Sudan attended the drop-in")]
    [InlineData("Referrals from Islington rose in Q3")]
    [InlineData("Safeguarding Children's Partnerhsip attended")]
    public void Ordinary_uses_of_words_that_are_also_names_pass(string text)
    {
        var flags = SeedPlan.Scan(text);

        Assert.True(flags.Count == 0, SeedPlan.Describe(flags));
    }

    [Fact]
    public void Months_in_dates_are_not_names()
    {
        var flags = SeedPlan.Scan("Reviewed 4 May 2024, again in June and on 1 August; Jan 2025 to follow. April-June sessions held.");

        Assert.Empty(flags);
    }
}
