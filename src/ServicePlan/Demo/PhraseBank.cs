using ServicePlan.Sources;

namespace ServicePlan.Demo;

/// <summary>
/// The words generated plans are made of, taken from the council plans and committee reports in the seeds (2018-19 to
/// 2025-26): their sections, aims, actions, measures, experiences of children and progress comments, with their
/// abbreviations (DTM, CiC/CL, MACE/VAF, PLO, UASC, SEND) and their habits ("Jan:", "Sept:", "(QA Annual Report)").
/// A {slot} is filled from <see cref="Slots"/>, so a few hundred phrases make many thousands of different rows.
/// </summary>
internal static class PhraseBank
{
    public static readonly string[] Places =
    [
        "Ashbourne Vale", "Brackenford", "Calderbridge", "Dunmere", "Eastwold", "Fallowfield Downs", "Greyhaven", "Hartley Cross",
        "Ingleby", "Kestrel Bay", "Longmarsh", "Millbrook", "Northmoor", "Oakhurst", "Pennington", "Queensferry Heath",
        "Ravensworth", "Saltmarsh", "Thornbury Wells", "Upper Wickham", "Westerleigh", "Yarrowby", "Ambleton", "Birchcombe",
    ];

    public static readonly string[] CouncilKinds = ["Borough Council", "City Council", "County Council", "District Council", "Metropolitan Borough Council"];

    public static readonly string[] Services =
    [
        "Children's Social Care & Early Help", "Children's Social Care and Family Help", "Children and Families Service",
        "Early Help and Children's Social Care", "Children's Services",
    ];

    public static readonly string[] Boards =
    [
        "Achieving Excellence Board", "Safeguarding Sub-Committee", "Safeguarding and SEND Sub-Committee", "Children's Improvement Board",
        "Corporate Parenting Board",
    ];

    public static readonly string[] Strategies =
    [
        "Children and Young People's Plan; Early Help Strategy; Short Breaks Strategy",
        "Corporate Parenting Strategy/Early Help Strategy/Young Carer's Strategy/Children & Young People's Plan",
        "Sufficiency Strategy; SEND Strategy; Violence Against Women and Girls Strategy",
        "Children and Young People's Plan 2022-25; Family Help Strategy; Workforce Development Strategy",
    ];

    public static readonly string[] GivenNames =
    [
        "Rachel", "Heather", "Amanda", "Sadie", "Chris", "Theresa", "Georgina", "Roxanne", "Anna", "Sharon", "Judith", "Andrew",
        "Priya", "Tomasz", "Kemi", "Declan", "Fatima", "Owen", "Bethan", "Marcus", "Aisha", "Gareth", "Niamh", "Samuel",
    ];

    public static readonly string[] FamilyNames =
    [
        "Green", "Smith", "Morres", "Carnegie", "Pelham", "Shortland", "Talmage", "Finlay", "Carter", "Okafor", "Haddad", "Nowak",
        "Adeyemi", "Byrne", "Rahman", "Lloyd", "Whitfield", "Osei", "Pritchard", "Durcan", "Ellison", "Brennan", "Ahmed", "Kowalski",
    ];

    /// <summary>Section headings as plans write them, capitals and colons included.</summary>
    public static readonly string[] Sections =
    [
        "Safe", "Potential", "Voice, involvement & choice", "Independence", "Health & Wellbeing", "Community", "System development",
        "Children in Need", "children in care", "care leavers", "Early Help", "Identified via colleagues in the service:",
        "Audit 2024 service wide recommendations", "BLACK LIVES MATTER & Racism", "Covid-19 recovery", "Exploitation and youth violence",
        "Domestic abuse", "SEND and short breaks", "Workforce development", "Participation and co-production",
    ];

    /// <summary>A section whose actions are kept although done, so a dip in practice would be seen.</summary>
    public const string OversightSection = "OFSTED RECOMMENDATION from ILACS retained for oversight";

    /// <summary>Sources as aims name them in brackets, with the kind the source register files them under.</summary>
    public static readonly (string Title, SourceKind Kind)[] SourceTitles =
    [
        ("QA Annual Report", SourceKind.Audit),
        ("Action for Children", SourceKind.ChildrenAndYoungPeople),
        ("Staff feedback", SourceKind.Staff),
        ("Adolescent Safeguarding SEF", SourceKind.Other),
        ("Ofsted ILACS inspection", SourceKind.OfstedRecommendation),
        ("Independent audit (Aidhour)", SourceKind.Audit),
        ("CiC/CL development group", SourceKind.ChildrenAndYoungPeople),
        ("Children in Care Council", SourceKind.ChildrenAndYoungPeople),
        ("Parent Carer Forum", SourceKind.ParentsAndCarers),
        ("Self Evaluation", SourceKind.Other),
        ("Workforce survey", SourceKind.Staff),
        ("Child Q serious case review", SourceKind.SeriousCaseReview),
        ("Performance data", SourceKind.PerformanceData),
        ("Achieving Excellence Board", SourceKind.Board),
        ("Independent review of children's social care", SourceKind.Research),
    ];

