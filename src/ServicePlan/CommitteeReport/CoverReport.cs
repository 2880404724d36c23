using ServicePlan.Plans;
using ServicePlan.Progress;

namespace ServicePlan.CommitteeReport;

/// <summary>
/// The committee cover report for one review, as the council template of the seeds lays it out: everything the .docx,
/// html and json formats need. Figures and lists come from the data; narrative is written by the plan owner.
/// A public report has had exempt content taken out already, and says where in <see cref="Withheld"/>.
/// </summary>
public sealed record CoverReport(
    ReportHeader Header,
    ReportNarrative Narrative,
    RatingCounts Counts,
    IReadOnlyList<ReportAction> KeyAchievements,
    IReadOnlyList<ReportAction> AreasForDevelopment,
    IReadOnlyList<ReportAction> Overdue,
    PlanTable Appendix,
    IReadOnlyList<string> Withheld);

/// <summary>The header table of the cover report, and the author's contact block at its end.</summary>
public sealed record ReportHeader(
    string Committees,
    DateOnly Date,
    string Subject,
    bool IsPublic,
    string ReportOf,
    string AuthorName,
    string AuthorTitle,
    string? AuthorPhone,
    string? AuthorEmail,
    string PlanTitle,
    string ReviewLabel)
{
    /// <summary>The Schedule 12A paragraphs of the exempt content a report that is not public shows, as its header names them.</summary>
    public IReadOnlyList<string> ExemptParagraphs { get; init; } = [];
}

/// <summary>
/// The owner's words, section by section. Each text may hold several paragraphs separated by blank lines; each becomes a
/// numbered paragraph in the main report (Summary and Recommendation are not numbered, as in the seeds).
/// </summary>
public sealed record ReportNarrative(
    string Summary,
    string Recommendation,
    string Background,
    string ImpactOnChildren,
    string CorporateAndStrategic,
    string Financial,
    string Resource,
    string Legal,
    string Risk,
    string Equalities,
    string Climate,
    string Security,
    string Conclusion,
    IReadOnlyList<string> Appendices)
{
    public const string DefaultRecommendation = "Members are asked to note the report.";
}

/// <summary>An action as the report lists it: its ref, section, what is done, its rating and its latest comment.</summary>
public sealed record ReportAction(string Ref, string Section, string DoesWhat, Rating Rating, string Comment);
