using ServicePlan.CommitteeReport;
using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Tests.CommitteeReport;

/// <summary>
/// A quarterly cover report in the words of seeds 001 and 004 and the 2024-25 sheet (seed 002): three sections, a
/// continuation row, every rating and an unrated action, key achievements, amber and red areas for development, and
/// something withheld from the public paper.
/// </summary>
public static class SampleReports
{
    public const string Subject = "Children's Social Care and Early Help Service Development Plan 2024–25: quarter 3 update";
    public const string PlanTitle = "Service Development Plan 2024-25";
    public const string AuthorEmail = "rachel.talmage@example.gov.uk";

    public const string RedComment = "Current offer in place. Review not yet started.";
    public const string AmberComment = "First workshop held. Second workshop with police trainers in the diary for March.";
    public const string SecondAmberComment = "Form completed to IT & alert to performance on reporting. It looks like we can't add it to the personal details section, but can include it on our case summaries.";
    public const string ScriptPayload = "<script>alert('exempt data')</script>";
    public const string WithheldLeadIn = "Exempt information has been withheld from this public report under Schedule 12A of the Local Government Act 1972:";
    public const string WithheldItem = "The comment on progress of action 3.1 (Schedule 12A, paragraph 2: information likely to reveal the identity of an individual).";

    public static CoverReport Quarterly() => Report(Appendix(), keyAchievements:
    [
        new ReportAction("1.1", "Identified via colleagues in the service:", "Recruits a new Deputy Team Manager", Rating.Blue, "New postholder started with us on 5 July, with a handover from the current postholder."),
        new ReportAction("2.2", "Audit 2024 service wide recommendations", "Team meeting on the law and practice of DoLS orders", Rating.Blue, "Refreshed DoLS training undertaken by managers. Learning used with current children's casework."),
    ]);

    /// <summary>The same report over a generated appendix of the given number of actions, fifty to a section.</summary>
    public static CoverReport WithActions(int actions)
    {
        Rating[] ratings = [Rating.Blue, Rating.Red, Rating.Amber, Rating.Green, Rating.None];
        var sections = Enumerable.Range(0, (actions + 49) / 50).Select(s => new PlanTableSection(
            $"Section {s + 1}",
            [.. Enumerable.Range(s * 50, Math.Min(50, actions - (s * 50))).Select(i => new PlanTableRow(
                $"{s + 1}.{(i % 50) + 1}",
                i % 5 == 0 ? $"Objective {(i / 5) + 1}: a reason given in a sentence or two, as real plans do (Independent audit)." : "",
                "HoS",
                $"Action {i + 1}: does something specific that can be checked, by the date given.",
                "Mar-25",
                "Minutes show it was done. Audit shows the difference it made.",
                "Children get the right help at the right time, from workers who know them.",
                ratings[i % ratings.Length],
                $"Jan: comment on action {i + 1}, saying what was done this quarter and what is next."))]));
        var appendix = Appendix() with { Sections = [.. sections] };
        return Report(appendix, keyAchievements: []);
    }

    private static CoverReport Report(PlanTable appendix, IReadOnlyList<ReportAction> keyAchievements)
    {
        var rows = appendix.Sections.SelectMany(section => section.Rows).ToList();
        var areas = rows
            .Where(row => row.Rating is Rating.Red or Rating.Amber)
            .Select(row => new ReportAction(row.Ref, "", row.DoesWhat, row.Rating, row.LatestComment))
            .ToList();

        return new CoverReport(
            new ReportHeader(
                Committees: "Achieving Excellence Board – For Information\nSafeguarding and SEND Sub-Committee – For Information",
                Date: new DateOnly(2025, 2, 10),
                Subject: Subject,
                IsPublic: true,
                ReportOf: "Judith Finlay, Executive Director of Community and Children's Services",
                AuthorName: "Rachel Talmage",
                AuthorTitle: "Head of Children's Social Care and Early Help",
                AuthorPhone: "020 7946 0734",
                AuthorEmail: AuthorEmail,
                PlanTitle: PlanTitle,
                ReviewLabel: "Q3 2024-25"),
            Narrative(),
            RatingCounts.Of(rows.Select(row => row.Rating)),
            keyAchievements,
            areas,
            Overdue: [.. areas.Where(area => area.Rating == Rating.Red)],
            appendix,
            Withheld: [WithheldItem]);
    }

    private static ReportNarrative Narrative() => new(
        Summary: """
            The Service Development Plan has been updated to provide evidence of progress in the last quarter with the work of the Children's Social Care and Early Help Service.

            The cover report highlights work that has had a good impact on children and families, and where further drive to complete work is needed.
            """,
        Recommendation: ReportNarrative.DefaultRecommendation,
        Background: """
            The Service Development Plan sets out objectives that aim to improve outcomes for children and their families. Objectives are drawn from listening to children and families, from staff, from audit and from the Achieving Excellence Board.

            The source of an objective is listed in brackets in the first column. In this way we can evidence 'you said, we did' to our children and young people and other partners.
            """,
        ImpactOnChildren: """
            Consistency: children receive a more consistent service, as new and current social workers have an up-to-date practice handbook and clear guidance.

            Value: care leavers have said that they liked having the Deputy Team Manager chair their pathway plan reviews.
            """,
        CorporateAndStrategic: "People are safe and feel safe: children's social care and early help services aim to improve safety and reduce harm.",
        Financial: "No additional funds are sought.",
        Resource: "",
        Legal: "The change in immigration rules around citizenship is to be added to the Care Leaver offer.",
        Risk: "There is a risk to children and their families if services are not responsive and of a high standard.",
        Equalities: "",
        Climate: "",
        Security: "None.",
        Conclusion: "The Service Development Plan is driving our development work forward. Audit has helped benchmark our progress, and our work plan for January to March is robust.",
        Appendices: [$"Appendix 1 – {PlanTitle}"]);