    public static readonly string[] Aims =
    [
        "All families have a clear reason for involvement in the {process} process",
        "Children and families have a timely focussed experience within pre proceedings PLO work",
        "{Staff} to have been on refresher {training} training",
        "Review the practice of, and guidance for, assessment planning and oversight (including s47 enquiries)",
        "Improve the timeliness and quality of {assessment}",
        "Develop identification and response to {risk}",
        "Pathway plans are written with the young person, and include health, keywork and educational input post 18",
        "Young people (care leavers) to have practice opportunities managing finance, in addition to individual keywork sessions",
        "To build expertise in direct work that supports resilience and wellbeing",
        "Every young person knows about the advocacy service and how to use it",
        "Clear options publicised for older children with SEN and their families",
        "Semi independent accommodation is safe and of good quality",
        "Continue to improve our understanding of the cultural practices and lifestyles of the young people in our care",
        "Staff team share expertise and learn from one another through group supervision",
        "Strengthen a culture of trust and support from senior leaders",
        "Children who are neglected in affluent families are identified and safeguarded",
        "Services with children at risk of exploitation have good quality data informing their practice",
        "Kinship care - in line with the care review - clarity on our offer",
        "Young Carer support recommissioned, need to review the offer in line with the care review",
        "Pilot group supervision as a peer exercise facilitated by the Clinical Lead",
        "{Post} recruitment - team stability as the current postholder moves to a new role",
        "Strengthen the service for children with SEND and their parent carers",
        "Children at risk of {risk} are identified early and supported to be safe",
        "The voice of the child is clear all the way through {document}",
        "The supervision of social workers consistently demonstrates reflective, analytical supervision and clear management oversight",
        "Increase opportunities for contact between children in care, care leavers and councillors",
        "Strengthen equalities and inclusion in how we monitor and deliver the service",
        "To give every child known to our service the best start aged 0-4",
        "Our children and young people grow up with a sense of belonging as part of cohesive and resilient communities",
    ];

    public static readonly string[] AimReasons =
    [
        "following feedback from families",
        "as audit shows this is not yet consistent",
        "so that learning is manageable and sustained",
        "in line with the care review",
        "as identified in our self evaluation",
        "to keep sight on the Ofsted recommendation",
        "as the number of children open to the service has risen",
        "so that children are not waiting for the help they need",
    ];

    public static readonly string[] Actions =
    [
        "{Post} to chair the first {meeting} and review progress at the third.",
        "Recruit, interview and induct a new {Post}; retain the current post holder until they begin.",
        "All frontline staff and managers to book on {training} training and apply it in casework.",
        "Face to face meeting with the {partner} to agree how referrals are made and escalated.",
        "{Post} and {Post} further develop practice standards regarding s47 and assessment planning.",
        "Create terms of reference collectively with staff and run monthly sessions.",
        "Review, refresh and approve the {offer} for the year and publish it on the local offer website.",
        "Develop a clear escalation pathway for these children if not already in place.",
        "Work with commissioning to issue poor performance notices and speed up work using commissioned providers.",
        "Use a mixed model of independent and internal social workers whilst the rest of the team are trained.",
        "Invite and consult health, education and keyworkers to the reviews of {document}.",
        "Provide formal training, with resources that can be stored and used again.",
        "Team manager to attend {meeting} and use that knowledge in 121s and team meetings.",
        "Update the risk assessment tool and pathways in respect of contextual safeguarding.",
        "Share staff views with the {group} and amend the process so it is aligned with systemic practice.",
        "Phase out use of the current contractor and train all social workers in-house.",
        "Bespoke training to be arranged for social workers, and consideration given to rolling this out to the {partner}.",
        "{Post} to audit and improve risk assessment before and after every review of {document}.",
        "Commission a {offer} and agree the contract, monitoring and reporting requirements.",
        "Present data to every {meeting}, with analysis of trends by protected characteristic.",
        "Promote the {offer} with managers and raise it at the {group}.",
        "Put a paper to CSMT about how to make it happen, with costs and options.",
        "Translate the guidance into easy read and community languages and share it with families.",
        "Hold a workshop with the {partner} to agree shared practice standards.",
    ];

