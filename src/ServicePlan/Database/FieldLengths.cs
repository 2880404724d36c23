namespace ServicePlan.Database;

/// <summary>
/// The most characters each field people type may hold, written once: the EF mappings size the columns from these,
/// the forms check against them and quote them in their messages, and the importer reads them back from the model,
/// so a limit cannot be changed in one place and missed in another.
/// </summary>
public static class FieldLengths
{
    public const int PlanTitle = 300;
    public const int PlanService = 300;
    public const int PlanOwner = 300;
    public const int PlanMonitoringBoard = 300;
    public const int PlanReviewFrequency = 100;

    /// <summary>The header's paragraphs (aims, relevant strategies, "created with ideas from"): unbounded columns, kept to this by the form.</summary>
    public const int PlanHeaderText = 4000;
    public const int SectionTitle = 500;
    public const int PersonName = 200;
    public const int PersonInitials = 60;
    public const int PersonRole = 200;

    public const int ActionRef = 40;
    public const int ActionWho = 500;
    public const int ActionByWhen = 500;

    /// <summary>
    /// "Does what?", "How will we know it has been done?" and "What will be the experience of children?": their
    /// columns are unbounded, so an imported sheet is never cut short, but the form keeps what is typed to this.
    /// </summary>
    public const int ActionText = 4000;

    /// <summary>Which paragraph of Schedule 12A makes an action or a comment exempt.</summary>
    public const int ExemptParagraph = 200;

    public const int ProgressComment = 4000;
    public const int ReviewLabel = 100;

    public const int SourceTitle = 500;
    public const int SourceReference = 200;

    /// <summary>A recommendation, or one half of "You said, we did": a paragraph or two, not a report.</summary>
    public const int SourceText = 4000;

    public const int YouSaidWeDidTitle = 200;
    public const int YouSaidWeDidIntroduction = 4000;
    public const int ApiKeyName = 100;
    public const int PersonalDataReason = 1000;
    public const int RemovedBy = 256;
    public const int AuditSummary = 2000;
}