    private static PlanTable Appendix() => new(
        new PlanHeader(
            PlanTitle,
            Service: "Children's Social Care & Early Help",
            Period: new FinancialYear(2024),
            Owner: "Rachel Talmage",
            MonitoringBoard: "Achieving Excellence Board",
            RelevantStrategies: "Children and Young People's Plan",
            ReviewFrequency: "Quarterly",
            Aims: "The actions of the September 2023 self evaluation and the February 2024 audit, for monitoring, update and impact review.",
            CreatedWithIdeasFrom: "Staff, Independent Audit Feb 2024",
            ImplementationDate: new DateOnly(2024, 4, 1),
            ReviewDate: new DateOnly(2025, 1, 15)),
        People: [new PlanTablePerson("Rachel Talmage", "RT", "Head of Service")],
        Sections:
        [
            new PlanTableSection("Identified via colleagues in the service:",
            [
                new("1.1", "Deputy Team Manager recruitment - team stability, as the current postholder is moving to a senior social worker role.", "HoS", "Advertises, interviews and recruits a new Deputy Team Manager.", "May-24", "DTM in post", "Consistent good quality social work supporting them and their family.", Rating.Blue, "New postholder started with us on 5 July, with a handover from the current postholder."),
                new("1.2", "", "HoS", "Induction of the new Deputy Team Manager.", "Jul-24", "Induction checklist signed.", "Support that makes daily life better.", Rating.Green, "Induction under way; shadowing booked."),
                new("1.3", "Pilot group supervision as a peer exercise facilitated by the Clinical Lead.", "HOS", "Creates terms of reference collectively with staff. Runs monthly sessions.", "Apr-24", "Group supervision summaries on children's files.", "Receiving the right support at the right time from a highly skilled team.", Rating.Blue, "Monthly sessions held and terms of reference in place."),
                new("1.4", "Kinship care - in line with the care review - clarity on offer.", "HOS", "Kinship care strategy updated and a clear offer approved for 2024.", "Oct-24", "Strategy in place and on the family information website.", "Children thrive in the care of their extended family.", Rating.Green, "Our offer already matches the care review's funding support."),
                new("1.5", "Young Carer support recommissioned; need to review the offer in line with the care review.", "hos", "Reviews, refreshes and approves the young carer offer for 2024.", "Oct-24", "Young carer offer on website.", "Children have the opportunity to play and to be with other young carers.", Rating.Red, RedComment),
                new("1.6", "Feedback from Duty workers - police thresholds for sharing PPNs too low.", "HOS", "Joins police and HOS for Quality Assurance to workshop PPNs.", "", "Minutes of workshops available.", "Children and families will not have state intervention where not needed.", Rating.Amber, AmberComment),
            ]),
            new PlanTableSection("Audit 2024 service wide recommendations",
            [
                new("2.1", "Add sexual orientation to the personal information tab on mosaic (Independent audit).", "HOS", "Completes a formal request to IT to add sexuality to the person ID tab.", "May-24", "Section used and in place on mosaic.", "Children and parents will not experience a presumption of heterosexuality.", Rating.Amber, SecondAmberComment),
                new("2.2", "Service level recommendation from the Independent Audit Feb 2024.", "HoS", "Training and a team meeting on the law and practicalities of DoLS orders.", "Jun-24", "Training log evidences attendance.", "This group of children benefit from skilled and experienced staff.", Rating.Blue, "Refreshed DoLS training undertaken by managers.\nLearning used with current children's casework."),
                new("2.3", "", "HoS", "HoS ensures the training is in each worker's appraisal targets.", "Sep-24", "Half year review of appraisals shows attendance.", "as above", Rating.Green, "Appraisals under way."),
            ]),
            new PlanTableSection("care leavers",
            [
                new("3.1", "Request from social workers to strengthen understanding of our care leaver offer.", "HOS", "Runs monthly group work co-facilitated by our new care leaver apprentice.", "Jul-24", "Timetable of topics shared with young people.", "Care leavers understand the City Corporation's offer.", Rating.Green, "Sessions running monthly."),
                new("3.2", "Our care leaver offer needed a full rewrite, in line with the care leaver covenant.", "HOS", "Takes the care leaver offer through governance for decision.", "Jun-24", "Care leaver offer published on the website.", "as above.", Rating.Blue, "Published in July."),
                new("3.3", "Strengthening transition and independence preparation.", "HOS", "Strengthens the transition offer.", "01-Dec-24", "Minutes show the offer expanded.", "Children practise age appropriate independence.", Rating.None, ScriptPayload),
            ]),
        ]);
}