    public static readonly string[] Measures =
    [
        "Audit shows {quality} {document}.",
        "{Document} evidences {evidence}.",
        "Minutes of the {meeting} evidence discussion and outcome.",
        "Workforce development list evidences attendance.",
        "Family feedback following the first {meeting}.",
        "Process map in place and in use.",
        "Practice standards updated and shared with the team.",
        "{Post} in post.",
        "Offer published on the local offer website.",
        "Case records evidence {evidence}.",
        "Data is presented at the {meeting} every quarter.",
        "One page assurance report to CSMT.",
        "Children's files show {evidence}.",
        "Survey of young people shows better knowledge of the {offer}.",
        "Contract monitoring has the required data.",
        "Staff feedback shows a clear understanding of role, remit and decision making.",
    ];

    public static readonly string[] Experiences =
    [
        "Consistent good quality social work supporting them and their family.",
        "Receiving the right support at the right time from a highly skilled team of workers.",
        "Children thrive in the care of their extended family.",
        "Children have the opportunity to play and to be with other children who share their experiences.",
        "Young people feel listened to and can see how their views changed what we do.",
        "Support that makes daily life better.",
        "Children and young people are safe at home, at school and in the community.",
        "Young people are well prepared for adulthood and know where to go for help.",
        "Families understand why we are involved and what needs to change.",
        "Children have a stable home and trusted relationships with the adults around them.",
        "Children with SEND get the help they need without having to wait or repeat their story.",
        "Care leavers access apprenticeships, thereby improving their employment and life chances.",
        "Their carers will know about the support available and how to access it.",
        "Children's identity, culture and heritage are understood and celebrated.",
    ];

    public static readonly string[] Comments =
    [
        "{Post} in place and chairing meetings.",
        "Process agreed and in use; audit shows good oversight.",
        "Staff booked on to training, two staff mid assessment.",
        "This needs follow up and needs to fit within the intense training plan for staff.",
        "Current offer in place. Review not yet started.",
        "Our offer already matches that required by the care review. New will be the promotion of the offer.",
        "Paper still needed; feedback on the formal induction session was good.",
        "Performance data has been missing from the {meeting} whilst systems improved.",
        "Fully embedded. Minutes do not yet reflect the fullness of the case discussions.",
        "Contract in place for one more year.",
        "Monthly sessions held and terms of reference in place.",
        "Awaiting a proposal from the provider; tracked in monthly commissioning meetings.",
        "Audit evidences good timely work for young people.",
        "This is still work in progress. {Post} taking this forward.",
        "Not started due to vacancies in the team; to be picked up next quarter.",
        "Details emailed to the team and raised at the {group}.",
        "Session with young people booked for the February half term.",
        "Delayed by the restructure; a new date has been agreed with the {partner}.",
    ];

    public static readonly Dictionary<string, string[]> Slots = new(StringComparer.Ordinal)
    {
        ["process"] = ["CIN", "child protection", "Early Help", "pre-proceedings", "pathway planning"],
        ["Staff"] = ["Staff", "Frontline staff", "Managers", "Social workers", "Early Help practitioners"],
        ["training"] = ["contextual safeguarding", "Modern Day Slavery", "systemic practice", "trauma informed practice", "age assessment", "domestic abuse"],
        ["assessment"] = ["age assessments", "child and family assessments", "return home interviews", "health assessments", "private fostering assessments"],
        ["risk"] = ["adolescent neglect", "exploitation", "county lines", "online harm", "domestic abuse", "going missing"],
        ["document"] = ["pathway plans", "child in need plans", "chronologies", "case records", "supervision notes", "PEPs"],
        ["Document"] = ["The case file", "Supervision record", "Team meeting minutes", "The CiC/CL development group", "The QA tracker"],
        ["Post"] = ["DTM", "Team Manager", "Service Manager", "Deputy Team Manager", "Head of Service", "IRO", "Clinical Lead", "VSH"],
        ["meeting"] = ["CIN planning meeting", "MACE/VAF meeting", "Permanency Tracking Meeting", "LASC meetings", "strategic placement group", "CiC/CL development group"],
        ["partner"] = ["Head of School", "City Police", "commissioning team", "Education Safeguarding Forum", "health partners", "SENDIAS"],
        ["offer"] = ["young carer offer", "short breaks offer", "kinship care offer", "advocacy service", "internship offer", "leaving care local offer"],
        ["group"] = ["CSMT", "Achieving Excellence Board", "managers' meeting", "People SMT", "CiC/CL service improvement group"],
        ["quality"] = ["consistently good quality", "good", "improved", "timely and purposeful"],
        ["evidence"] = ["good immigration awareness", "the child's voice throughout", "a face to face interpreter was booked", "management oversight of decisions", "use of the health passport", "multi agency input"],
    };

    public static readonly string[] Teams = ["CSC & EH Management Team", "Early Help Team", "Commissioning"];

    /// <summary>How comments begin, as the seeds' leads write them: the month of the review.</summary>
    public static readonly string[] MonthPrefixes = ["Jan:", "Sept:", "Nov:", "January:", "July:", "Oct:", "Apr:"];
}
