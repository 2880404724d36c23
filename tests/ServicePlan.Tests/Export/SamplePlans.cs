using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.Tests.Export;

/// <summary>Plans for the export tests, with the awkward cases real plans have.</summary>
public static class SamplePlans
{
    public const string Title = "Service Development Plan 2024-25";
    public const string FormulaComment = "=HYPERLINK(\"http://evil.example\",\"Click here\")";
    public const string MultiLineMeasure = "Minutes of workshops available.\nSecond workshop in diary.";

    /// <summary>
    /// Three sections (one with no actions), a continuation row, every rating and an unrated action, a cell with line
    /// breaks, a formula-looking comment, a bulleted cell, and commas and quotes.
    /// </summary>
    public static PlanTable Sample() => new(
        new PlanHeader(
            Title,
            Service: "Children's Social Care & Early Help",
            Period: new FinancialYear(2024),
            Owner: "Rachel Talmage",
            MonitoringBoard: "Children's Services Management Team",
            RelevantStrategies: "Children and Young People's Plan",
            ReviewFrequency: "Quarterly",
            Aims: "The actions of the September 2023 self evaluation and the February 2024 audit, for monitoring, update and impact review.",
            CreatedWithIdeasFrom: "Staff, Independent Audit Feb 2024",
            ImplementationDate: new DateOnly(2024, 4, 1),
            ReviewDate: new DateOnly(2024, 7, 1)),
        People:
        [
            new PlanTablePerson("Rachel Talmage", "RT", "Head of Service"),
            new PlanTablePerson("Sam Okafor", "SO", null),
        ],
        Sections:
        [
            new PlanTableSection("Identified via colleagues in the service:",
            [
                Row("1.1", "Deputy Team Manager recruitment - team stability.", "HoS", "Advertises, interviews and recruits a new Deputy Team Manager.", "May-24", "DTM in post", "Consistent good quality social work.", Rating.Blue, "New postholder starts with us on 5 July."),
                Row("1.2", "", "HoS", "Induction of deputy team manager.", "Jul-24", "Induction checklist signed.", "Support that makes daily life better.", Rating.Red, "Induction delayed: \"no start date\" yet."),
                Row("1.3", "Feedback from Duty workers - police thresholds for sharing PPN too low.", "HOS", "Joins police and HOS to workshop PPNs.", "", MultiLineMeasure, "No state intervention where not needed.", Rating.Amber, "- first workshop held\n- second in diary"),
            ]),
            new PlanTableSection("Findings from Annual Survey of Children and Young People", []),
            new PlanTableSection("Audit 2024 service wide recommendations",
            [
                Row("2.1", "Add sexual orientation to the personal information tab on mosaic.", "HOS", "Completes formal request to IT.", "May-24", "Section used and in place on mosaic.", "No presumption of heterosexuality.", Rating.Green, FormulaComment),
                Row("2.2", "Strengthen work with young people with sexually harmful behaviours.", "HoS", "Reviews training offer for workers.", "Jul-24", "Training has been offered to workers.", "Confident and skilled workforce.", Rating.None, ""),
            ]),
        ]);

    /// <summary>A plan with only a title and the fields every plan has, to show empty header fields are left out.</summary>
    public static PlanTable Bare() => new(
        new PlanHeader("Bare plan", null, new FinancialYear(2025), null, null, null, "Quarterly", null, null, null, null), [],
        [new PlanTableSection("Only section", [Row("1", "Aim", "Lead", "Action", "", "", "", Rating.None, "")])]);

    /// <summary>A plan of the given number of actions, five to an objective and fifty to a section.</summary>
    public static PlanTable Large(int actions)
    {
        Rating[] ratings = [Rating.Blue, Rating.Red, Rating.Amber, Rating.Green, Rating.None];
        var sections = Enumerable.Range(0, (actions + 49) / 50).Select(s => new PlanTableSection(
            $"Section {s + 1}",
            [.. Enumerable.Range(s * 50, Math.Min(50, actions - (s * 50))).Select(i => Row(
                $"{s + 1}.{(i % 50) + 1}",
                i % 5 == 0 ? $"Objective {(i / 5) + 1}: a reason given in a sentence or two, as real plans do." : "",
                "HoS",
                $"Action {i + 1}: does something specific that can be checked.",
                "Mar-25",
                "Minutes show it was done.",
                "Children get the right help at the right time.",
                ratings[i % ratings.Length],
                $"Comment on action {i + 1}."))]));
        return Sample() with { Sections = [.. sections] };
    }

    private static PlanTableRow Row(string reference, string why, string who, string doesWhat, string byWhen, string measure, string experience, Rating rating, string comment) =>
        new(reference, why, who, doesWhat, byWhen, measure, experience, rating, comment);
}
