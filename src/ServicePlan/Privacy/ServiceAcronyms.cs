namespace ServicePlan.Privacy;

/// <summary>
/// Short capitals that children's services write all the time and that are never a young person's initials: roles
/// ("HoS", "DTM"), services ("CIN", "CP", "UASC"), meetings and documents ("MACE", "PEP", "TOR"). The plan's own
/// people's initials come from <see cref="KnownNames.People"/> instead, because they differ from plan to plan.
/// </summary>
internal static class ServiceAcronyms
{
    private const string Acronyms = """
        AD ADCS ADHD AKA AM AMHP AP APR ASB ASD ASW ASYE BAME BCP BIA BME BSL BTP CA CAB CAF CAMHS CCE CCG CCTV CE CEO CEOP
        CHS CHSCB CHSCP CIC CICC CIN CIW CL CLA CLC CLS CME COL COLC CP CPD CPS CQC CRM CS CSA CSC CSE CSMT CSO CSPR CSW CV
        CWD CYP DA DAIS DAS DBS DCCS DCO DCS DD DFE DHSC DLA DLR DLT DMO DMT DOB DOH DOL DOLS DPH DPO DR DSCO DSL DSO DSP DTM
        DV DWP EDT EEY EET EH EHA EHC EHCP EHE EHL EHM EHRC ETA EU FAQ FE FGC FGM FSM FY GDPR GLA GP GPS HBV HCPC HE HMRC HO
        HOS HQ HR HRA ICB ICO ICS ICT ID IEP IFA IHA ILACS IQ IRO ISW IT ITV JTAI KPI LA LAC LADO LAS LASC LBH LBTH LCS LCSB
        LCSPR LFB LGA LGBT LGO LPS LSCB LSCP MA MACE MAPPA MARAC MASH MCA MET MH MHA MOD MOMO MOU MP MSC NB NCA NCB NEET NGO
        NHS NI NICE NPR NQSW NSPCC NTS OCD OK OT PA PCT PD PDP PE PEP PHD PHE PIP PLO PM PP PPG PPN PRU PS PSHE PSMT PTM PTSD
        QA QSW RAG RHA RHI RIP RO RQ RSE SALT SCR SDP SDQ SELTP SEMH SEN SEND SENDIAS SEF SGO SILP SIP SIRO SLA SLCN SLT SM
        SMART SMT SPOC SPR SRO SSE SSW STP SW SWE TAC TAF TBA TBC TBD TFL TM TOM TOR TSO UAE UASC UC UIFSM UK UKHSA UKVI UN
        UNCRC USA VA VAF VAWG VC VIP VS VSH WCC WHO YJB YJS YOS YOT YP YTD
        """;

    // Capitals that are ordinary words in an all-capitals heading ("SAFE AND WELL") or Roman numerals ("Part II").
    private const string CapitalWords = """
        A I IN ON TO OF OR AT BY IF IS IT AS AN BE DO GO NO SO UP US WE HE ME MY THE AND FOR BUT NOT ALL ARE WAS HAS HAD CAN
        MAY NEW OUR OUT ONE TWO SIX TEN WHO WHY HOW ITS YES ANY SEE USE DAY KEY OFF PER VIA NOW END DUE RED SET TOP LOW AGE BOY
        MUM DAD SON HIS HER SHE HIM YOU GET GOT LET PUT RUN WAY YET ETC OLD BIG ADD ASK AIM ACT JAN FEB MAR APR JUN JUL AUG SEP
        OCT NOV DEC II III IV VI VII VIII IX XI XII
        """;

    private static readonly HashSet<string> Set = new(
        (Acronyms + " " + CapitalWords).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string letters) => Set.Contains(letters);
}
