using ServicePlan.Import;
using ServicePlan.Privacy;

namespace ServicePlan.Tests.Privacy;

// Real text from the seeds: comments on progress and aims that were published and must pass, and the case-file audit
// and reports whose record numbers must be caught.
public sealed class SeedTextTests
{
    [Theory]
    // Seed 003, the 2019-20 plan appendix, "Comments" column.
    [InlineData("Sept: DTM in place, SM chaired first CIN meeting of most recent case.")]
    [InlineData("Chris Pelham and Theresa Shortland have been to meet the head at Sir John Cass. No new referrals from the school.")]
    [InlineData("Nov: local safety and with IFAs local safety discussed. Safety session booked with Safer London CiCC in February half term.")]
    [InlineData("Jan: TM has been more thorough (evidenced in audit) in decision making. New DTM is having induction on recording decisions.")]
    [InlineData("January: practice standards have been updated and refreshed - these are now in the form of a practice handbook. A one minute guide to s47 is underway (3 page document in place)")]
    [InlineData("Jan 2020: Data shows good use of RHIs. Missing from care procedures have been updated. Contract monitoring has required data. Director and Service Manager have met with Action for Children on quality and timeliness of RHIs.")]
    [InlineData("Jan 20: Affluent neglect training given to Education and Early Years team and social care and early help team. Referenced in casework. Research shared with CAFCASS.")]
    [InlineData("Sept: one YP had interpreter for planned op. Doctor impressed and happy with provision. Op cancelled due to NHS staff shortages. Will rebook face to face intepreter when rescheduled.")]
    [InlineData("January 2020: Lead UASC social work in place. Team manager fully conversant in migration related work and participates in LASC monthly meetings. Audit evidences good timely work for young people.")]
    [InlineData("Sept: Roxanne is the lead social worker for UASC DTM in place")]
    [InlineData("Jan: TOR updated. Community reps & housing have been invited to MACE. Gangs profile of Tower Hamlets in place. Rory from Safeguarding Children's Partnerhsip attended.")]
    [InlineData("Jan: Rachel is on mailing list. Sharon C is going to the Network meetings on behalf of the City.")]
    [InlineData("Jan: Now systemic classes have finished, Heather attending each. Audit show good oversight on SEND.")]
    [InlineData("Jan: Georgina is the practice lead, November audits very good. Joint EEY & CSC & EH disability workshop in place 10 Feb.")]
    [InlineData("Jan: Pilot has been agreed. Publicity will be out 27 Jan.")]
    [InlineData("January 2020: Service Manager had worked with Hackney on a proposal ready August 2020. Director decided against that proposal and has sought a new option via Coram/Tavistock. Joint meeting held early January. Awaiting a proposal. Tracked in monthly commissioning/service manager meetings.")]
    [InlineData("Invite Clare Yassin (MH Clinical lead) to meet the CiCC and discuss support available.")]
    [InlineData("Jan 20: Anna has completed health audit & has run a session with social workers about UASC and health.")]
    [InlineData("Jan: Town Clerk and Director DCCS met CiCC young people who were clear that they struggle with having to do so much ESOL before being able to work.")]
    [InlineData("Jan 2020: this aim is now closed. Despite research there are no further leads. Work is being undertaken 121 and in the CiCC on location based safety.")]
    [InlineData("Contact the Refugee Council and LASC for intelligence on the Sudanese Centre in Shepherds Bush and follow up any leads.")]
    [InlineData("Invite & consult prospects (Kim), health, education and keyworkers to each pathway plan review.")]
    [InlineData("Sept: Sadie has completed commissioning work, is visiting successful providers in September.")]
    [InlineData("Sept: on agenda for CiC/CL group agenda.")]
    [InlineData("Jan 20: new audit cycle in place, which is proportionate to staff. Systemic clinical used well. Systemic day planned.")]
    [InlineData("Team support officer provides two addressed cards for the Lord Mayor and social worker to write in and sign, and send for every child looked after and care leaver.")]
    [InlineData("Rachel Green Heather Smith Amanda Morres Sadie Carnegie RG HS AM SC")]
    [InlineData("HS/AM/ SaC")]
    // Seed 002, the 2024-25 plan, "Comments on progress" and "Why?" columns.
    [InlineData("New postholder starts with us on 5 July. At which time the current post holder will move to the senior social worker role, with handover.")]
    [InlineData("Jan 2022: TOM complete. DTM position is now permanent and postholder in the role permanently.")]
    [InlineData("2 of our care leavers offered apprenticeships - one accepted and is in role. One declined as wanted to pursue a career at an airport (note could pursue the travel and tourism apprenticeship here in the city after her college course).")]
    [InlineData("15/04/24 - The Red Cross is used regularly, recommendations were to be sought at LASC group to see if there are any other options available to use. HOS to follow up with TM as to whether there were any other agencies recommended.")]
    [InlineData("Red Cross Tracing Service is the one to use. No alternative. This is widely used. We know that young people use their community networks with churches/mosques to find family globally.")]
    [InlineData("Implement a consent form for young people to give agreement to contact other agencies/workers involved to discuss and agree a plan for all to work towards. Roxi to develop.")]
    [InlineData("Child Q serious case review shows systemic racism causing harm to children. Black children need seeing as children, with safeguarding considered first.")]
    [InlineData("Staff attended the last SELTP conference (May) this was valued. Anti racist leadership and supporting minoretised staff discussed and what good looks like explored by facilitators.")]
    [InlineData("Joins pan London DSCO network to share ideas and good practice. Joins DMO/DCO & Hackney DSCO to bring about closer working and joint service development. To create a DSCO action plan.")]
    [InlineData("UASC lead/systemic lead/CWD lead/child's voice lead areas work well. The others need more support. This will take place in September with the management team - with the new DTM")]
    [InlineData("Form completed to IT & Alert to performance on reporting. I looks like we can't add into the personal details section, but can include on our case summaries.")]
    [InlineData("Joins police and HOS for Quality Assurance and Safeguarding to workshop PPNs (police notifications - In the met Police called merlins). Session to be held on police protection with police trainers.")]
    [InlineData("Training/ team meeting about the law and practicalities about how to manage a DOLS order. HoS to ensure training is on each worker's appraisal targeted.")]
    [InlineData("Successful advocating led to one child having an EHCP assessment. Evidence on other children's files about advocating for SEN support in school.")]
    [InlineData("UPDATE:Ofsted focus visit evidences good oversight in CIN/Front door. We have created our first automated CL report. Using that rather than spreadsheets has shown gaps in recording for CL. Work plan in place.")]
    [InlineData("1 Action learning set on recording in April. 1 coaching session for DTM on recording.")]
    [InlineData("Our service identified gap - new EH presentations by white families have EHCP in place, new EH presentations for minority children show level of learning need but no EHCP application in place.")]
    // Seed 001, a cover report's key achievements.
    [InlineData("Staff participated in Hackney's Contextual Safeguarding Board.")]
    [InlineData("This is due to an increase in UASC arriving in the City, and because the Croydon Rota stopped as a result.")]
    [InlineData("There are: 25 tasks marked blue, 0 tasks marked red, 8 tasks marked amber, 32 tasks marked green")]
    public void Published_seed_text_passes_with_the_plans_people_and_organisations_known(string text)
    {
        var flags = SeedPlan.Scan(text);

        Assert.True(flags.Count == 0, SeedPlan.Describe(flags));
    }

