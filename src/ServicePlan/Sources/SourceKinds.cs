namespace ServicePlan.Sources;

/// <summary>The kinds of source in the words the register and the public page use.</summary>
public static class SourceKinds
{
    public static IReadOnlyList<SourceKind> All { get; } = Enum.GetValues<SourceKind>();

    public static string Name(this SourceKind kind) => kind switch
    {
        SourceKind.OfstedRecommendation => "Ofsted recommendation",
        SourceKind.Inspection => "Inspection",
        SourceKind.Audit => "Audit",
        SourceKind.ChildrenAndYoungPeople => "Children and young people",
        SourceKind.ParentsAndCarers => "Parents and carers",
        SourceKind.Staff => "Staff",
        SourceKind.Board => "Board",
        SourceKind.SeriousCaseReview => "Serious case review",
        SourceKind.Research => "Research",
        SourceKind.PerformanceData => "Performance data",
        SourceKind.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of source."),
    };

    /// <summary>The people who told us: the sources a "You said, we did" page answers.</summary>
    public static bool IsVoice(SourceKind kind) =>
        kind is SourceKind.ChildrenAndYoungPeople or SourceKind.ParentsAndCarers or SourceKind.Staff;

    /// <summary>Inspectors and auditors write recommendations; the register keeps their words.</summary>
    public static bool HasRecommendation(SourceKind kind) =>
        kind is SourceKind.OfstedRecommendation or SourceKind.Inspection or SourceKind.Audit;

    /// <summary>The heading a child or parent reads on the public page, in the first person plural the page speaks in.</summary>
    public static string WhoToldUs(SourceKind kind) => kind switch
    {
        SourceKind.ChildrenAndYoungPeople => "What children and young people told us",
        SourceKind.ParentsAndCarers => "What parents and carers told us",
        SourceKind.Staff => "What our staff told us",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only children, families and staff are on the page."),
    };

    /// <summary>A status in plain words: short enough for a tag, clear to a ten-year-old.</summary>
    public static string PlainWords(this WeDidStatus status) => status switch
    {
        WeDidStatus.Done => "Done",
        WeDidStatus.Doing => "Doing it now",
        WeDidStatus.Planned => "Going to do it",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status."),
    };

    /// <summary>Reads a kind from a query string or form ("Audit", "audit"); null for anything else.</summary>
    public static SourceKind? Parse(string? text) =>
        Enum.TryParse<SourceKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _) ? kind : null;
}
