namespace ServicePlan.Privacy;

/// <summary>
/// Words that start sentences and fill headings in a service plan. A capitalised word that follows a first name is
/// only read as a surname when it is not one of these, so "May Committee" and "Amber Actions" are not names.
/// </summary>
internal static class CommonWords
{
    private const string Words = """
        a about above after again against all along also always am among an and another any are around as at away back be
        because been before behind being below beside between beyond both but by can could did do does doing done down during
        each either else enough even ever every except few first for from further had has have having he her here hers him his
        how however i if in including inside into is it its itself just last least less like many may me might more most much
        must my near neither never new next no nor not now of off often old on once one only onto or other our ours out outside
        over own past per perhaps please same several shall she should since so some soon still such than thank thanks that the
        their theirs them then there these they this those though through throughout till to today together tomorrow too toward
        towards two three four five six seven eight nine ten under until up upon us very via was we well were what when where
        whether which while who whom whose why will with within without would yes yet you your yesterday second third
        accepted agreed aim aims applied apply arrange arranged asked attended attends awaiting began begin being booked build
        built came carried chaired chairs check checked closed come comes complete completed confirmed consider considered contact
        contacted continue continues continued create created creates decided declined delivered develop developed develops did
        discussed discusses due embedded ensure ensured ensures evidence evidenced evidences explore explored facilitates feels felt
        finished follow followed further gave give given goes going had has held help helped hold holds implement implemented
        improve improved include included includes invite invited invites joined joins keep kept lead leads led lives look looked
        made make meet meets met move moved moves need needed needs noted noting offer offered offers open opened placed plan
        planned promote promoted promotes provide provided provides raised reached read received recorded refer referred refers
        remain remains reported requested review reviewed reviews run runs said saw says see seen sent set share shared shares
        show showed shows signed start started starts stay stayed supported supports take taken takes told took undertaken
        update updated updates use used uses using visited visits wait waited want wanted went work worked working works wrote
        action actions activities activity adolescent adolescents adoption adult adults advice advocacy agency agencies agenda
        allocation analysis annual appendix apprentice apprentices apprenticeship apprenticeships area areas assessment
        assessments assistant asylum audit audited audits authorities authority award background black blue board boards borough
        brag brown budget care carer carers case cases chair chairman champion champions change changes child children
        circumstances city clinical clinician college comment comments commissioning committee communities community complete
        conference conferences consultation contract contracts corporate corporation council councillor councillors court courts
        criminal data day days decision decisions department deputy designated development director directorate disabilities
        disability domestic duty early education employment evaluation excellence exploitation families family feedback file
        files finance financial forum foster fostering framework front frontline fund funding gangs governance green group groups
        guidance half handbook head health help high home homes housing hub impact implications improvement independent
        information inspection internal internship interpreter interpreters judgement judgment key leader leaders leadership
        leaver leavers leisure letter level lead local looked management manager managers meeting meetings member members mental
        minutes missing month monthly months national neglect network networks notes notice nurse objective objectives offer
        officer officers order orders organisation organisations outcome outcomes page panel paper parent parents partner
        partners partnership partnerships pathway people performance period person placement placements plan plans police policy
        policies post practice practitioner practitioners priority programme programmes progress project projects protection
        provider providers provision quality quarter quarterly rating ratings record records recommendation recommendations red
        referral referrals report reports research resident residents review risk risks safe safeguarding safety school schools
        section senior service services session sessions short social specialist staff standard standards status strategic
        strategies strategy summary supervision support survey surveys system systemic systems target targets team teams tenancy
        term therapy timescales total tracker training transition treatment trust unaccompanied unit update visit voice week
        weekly welcome white work worker workers workforce workshop workshops year years young youth amber inclusion equality
        equalities diversity wellbeing emotional physical sexual harm abuse violence offending justice refugee refugees migrant
        migrants seekers seeking council's children's people's service's city's ofsted cafcass mosaic camhs nhs gp
        january february march april june july august september october november december jan feb mar apr jun jul aug sep sept
        oct nov dec monday tuesday wednesday thursday friday saturday sunday christmas easter summer winter spring autumn
        london england britain wales scotland ireland europe english british uk street road avenue lane
        part parts death overview poverty trafficking slavery sexual criminal arrangements benefit rights friendly centred
        focused focussed first solutions dept las sec admin admins
        mr mrs ms miss mx dr prof professor sir dame lord lady cllr alderman mayor
        """;

    private static readonly HashSet<string> Set = new(Words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string word) => Set.Contains(word);
}