    [Fact]
    public void Every_cell_of_the_2024_25_plan_fixture_passes()
    {
        // The seed 002 plan as the import fixture: 9 columns of real published text, from aims to comments on progress.
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "TestData", "sdp-2024-25.csv"));
        var texts = CsvReader.ReadRows(reader)
            .SelectMany(row => row.Cells.Select((cell, column) => new TextToPublish($"line {row.Line}, column {column + 1}", cell)))
            .ToList();

        var flags = PersonalDataCheck.Scan(texts, SeedPlan.Known);

        Assert.True(texts.Count > 200, $"only {texts.Count} cells read");
        Assert.True(flags.Count == 0, string.Join("; ", flags.Select(f => $"{f.Location}: {f.Kind} \"{f.Found}\"")));
    }

    [Fact]
    public void Staff_named_in_a_comment_are_flagged_until_they_are_among_the_plans_people()
    {
        const string text = "Chris Pelham and Theresa Shortland have been to meet the head at Sir John Cass. No new referrals from the school.";
        var withoutStaff = new KnownNames([], SeedPlan.Organisations, []);

        var flags = SeedPlan.Scan(text, withoutStaff);

        Assert.Equal(["Chris Pelham", "Theresa Shortland"], flags.Select(f => f.Found));
        Assert.All(flags, f => Assert.Equal(PersonalDataKind.PersonalName, f.Kind));
        Assert.Empty(SeedPlan.Scan(text));
    }

    [Theory]
    // Seed 003, the case-file audit: children are cited by their record numbers.
    [InlineData("Summaries that are prepared ahead of LAC reviews and CP plans are very helpful in measuring distance travelled but the quality of recordings of the Core Group Meetings that were audited seemed less effective (77870, 77686).", new[] { "77870", "77686" })]
    [InlineData("For example, 71570 where the family had been referred previously following a suicide attempt and then re-opened to support a young person with developing a CV and applying for work when she was already engaged in education and in CAMHS service.", new[] { "71570" })]
    [InlineData("2.11 Fathers are absent in some assessment reports (100291, 83526, 72697).", new[] { "100291", "83526", "72697" })]
    [InlineData("This has been an issue commented on in previous audit programmes and some improvement is noted in this audit, for example in 77686 and his sibling 77687.", new[] { "77686", "77687" })]
    [InlineData("2.18 Case 84586 is a good example of where a social worker has worked hard to engage with a young person who frequently goes missing, to understand his pattern of behaviour and reduce (successfully) his missing episodes.", new[] { "Case 84586" })]
    [InlineData("2.19 Case 103751 provides strong evidence of good quality direct work.", new[] { "Case 103751" })]
    [InlineData("There is evidence of good partnership working with Tenancy Support Officers (71813).", new[] { "71813" })]
    [InlineData("The IRO \"footprint\" is apparent on all but a very few files with evidence of timely midpoint reviews (94436 and 83206, siblings who have been placed with prospective adopters).", new[] { "94436", "83206" })]
    [InlineData("Furthermore, the Assistant Director meets with a looked after child (84586) in order to ensure his care was within expectations.", new[] { "84586" })]
    // Seed 004, a cover report's footnote: an Ofsted reference, public, but the owner is asked to say so.
    [InlineData("50260648 Ofsted: Inspection of Local Authority Children's Services published 5 November 2024", new[] { "50260648" })]
    // Seed 000, a footnote: the same kind of reference inside a web address.
    [InlineData("¹ <https://files.ofsted.gov.uk/v1/file/50149902> accessed 19 May 2021", new[] { "50149902" })]
    public void Record_numbers_in_seed_text_are_caught(string text, string[] numbers)
    {
        var flags = SeedPlan.Scan(text);

        Assert.Equal(numbers, flags.Select(f => f.Found));
        Assert.All(flags, f => Assert.Equal(PersonalDataKind.CaseNumber, f.Kind));
    }

    [Fact]
    public void A_number_in_a_web_address_says_so_in_its_reason()
    {
        var flag = Assert.Single(SeedPlan.Scan("¹ <https://files.ofsted.gov.uk/v1/file/50149902> accessed 19 May 2021"));

        Assert.Contains("web address", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_authors_contact_block_of_a_seed_report_passes_when_the_author_is_known()
    {
        var known = SeedPlan.Known with { AllowedPhoneNumbers = ["020 7332 3501"] };

        var flags = SeedPlan.Scan("Rachel Green\nService Manager, Children's Social Care and Early Help\nT: 020 7332 3501\nE: rachel.green@cityoflondon.gov.uk", known);

        Assert.True(flags.Count == 0, SeedPlan.Describe(flags));
    }

    [Fact]
    public void Another_officers_contact_details_in_a_seed_report_are_flagged()
    {
        // Seed 003, the foot of the performance report.
        var flags = SeedPlan.Scan("Chloe Rew\nSenior Performance Analyst\nT: 020 7332 1427\nE: chloe.rew@cityoflondon.gov.uk");

        Assert.Equal(
            [PersonalDataKind.PersonalName, PersonalDataKind.PhoneNumber, PersonalDataKind.EmailAddress],
            flags.Select(f => f.Kind));
    }
}
