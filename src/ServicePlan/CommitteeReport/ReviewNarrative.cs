namespace ServicePlan.CommitteeReport;

/// <summary>
/// What the plan owner writes for a review's cover report: the header details and the narrative sections.
/// Saved per review; a new review's report starts from the previous review's words.
/// </summary>
public sealed class ReviewNarrative
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; set; }

    public string Committees { get; set; } = "";
    public string Subject { get; set; } = "";
    public string ReportOf { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string AuthorTitle { get; set; } = "";
    public string? AuthorPhone { get; set; }
    public string? AuthorEmail { get; set; }

    public string Summary { get; set; } = "";
    public string Recommendation { get; set; } = ReportNarrative.DefaultRecommendation;
    public string Background { get; set; } = "";
    public string ImpactOnChildren { get; set; } = "";
    public string CorporateAndStrategic { get; set; } = "";
    public string Financial { get; set; } = "";
    public string Resource { get; set; } = "";
    public string Legal { get; set; } = "";
    public string Risk { get; set; } = "";
    public string Equalities { get; set; } = "";
    public string Climate { get; set; } = "";
    public string Security { get; set; } = "";
    public string Conclusion { get; set; } = "";

    /// <summary>One appendix a line, e.g. "Appendix 1 – Service Development Plan 2024-25".</summary>
    public string Appendices { get; set; } = "";

    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }

    public ReportNarrative ToReport() => new(
        Summary, Recommendation, Background, ImpactOnChildren, CorporateAndStrategic, Financial, Resource, Legal, Risk,
        Equalities, Climate, Security, Conclusion,
        Appendices.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>A copy for another review: the owner edits last quarter's words rather than starting again.</summary>
    public ReviewNarrative CopyFor(Guid reviewId)
    {
        var copy = new ReviewNarrative { ReviewId = reviewId };
        copy.TakeWordsFrom(this);
        return copy;
    }

    /// <summary>Takes every written field from another narrative, leaving identity, version and audit fields alone.</summary>
    public void TakeWordsFrom(ReviewNarrative other)
    {
        Committees = other.Committees;
        Subject = other.Subject;
        ReportOf = other.ReportOf;
        AuthorName = other.AuthorName;
        AuthorTitle = other.AuthorTitle;
        AuthorPhone = other.AuthorPhone;
        AuthorEmail = other.AuthorEmail;
        Summary = other.Summary;
        Recommendation = other.Recommendation;
        Background = other.Background;
        ImpactOnChildren = other.ImpactOnChildren;
        CorporateAndStrategic = other.CorporateAndStrategic;
        Financial = other.Financial;
        Resource = other.Resource;
        Legal = other.Legal;
        Risk = other.Risk;
        Equalities = other.Equalities;
        Climate = other.Climate;
        Security = other.Security;
        Conclusion = other.Conclusion;
        Appendices = other.Appendices;
    }
}
